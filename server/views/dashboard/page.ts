/**
 * The dashboard page at `/` (and `/s/<id>/` for a session): plain server-rendered HTML, one small
 * script and one stylesheet served by the sandbox itself (no CDN, no fonts: it runs offline).
 * With ADMIN_TOKEN set and not given, the page carries no data, only the field to give it.
 */
import { esc } from './html.js'
import { catalogueSection } from './sections/catalogue.js'
import { journalSection } from './sections/journal.js'
import { patientsSection } from './sections/patients.js'
import { readinessSection } from './sections/readiness.js'
import { scenariosSection } from './sections/scenarios.js'
import { sessionsSection } from './sections/sessions.js'
import { tokenSection } from './sections/token-form.js'
import type { DashboardView } from './view.js'

export const DASHBOARD_ASSETS = {
  script: '/__dashboard/dashboard.js',
  style: '/__dashboard/dashboard.css'
} as const

function unlockSection (): string {
  return `
    <section id="unlock" class="panel wide" aria-labelledby="unlock-title">
      <h2 id="unlock-title">Admin token needed</h2>
      <p>This sandbox has <code>ADMIN_TOKEN</code> set, so its control API and this dashboard need it. It is kept in this browser tab only (sessionStorage) and sent as <code>Authorization: Bearer</code>.</p>
      <form id="unlock-form" class="inline-form">
        <label for="admin-token">Admin token</label>
        <input id="admin-token" name="token" type="password" autocomplete="off" required>
        <button type="submit" class="primary">Open dashboard</button>
      </form>
      <p id="unlock-status" class="status-line" role="status" aria-live="polite"></p>
    </section>`
}

export function renderMain (view: DashboardView, query = ''): string {
  if (view.locked) return unlockSection()
  return `
    <div class="col">${sessionsSection(view)}${scenariosSection(view)}${patientsSection(view)}
    </div>
    <div class="col">${readinessSection(view)}${journalSection(view)}${tokenSection(view)}
    </div>${catalogueSection(view, query)}`
}

export function renderDashboard (view: DashboardView, query = ''): string {
  const title = view.session === 'default' ? 'Sandbox dashboard' : `Sandbox dashboard: ${view.session}`
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(title)} - kjernejournal-sandbox</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${DASHBOARD_ASSETS.style}">
  <script src="${DASHBOARD_ASSETS.script}" defer></script>
</head>
<body data-session="${esc(view.session)}" data-base="${esc(view.base)}" data-locked="${view.locked}" data-admin-token="${view.adminTokenSet}">
  <a class="skip-link" href="#main">Skip to content</a>
  <header class="top">
    <div class="brand">
      <h1>kjernejournal-sandbox</h1>
      <p class="muted">Session <strong id="current-session">${esc(view.session)}</strong> at <code>${esc(view.publicUrl + view.base)}</code></p>
    </div>
    <nav aria-label="Dashboard sections">
      <ul>
        <li><a href="#sessions">Sessions</a></li>
        <li><a href="#readiness">Readiness</a></li>
        <li><a href="#journal">Live requests</a></li>
        <li><a href="#scenarios">Scenarios</a></li>
        <li><a href="#token">Token</a></li>
        <li><a href="#patients">Patients</a></li>
        <li><a href="#catalogue">Errors</a></li>
        <li><a href="/docs">API docs</a></li>
      </ul>
    </nav>
  </header>
  <main id="main" tabindex="-1">${renderMain(view, query)}
  </main>
  <div id="announce" class="visually-hidden" role="status" aria-live="polite"></div>
  <footer class="foot muted">A local stand-in for Kjernejournal and HelseID. Synthetic data only.</footer>
</body>
</html>
`
}
