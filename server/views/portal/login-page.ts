/**
 * The login step of the legacy way in. The real portal sends the user to HelseID before it
 * shows the ticket's patient; the stand-in asks here who is logging in (the fixture users, or
 * any identity number), and takes HelseID's test-IdP hints `test_pid` / `login_hint` in the URL
 * so tests skip the page. "Avbryt" comes back as `error=access_denied`, as a cancelled HelseID
 * login does (AUT_110).
 */
import { fullName, type User } from '../../domain/world/users.js'
import { html } from './html.js'
import { page } from './layout.js'

export function renderLoginPage (ticket: string, users: readonly User[], action: string): string {
  const body = html`<section class="card" aria-labelledby="login">
<h1 id="login">Logg inn i kjernejournal</h1>
<p class="muted">Stand-in for HelseID-innloggingen portalen krever før pasienten vises. Velg en testbruker.</p>
<form method="get" action="${action}">
<input type="hidden" name="ticket" value="${ticket}">
<fieldset>
<legend>Testbruker</legend>
${users.map((u, i) => html`<label><input type="radio" name="test_pid" value="${u.pid}"${i === 0 ? html` checked` : ''}> ${fullName(u)} <span class="muted">(${u.pid}${u.hprNumber !== undefined ? `, HPR ${u.hprNumber}` : ', uten HPR'}${u.roles.length > 0 ? `, ${u.roles.join('/')}` : ''})</span></label>
`)}</fieldset>
<p><label for="login_hint">Eller fødselsnummer / HPR-nummer</label><input type="text" id="login_hint" name="login_hint" inputmode="numeric" autocomplete="off"></p>
<button type="submit">Logg inn</button>
<button type="submit" class="secondary" name="error" value="access_denied">Avbryt</button>
</form>
</section>`
  return page({ title: 'Logg inn', body })
}

export function renderLoggedOutPage (): string {
  return page({
    title: 'Logget ut',
    body: html`<section class="card" aria-labelledby="ut"><h1 id="ut">Du er logget ut av kjernejournal</h1><p>Lukk vinduet, eller åpne en pasient på nytt fra journalsystemet.</p></section>`
  })
}
