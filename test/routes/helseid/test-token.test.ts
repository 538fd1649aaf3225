import t from 'tap'
import type { FastifyInstance } from 'fastify'
import {
  calculateJwkThumbprint, createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, exportJWK,
  exportPKCS8, generateKeyPair, jwtVerify, type JWK, type JWTPayload
} from 'jose'
import { ReplayGuard } from '../../../server/domain/replay-guard.js'
import { CLAIM } from '../../../server/domain/helseid/claims.js'
import { DpopProofError, verifyDpopProof, type DpopFailure } from '../../../server/domain/helseid/dpop.js'
import type { InvalidDpopProofParameters } from '../../../server/domain/helseid/test-token/request.js'
import { build, ISSUER } from '../../helper.js'

const PATH = '/v2/create-test-token-with-key'
const AUDIENCE = 'nhn:kjernejournal'
const HTU = 'https://innlogging.sandbox.test/api/session/ping'

type Asserts = Pick<typeof t, 'equal' | 'type'>

interface TttResponse {
  isError: boolean
  successResponse: { accessTokenJwt: string, dPoPProof: string | null } | null
  errorResponse: { errorMessage: string } | null
}

function ttt (app: FastifyInstance, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: PATH, headers: { 'x-auth-key': 'any key: the sandbox ignores it', ...headers }, payload: body as Record<string, unknown> })
}

async function tokens (t: Asserts, app: FastifyInstance, body: unknown): Promise<{ accessTokenJwt: string, dPoPProof: string | null }> {
  const res = await ttt(app, body)
  t.equal(res.statusCode, 200, res.statusCode === 200 ? 'HTTP 200' : res.body)
  const json = res.json<TttResponse>()
  t.equal(json.isError, false)
  t.equal(json.errorResponse, null)
  return json.successResponse as { accessTokenJwt: string, dPoPProof: string | null }
}

async function claims (t: Asserts, app: FastifyInstance, body: unknown): Promise<JWTPayload> {
  return decodeJwt((await tokens(t, app, body)).accessTokenJwt)
}

async function jwks (app: FastifyInstance) {
  const res = await app.inject({ method: 'GET', url: '/.well-known/openid-configuration/jwks' })
  return createLocalJWKSet(res.json())
}

async function tttError (t: Asserts, app: FastifyInstance, body: unknown, headers: Record<string, string> = {}): Promise<string> {
  const res = await ttt(app, body, headers)
  t.equal(res.statusCode, 400, res.statusCode === 400 ? 'HTTP 400' : res.body)
  const json = res.json<TttResponse>()
  t.equal(json.isError, true)
  t.equal(json.successResponse, null)
  t.type(json.errorResponse?.errorMessage, 'string')
  return json.errorResponse?.errorMessage ?? ''
}

const MANDATORY = ['aud', 'exp', 'iat', 'iss', 'jti', 'nbf']

t.test('a bare request gives a HelseID-shaped token that verifies against the JWKS', async (t) => {
  const app = await build(t)
  const { accessTokenJwt, dPoPProof } = await tokens(t, app, { audience: AUDIENCE })
  t.equal(dPoPProof, null, 'no DPoP proof unless asked for')
  const { payload, protectedHeader } = await jwtVerify(accessTokenJwt, await jwks(app), { issuer: ISSUER, audience: AUDIENCE, typ: 'at+jwt', algorithms: ['RS256'] })
  t.equal(protectedHeader.kid, app.sandbox.keys.active.kid)
  t.equal(payload.client_id, 'sandbox-demo-ehr')
  t.equal(payload[CLAIM.orgnrParent], '310001147')
  t.equal(payload[CLAIM.orgnrChild], '310001295')
  t.equal(payload[CLAIM.clientAmr], 'private_key_jwt')
  t.match(payload.scope, ['nhn:kjernejournal/api'])
  t.equal(payload[CLAIM.pid], '01887840020')
  t.equal(payload[CLAIM.hprNumber], '900100101')
  t.equal(payload[CLAIM.securityLevel], '4')
  t.equal(payload[CLAIM.assuranceLevel], 'high')
  t.equal(payload[CLAIM.network], 'internett')
  t.equal(payload.idp, 'testidp-oidc')
  t.equal(payload.name, 'Ingrid Lege')
  t.same(payload.amr, ['pwd'])
  t.type(payload.sub, 'string')
  t.type(payload.sid, 'string')
  t.equal((payload.exp as number) - (payload.iat as number), 600)
})

