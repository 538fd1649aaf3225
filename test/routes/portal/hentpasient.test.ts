/** The legacy way into the portal: hentpasient.html?ticket=..., the login step, and every AUT code it answers. */
import t from 'tap'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { ci, ciToken } from '../../support/critical-info.js'
import { helseindikator } from '../../support/kj.js'
import { advanceClock, freshTicket, pageUrl, shownCode } from '../../support/portal.js'
import { build, standingWall } from '../../helper.js'

const DOCTOR = '01887840020'

t.test('a fresh ticket and a logged-in physician show the patient and the critical information', async (t) => {
  const app = await build(t)
  const ticket = await freshTicket(app)
  const res = await app.inject(pageUrl({ ticket, test_pid: DOCTOR }))
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/html; charset=utf-8/)
  t.equal(res.headers['cache-control'], 'no-store', 'patient data is not cached')
  t.match(res.body, /<h1 id="pasient">Kristian Kritisk<\/h1>/)
  t.match(res.body, /data-testid="nin">178158 10112</)
  t.match(res.body, /<svg class="kj-icon"[^>]*role="img"[^>]*data-status="4"/, 'the status-4 icon')
  t.match(res.body, /<title>Helseindikator 4: OBS: Kritisk informasjon i kjernejournal<\/title>/)
  t.match(res.body, /Legemiddelreaksjon<\/td><td>Fenoksymetylpenicillin \(J01CE02\)/)
  t.match(res.body, /Hemofili A/)
  t.match(res.body, /3 registreringer/)
  t.match(res.body, /Ingrid Lege \(HPR 900100101\)/)
  t.match(res.body, /Sandvik legesenter, legekontoret \(310001295\)/)
  t.match(res.body, /Samtykke fra pasienten \(HPMOTTATTSAMTYKKE\)/)
  t.match(res.body, /<header class="top" role="banner">/)
  t.match(res.body, /<main id="main"/)
  t.match(res.body, /<footer role="contentinfo">/)
  t.notMatch(res.body, /<script|https?:\/\/(?!www\.w3\.org)/, 'no scripts, nothing fetched from elsewhere')
})

t.test('login_hint takes an HPR number too; a patient without critical information says so', async (t) => {
  const app = await build(t)
  const ticket = await freshTicket(app, '24868510168')
  const res = await app.inject(pageUrl({ ticket, login_hint: '900100202' }))
  t.equal(res.statusCode, 200)
  t.match(res.body, /Kari Vanlig/)
  t.match(res.body, /data-status="2"/)
  t.match(res.body, /Ingen kritisk informasjon er registrert/)
  t.match(res.body, /Innlogget: Sverre Nilsen Sykepleier/)
})

t.test('without a user the page asks who logs in, with the ticket kept in the form', async (t) => {
  const app = await build(t)
  const ticket = await freshTicket(app)
  const res = await app.inject(pageUrl({ ticket }))
  t.equal(res.statusCode, 200)
  t.match(res.body, /<h1 id="login">Logg inn i kjernejournal<\/h1>/)
  t.match(res.body, /<form method="get" action="hentpasient.html">/)
  t.ok(res.body.includes(`<input type="hidden" name="ticket" value="${ticket}">`), 'the ticket rides along')
  t.match(res.body, /<input type="radio" name="test_pid" value="01887840020" checked> Ingrid Lege/)
  t.match(res.body, /<label for="login_hint">/)
  t.match(res.body, /name="error" value="access_denied">Avbryt/)
  t.notMatch(res.body, /Kristian Kritisk/, 'no patient data before login')
})

t.test('writes through the critical-information API show on the page; deletes leave it', async (t) => {
  const app = await build(t)
  const ticket = await freshTicket(app, '24868510168')
  const token = await ciToken(app)
  const created = await ci(app, 'POST', '/Condition', { token, nin: '24868510168', body: sampleResource('KjConditionCriticalMedicalCondition', '24868510168', { text: 'Addison <krise> & "kortison"' }) })
  t.equal(created.statusCode, 201)
  let page = await app.inject(pageUrl({ ticket, test_pid: DOCTOR }))
  t.match(page.body, /data-status="4"/, 'the icon turns red')
  t.match(page.body, /Addison &lt;krise&gt; &amp; &quot;kortison&quot;/, 'free text is escaped')
  t.match(page.body, /Kritisk medisinsk tilstand/)
  const id = created.json().id as string
  t.equal((await ci(app, 'DELETE', `/Condition/${id}`, { token, nin: '24868510168' })).statusCode, 204)
  page = await app.inject(pageUrl({ ticket, test_pid: DOCTOR }))
  t.match(page.body, /data-status="2"/)
  t.notMatch(page.body, /Addison/)
})

