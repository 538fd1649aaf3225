/**
 * The login page of the HelseID stand-in: pick a fixture user, or type any national identity
 * number and a security level, as HelseID's test IdP allows. Plain HTML, no scripts, works
 * offline and with a keyboard.
 */
import type { User } from '../../domain/world/users.js'
import { fullName } from '../../domain/world/users.js'

export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}td,th{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}
button{padding:.35rem .9rem;cursor:pointer}fieldset{margin-top:1.5rem}label{margin-right:1rem}.note{color:#555;font-size:.9rem}`

export function loginPage (options: { interaction: string, clientName: string, users: readonly User[], action: string }): string {
  const rows = options.users.map((u) => `<tr><td>${escapeHtml(fullName(u))}</td><td>${escapeHtml(u.pid)}</td>` +
    `<td>${escapeHtml(u.hprNumber ?? '-')}</td><td>${escapeHtml(u.roles.join(', ') || '-')}</td><td>${u.securityLevel}</td>` +
    `<td class="note">${escapeHtml(u.note)}</td><td><form method="post" action="${escapeHtml(options.action)}">` +
    `<input type="hidden" name="interaction" value="${escapeHtml(options.interaction)}">` +
    `<input type="hidden" name="pid" value="${escapeHtml(u.pid)}">` +
    `<button type="submit" aria-label="Log in as ${escapeHtml(fullName(u))}">Log in</button></form></td></tr>`).join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>HelseID sandbox login</title><style>${STYLE}</style></head>
<body><main><h1>HelseID sandbox: log in to ${escapeHtml(options.clientName)}</h1>
<p class="note">A stand-in for HelseID's test identity provider. Tests can skip this page with <code>test_pid</code> or <code>login_hint</code>.</p>
<table><thead><tr><th>Name</th><th>National id</th><th>HPR</th><th>Roles</th><th>Level</th><th>Demonstrates</th><th></th></tr></thead>
<tbody>${rows}</tbody></table>
<form method="post" action="${escapeHtml(options.action)}"><fieldset><legend>Another person (test IdP)</legend>
<input type="hidden" name="interaction" value="${escapeHtml(options.interaction)}">
<label>National identity number <input name="pid" required pattern="\\d{11}" inputmode="numeric"></label>
<label>Security level <select name="security_level"><option>4</option><option>3</option></select></label>
<button type="submit">Log in</button></fieldset></form></main></body></html>`
}

export function errorPage (error: string, description: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>HelseID sandbox: ${escapeHtml(error)}</title><style>${STYLE}</style></head>
<body><main><h1>Login cannot continue</h1><p><strong>${escapeHtml(error)}</strong>: ${escapeHtml(description)}</p></main></body></html>`
}