t.test('times come from the session clock', async (t) => {
  const app = await build(t)
  app.sandbox.defaultSession.clock.advance(86400 * 1000)
  const payload = await claims(t, app, { audience: AUDIENCE })
  t.ok(Math.abs((payload.iat as number) - (Date.now() / 1000 + 86400)) < 5)
  t.equal(payload.nbf, payload.iat)
})

t.test('property names bind case-insensitively, as in ASP.NET', async (t) => {
  const app = await build(t)
  const payload = await claims(t, app, { Audience: 'nhn:other', ClientClaimsParameters: { ClientId: 'pascal' } })
  t.equal(payload.aud, 'nhn:other')
  t.equal(payload.client_id, 'pascal')
})

t.test('ParametersGeneration modes, by number or by name', async (t) => {
  const app = await build(t)
  const given = { clientId: 'superman', orgnrParent: '', scope: ['save', 'the_world'] }

  const none = await claims(t, app, { audience: AUDIENCE, clientClaimsParametersGeneration: 0, userClaimsParametersGeneration: 'GenerateNone', clientClaimsParameters: given })
  t.same(Object.keys(none).sort(), MANDATORY, 'GenerateNone: no client or user claims')

  const onlyDefault = await claims(t, app, { audience: AUDIENCE, clientClaimsParametersGeneration: 'GenerateOnlyDefault', userClaimsParametersGeneration: 1, clientClaimsParameters: given, userClaimsParameters: { pid: '15897140001' } })
  t.equal(onlyDefault.client_id, 'sandbox-demo-ehr', 'parameters are ignored')
  t.equal(onlyDefault[CLAIM.pid], '01887840020')

  const onlyParams = await claims(t, app, { audience: AUDIENCE, clientClaimsParametersGeneration: 2, userClaimsParametersGeneration: 'generateonlyfromnonemptyparametervalues', clientClaimsParameters: given, userClaimsParameters: { pid: '15897140001', name: '' } })
  t.equal(onlyParams.client_id, 'superman')
  t.same(onlyParams.scope, ['save', 'the_world'])
  t.notOk(CLAIM.orgnrParent in onlyParams, 'empty parameter values make no claim')
  t.equal(onlyParams[CLAIM.pid], '15897140001')
  t.notOk('name' in onlyParams)
  t.notOk(CLAIM.securityLevel in onlyParams)

  const both = await claims(t, app, { audience: AUDIENCE, clientClaimsParametersGeneration: 3, userClaimsParametersGeneration: 3, clientClaimsParameters: { clientId: 'x' }, userClaimsParameters: { pid: '15897140001', securityLevel: '3' } })
  t.equal(both.client_id, 'x')
  t.equal(both[CLAIM.orgnrParent], '310001147', 'defaults stay')
  t.equal(both[CLAIM.pid], '15897140001')
  t.equal(both[CLAIM.securityLevel], '3')
  t.equal(both[CLAIM.assuranceLevel], 'substantial', 'kept in step with the level')
  t.equal(both.idp, 'testidp-oidc')

  const v1 = await claims(t, app, { audience: AUDIENCE, generalClaimsParametersGeneration: 2, generalClaimsParameters: { scope: ['nhn:kjernejournal/api'] } })
  t.same(v1.scope, ['nhn:kjernejournal/api'], 'the v1 "general claims" names still work')
  t.notOk('client_id' in v1)
  t.notOk(CLAIM.pid in v1, 'with a mode named for client claims, unnamed user claims are none (v1)')
})

