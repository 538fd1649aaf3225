/**
 * Kjernejournal's access-token chain as a pure function, without Fastify: each check with the
 * code its failure yields, and the real service's order (where a token fails two checks, the
 * earlier one answers). routes/kjernejournal/helseindikator-errors.test.ts covers the same
 * codes through HTTP.
 */
import t, { type Test } from 'tap'
import { CompactSign, SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload } from 'jose'
import { ReplayGuard } from '../../../server/domain/replay-guard.js'
import { CLAIM } from '../../../server/domain/helseid/claims.js'
import { cachedJwsVerifier } from '../../../server/domain/helseid/verified-tokens.js'
import { verifyKjToken, type KjTokenCheck } from '../../../server/domain/kjernejournal/access-token.js'
import { KjError } from '../../../server/domain/kj-error.js'
import { dpopKey, dpopProof } from '../../support/dpop.js'

const ISSUER = 'http://sandbox.test'
const AUDIENCE = 'nhn:kjernejournal'
const SCOPE = 'nhn:kjernejournal/api'
/** Sandbox time, seconds: fixed, so every time check is exact. */
const NOW = 1_800_000_000
const ENDPOINT = 'http://sandbox.test/v1/helseindikator'

const hel = await generateKeyPair('RS256')
const foreign = await generateKeyPair('RS256')
const publicJwk = { ...await exportJWK(hel.publicKey), kid: 'hel-1', alg: 'RS256' }
const keySet = createLocalJWKSet({ keys: [publicJwk] })

/** A system token as HelseID issues it for Kjernejournal, valid at NOW. */
const SYSTEM: JWTPayload = {
  iss: ISSUER,
  aud: AUDIENCE,
  iat: NOW - 10,
  nbf: NOW - 10,
  exp: NOW + 290,
  scope: SCOPE,
  client_id: 'acme-ehr',
  [CLAIM.orgnrParent]: '310001147',
  [CLAIM.orgnrChild]: '310001295',
  [CLAIM.clientAmr]: 'private_key_jwt'
}
const USER: JWTPayload = { ...SYSTEM, [CLAIM.pid]: '01887840020', [CLAIM.hprNumber]: '900100101', [CLAIM.securityLevel]: '4' }

interface SignOptions { typ?: string, kid?: string, foreignKey?: boolean }

async function sign (claims: JWTPayload, options: SignOptions = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: options.typ ?? 'at+jwt', kid: options.kid ?? 'hel-1' })
    .sign(options.foreignKey === true ? foreign.privateKey : hel.privateKey)
}

/** Everything but the claim `name`. */
function without (payload: JWTPayload, name: string): JWTPayload {
  const { [name]: _dropped, ...rest } = payload
  return rest
}

function check (patch: Partial<KjTokenCheck> = {}): KjTokenCheck {
  return {
    verify: cachedJwsVerifier(keySet, ['RS256']),
    issuers: [ISSUER],
    audience: AUDIENCE,
    scope: SCOPE,
    now: NOW,
    maxLifetime: 3600,
    requireDpop: false,
    proof: { maxAge: 1, skew: 5 },
    request: { method: 'POST', url: ENDPOINT, proofNow: NOW },
    replay: new ReplayGuard(100),
    ...patch
  }
}

/** The code (and, when given, the words of the reason) `verifyKjToken` fails with. */
async function refuses (tt: Test, authorization: string | undefined, code: string, reason: RegExp | undefined, name: string, patch: Partial<KjTokenCheck> = {}): Promise<void> {
  try {
    await verifyKjToken(authorization, check(patch))
  } catch (err) {
    tt.type(err, KjError, `${name}: a KjError`)
    tt.equal((err as KjError).code, code, `${name}: ${code}`)
    if (reason !== undefined) tt.match((err as KjError).diagnostics, reason, `${name}: says why`)
    return
  }
  tt.fail(`${name}: accepted`)
}

const bearer = (token: string): string => `Bearer ${token}`

