/**
 * The portal's error page: the code, the catalogue's text (seed 000, verbatim), what to do in
 * plain words, and for developers the detail and the event id to quote to support.
 */
import type { KjError } from '../../domain/kj-error.js'
import { html } from './html.js'
import { page } from './layout.js'

interface Advice {
  readonly title: string
  readonly todo: string
}

const ADVICE: Readonly<Record<string, Advice>> = {
  AUT_000: { title: 'Du er ikke registrert som bruker av kjernejournal', todo: 'Sjekk at du har en HPR-autorisasjon som gir tilgang til kjernejournal. I sandkassen: logg inn som en annen testbruker, eller sett registeredInKj til true i fixtures/users.json.' },
  AUT_002: { title: 'Billetten er utløpt', todo: 'Åpne pasienten på nytt fra journalsystemet, slik at det henter en ny billett fra helseindikator.' },
  AUT_101: { title: 'Du er ikke registrert som bruker av kjernejournal', todo: 'Sjekk at du har en HPR-autorisasjon som gir tilgang til kjernejournal. I sandkassen: bruk en annen testbruker, eller sett registeredInKj til true i fixtures/users.json.' },
  AUT_104: { title: 'Ingen tilknytning til virksomheten', todo: 'Journalsystemet oppga en rolle du ikke har. Send en rolle (practitioner_authorization) som du har i HPR og som gir tilgang til kjernejournal.' },
  AUT_105: { title: 'Pasienten kan ikke åpnes uten billett', todo: 'Adressen mangler billett. Journalsystemet må åpne hentpasient.html?ticket=<URL-kodet billett>, eller ?code=...&ehr_code_verifier=... fra Kjernejournal Innlogging.' },
  AUT_108: { title: 'Du finnes ikke i Helsepersonellregisteret', todo: 'Kjernejournal krever en HPR-autorisasjon. Logg inn som helsepersonell med HPR-nummer.' },
  AUT_110: { title: 'Innloggingen ble avbrutt', todo: 'Åpne pasienten på nytt fra journalsystemet og fullfør innloggingen.' },
  AUT_119: { title: 'Ugyldig billett eller kode', todo: 'Sjekk at billetten (eller koden og verifikatoren) er sendt uendret og URL-kodet: + skal være %2B, / skal være %2F og = skal være %3D. En kode kan bare brukes én gang.' },
  AUT_128: { title: 'Din HPR-rolle gir ikke tilgang til kjernejournal', todo: 'Kjernejournal er for blant andre leger, sykepleiere og jordmødre. Logg inn som helsepersonell med en slik rolle.' },
  AUT_146: { title: 'Virksomheten er ikke aktiv i kjernejournal', todo: 'Virksomheten billetten eller tokenet gjelder, har ikke en aktiv avtale om kjernejournal. Sjekk organisasjonsnummeret.' }
}

const GENERIC: Advice = { title: 'Kjernejournal kunne ikke åpnes', todo: 'Prøv igjen senere. Oppgi feilkoden og hendelses-id til brukerstøtte.' }

export function adviceFor (code: string): Advice {
  return ADVICE[code] ?? GENERIC
}

export function renderErrorPage (err: KjError, eventId: string): string {
  const advice = adviceFor(err.code)
  const body = html`<section class="card error-card" aria-labelledby="feil">
<h1 id="feil">${advice.title}</h1>
<p>Feilkode <span class="code" data-testid="error-code">${err.code}</span> <span class="muted">(HTTP ${err.statusCode})</span></p>
<h2>Hva gjør du nå?</h2>
<p data-testid="advice">${advice.todo}</p>
<h2>Beskrivelse</h2>
<p lang="en" data-testid="error-text">${err.entry.text}</p>
<details>
<summary>For utviklere</summary>
<dl class="facts">
${err.diagnostics !== undefined ? html`<dt>Detalj</dt><dd lang="en" data-testid="diagnostics">${err.diagnostics}</dd>` : ''}
<dt>Hendelses-id</dt><dd>${eventId}</dd>
</dl>
</details>
</section>`
  return page({ title: `Feil ${err.code}`, body })
}