t.test('sessions keep their own store: /s/<id>/hpp-webapp reads that session', async (t) => {
  const app = await build(t)
  const token = await ciToken(app)
  const created = await app.inject({
    method: 'POST',
    url: '/api/critical-information/v1/Flag',
    headers: { 'x-sandbox-session': 'qa-1', authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', 'nhn-patient-nin': '24868510168', 'nhn-access-basis': 'SAMTYKKE', 'nhn-user-role': encodeURIComponent(JSON.stringify({ system: 'urn:oid:2.16.578.1.12.4.1.1.9060', code: 'LE' })), 'nhn-source-system': 'Sandbox test EHR 1.0' },
    payload: JSON.stringify(sampleResource('KjFlag', '24868510168', { text: 'Unngå blodtrykksmåling venstre arm' }))
  })
  t.equal(created.statusCode, 201, created.body)
  const ticket = await freshTicket(app, '24868510168')
  t.match((await app.inject(pageUrl({ ticket, test_pid: DOCTOR }, '/s/qa-1'))).body, /Unngå blodtrykksmåling/)
  t.notMatch((await app.inject(pageUrl({ ticket, test_pid: DOCTOR }))).body, /Unngå blodtrykksmåling/, 'not in the default session')
})

t.test('the patient\'s choices: a restriction hides critical information unless the need is acute; a block always', async (t) => {
  const app = await build(t)
  const restricted = await app.inject(pageUrl({ ticket: await freshTicket(app, '08847310112'), test_pid: DOCTOR }))
  t.equal(restricted.statusCode, 200)
  t.match(restricted.body, /Pasienten har sperret kritisk informasjon\. Den kan bare åpnes ved akutt behov/)
  t.notMatch(restricted.body, /data-testid="critical-info"/)
  const acute = await app.inject(pageUrl({ ticket: await freshTicket(app, '08847310112', 'HPAKUTT'), test_pid: DOCTOR }))
  t.match(acute.body, /vises fordi grunnlaget er akutt behov/)
  const blocked = await app.inject(pageUrl({ ticket: await freshTicket(app, '19878110199', 'HPAKUTT'), test_pid: '15897140001' }))
  t.match(blocked.body, /Pasienten har blokkert deg \(HPR 900100202\)/)
  t.notMatch(blocked.body, /data-testid="(critical-info|no-critical-info)"/)
  const other = await app.inject(pageUrl({ ticket: await freshTicket(app, '19878110199'), test_pid: DOCTOR }))
  t.notMatch(other.body, /blokkert deg/, 'only the blocked person is kept out')
})

t.test('a user who has not confirmed Kjernejournal knowledge sees the patient with a notice', async (t) => {
  const app = await build(t)
  const res = await app.inject(pageUrl({ ticket: await freshTicket(app), test_pid: '25907610198' }))
  t.equal(res.statusCode, 200)
  t.match(res.body, /Du har ikke bekreftet kunnskap om kjernejournal/)
})

t.test('every way the ticket page fails, with its AUT code, HTTP status and advice', async (t) => {
  const app = await build(t)
  const ticket = await freshTicket(app)
  // A '+' sent raw in a URL reads as a space, the way an EHR that forgets to URL-encode breaks a base64 ticket.
  const rawPlus = `${ticket.slice(0, 20)}+${ticket.slice(21)}`
  const inactiveOrg = await app.sandbox.tickets.issue({ orgnr: '310001961', nin: '17815810112', iat: 0, exp: 4_000_000_000 })
  const noAgreement = await app.sandbox.tickets.issue({ orgnr: '310001813', nin: '17815810112', iat: 0, exp: 4_000_000_000 })
  const cases: Array<[string, string, string, number, RegExp]> = [
    ['no ticket', pageUrl({ test_pid: DOCTOR }), 'AUT_105', 401, /Adressen mangler billett/],
    ['an empty ticket', pageUrl({ ticket: '' }), 'AUT_105', 401, /hentpasient\.html\?ticket=/],
    ['a ticket that is not ours', pageUrl({ ticket: 'bm90IGEgdGlja2V0', test_pid: DOCTOR }), 'AUT_119', 401, /URL-kodet/],
    ['a ticket whose + was not URL-encoded', `/hpp-webapp/hentpasient.html?ticket=${rawPlus}&test_pid=${DOCTOR}`, 'AUT_119', 401, /probably not URL-encoded \(%2B\)/],
    ['a fresh ticket sent without URL-encoding', `/hpp-webapp/hentpasient.html?ticket=${ticket}&test_pid=${DOCTOR}`, 'AUT_119', 401, /probably not URL-encoded \(%2B\)/],
    ['a ticket for an inactive organisation', pageUrl({ ticket: inactiveOrg, test_pid: DOCTOR }), 'AUT_146', 403, /is not active/],
    ['a ticket for an organisation without agreement', pageUrl({ ticket: noAgreement, test_pid: DOCTOR }), 'AUT_146', 403, /no Kjernejournal agreement/],
    ['a cancelled login', pageUrl({ ticket, error: 'access_denied', test_pid: DOCTOR }), 'AUT_110', 401, /Innloggingen ble avbrutt/],
    ['a person HPR does not know', pageUrl({ ticket, test_pid: '24868510168' }), 'AUT_108', 403, /HPR registry stand-in/],
    ['a user without HPR number', pageUrl({ ticket, test_pid: '07916940046' }), 'AUT_108', 403, /has no HPR number/],
    ['a user not registered in Kjernejournal', pageUrl({ ticket, test_pid: '13818310166' }), 'AUT_000', 403, /not registered in Kjernejournal/],
    ['an HPR role Kjernejournal does not grant', pageUrl({ ticket, test_pid: '06838810177' }), 'AUT_128', 403, /HPR roles FT/]
  ]
  for (const [name, url, code, status, detail] of cases) {
    const res = await app.inject(url)
    t.equal(res.statusCode, status, `${name}: HTTP ${status}`)
    t.equal(res.headers['nhn-error-code'], code, `${name}: header`)
    t.equal(res.headers['x-kj-feilkode'], code)
    t.equal(shownCode(res.body), code, `${name}: on the page`)
    t.match(res.body, detail, `${name}: says why`)
    t.match(res.body, /<h2>Hva gjør du nå\?<\/h2>/)
    t.match(res.headers['x-event-id'], /^Id-[0-9a-f]{32}$/)
  }
})

t.test('a ticket past its lifetime on the sandbox clock is AUT_002', async (t) => {
  // A ticket's times are whole seconds: on a running clock, a check 3599 s on could land in the
  // 3600th second whenever the test itself took the rest of one.
  const app = await build(t, {}, standingWall())
  const ticket = await freshTicket(app)
  await advanceClock(app, 3599)
  t.equal((await app.inject(pageUrl({ ticket, test_pid: DOCTOR }))).statusCode, 200, 'still valid just before the hour')
  await advanceClock(app, 2)
  const res = await app.inject(pageUrl({ ticket, test_pid: DOCTOR }))
  t.equal(res.statusCode, 401)
  t.equal(shownCode(res.body), 'AUT_002')
  t.match(res.body, /Billetten er utløpt/)
  t.match(res.body, /The ticket used has expired/)
  t.match(res.body, /the ticket expired 1 seconds ago/)
})

t.test('loggut, unknown portal pages, and the journal', async (t) => {
  const app = await build(t)
  const out = await app.inject('/hpp-webapp/loggut')
  t.equal(out.statusCode, 200)
  t.match(out.body, /Du er logget ut/)
  const missing = await app.inject('/hpp-webapp/nope.html')
  t.equal(missing.statusCode, 404)
  t.equal(shownCode(missing.body), 'KJF-000229')
  const ticket = await freshTicket(app)
  await app.inject(pageUrl({ ticket, test_pid: '06838810177' }))
  const journal = await app.inject('/__admin/requests?path=/hpp-webapp/hentpasient.html')
  const { requests: [entry] } = journal.json() as { requests: Array<{ face: string, code: string, status: number, query: Record<string, string> }> }
  t.match(entry, { face: 'portal', code: 'AUT_128', status: 403, query: { ticket: /^\[redacted ticket, sha256:/ } })
  t.notOk(journal.body.includes(ticket.slice(0, 40)), 'the ticket is not journaled whole')
})

t.test('scenarios see the portal as its own face, and match the ticket\'s patient', async (t) => {
  const app = await build(t)
  const scenario = {
    name: 'portal-org-closed',
    rules: [{ when: { face: 'portal', patient: '17815810112' }, then: { error: 'AUT_146', diagnostics: 'closed by scenario' } }]
  }
  t.equal((await app.inject({ method: 'POST', url: '/__admin/scenarios', payload: scenario })).statusCode, 201)
  t.equal((await app.inject({ method: 'POST', url: '/__admin/scenarios/portal-org-closed/activate' })).statusCode, 200)
  const hit = await app.inject(pageUrl({ ticket: await freshTicket(app), test_pid: DOCTOR }))
  t.equal(hit.statusCode, 403)
  t.equal(shownCode(hit.body), 'AUT_146')
  t.match(hit.body, /closed by scenario/)
  const other = await app.inject(pageUrl({ ticket: await freshTicket(app, '24868510168'), test_pid: DOCTOR }))
  t.equal(other.statusCode, 200, 'another patient is not matched')
  t.equal((await helseindikator(app, { fnr: '17815810112' })).statusCode, 200, 'the REST face is not the portal face')
})
