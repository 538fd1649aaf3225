/** Helseindikator answers for every fixture patient, tickets, headers and the extra field. */
import t from 'tap'
import { withCheckDigits } from '../../../server/domain/nin.js'
import { build, ISSUER, tokenRequest } from '../../helper.js'
import { dpopKey, dpopProof } from '../../support/dpop.js'
import { helseindikator, systemToken } from '../../support/kj.js'

const KNOWN_FIELDS = new Set(['status', 'returTekst', 'ticket', 'harLegemidler', 'harLasteResepter', 'eksistererBlokkertHelsepersonell', 'sperringDetaljer', 'sistEndretKritiskInfo', 'sistEndretKritiskInfoDato'])

function expectedStatus (p: { reserved: boolean, criticalInfo: unknown[], ownHealthInformation: boolean }): number {
  if (p.reserved) return 1
  if (p.criticalInfo.length > 0) return 4
  return p.ownHealthInformation ? 3 : 2
}

t.test('each active fixture patient gets an answer consistent with their data', async (t) => {
  const app = await build(t, { EXTRA_FIELD: 'false' })
  const token = await systemToken(app)
  const statuses = new Set<number>()
  for (const patient of app.sandbox.world.patients.values()) {
    if (patient.status !== 'active') continue
    const res = await helseindikator(app, { fnr: patient.nin, samtykke: 'HPMOTTATTSAMTYKKE' }, { token })
    t.equal(res.statusCode, 200, `${patient.nin}: ${res.body}`)
    const body = res.json()
    const status = expectedStatus(patient)
    statuses.add(body.status)
    t.match(body, {
      status,
      returTekst: String,
      harLegemidler: patient.hasPrescriptions,
      harLasteResepter: patient.hasLockedPrescriptions,
      eksistererBlokkertHelsepersonell: patient.blockedHpr.length > 0
    }, `${patient.nin} (${patient.note})`)
    t.same(body.sperringDetaljer, patient.restrictedModules.map((modul) => ({ modul })), `${patient.nin}: sperringDetaljer`)
    t.equal(typeof body.ticket === 'string', status >= 2, `${patient.nin}: a ticket from status 2 only`)
    if (status === 4) {
      t.same(body.sistEndretKritiskInfo, patient.criticalInfo)
      const latest = Math.max(...patient.criticalInfo.map((c) => Date.parse(c.sistEndret)))
      t.equal(Date.parse(body.sistEndretKritiskInfoDato), latest, `${patient.nin}: sistEndretKritiskInfoDato is the latest change`)
      t.equal(body.returTekst, 'OBS: Kritisk informasjon i kjernejournal')
    } else {
      t.notOk('sistEndretKritiskInfo' in body, `${patient.nin}: no critical-info dates below status 4`)
    }
    t.same(Object.keys(body).filter((k) => !KNOWN_FIELDS.has(k)), [], 'no extra field when switched off')
  }
  t.same([...statuses].sort(), [1, 2, 3, 4], 'the fixtures cover statuses 1-4')
})

t.test('status 0 for a number that is no identity number; status 2 for an ordinary person', async (t) => {
  const app = await build(t)
  for (const fnr of ['12345678901', 'abc', '0188784002']) {
    const res = await helseindikator(app, { fnr })
    t.equal(res.statusCode, 200)
    t.match(res.json(), { status: 0, returTekst: String })
    t.notOk('ticket' in res.json())
  }
  let ordinary = ''
  for (let i = 400; ordinary === '' || app.sandbox.world.patients.has(ordinary); i++) ordinary = withCheckDigits(`0501850${i}`.slice(0, 9)) ?? ''
  const res = await helseindikator(app, { fnr: ordinary })
  t.match(res.json(), { status: 2, ticket: String, eksistererBlokkertHelsepersonell: false })
})