t.test('withoutDefault*Claims: only mandatory claims, plus the parameters given', async (t) => {
  const app = await build(t)
  const bare = await claims(t, app, { audience: AUDIENCE, withoutDefaultClientClaims: true, withoutDefaultUserClaims: true })
  t.same(Object.keys(bare).sort(), MANDATORY)
  // HelseID's TestTokenDemo sends this: parameter objects imply withoutDefault*Claims.
  const demo = await claims(t, app, {
    audience: 'the_universe',
    withoutDefaultClientClaims: true,
    withoutDefaultUserClaims: true,
    clientClaimsParameters: { clientId: 'superman', clientName: 'Superman client', orgnrParent: '123456789', scope: ['save', 'the_world'] },
    userClaimsParameters: { name: 'Clark Kent', pid: '20080012345', securityLevel: '1337', hprNumber: '' },
    setSubject: true
  })
  t.equal(demo.client_id, 'superman')
  t.equal(demo[CLAIM.clientName], 'Superman client')
  t.equal(demo.name, 'Clark Kent')
  t.equal(demo[CLAIM.securityLevel], '1337')
  t.type(demo.sub, 'string', 'setSubject makes sub from the pid')
  t.notOk(CLAIM.hprNumber in demo)
  t.notOk(CLAIM.orgnrChild in demo)
})

t.test('client and user parameters map to their HelseID claims', async (t) => {
  const app = await build(t)
  const payload = await claims(t, app, {
    audience: AUDIENCE,
    withoutDefaultClientClaims: true,
    withoutDefaultUserClaims: true,
    clientClaimsParameters: {
      sfmJournalId: 'j-1',
      orgnrChild: '310001295',
      orgnrSupplier: '310001392',
      clientTenancy: true,
      authenticationMethodsReferences: ['private_key_jwt'],
      clientAuthenticationMethodsReferences: 'rsa_private_key',
      jti: 'my-jti',
      cnfJkt: 'abc'
    },
    userClaimsParameters: {
      pidPseudonym: 'pp',
      hprNumber: '1',
      givenName: 'G',
      middleName: 'M',
      familyName: 'F',
      identityProvider: 'bankid',
      assuranceLevel: 'high',
      network: 'helsenett',
      amr: 'external',
      subject: 'S',
      sid: 'SID'
    }
  })
  t.match(payload, {
    [CLAIM.journalId]: 'j-1',
    [CLAIM.orgnrChild]: '310001295',
    [CLAIM.orgnrSupplier]: '310001392',
    [CLAIM.clientTenancy]: 'multi-tenant',
    [CLAIM.clientAmrHelseId]: 'rsa_private_key',
    jti: 'my-jti',
    cnf: { jkt: 'abc' },
    [CLAIM.pidPseudonym]: 'pp',
    [CLAIM.hprNumber]: '1',
    given_name: 'G',
    middle_name: 'M',
    family_name: 'F',
    idp: 'bankid',
    [CLAIM.assuranceLevel]: 'high',
    [CLAIM.network]: 'helsenett',
    amr: ['external'],
    sub: 'S',
    sid: 'SID'
  })
})

t.test('person switches look people up in the sandbox\'s registers', async (t) => {
  const app = await build(t)
  const payload = await claims(t, app, {
    audience: AUDIENCE,
    userClaimsParameters: { pid: '15897140001' },
    getPersonFromPersontjenesten: true,
    getHprNumberFromHprregisteret: true,
    setPidPseudonym: true
  })
  t.equal(payload.name, 'Sverre Nilsen Sykepleier')
  t.equal(payload.middle_name, 'Nilsen')
  t.equal(payload[CLAIM.hprNumber], '900100202')
  t.type(payload[CLAIM.pidPseudonym], 'string')
  const message = await tttError(t, app, { audience: AUDIENCE, userClaimsParameters: { pid: '20080012345' }, getHprNumberFromHprregisteret: true })
  t.match(message, /20080012345/)
  t.match(await tttError(t, app, { audience: AUDIENCE, withoutDefaultUserClaims: true, setPidPseudonym: true }), /needs a pid/)
})

