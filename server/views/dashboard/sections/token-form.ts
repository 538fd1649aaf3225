/** The token form: user, organisation, API, breaking switches; the minted token with a copy button. */
import { esc } from '../html.js'
import type { DashboardView } from '../view.js'

export function tokenSection (view: DashboardView): string {
  const users = view.users.map((u) => `<option value="${esc(u.value)}">${esc(u.label)}</option>`).join('')
  const orgs = view.organisations.map((o) => `<option value="${esc(o.value)}">${esc(o.label)}</option>`).join('')
  const flags = view.flags.map((f) => `
          <label class="check"><input type="checkbox" name="flags" value="${esc(f.flag)}"${f.userOnly ? ' data-user-only' : ''}> ${esc(f.label)} <span class="muted">(${esc(f.code)})</span></label>`).join('')
  return `
    <section id="token" class="panel" aria-labelledby="token-title">
      <h2 id="token-title">Mint a token</h2>
      <form id="token-form" novalidate>
        <div class="field">
          <label for="token-user">User <span class="muted">(pid or HPR number; empty: a system token)</span></label>
          <input id="token-user" name="user" list="token-users" inputmode="numeric" autocomplete="off" placeholder="e.g. 01887840020">
          <datalist id="token-users">${users}</datalist>
        </div>
        <div class="field">
          <label for="token-org">Organisation <span class="muted">(empty: the demo EHR's)</span></label>
          <input id="token-org" name="organisation" list="token-orgs" inputmode="numeric" autocomplete="off" placeholder="e.g. 310001295">
          <datalist id="token-orgs">${orgs}</datalist>
        </div>
        <div class="field">
          <label for="token-audience">API</label>
          <select id="token-audience" name="audience">
            <option value="nhn:kjernejournal">Kjernejournal (nhn:kjernejournal)</option>
            <option value="nhn:critical-information">Critical information (nhn:critical-information)</option>
          </select>
        </div>
        <fieldset>
          <legend>Break it on purpose <span class="muted">(the code /v1/ping answers)</span></legend>
          <div class="checks">${flags}
          </div>
        </fieldset>
        <button type="submit" class="primary">Mint token</button>
      </form>
      <div id="token-result" hidden>
        <label for="minted-token">Access token</label>
        <div class="copy-row">
          <textarea id="minted-token" rows="4" readonly spellcheck="false"></textarea>
          <button type="button" id="copy-token">Copy</button>
        </div>
        <p id="token-expect" class="hint"></p>
        <details>
          <summary>Claims</summary>
          <pre id="token-claims"></pre>
        </details>
      </div>
      <p id="token-status" class="status-line" role="status" aria-live="polite"></p>
    </section>`
}
