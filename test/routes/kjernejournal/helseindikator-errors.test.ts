/** Every documented failure of the REST face, each with its code, in the real service's order. */
import t, { type Test } from 'tap'
import { build } from '../../helper.js'
import { helseindikator, ping, systemToken, testToken } from '../../support/kj.js'

const ORDINARY = { fnr: '01887840020' }

async function expectCode (t: Test, res: Awaited<ReturnType<typeof helseindikator>>, code: string, status: number, name: string): Promise<void> {
  t.equal(res.statusCode, status, `${name}: HTTP ${status}`)
  const body = res.json()
  t.match(body, { status, feilkode: code, utviklermelding: String, brukermelding: String }, `${name}: ${code}`)
  t.equal(res.headers['nhn-error-code'], code, `${name}: nhn-error-code`)
  t.equal(res.headers['x-kj-feilkode'], code, `${name}: X-KJ-Feilkode`)
  t.match(res.headers['x-event-id'], /^Id-[0-9a-f]{32}$/, `${name}: X-EVENT-ID`)
}

t.test('token failures', async (t) => {
  const app = await build(t)
  await expectCode(t, await helseindikator(app, ORDINARY, { token: null }), 'KJF-000279', 401, 'no bearer')
  await expectCode(t, await helseindikator(app, ORDINARY, { headers: { authorization: 'Basic abc' } }), 'KJF-000279', 401, 'not a bearer token')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: 'garbage' }), 'KJF-000198', 401, 'not a JWT')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: await testToken(app, { expirationParameters: { setExpirationTimeAsExpired: true } }) }), 'KJF-000198', 401, 'expired')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: await testToken(app, { audience: 'nhn:other-api' }) }), 'KJF-000198', 401, 'wrong audience')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: await testToken(app, { setInvalidIssuer: true }) }), 'KJF-000198', 401, 'wrong issuer')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: await testToken(app, { signJwtWithInvalidSigningKey: true }) }), 'KJF-000198', 401, 'unknown signing key')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: await testToken(app, { expirationParameters: { expirationTimeInSeconds: 7200 } }) }), 'KJF-000198', 401, 'lifetime too long')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: await systemToken(app, { scope: 'nhn:kjernejournal/api nhn:critical-information/api' }) }), 'KJF-000345', 401, 'several audiences')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: await testToken(app, { clientClaimsParameters: { scope: ['nhn:kjernejournal/innlogging'] } }) }), 'KJF-000197', 403, 'missing scope')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: await testToken(app, { userClaimsParameters: { securityLevel: '3' } }) }), 'KJF-000216', 403, 'security level 3')
  const secret = await systemToken(app, { client_assertion: undefined, client_id: 'sandbox-demo-ehr-secret', client_secret: 'sandbox-demo-secret' })
  await expectCode(t, await helseindikator(app, ORDINARY, { token: secret }), 'KJF-000225', 403, 'client secret')
  const noOrg = await testToken(app, { withoutDefaultUserClaims: true, clientClaimsParametersGeneration: 'GenerateOnlyFromNonEmptyParameterValues', clientClaimsParameters: { scope: ['nhn:kjernejournal/api'], clientId: 'x' } })
  await expectCode(t, await helseindikator(app, ORDINARY, { token: noOrg }), 'KJF-000218', 401, 'no organisation claim')
  const unsigned = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${(await systemToken(app)).split('.')[1]}.`
  await expectCode(t, await helseindikator(app, ORDINARY, { token: unsigned }), 'KJF-000198', 401, 'alg none')
})

t.test('header, organisation, method and content-type failures', async (t) => {
  const app = await build(t)
  await expectCode(t, await helseindikator(app, ORDINARY, { headers: { 'x-epj-system': '' } }), 'KJF-000353', 400, 'no X-EPJ-System')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: await testToken(app, { withoutDefaultUserClaims: true, clientClaimsParameters: { orgnrParent: '310003034', orgnrChild: '310003034' } }) }), 'KJF-000226', 403, 'unknown organisation')
  const orgs = [...app.sandbox.world.organisations.values()]
  const noAccess = orgs.find((o) => !o.access && o.active)
  const inactive = orgs.find((o) => !o.active)
  t.ok(noAccess && inactive, 'the fixtures have an organisation without access and an inactive one')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: await testToken(app, { withoutDefaultUserClaims: true, clientClaimsParameters: { orgnrParent: noAccess!.orgnr, orgnrChild: noAccess!.orgnr } }) }), 'KJF-000227', 403, 'no access')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: await testToken(app, { withoutDefaultUserClaims: true, clientClaimsParameters: { orgnrParent: inactive!.orgnr, orgnrChild: inactive!.orgnr } }) }), 'KJF-000331', 403, 'inactive organisation')
  await expectCode(t, await helseindikator(app, ORDINARY, { method: 'GET' }), 'KJF-000349', 405, 'GET')
  await expectCode(t, await helseindikator(app, ORDINARY, { headers: { 'content-type': 'text/plain' } }), 'KJF-000350', 415, 'text/plain')
  await expectCode(t, await helseindikator(app, '<fnr/>', { headers: { 'content-type': 'application/xml' } }), 'KJF-000350', 415, 'XML')
})

t.test('body failures', async (t) => {
  const app = await build(t)
  await expectCode(t, await helseindikator(app, '{"fnr":'), 'KJF-000206', 400, 'malformed JSON')
  await expectCode(t, await helseindikator(app, '[]'), 'KJF-000206', 400, 'not an object')
  await expectCode(t, await helseindikator(app, {}), 'KJF-000295', 400, 'no fnr')
  await expectCode(t, await helseindikator(app, { fnr: 1887840020 }), 'KJF-000351', 400, 'fnr as a number')
  await expectCode(t, await helseindikator(app, { fnr: '01887840020', samtykke: 1 }), 'KJF-000351', 400, 'samtykke as a number')
  await expectCode(t, await helseindikator(app, { fnr: '01887840020', samtykke: 'JA' }), 'KJF-000323', 400, 'unknown consent')
  await expectCode(t, await helseindikator(app, { fnr: '01887840020', legemiddelFraDato: '11.06.2021' }), 'KJF-000214', 400, 'unparsable date')
  await expectCode(t, await helseindikator(app, { fnr: '01887840020', legemiddelFraDato: '2021-02-30' }), 'KJF-000214', 400, 'impossible date')
  const inactive = [...app.sandbox.world.patients.values()].filter((p) => p.status !== 'active')
  t.ok(inactive.length >= 2, 'dead and emigrated patients exist')
  for (const p of inactive) await expectCode(t, await helseindikator(app, { fnr: p.nin }), 'KJF-000017', 403, `${p.status} patient`)
})

t.test('the first failing check answers, in the real service\'s order', async (t) => {
  const app = await build(t)
  await expectCode(t, await helseindikator(app, 'x', { token: null, headers: { 'content-type': 'text/plain' } }), 'KJF-000350', 415, 'content type before token')
  await expectCode(t, await helseindikator(app, ORDINARY, { token: null, headers: { 'x-epj-system': '' } }), 'KJF-000279', 401, 'token before X-EPJ-System')
  await expectCode(t, await helseindikator(app, '{', { headers: { 'x-epj-system': '' } }), 'KJF-000353', 400, 'X-EPJ-System before body')
  const zero = await helseindikator(app, { fnr: '12345678901', samtykke: 'JA' })
  t.equal(zero.json().status, 0, 'NIN before consent: an invalid number is status 0 whatever the consent')
})

t.test('ping shares the chain and answers a timestamp', async (t) => {
  const app = await build(t)
  const ok = await ping(app)
  t.equal(ok.statusCode, 200)
  t.ok(Number.isFinite(Date.parse(ok.json().Pong)), 'Pong is a timestamp (the field NHN\'s ping table names)')
  t.notOk('pong' in ok.json(), 'one spelling only (PING_FIELD)')
  t.match(ok.headers['x-event-id'], /^Id-/)
  await expectCode(t, await ping(app, { token: null }), 'KJF-000279', 401, 'ping without token')
  await expectCode(t, await ping(app, { headers: { 'x-epj-system': '' } }), 'KJF-000353', 400, 'ping without X-EPJ-System')
  await expectCode(t, await ping(app, { method: 'POST' }), 'KJF-000349', 405, 'POST ping')
  await expectCode(t, await ping(app, { token: await testToken(app, { withoutDefaultUserClaims: true, clientClaimsParameters: { orgnrParent: '310003034', orgnrChild: '310003034' } }) }), 'KJF-000226', 403, 'ping from an unknown organisation')
  const missing = await app.inject('/v1/nothing')
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().feilkode, 'KJF-000229')
})