t.test('a pid the registers lack gets a synthesised person and HPR number: NHN\'s TestTokenDemo request works unchanged', async (t) => {
  const app = await build(t)
  // The request as NHN's TestTokenDemo serialises it (shared/reference/real/examples), the parts that matter.
  const demo = {
    audience: 'nhn:kjernejournal',
    withoutDefaultClientClaims: true,
    withoutDefaultUserClaims: true,
    createTillitsrammeverkClaims: true,
    getHprNumberFromHprregisteret: true,
    setPidPseudonym: true,
    expirationParameters: {},
    headerParameters: { typ: '' },
    clientClaimsParameters: { scope: ['nhn:kjernejournal/innlogging', 'nhn:kjernejournal/tillitsrammeverk', 'nhn:kjernejournal/api'], clientId: 'fake', sfmJournalId: '', orgnrParent: '958935420', orgnrChild: '894234482', orgnrSupplier: '', authenticationMethodsReferences: [], clientAuthenticationMethodsReferences: '', clientName: '', jti: '', cnfJkt: '', cnfPublicKey: '' },
    userClaimsParameters: { pid: '05898597468', pidPseudonym: '', hprNumber: '', name: 'Julenissen', givenName: '', middleName: '', familyName: '', identityProvider: '', securityLevel: '4', assuranceLevel: '', network: '', amr: '', subject: '', sid: '' },
    apiSpecificClaims: []
  }
  const payload = await claims(t, app, demo)
  t.equal(payload[CLAIM.pid], '05898597468')
  t.match(payload[CLAIM.hprNumber], /^8\d{8}$/, 'a synthesised HPR number (starts with 8, which no fixture user\'s does)')
  t.equal((await claims(t, app, demo))[CLAIM.hprNumber], payload[CLAIM.hprNumber], 'the same every time')
  t.equal(payload.name, 'Julenissen', 'names given are kept')
  const named = await claims(t, app, { audience: AUDIENCE, userClaimsParameters: { pid: '05898597468' }, getPersonFromPersontjenesten: true })
  t.equal(named.name, 'Syntetisk Testperson')
  const nhnUser = await claims(t, app, { audience: AUDIENCE, userClaimsParameters: { pid: '05085600143' }, getHprNumberFromHprregisteret: true })
  t.equal(nhnUser[CLAIM.hprNumber], '900100707', 'NHN\'s published test user is a fixture user')
})

t.test('expired tokens are refused', async (t) => {
  const app = await build(t)
  const { accessTokenJwt } = await tokens(t, app, { audience: AUDIENCE, expirationParameters: { setExpirationTimeAsExpired: true } })
  await t.rejects(jwtVerify(accessTokenJwt, await jwks(app), { issuer: ISSUER, audience: AUDIENCE }), errors.JWTExpired)
  const payload = decodeJwt(accessTokenJwt)
  t.ok((payload.exp as number) < Date.now() / 1000 - 300, 'expired by more than .NET\'s default clock skew')
})

t.test('expiration in seconds or days', async (t) => {
  const app = await build(t)
  const seconds = await claims(t, app, { audience: AUDIENCE, expirationParameters: { expirationTimeInSeconds: 60 } })
  t.equal((seconds.exp as number) - (seconds.iat as number), 60)
  const days = await claims(t, app, { audience: AUDIENCE, expirationParameters: { expirationTimeInDays: 2 } })
  t.equal((days.exp as number) - (days.iat as number), 2 * 86400)
})

t.test('signJwtWithInvalidSigningKey: signed by a key not in the JWKS', async (t) => {
  const app = await build(t)
  const { accessTokenJwt } = await tokens(t, app, { audience: AUDIENCE, signJwtWithInvalidSigningKey: true })
  const { kid } = decodeProtectedHeader(accessTokenJwt)
  t.equal(kid, (await app.sandbox.keys.invalid()).kid)
  t.not(kid, app.sandbox.keys.active.kid)
  await t.rejects(jwtVerify(accessTokenJwt, await jwks(app)))
})

