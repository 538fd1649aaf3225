/** The loaded scenarios with a switch each (activate/deactivate in this session). */
import { esc } from '../html.js'
import type { DashboardView } from '../view.js'

export function scenariosSection (view: DashboardView): string {
  const items = view.scenarios.map((s) => `
        <li class="scenario${s.active ? ' on' : ''}">
          <button type="button" role="switch" aria-checked="${s.active}" class="switch" data-scenario="${esc(s.name)}" aria-describedby="scenario-${esc(s.name)}-desc">
            <span class="switch-track" aria-hidden="true"><span class="switch-thumb"></span></span>
            <span class="switch-label">${esc(s.name)}</span>
          </button>
          <p id="scenario-${esc(s.name)}-desc" class="scenario-desc">${esc(s.description)} <span class="muted">(${s.rules} rule${s.rules === 1 ? '' : 's'}, state <span data-scenario-state="${esc(s.name)}">${esc(s.state)}</span>)</span></p>
        </li>`).join('')
  const errors = view.scenarioErrors.length === 0
    ? ''
    : `<div class="problems" role="alert"><h3>Files that did not load</h3><ul>${view.scenarioErrors.map((e) => `<li><code>${esc(e.file)}</code>: ${esc(e.message)}</li>`).join('')}</ul></div>`
  return `
    <section id="scenarios" class="panel" aria-labelledby="scenarios-title">
      <h2 id="scenarios-title">Scenarios <span class="muted">in session ${esc(view.session)}</span></h2>
      <p class="hint">Switch a scenario on and the next matching request fails the way it says.</p>
      ${errors}
      <ul class="scenario-list">${items}
      </ul>
    </section>`
}