t.test('a valid system token and a valid user token pass, with their claims read out', async (t) => {
  const system = await sign(SYSTEM)
  t.same(await verifyKjToken(bearer(system), check()), {
    raw: system,
    scheme: 'bearer',
    payload: SYSTEM,
    clientId: 'acme-ehr',
    orgnrParent: '310001147',
    orgnrChild: '310001295'
  })
  const user = await sign(USER)
  t.match(await verifyKjToken(`bearer  ${user}  `, check()), {
    clientId: 'acme-ehr', pid: '01887840020', hprNumber: '900100101', securityLevel: '4'
  }, 'the scheme is case-insensitive and spaces around the token are allowed')
  t.equal((await verifyKjToken(bearer(await sign(SYSTEM, { typ: 'JWT' })), check())).clientId, 'acme-ehr', 'typ JWT is accepted too')
  t.equal((await verifyKjToken(bearer(await sign({ ...SYSTEM, aud: [AUDIENCE] })), check())).clientId, 'acme-ehr', 'a one-element audience array is one audience')
  t.equal((await verifyKjToken(bearer(await sign({ ...SYSTEM, scope: ['openid', SCOPE] })), check())).clientId, 'acme-ehr', 'scope as an array')
  t.equal((await verifyKjToken(bearer(await sign({ ...SYSTEM, exp: NOW - 4 })), check())).clientId, 'acme-ehr', '5 seconds of skew on exp')
})

t.test('1. present: no or a malformed Authorization header is KJF-000279', async (t) => {
  await refuses(t, undefined, 'KJF-000279', /Authorization: Bearer/, 'no header')
  await refuses(t, '', 'KJF-000279', undefined, 'empty')
  await refuses(t, 'Basic abc', 'KJF-000279', undefined, 'another scheme')
  await refuses(t, 'Bearer', 'KJF-000279', undefined, 'no token')
  await refuses(t, 'Bearer a b', 'KJF-000279', undefined, 'two tokens')
})

