/** The live request journal: server-rendered recent rows; the page's script adds the rest as they happen. */
import { esc, statusClass } from '../html.js'
import type { LiveRequestEvent } from '../../../domain/journal/live.js'
import type { DashboardView } from '../view.js'

export function journalRow (e: LiveRequestEvent): string {
  const code = e.code === null ? '' : e.code.startsWith('oauth:') ? `<code>${esc(e.code)}</code>` : `<a class="code" href="#code-${esc(e.code)}">${esc(e.code)}</a>`
  const why = [e.rule !== undefined ? `<span class="rule">scenario ${esc(e.rule)}</span>` : '', ...(e.findings ?? []).map((f) => `<a class="finding" href="#readiness">${esc(f)}</a>`)].filter((x) => x !== '').join('<br>')
  return `<tr data-seq="${e.seq}"><td><time datetime="${esc(e.time)}">${esc(e.time.slice(11, 19))}</time></td><td>${esc(e.method)}</td><td class="path">${esc(e.path)}</td><td><span class="status ${statusClass(e.status)}">${e.status}</span></td><td>${code}</td><td>${why}</td></tr>`
}

export function journalSection (view: DashboardView): string {
  return `
    <section id="journal" class="panel" aria-labelledby="journal-title">
      <div class="panel-head">
        <h2 id="journal-title">Live requests <span class="muted">in session ${esc(view.session)}</span></h2>
        <span id="journal-connection" class="connection" data-state="off">not connected</span>
      </div>
      <div class="toolbar">
        <button type="button" id="journal-pause" aria-pressed="false">Pause</button>
        <button type="button" id="journal-clear">Clear journal</button>
      </div>
      <div class="table-wrap scroll tall">
        <table id="journal-table" data-last-seq="${view.lastSeq}">
          <caption class="visually-hidden">Requests of session ${esc(view.session)}, newest first</caption>
          <thead><tr><th scope="col">Time</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Status</th><th scope="col">Error code</th><th scope="col">Scenario rule / finding</th></tr></thead>
          <tbody id="journal-rows">${[...view.journal].reverse().map(journalRow).join('')}</tbody>
        </table>
      </div>
      <p id="journal-empty" class="hint"${view.journal.length > 0 ? ' hidden' : ''}>No requests yet. Send one to <code>${esc(view.publicUrl + view.base)}</code>.</p>
      <div id="journal-announce" class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
    </section>`
}
