/** The dashboard's stylesheet, served at /__dashboard/dashboard.css. System fonts only (offline). */
export const DASHBOARD_CSS = String.raw`
:root {
  --bg: #f4f6f8; --panel: #ffffff; --ink: #1d2329; --muted: #5b6670; --line: #d8dee4;
  --accent: #0b5c8a; --accent-ink: #ffffff; --ok: #1b6e3a; --warn: #8a5a00; --bad: #b3261e;
  --focus: #ffbf47; --radius: 8px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
code, pre, textarea { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px #1d2329; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: 8px; top: -40px; background: var(--panel); padding: 6px 10px; border-radius: var(--radius); z-index: 10; }
.skip-link:focus { top: 8px; }
.muted { color: var(--muted); font-weight: normal; }
.hint { color: var(--muted); margin: 0 0 10px; font-size: 0.93em; }
.top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px 24px; padding: 12px 24px; background: #12324a; color: #ffffff; }
.top h1 { margin: 0; font-size: 1.3rem; letter-spacing: 0.01em; }
.top p { margin: 2px 0 0; color: #c9d7e3; }
.top code { color: #ffffff; }
.top nav ul { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 0; padding: 0; }
.top nav a { color: #ffffff; text-decoration: none; padding: 6px 10px; border-radius: 6px; display: inline-block; }
.top nav a:hover { background: rgba(255, 255, 255, 0.14); }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; padding: 16px 24px; max-width: 1600px; margin: 0 auto; }
main:focus { outline: none; }
.col { display: flex; flex-direction: column; gap: 16px; min-width: 0; }
.nowrap, #catalogue-table tbody th { white-space: nowrap; }
abbr[title] { text-decoration: none; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: 14px 16px; min-width: 0; }
.panel.wide { grid-column: 1 / -1; }
.panel h2 { margin: 0 0 8px; font-size: 1.08rem; }
.panel-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
@media (max-width: 900px) { main { grid-template-columns: minmax(0, 1fr); padding: 12px; } }
.table-wrap { overflow-x: auto; }
.table-wrap.scroll { max-height: 300px; overflow-y: auto; }
.table-wrap.tall { max-height: 360px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { position: sticky; top: 0; background: #eef2f5; font-size: 0.86em; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); z-index: 1; }
tbody th { font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.path { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.86em; word-break: break-all; }
tr.current { background: #eaf3fb; }
tr.fresh { animation: fresh 1.2s ease-out; }
@keyframes fresh { from { background: #fff4c2; } to { background: transparent; } }
@media (prefers-reduced-motion: reduce) { tr.fresh { animation: none; } }
.icon-cell { width: 40px; }
.kj-icon { display: block; }
.badge { display: inline-block; font-size: 0.75em; padding: 1px 6px; border-radius: 10px; background: var(--accent); color: var(--accent-ink); vertical-align: middle; }
.status { display: inline-block; min-width: 3.2em; text-align: center; padding: 1px 6px; border-radius: 10px; font-weight: 600; font-variant-numeric: tabular-nums; }
.st-ok { background: #dff3e5; color: var(--ok); }
.st-client { background: #fdf0d5; color: var(--warn); }
.st-server { background: #fbe2e0; color: var(--bad); }
.severity { display: inline-block; padding: 1px 6px; border-radius: 10px; font-weight: 600; white-space: nowrap; }
.sev-will-fail { background: #fbe2e0; color: var(--bad); }
.sev-deprecated { background: #fdf0d5; color: var(--warn); }
.sev-unconfirmed { background: #e6edf3; color: var(--muted); }
.verdict { margin: 0 0 8px; }
.checklist { list-style: none; padding: 0; margin: 0; columns: 2 18em; }
.checklist li.met span[aria-hidden] { color: var(--ok); }
.checklist details { display: inline; }
.checklist summary { display: inline; cursor: pointer; font-size: 0.85em; }
.rule { font-size: 0.85em; }
a.code { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-weight: 600; color: var(--bad); }
button, input, select, textarea { font: inherit; color: inherit; }
button { cursor: pointer; padding: 5px 12px; border: 1px solid #9aa6b1; border-radius: 6px; background: #ffffff; }
button:hover { background: #eef2f5; }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
button.primary:hover { background: #094b71; }
button.danger { color: var(--bad); border-color: #d9a19c; }
button[aria-pressed="true"] { background: #12324a; color: #ffffff; }
input, select, textarea { padding: 5px 8px; border: 1px solid #9aa6b1; border-radius: 6px; background: #ffffff; }
.actions { white-space: nowrap; text-align: right; }
.actions button { padding: 2px 8px; font-size: 0.9em; }
td.url { word-break: break-all; }
#journal .table-wrap { min-height: 200px; }
.inline-form { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 10px; }
.field { display: grid; gap: 3px; margin-bottom: 10px; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 12px; padding: 8px 12px; }
legend { padding: 0 4px; }
.checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 2px 12px; }
.check { display: block; padding: 1px 0; }
.copy-row { display: flex; gap: 8px; align-items: stretch; }
.copy-row textarea { flex: 1; min-width: 0; resize: vertical; word-break: break-all; }
#token-result { margin-top: 12px; }
pre { background: #f4f6f8; padding: 8px; border-radius: 6px; overflow: auto; max-height: 220px; }
.status-line { min-height: 1.4em; margin: 8px 0 0; color: var(--muted); }
.toolbar { display: flex; gap: 8px; margin-bottom: 8px; }
.connection { font-size: 0.85em; padding: 2px 8px; border-radius: 10px; background: #eef2f5; color: var(--muted); }
.connection[data-state="live"] { background: #dff3e5; color: var(--ok); }
.connection[data-state="retrying"] { background: #fdf0d5; color: var(--warn); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; list-style: none; padding: 0; margin: 0 0 10px; font-size: 0.86em; }
.legend li { display: flex; align-items: center; gap: 6px; }
.scenario-list { list-style: none; margin: 0; padding: 0; max-height: 420px; overflow-y: auto; }
.scenario { padding: 6px 0; border-bottom: 1px solid var(--line); }
.scenario-desc { margin: 2px 0 0 52px; font-size: 0.9em; color: var(--muted); }
.switch { display: inline-flex; align-items: center; gap: 10px; border: 0; background: none; padding: 2px; font-weight: 600; }
.switch:hover { background: none; }
.switch-track { position: relative; width: 40px; height: 22px; border-radius: 11px; background: #b8c1ca; transition: background 0.15s; flex: none; }
.switch-thumb { position: absolute; top: 3px; left: 3px; width: 16px; height: 16px; border-radius: 50%; background: #ffffff; transition: left 0.15s; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.3); }
.switch[aria-checked="true"] .switch-track { background: var(--ok); }
.switch[aria-checked="true"] .switch-thumb { left: 21px; }
.switch[aria-busy="true"] { opacity: 0.6; }
.problems { border: 1px solid #d9a19c; background: #fbe2e0; border-radius: 6px; padding: 6px 10px; margin-bottom: 8px; }
.problems h3 { margin: 0; font-size: 0.95em; }
.foot { text-align: center; padding: 8px 0 20px; font-size: 0.85em; }
`