t.test('setInvalidIssuer and setInvalidAudience', async (t) => {
  const app = await build(t)
  const keySet = await jwks(app)
  const badIssuer = (await tokens(t, app, { audience: AUDIENCE, setInvalidIssuer: true })).accessTokenJwt
  t.not(decodeJwt(badIssuer).iss, ISSUER)
  await t.rejects(jwtVerify(badIssuer, keySet, { issuer: ISSUER, audience: AUDIENCE }), errors.JWTClaimValidationFailed)
  const badAudience = (await tokens(t, app, { audience: AUDIENCE, setInvalidAudience: true })).accessTokenJwt
  t.not(decodeJwt(badAudience).aud, AUDIENCE)
  await t.rejects(jwtVerify(badAudience, keySet, { issuer: ISSUER, audience: AUDIENCE }), errors.JWTClaimValidationFailed)
})

t.test('headerParameters.typ', async (t) => {
  const app = await build(t)
  const jwt = (await tokens(t, app, { audience: AUDIENCE, headerParameters: { typ: 'jwt' } })).accessTokenJwt
  t.equal(decodeProtectedHeader(jwt).typ, 'JWT')
  const at = (await tokens(t, app, { audience: AUDIENCE, headerParameters: { typ: 'at+jwt' } })).accessTokenJwt
  t.equal(decodeProtectedHeader(at).typ, 'at+jwt')
  t.match(await tttError(t, app, { audience: AUDIENCE, headerParameters: { typ: 'dpop+jwt' } }), /typ/)
})

t.test('apiSpecificClaims become claims; a repeated type becomes a list', async (t) => {
  const app = await build(t)
  const payload = await claims(t, app, {
    audience: AUDIENCE,
    apiSpecificClaims: [{ type: 'nhn:role', value: 'a' }, { type: 'nhn:role', value: 'b' }, { type: 'nhn:x', value: 'y' }]
  })
  t.same(payload['nhn:role'], ['a', 'b'])
  t.equal(payload['nhn:x'], 'y')
})

t.test('createTillitsrammeverkClaims: an authorization_details attest', async (t) => {
  const app = await build(t)
  const payload = await claims(t, app, {
    audience: AUDIENCE,
    createTillitsrammeverkClaims: true,
    tillitsrammeverkClaimsParameters: { practitionerAuthorizationCode: 'SP', practitionerPointOfCareId: '310001392', practitionerPointOfCareName: 'Fake poc', careRelationshipTracingRefId: 'ref-1' }
  })
  const [details] = payload.authorization_details as Array<Record<string, any>>
  t.match(details, {
    type: 'nhn:tillitsrammeverk:parameters',
    practitioner: {
      authorization: { code: 'SP', system: 'urn:oid:2.16.578.1.12.4.1.1.9060' },
      legal_entity: { id: '310001147', system: 'urn:oid:2.16.578.1.12.4.1.4.101' },
      point_of_care: { id: '310001392', name: 'Fake poc' }
    },
    care_relationship: {
      purpose_of_use: { code: 'TREAT' },
      purpose_of_use_details: { code: 'BEHANDLER' },
      decision_ref: { id: 'ref-1', user_selected: true }
    },
    patients: [{ point_of_care: { id: '310001392' } }]
  })
  t.notOk('department' in details.practitioner)
})

function dpopCheck (accessToken: string, replay = new ReplayGuard(100)) {
  return { method: 'GET', url: HTU, now: Math.floor(Date.now() / 1000), replay, accessToken }
}

t.test('createDPoPTokenWithDPoPProof: a bound token and a proof that verifies', async (t) => {
  const app = await build(t)
  const { accessTokenJwt, dPoPProof } = await tokens(t, app, {
    audience: AUDIENCE,
    createDPoPTokenWithDPoPProof: true,
    dPoPProofParameters: { htmClaimValue: 'GET', htuClaimValue: HTU }
  })
  t.type(dPoPProof, 'string')
  const proof = await verifyDpopProof(dPoPProof as string, dpopCheck(accessTokenJwt))
  const { payload } = await jwtVerify(accessTokenJwt, await jwks(app), { issuer: ISSUER, audience: AUDIENCE, typ: 'at+jwt' })
  t.equal((payload.cnf as { jkt: string }).jkt, proof.jkt)
  t.equal(decodeProtectedHeader(dPoPProof as string).alg, 'ES256')
})