t.test('the ticket binds organisation, patient and consent, and expires by the sandbox clock', async (t) => {
  const app = await build(t)
  const patient = [...app.sandbox.world.patients.values()].find((p) => p.status === 'active' && p.criticalInfo.length > 0)!
  const res = await helseindikator(app, { fnr: patient.nin, samtykke: 'HPAKUTT' })
  const ticket = res.json().ticket as string
  t.match(ticket, /^[A-Za-z0-9+/]{64}$/, '64 characters of standard base64, as NHN\'s example ticket')
  t.ok(ticket.includes('+') && ticket.includes('/'), 'with a + and a /, so it needs URL-encoding like the real one')
  const tickets = app.sandbox.tickets
  const now = app.sandbox.defaultSession.clock.epochSeconds()
  const claims = await tickets.open(ticket, { now, nin: patient.nin, orgnrs: ['310001295'] })
  t.match(claims, { nin: patient.nin, orgnr: '310001295', samtykke: 'HPAKUTT' })
  t.equal(claims.exp - claims.iat, 3600, 'valid one hour')
  // From the ticket's own iat: the request may have run in the second before this test read the clock.
  t.ok(claims.iat <= now && now - claims.iat <= 1, 'issued by the sandbox clock, at the request')
  await t.resolves(tickets.open(ticket, { now: claims.iat + 3599 }), 'reusable within the hour')
  await t.rejects(tickets.open(ticket, { now: claims.iat + 3600 }), { code: 'KJF-000015' }, 'expired')
  await t.rejects(tickets.open(ticket, { now, nin: '01887840020' }), { code: 'KJF-000011' }, 'another patient')
  await t.rejects(tickets.open(ticket, { now, orgnrs: ['310001406'] }), { code: 'KJF-000011' }, 'another organisation')
  const bytes = Buffer.from(ticket, 'base64')
  bytes[20] = (bytes[20] as number) ^ 1
  const tampered = bytes.toString('base64')
  await t.rejects(tickets.open(tampered, { now }), { code: 'KJF-000011' }, 'tampered')
  await t.rejects(tickets.open('not a ticket', { now }), { code: 'KJF-000011' })
  app.sandbox.defaultSession.clock.advance(3600_000)
  await t.rejects(tickets.open(ticket, { now: app.sandbox.defaultSession.clock.epochSeconds() }), { code: 'KJF-000015' }, 'the sandbox clock expires tickets')
})

t.test('headers: X-EVENT-ID and no-cache on every answer; /status is the same service', async (t) => {
  const app = await build(t)
  const res = await helseindikator(app, { fnr: '01887840020' }, { url: '/v1/helseindikator/status' })
  t.equal(res.statusCode, 200)
  t.match(res.headers['x-event-id'], /^Id-[0-9a-f]{32}$/)
  t.equal(res.headers['cache-control'], 'no-cache, must-revalidate, private, s-maxage=0')
  t.equal(res.headers.pragma, 'no-cache')
  t.notOk(res.headers['nhn-error-code'])
})

t.test('every JSON answer carries one random extra field, repeatable with SEED', async (t) => {
  const names = async (seed: string): Promise<string[]> => {
    const app = await build(t, { SEED: seed })
    const token = await systemToken(app)
    const out: string[] = []
    for (const body of [{ fnr: '01887840020' }, { fnr: '1' }, {}]) {
      const res = await helseindikator(app, body, { token })
      const extra = Object.keys(res.json()).filter((k) => !KNOWN_FIELDS.has(k) && !['feilkode', 'utviklermelding', 'brukermelding'].includes(k))
      t.equal(extra.length, 1, `one extra field on ${res.statusCode}`)
      out.push(extra[0] as string)
    }
    return out
  }
  const a = await names('42')
  t.same(await names('42'), a, 'same seed, same fields')
  t.not((await names('43')).join(), a.join(), 'another seed, other fields')
})

t.test('DPoP on the REST face: bound tokens by DPoP or (as NHN\'s sample does) Bearer; REQUIRE_DPOP refuses Bearer', async (t) => {
  const app = await build(t, { DPOP_NONCE: 'false' })
  const key = await dpopKey()
  const bound = (await tokenRequest(app, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' }, { dpop: await dpopProof(key, { htu: `${ISSUER}/connect/token` }) })).json().access_token as string
  const url = `${ISSUER}/v1/helseindikator`
  const withProof = await helseindikator(app, { fnr: '01887840020' }, { token: null, headers: { authorization: `DPoP ${bound}`, dpop: await dpopProof(key, { htu: url, accessToken: bound }) } })
  t.equal(withProof.statusCode, 200, withProof.body)
  const asBearer = await helseindikator(app, { fnr: '01887840020' }, { token: bound })
  t.equal(asBearer.statusCode, 200)
  const noProof = await helseindikator(app, { fnr: '01887840020' }, { token: null, headers: { authorization: `DPoP ${bound}` } })
  t.equal(noProof.json().feilkode, 'KJF-000198')
  const other = await dpopKey()
  const wrongKey = await helseindikator(app, { fnr: '01887840020' }, { token: null, headers: { authorization: `DPoP ${bound}`, dpop: await dpopProof(other, { htu: url, accessToken: bound }) } })
  t.match(wrongKey.json(), { feilkode: 'KJF-000198', utviklermelding: /another key/ })
  const strict = await build(t, { REQUIRE_DPOP: 'true', DPOP_NONCE: 'false' })
  const plain = await helseindikator(strict, { fnr: '01887840020' }, { token: await testToken(strict) })
  t.match(plain.json(), { feilkode: 'KJF-000198', utviklermelding: /requires a DPoP-bound token/ })
})

async function testToken (app: Awaited<ReturnType<typeof build>>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/v2/create-test-token-with-key', payload: { audience: 'nhn:kjernejournal', withoutDefaultUserClaims: true } })
  return res.json().successResponse.accessTokenJwt
}
