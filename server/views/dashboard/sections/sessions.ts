/** Sessions: list, open one (its dashboard is /s/<id>/), reset, delete, create. */
import { esc } from '../html.js'
import type { DashboardView } from '../view.js'

export function sessionsSection (view: DashboardView): string {
  const rows = view.sessions.map((s) => `
        <tr${s.current ? ' class="current" aria-current="true"' : ''}>
          <th scope="row" title="${s.records} critical-information records"><a href="${esc(s.id === 'default' ? '/' : `/s/${s.id}/`)}">${esc(s.id)}</a>${s.current ? ' <span class="badge">shown</span>' : ''}</th>
          <td class="url"><code>${esc(s.baseUrl)}</code></td>
          <td class="nowrap"><time datetime="${esc(s.now)}" title="${esc(s.now)}">${esc(s.now.slice(11, 19))}</time>${s.clockOffsetMs !== 0 ? ` <span class="muted">(${s.clockOffsetMs > 0 ? '+' : ''}${Math.round(s.clockOffsetMs / 1000)} s)</span>` : ''}</td>
          <td class="actions">
            <button type="button" data-session-action="reset" data-session-id="${esc(s.id)}">Reset<span class="visually-hidden"> session ${esc(s.id)}</span></button>
            ${s.id === 'default' ? '' : `<button type="button" class="danger" data-session-action="delete" data-session-id="${esc(s.id)}">Delete<span class="visually-hidden"> session ${esc(s.id)}</span></button>`}
          </td>
        </tr>`).join('')
  return `
    <section id="sessions" class="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      <p class="hint">Each session has its own data, clock, scenarios and journal. Point an EHR at a session's base URL.</p>
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">Session</th><th scope="col">Base URL</th><th scope="col">Clock (UTC)</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>${rows}
          </tbody>
        </table>
      </div>
      <form id="new-session" class="inline-form" method="get" action="/">
        <label for="new-session-id">Open or create a session</label>
        <input id="new-session-id" name="session" pattern="[A-Za-z0-9_\\-]{1,64}" placeholder="e.g. qa-1" autocomplete="off" required>
        <button type="submit">Open</button>
      </form>
    </section>`
}