t.test('DPoP with the vendor\'s own key, or the vendor\'s cnf.jkt', async (t) => {
  const app = await build(t)
  const { privateKey } = await generateKeyPair('ES384', { extractable: true })
  const jwk = await exportJWK(privateKey)
  const { d: _d, ...publicJwk } = jwk
  const own = await tokens(t, app, {
    audience: AUDIENCE,
    createDPoPTokenWithDPoPProof: true,
    dPoPProofParameters: { htmClaimValue: 'GET', htuClaimValue: HTU, privateKeyForProofCreation: JSON.stringify(jwk) }
  })
  const proof = await verifyDpopProof(own.dPoPProof as string, dpopCheck(own.accessTokenJwt))
  t.equal(proof.jkt, await calculateJwkThumbprint(publicJwk as JWK))
  t.equal((decodeJwt(own.accessTokenJwt).cnf as { jkt: string }).jkt, proof.jkt)
  t.equal(decodeProtectedHeader(own.dPoPProof as string).alg, 'ES384')

  const rsa = await generateKeyPair('PS256', { extractable: true })
  for (const [key, alg] of [[{ ...await exportJWK(rsa.privateKey), alg: 'PS256' }, 'PS256'], [await exportPKCS8(rsa.privateKey), 'RS256']] as const) {
    const made = await tokens(t, app, {
      audience: AUDIENCE,
      createDPoPTokenWithDPoPProof: true,
      dPoPProofParameters: { htmClaimValue: 'GET', htuClaimValue: HTU, privateKeyForProofCreation: key }
    })
    t.equal(decodeProtectedHeader(made.dPoPProof as string).alg, alg, `an RSA key signs with ${alg}`)
    await verifyDpopProof(made.dPoPProof as string, dpopCheck(made.accessTokenJwt))
  }
  t.match(await tttError(t, app, { audience: AUDIENCE, createDPoPTokenWithDPoPProof: true, dPoPProofParameters: { htmClaimValue: 'GET', htuClaimValue: HTU, privateKeyForProofCreation: { ...jwk, alg: 'RS256' } } }), /does not fit/)

  const given = await claims(t, app, {
    audience: AUDIENCE,
    createDPoPTokenWithDPoPProof: true,
    clientClaimsParameters: { cnfJkt: 'vendor-jkt' },
    dPoPProofParameters: { htmClaimValue: 'GET', htuClaimValue: HTU }
  })
  t.same(given.cnf, { jkt: 'vendor-jkt' })
  t.match(await tttError(t, app, { audience: AUDIENCE, createDPoPTokenWithDPoPProof: true, dPoPProofParameters: { htmClaimValue: 'GET', htuClaimValue: HTU, privateKeyForProofCreation: JSON.stringify(publicJwk) } }), /private key/)
  t.match(await tttError(t, app, { audience: AUDIENCE, createDPoPTokenWithDPoPProof: true, dPoPProofParameters: { htmClaimValue: 'GET' } }), /htuClaimValue/)
})

const REFUSED_FOR: Record<Exclude<InvalidDpopProofParameters, 'None'>, DpopFailure> = {
  DontSetHtuClaimValue: 'htu',
  DontSetHtmClaimValue: 'htm',
  SetIatValueInThePast: 'iat',
  SetIatValueInTheFuture: 'iat',
  DontSetAthClaimValue: 'ath',
  DontSetAlgHeader: 'alg',
  DontSetJwkHeader: 'jwk',
  DontSetJtiClaim: 'jti',
  SetAlgHeaderToASymmetricAlgorithm: 'alg',
  SetPrivateKeyInJwkHeader: 'jwk',
  SetInvalidTypHeaderValue: 'typ',
  SetAnInvalidSignature: 'signature'
}