t.test('2. signature, typ and times: each failure is KJF-000198', async (t) => {
  await refuses(t, bearer('garbage'), 'KJF-000198', /not a JWT/, 'not a JWT')
  const hmac = await new SignJWT(SYSTEM).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(new Uint8Array(32))
  await refuses(t, bearer(hmac), 'KJF-000198', /alg 'HS256' is not accepted/, 'another alg')
  const unsigned = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${(await sign(SYSTEM)).split('.')[1] as string}.`
  await refuses(t, bearer(unsigned), 'KJF-000198', /alg 'none'/, 'alg none')
  await refuses(t, bearer(await sign(SYSTEM, { typ: 'dpop+jwt' })), 'KJF-000198', /typ must be at\+jwt or JWT/, 'wrong typ')
  await refuses(t, bearer(await sign(SYSTEM, { kid: 'other' })), 'KJF-000198', /unknown kid/, 'unknown kid')
  await refuses(t, bearer(await sign(SYSTEM, { foreignKey: true })), 'KJF-000198', /signature is not valid/, 'another key under a known kid')
  const notClaims = await new CompactSign(new TextEncoder().encode('[1, 2]')).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'hel-1' }).sign(hel.privateKey)
  await refuses(t, bearer(notClaims), 'KJF-000198', /cannot be verified \(.*JSON object/, 'signed, but no claims set')
  await refuses(t, bearer(await sign(without(SYSTEM, 'exp'))), 'KJF-000198', /'exp' is invalid \(missing\)/, 'no exp')
  await refuses(t, bearer(await sign(without(SYSTEM, 'iat'))), 'KJF-000198', /'iat' is invalid \(missing\)/, 'no iat')
  await refuses(t, bearer(await sign({ ...SYSTEM, iss: 'https://helseid-sts.nhn.no' })), 'KJF-000198', /'iss' is invalid: the token's issuer is 'https:\/\/helseid-sts\.nhn\.no'; expected 'http:\/\/sandbox\.test'/, 'another issuer')
  await refuses(t, bearer(await sign({ ...SYSTEM, exp: String(NOW + 60) } as unknown as JWTPayload)), 'KJF-000198', /'exp' is invalid \(invalid\)/, 'exp not a number')
  await refuses(t, bearer(await sign({ ...SYSTEM, nbf: NOW + 6 })), 'KJF-000198', /'nbf' is invalid \(check_failed\)/, 'not yet valid')
  await refuses(t, bearer(await sign({ ...SYSTEM, exp: NOW - 5 })), 'KJF-000198', /expired/, 'expired')
  await refuses(t, bearer(await sign({ ...SYSTEM, iat: NOW + 6, exp: NOW + 100 })), 'KJF-000198', /iat is in the future/, 'issued in the future')
})

t.test('times are judged by the check\'s clock, also for a token whose signature is remembered', async (t) => {
  const token = await sign(SYSTEM)
  const verify = cachedJwsVerifier(keySet, ['RS256'])
  await verifyKjToken(bearer(token), check({ verify }))
  t.ok(verify.known(token), 'the signature is remembered')
  await refuses(t, bearer(token), 'KJF-000198', /expired/, 'later, the same token has expired', { verify, now: NOW + 300 })
  await refuses(t, bearer(token), 'KJF-000198', /'iss' is invalid/, 'and is judged against the issuer', { verify, issuers: ['http://sandbox.test/s/team-a'] })
})

t.test('an issuer mismatch names both issuers and the setting, and echoes a hostile iss bounded and inert', async (t) => {
  await refuses(t, bearer(await sign({ ...SYSTEM, iss: 'http://sandbox.test/s/qa-1' })), 'KJF-000198',
    /^claim 'iss' is invalid: the token's issuer is 'http:\/\/sandbox\.test\/s\/qa-1'; expected 'http:\/\/sandbox\.test' \(PUBLIC_URL sets the issuer; a token from \/s\/<session> belongs to that session's URLs\)$/,
    'a session token used without its session')
  await refuses(t, bearer(await sign(without(SYSTEM, 'iss'))), 'KJF-000198', /the token's issuer is missing; expected 'http:\/\/sandbox\.test'/, 'no iss')
  await refuses(t, bearer(await sign({ ...SYSTEM, iss: 42 } as unknown as JWTPayload)), 'KJF-000198', /the token's issuer is not a string \(number\)/, 'iss not a string')
  try {
    await verifyKjToken(bearer(await sign({ ...SYSTEM, iss: `"<x>\r\n${'a'.repeat(5000)}` })), check())
    t.fail('accepted')
  } catch (err) {
    const why = (err as KjError).diagnostics ?? ''
    t.ok(why.length < 600, `bounded (${why.length} characters)`)
    t.match(why, /the token's issuer is '\\u0022<x>\\u000d\\u000aa+'\.\.\. \(5006 characters\)/, 'cut at 200 characters, quotes and line breaks escaped')
    t.notMatch(why, /["\r\n]/, 'no quote or line break from the token')
  }
})

t.test('3. audience: several are KJF-000345, a wrong one KJF-000198', async (t) => {
  await refuses(t, bearer(await sign({ ...SYSTEM, aud: [AUDIENCE, 'nhn:critical-information'] })), 'KJF-000345', /ask HelseID for nhn:kjernejournal alone/, 'several audiences')
  await refuses(t, bearer(await sign({ ...SYSTEM, aud: 'nhn:other-api' })), 'KJF-000198', /wrong audience 'nhn:other-api'/, 'another audience')
  await refuses(t, bearer(await sign(without(SYSTEM, 'aud'))), 'KJF-000198', /wrong audience 'undefined'/, 'no audience')
})

t.test('4. lifetime: longer than allowed (plus skew) is KJF-000198', async (t) => {
  const long = { ...SYSTEM, iat: NOW - 10, exp: NOW - 10 + 3606 }
  await refuses(t, bearer(await sign(long)), 'KJF-000198', /valid for 3606 seconds; at most 3600/, 'over an hour')
  t.equal((await verifyKjToken(bearer(await sign({ ...long, exp: NOW - 10 + 3605 })), check())).clientId, 'acme-ehr', 'within the skew')
})

t.test('5. scope: without the API\'s scope is KJF-000197', async (t) => {
  await refuses(t, bearer(await sign({ ...SYSTEM, scope: 'nhn:kjernejournal/innlogging' })), 'KJF-000197', /no scope nhn:kjernejournal\/api/, 'another scope')
  await refuses(t, bearer(await sign(without(SYSTEM, 'scope'))), 'KJF-000197', undefined, 'no scope')
})

t.test('6. security level: a user token below 4 is KJF-000216; a system token has none', async (t) => {
  await refuses(t, bearer(await sign({ ...USER, [CLAIM.securityLevel]: '3' })), 'KJF-000216', /security_level is '3'/, 'level 3')
  await refuses(t, bearer(await sign(without(USER, CLAIM.securityLevel))), 'KJF-000216', /security_level is 'undefined'/, 'a user token without a level')
})

t.test('7. client authentication: a client secret is KJF-000225, in either amr claim', async (t) => {
  await refuses(t, bearer(await sign({ ...SYSTEM, [CLAIM.clientAmr]: 'client_secret_post' })), 'KJF-000225', /client_amr is 'client_secret_post'/, 'client_amr')
  await refuses(t, bearer(await sign({ ...SYSTEM, [CLAIM.clientAmrHelseId]: 'pwd' })), 'KJF-000225', /amr is 'pwd'/, 'HelseID\'s amr claim')
  t.equal((await verifyKjToken(bearer(await sign({ ...SYSTEM, [CLAIM.clientAmr]: 'enterprise_certificate' })), check())).clientId, 'acme-ehr', 'an enterprise certificate is key-based')
})

t.test('8. required claims: no orgnr_parent or client_id is KJF-000218', async (t) => {
  await refuses(t, bearer(await sign(without(SYSTEM, CLAIM.orgnrParent))), 'KJF-000218', /orgnr_parent/, 'no orgnr_parent')
  await refuses(t, bearer(await sign(without(SYSTEM, 'client_id'))), 'KJF-000218', /no client_id/, 'no client_id')
})

t.test('9. DPoP: the binding and the proof; each failure is KJF-000198', async (t) => {
  const key = await dpopKey()
  const bound = await sign({ ...SYSTEM, cnf: { jkt: key.jkt } })
  const proof = (options: { accessToken?: string, htu?: string } = {}): Promise<string> =>
    dpopProof(key, { htu: options.htu ?? ENDPOINT, iat: NOW, accessToken: options.accessToken ?? bound })

  const viaBearer = await verifyKjToken(bearer(bound), check())
  t.equal(viaBearer.jkt, key.jkt, 'a DPoP-bound token sent as Bearer passes (NHN\'s sample EHR does so) and keeps its jkt')
  await refuses(t, bearer(bound), 'KJF-000198', /requires a DPoP-bound token/, 'Bearer when DPoP is required', { requireDpop: true })

  const request = async (dpop?: string | string[]): Promise<KjTokenCheck['request']> => ({ method: 'POST', url: ENDPOINT, proofNow: NOW, ...(dpop !== undefined && { dpop }) })
  const replay = new ReplayGuard(100)
  const accepted = await verifyKjToken(`DPoP ${bound}`, check({ requireDpop: true, request: await request(await proof()), replay }))
  t.equal(accepted.jkt, key.jkt, 'DPoP scheme with a matching proof')

  await refuses(t, `DPoP ${await sign(SYSTEM)}`, 'KJF-000198', /not DPoP-bound \(no cnf\.jkt\)/, 'DPoP scheme, unbound token', { request: await request(await proof()) })
  await refuses(t, `DPoP ${bound}`, 'KJF-000198', /a DPoP proof .* is required/, 'no proof', { request: await request() })
  await refuses(t, `DPoP ${bound}`, 'KJF-000198', /exactly one/, 'two proofs', { request: await request([await proof(), await proof()]) })
  await refuses(t, `DPoP ${bound}`, 'KJF-000198', /htu must be/, 'a proof for another ENDPOINT', { request: await request(await proof({ htu: 'http://sandbox.test/v1/ping' })) })
  await refuses(t, `DPoP ${bound}`, 'KJF-000198', /ath does not match/, 'a proof for another token', { request: await request(await proof({ accessToken: 'other' })) })
  const once = await proof()
  await verifyKjToken(`DPoP ${bound}`, check({ request: await request(once), replay }))
  await refuses(t, `DPoP ${bound}`, 'KJF-000198', /used before/, 'a proof used twice', { request: await request(once), replay })
  await refuses(t, `DPoP ${bound}`, 'KJF-000198', /without query or fragment/, 'a proof whose htu carries the query (RFC 9449 4.2)', { request: await request(await proof({ htu: `${ENDPOINT}?fnr=1` })) })
  const otherKey = await dpopKey()
  const foreignProof = await dpopProof(otherKey, { htu: ENDPOINT, iat: NOW, accessToken: bound })
  await refuses(t, `DPoP ${bound}`, 'KJF-000198', /another key than the token is bound to/, 'a proof made with another key', { request: await request(foreignProof) })
})

t.test('DPoP-bound token as Bearer: refused where the API says so (RFC 9449 7.1), else accepted', async (t) => {
  const key = await dpopKey()
  const bound = await sign({ ...SYSTEM, cnf: { jkt: key.jkt } })
  await refuses(t, bearer(bound), 'KJF-000198', /DPoP-bound \(cnf\.jkt\); send it as Authorization: DPoP/, 'bound token as Bearer', { refuseBoundBearer: true })
  t.equal((await verifyKjToken(bearer(await sign(SYSTEM)), check({ refuseBoundBearer: true }))).clientId, 'acme-ehr', 'an unbound Bearer token still passes')
  t.equal((await verifyKjToken(bearer(bound), check({ refuseBoundBearer: false }))).jkt, key.jkt, 'helseindikator keeps taking it')
})

t.test('DPoP proof age: DPOP_PROOF_MAX_AGE plus DPOP_CLOCK_SKEW, as NHN\'s sample API (1 s + 5 s)', async (t) => {
  const key = await dpopKey()
  const bound = await sign({ ...SYSTEM, cnf: { jkt: key.jkt } })
  const at = async (iat: number, proof: KjTokenCheck['proof'] = { maxAge: 1, skew: 5 }): Promise<KjTokenCheck> =>
    check({ proof, request: { method: 'POST', url: ENDPOINT, proofNow: NOW, dpop: await dpopProof(key, { htu: ENDPOINT, iat, accessToken: bound }) } })
  t.equal((await verifyKjToken(`DPoP ${bound}`, await at(NOW - 6))).jkt, key.jkt, '6 s old: 1 s + 5 s skew')
  t.equal((await verifyKjToken(`DPoP ${bound}`, await at(NOW + 5))).jkt, key.jkt, '5 s ahead: the skew')
  await refuses(t, `DPoP ${bound}`, 'KJF-000198', /iat must be within the last 1 seconds/, '7 s old', await at(NOW - 7))
  await refuses(t, `DPoP ${bound}`, 'KJF-000198', /iat/, '6 s ahead', await at(NOW + 6))
  t.equal((await verifyKjToken(`DPoP ${bound}`, await at(NOW - 60, { maxAge: 60, skew: 0 }))).jkt, key.jkt, 'a longer DPOP_PROOF_MAX_AGE is honoured')

  t.same((await verifyKjToken(`DPoP ${bound}`, await at(NOW - 60, { maxAge: 60, skew: 0 }))).proof, { age: 60, htuHasQuery: false }, 'the proof\'s age is read out for the route to judge')
  t.same((await verifyKjToken(`DPoP ${bound}`, await at(NOW + 5))).proof, { age: -5, htuHasQuery: false }, 'a proof made ahead has a negative age')
  t.equal((await verifyKjToken(bearer(bound), check())).proof, undefined, 'Bearer has no proof')
  const queried = check({ proof: { maxAge: 1, skew: 5, strictHtu: false }, request: { method: 'POST', url: ENDPOINT, proofNow: NOW, dpop: await dpopProof(key, { htu: `${ENDPOINT}?fnr=1`, iat: NOW, accessToken: bound }) } })
  t.same((await verifyKjToken(`DPoP ${bound}`, queried)).proof, { age: 0, htuHasQuery: true }, 'DPOP_STRICT_HTU off: a query in htu passes and is read out')
})

t.test('the order: where a token fails two checks, the earlier check answers', async (t) => {
  const several = [AUDIENCE, 'nhn:critical-information']
  await refuses(t, bearer(await sign({ ...SYSTEM, aud: several, exp: NOW - 60 })), 'KJF-000198', /expired/, 'expiry before audience')
  await refuses(t, bearer(await sign({ ...SYSTEM, aud: several, iat: NOW - 10, exp: NOW + 7200 })), 'KJF-000345', undefined, 'audience before lifetime')
  await refuses(t, bearer(await sign({ ...SYSTEM, exp: NOW + 7200, scope: 'other' })), 'KJF-000198', /valid for/, 'lifetime before scope')
  await refuses(t, bearer(await sign({ ...USER, scope: 'other', [CLAIM.securityLevel]: '3' })), 'KJF-000197', undefined, 'scope before security level')
  await refuses(t, bearer(await sign({ ...USER, [CLAIM.securityLevel]: '3', [CLAIM.clientAmr]: 'client_secret_post' })), 'KJF-000216', undefined, 'security level before client authentication')
  await refuses(t, bearer(await sign({ ...without(SYSTEM, CLAIM.orgnrParent), [CLAIM.clientAmr]: 'client_secret_post' })), 'KJF-000225', undefined, 'client authentication before required claims')
  await refuses(t, `DPoP ${await sign(without(SYSTEM, CLAIM.orgnrParent))}`, 'KJF-000218', undefined, 'required claims before DPoP')
  await refuses(t, 'Basic x', 'KJF-000279', undefined, 'presence first')
})

t.test('several served issuers (PUBLIC_URLS): a token from any of them passes; a mismatch lists them, the caller\'s first', async (t) => {
  const other = 'http://kjernejournal-sandbox:8080'
  await verifyKjToken(bearer(await sign({ ...SYSTEM, iss: other })), check({ issuers: [ISSUER, other] }))
  await refuses(t, bearer(await sign({ ...SYSTEM, iss: 'http://elsewhere.test' })), 'KJF-000198',
    /^claim 'iss' is invalid: the token's issuer is 'http:\/\/elsewhere\.test'; expected 'http:\/\/kjernejournal-sandbox:8080' or 'http:\/\/sandbox\.test' \(PUBLIC_URL and PUBLIC_URLS set the issuers; /,
    'an issuer not served', { issuers: [other, ISSUER] })
})

t.test('a Bearer token that passed is judged afresh for another API, lifetime or DPoP rule, and its times on every request', async (t) => {
  // One verifier, as the sandbox has: its cache hands out one payload per token.
  const verify = cachedJwsVerifier(keySet, ['RS256'])
  const header = bearer(await sign(SYSTEM))
  const first = await verifyKjToken(header, check({ verify }))
  t.equal(await verifyKjToken(header, check({ verify })), first, 'the same verdict again')
  t.ok(Object.isFrozen(first), 'and nobody can change it')
  await refuses(t, header, 'KJF-000198', /wrong audience/, 'another audience', { verify, audience: 'nhn:other' })
  await refuses(t, header, 'KJF-000197', /no scope/, 'another scope', { verify, scope: 'nhn:other/api' })
  await refuses(t, header, 'KJF-000198', /at most 60/, 'a shorter lifetime', { verify, maxLifetime: 60 })
  await refuses(t, header, 'KJF-000198', /requires a DPoP-bound token/, 'DPoP required', { verify, requireDpop: true })
  await refuses(t, header, 'KJF-000198', /expired/, 'the session clock past exp', { verify, now: NOW + 1000 })
  await refuses(t, header, 'KJF-000198', /iss/, 'another issuer', { verify, issuers: ['http://elsewhere.test'] })
  t.equal(await verifyKjToken(header, check({ verify })), first, 'and passes again where it passed')
})
