/**
 * The portal stand-in's page frame: landmarks (banner, main, contentinfo), one h1 per page, a
 * skip link, and light CSS inline, since the sandbox runs offline (no CDN, no web fonts).
 */
import { html, raw, type Html } from './html.js'

const CSS = raw(`
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#f3f5f7;line-height:1.45}
a{color:#0b5c8a}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible,main:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:6px 10px;z-index:2}
header.top{background:#0b3d5c;color:#fff;padding:12px 24px;display:flex;align-items:center;gap:16px;flex-wrap:wrap}
header.top .brand{font-weight:700;font-size:1.15rem;letter-spacing:.02em}
header.top .env{background:#f0a500;color:#1b1b1b;border-radius:4px;padding:2px 8px;font-size:.8rem;font-weight:700}
header.top .who{margin-left:auto;font-size:.9rem;opacity:.95}
main{max-width:980px;margin:24px auto;padding:0 24px}
h1{font-size:1.6rem;margin:0 0 4px}
h2{font-size:1.2rem;margin:0 0 12px}
.card{background:#fff;border:1px solid #d5dbe1;border-radius:8px;padding:20px 24px;margin-bottom:20px}
.patient-head{display:flex;align-items:center;gap:18px}
.patient-head .kj-icon{flex:none}
.muted{color:#555}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 24px;margin:0}
dl.facts dt{font-weight:600;color:#333}dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e3e7eb;vertical-align:top}
th{background:#eef2f5;font-size:.9rem}
.tag{display:inline-block;border-radius:3px;padding:1px 6px;font-size:.8rem;font-weight:600;background:#eef2f5}
.tag.high{background:#fbe3e6;color:#8e0b20}
.notice{border-left:5px solid #f0a500;background:#fff8e6;padding:12px 16px;margin-bottom:20px}
.error-card{border-left:6px solid #c8102e}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.05rem;background:#fbe3e6;color:#8e0b20;padding:2px 8px;border-radius:4px}
fieldset{border:1px solid #d5dbe1;border-radius:6px;padding:12px 16px;margin:0 0 16px}
legend{font-weight:600;padding:0 6px}
label{display:block;padding:4px 0}
input[type=text]{font:inherit;padding:6px 8px;border:1px solid #8c8c8c;border-radius:4px;width:16em}
button{font:inherit;padding:8px 16px;border-radius:4px;border:1px solid #0b3d5c;background:#0b3d5c;color:#fff;cursor:pointer;margin-right:8px}
button.secondary{background:#fff;color:#0b3d5c}
details{margin-top:12px}
summary{cursor:pointer}
details[open] summary{margin-bottom:10px}
footer{max-width:980px;margin:0 auto 32px;padding:0 24px;font-size:.85rem;color:#555}
`)

export interface PageOptions {
  readonly title: string
  /** Who is logged in, for the banner. */
  readonly who?: string
  readonly body: Html
}

export function page (options: PageOptions): string {
  return html`<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${options.title} - Kjernejournal (sandbox)</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">Hopp til innholdet</a>
<header class="top" role="banner">
<span class="brand">Kjernejournal</span><span class="env">SANDBOX</span>
${options.who !== undefined ? html`<span class="who">Innlogget: ${options.who}</span>` : ''}
</header>
<main id="main" tabindex="-1">
${options.body}
</main>
<footer role="contentinfo">
<p>Stand-in for the Kjernejournal portal (kjernejournal-sandbox). Synthetic data only; not the real service.</p>
</footer>
</body>
</html>
`.value
}
