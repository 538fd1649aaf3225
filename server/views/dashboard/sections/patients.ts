/** Patients of the world with their helseindikator icon as this session would answer it. */
import { esc } from '../html.js'
import { INDICATOR_TEXT, indicatorIcon, type IndicatorState } from '../icons.js'
import type { DashboardView } from '../view.js'

const STATES: readonly IndicatorState[] = [0, 1, 2, 3, 4]

export function indicatorLegend (): string {
  return `<ul class="legend" aria-label="Helseindikator icon states">${STATES.map((s) =>
    `<li>${indicatorIcon(s, INDICATOR_TEXT[s], 22)}<span><strong>${s}</strong> ${esc(INDICATOR_TEXT[s])}</span></li>`).join('')}</ul>`
}

export function patientsSection (view: DashboardView): string {
  const rows = view.patients.map((p) => `
        <tr data-state="${p.state}">
          <td class="icon-cell">${indicatorIcon(p.state, p.text)}</td>
          <th scope="row">${esc(p.name)}</th>
          <td><code>${esc(p.nin)}</code></td>
          <td>${esc(p.text)}${p.notes.length > 0 ? `<br><span class="muted">${esc(p.notes.join('; '))}</span>` : ''}</td>
        </tr>`).join('')
  return `
    <section id="patients" class="panel" aria-labelledby="patients-title">
      <h2 id="patients-title">Patients <span class="muted">in session ${esc(view.session)}</span></h2>
      ${indicatorLegend()}
      <div class="table-wrap scroll">
        <table>
          <thead><tr><th scope="col">Icon</th><th scope="col">Name</th><th scope="col">National identity number</th><th scope="col">Helseindikator</th></tr></thead>
          <tbody>${rows}
          </tbody>
        </table>
      </div>
    </section>`
}
