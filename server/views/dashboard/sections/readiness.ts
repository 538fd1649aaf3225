/**
 * Migration readiness for the session: the verdict, the profile switch, what worked here but will
 * not at NHN (with the fix and the page that says so), and the checklist of situations met.
 */
import { esc } from '../html.js'
import type { DashboardView } from '../view.js'

const VERDICT_TEXT = {
  ready: 'Ready: nothing seen that NHN would refuse',
  'ready-with-warnings': 'Ready with warnings: works at NHN today, but relies on what is going away or unconfirmed',
  'not-ready': 'Not ready: this EHR did something NHN refuses'
} as const

export function readinessSection (view: DashboardView): string {
  const report = view.readiness
  if (report === undefined) return ''
  const findings = report.findings.length === 0
    ? '<p class="hint">No findings yet.</p>'
    : `<div class="table-wrap"><table>
          <caption class="visually-hidden">Readiness findings of session ${esc(view.session)}</caption>
          <thead><tr><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">Times</th><th scope="col">Fix</th></tr></thead>
          <tbody>${report.findings.map((f) => `<tr data-finding="${esc(f.id)}"><td><span class="severity sev-${esc(f.severity)}">${esc(f.severity)}</span></td><td><strong>${esc(f.title)}</strong><br><code>${esc(f.id)}</code> <span class="muted">last: ${esc(f.did)}</span></td><td>${f.count}</td><td>${esc(f.fix)} <a href="${esc(f.source)}" rel="noreferrer noopener" target="_blank">source</a></td></tr>`).join('')}</tbody>
        </table></div>`
  const met = report.checklist.filter((i) => i.met).length
  const items = report.checklist.map((i) => `<li class="${i.met ? 'met' : 'unmet'}"><span aria-hidden="true">${i.met ? '&#10003;' : '&#9675;'}</span> ${esc(i.title)}${i.met ? ` <span class="muted">(${i.count})</span>` : ` <details><summary class="muted">how</summary>${esc(i.howToMeet)}</details>`}<span class="visually-hidden">${i.met ? ' met' : ' not met'}</span></li>`).join('')
  return `
    <section id="readiness" class="panel" aria-labelledby="readiness-title">
      <div class="panel-head">
        <h2 id="readiness-title">Migration readiness <span class="muted">in session ${esc(view.session)}</span></h2>
        <button type="button" id="readiness-refresh">Refresh</button>
      </div>
      <p class="verdict verdict-${esc(report.verdict)}" id="readiness-verdict"><strong>${esc(VERDICT_TEXT[report.verdict])}</strong> <span class="muted">(${report.counts['will-fail']} will-fail, ${report.counts.deprecated} deprecated, ${report.counts.unconfirmed} unconfirmed)</span></p>
      <div class="toolbar">
        <span>Profile:</span>
        <button type="button" data-profile="lenient" aria-pressed="${report.profile === 'lenient'}">Lenient</button>
        <button type="button" data-profile="strict" aria-pressed="${report.profile === 'strict'}">Strict</button>
        <a href="${esc(view.base)}/__admin/readiness?format=junit">JUnit XML</a>
      </div>
      ${findings}
      <h3>Checklist <span class="muted">${met} of ${report.checklist.length} met</span></h3>
      <ul class="checklist">${items}</ul>
    </section>`
}