t.test('every invalid DPoP proof variant is refused for its own reason', async (t) => {
  const app = await build(t)
  for (const [variant, reason] of Object.entries(REFUSED_FOR)) {
    const { accessTokenJwt, dPoPProof } = await tokens(t, app, {
      audience: AUDIENCE,
      createDPoPTokenWithDPoPProof: true,
      dPoPProofParameters: { htmClaimValue: 'GET', htuClaimValue: HTU, invalidDPoPProofParameters: variant }
    })
    const refusal = await verifyDpopProof(dPoPProof as string, dpopCheck(accessTokenJwt)).then(() => undefined, (err: unknown) => err)
    t.ok(refusal instanceof DpopProofError, `${variant} is refused`)
    t.equal((refusal as DpopProofError).reason, reason, `${variant} is refused for ${reason}`)
  }
})

t.test('the invalid DPoP variants are broken as named', async (t) => {
  const app = await build(t)
  const proofFor = async (variant: string | number) => {
    const { dPoPProof } = await tokens(t, app, {
      audience: AUDIENCE,
      createDPoPTokenWithDPoPProof: true,
      dPoPProofParameters: { htmClaimValue: 'GET', htuClaimValue: HTU, invalidDPoPProofParameters: variant }
    })
    return { header: decodeProtectedHeader(dPoPProof as string), payload: decodeJwt(dPoPProof as string) }
  }
  t.notOk('htu' in (await proofFor(1)).payload, 'numeric enum value 1: DontSetHtuClaimValue')
  t.notOk('htm' in (await proofFor('DontSetHtmClaimValue')).payload)
  t.ok(((await proofFor('SetIatValueInThePast')).payload.iat as number) < Date.now() / 1000 - 60)
  t.ok(((await proofFor('SetIatValueInTheFuture')).payload.iat as number) > Date.now() / 1000 + 60)
  t.notOk('ath' in (await proofFor(5)).payload)
  t.notOk('alg' in (await proofFor('DontSetAlgHeader')).header)
  t.notOk('jwk' in (await proofFor('DontSetJwkHeader')).header)
  t.notOk('jti' in (await proofFor('DontSetJtiClaim')).payload)
  t.equal((await proofFor('SetAlgHeaderToASymmetricAlgorithm')).header.alg, 'HS256')
  t.ok('d' in ((await proofFor('SetPrivateKeyInJwkHeader')).header.jwk as JWK))
  t.not((await proofFor('SetInvalidTypHeaderValue')).header.typ, 'dpop+jwt')
  t.match(await tttError(t, app, { audience: AUDIENCE, createDPoPTokenWithDPoPProof: true, dPoPProofParameters: { htmClaimValue: 'GET', htuClaimValue: HTU, invalidDPoPProofParameters: 'Nonsense' } }), /invalidDPoPProofParameters/)
})

t.test('bad input answers 400 in the TTT shape, never 500', async (t) => {
  const app = await build(t)
  t.match(await tttError(t, app, {}), /audience is required/)
  t.match(await tttError(t, app, { audience: '' }), /audience is required/)
  t.match(await tttError(t, app, { audience: 5 }), /audience/)
  t.match(await tttError(t, app, []), /JSON object/)
  t.match(await tttError(t, app, { audience: AUDIENCE, clientClaimsParametersGeneration: 7 }), /clientClaimsParametersGeneration/)
  t.match(await tttError(t, app, { audience: AUDIENCE, expirationParameters: { expirationTimeInSeconds: -1 } }), /expirationTimeInSeconds/)
  t.match(await tttError(t, app, { audience: AUDIENCE, clientClaimsParameters: { cnfPublicKey: 'not json' } }), /cnfPublicKey/)
  await tttError(t, app, '{"audience": ', { 'content-type': 'application/json' })
  const wrongType = await ttt(app, '<audience/>', { 'content-type': 'application/xml' })
  t.equal(wrongType.statusCode, 415)
  t.equal(wrongType.json<TttResponse>().isError, true, 'framework errors keep the TTT shape')
  const empty = await app.inject({ method: 'POST', url: PATH })
  t.equal(empty.statusCode, 400)
  t.equal(empty.json<TttResponse>().isError, true)
  const nulls = await claims(t, app, { audience: AUDIENCE, clientClaimsParameters: null, expirationParameters: null, setInvalidIssuer: null })
  t.equal(nulls.client_id, 'sandbox-demo-ehr', 'nulls from C# clients mean "not given"')
})
