import t from 'tap'
import { generateKeyPair, SignJWT } from 'jose'
import { CLIENT_ASSERTION_TYPE } from '../../../server/domain/helseid/claims.js'
import { build, clientAssertion, DEMO_CLIENT_ID, DEMO_PRIVATE_JWK, demoClientKey, ISSUER, TOKEN_ENDPOINT, tokenRequest } from '../../helper.js'

const grant = { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' }
const withAssertion = (assertion: string) => ({ ...grant, client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion })

t.test('an assertion signed with another key is invalid_client', async (t) => {
  const app = await build(t)
  const { privateKey } = await generateKeyPair('RS256')
  const res = await tokenRequest(app, withAssertion(await clientAssertion({ key: privateKey })))
  t.equal(res.statusCode, 400)
  t.match(res.json(), { error: 'invalid_client', error_description: /signature/ })
})

t.test('a reused jti is invalid_client', async (t) => {
  const app = await build(t)
  const assertion = await clientAssertion({ jti: 'once-only' })
  t.equal((await tokenRequest(app, withAssertion(assertion))).statusCode, 200)
  const again = await tokenRequest(app, withAssertion(assertion))
  t.match(again.json(), { error: 'invalid_client', error_description: /jti has been used/ })
})

t.test('an expired assertion is invalid_client', async (t) => {
  const app = await build(t)
  const past = Math.floor(Date.now() / 1000) - 600
  const res = await tokenRequest(app, withAssertion(await clientAssertion({ iat: past, exp: past + 60 })))
  t.match(res.json(), { error: 'invalid_client', error_description: /expired/ })
})

t.test('an assertion valid for too long is invalid_client', async (t) => {
  const app = await build(t)
  const now = Math.floor(Date.now() / 1000)
  const res = await tokenRequest(app, withAssertion(await clientAssertion({ iat: now, exp: now + 3600 })))
  t.match(res.json(), { error: 'invalid_client', error_description: /too long/ })
})

t.test('an unknown client is invalid_client', async (t) => {
  const app = await build(t)
  const res = await tokenRequest(app, withAssertion(await clientAssertion({ clientId: 'nobody' })))
  t.match(res.json(), { error: 'invalid_client', error_description: "unknown client 'nobody'" })
})

t.test('the assertion must be for this token endpoint or issuer', async (t) => {
  const app = await build(t)
  t.equal((await tokenRequest(app, withAssertion(await clientAssertion({ audience: ISSUER })))).statusCode, 200, 'the issuer is accepted')
  const res = await tokenRequest(app, withAssertion(await clientAssertion({ audience: 'https://helseid-sts.test.nhn.no/connect/token' })))
  t.match(res.json(), { error: 'invalid_client', error_description: /'aud'/ })
})

t.test('a wrong audience or issuer in the assertion names what was sent and what is expected', async (t) => {
  const app = await build(t)
  const wrongAud = await tokenRequest(app, withAssertion(await clientAssertion({ audience: 'https://helseid-sts.test.nhn.no/connect/token' })))
  t.equal(wrongAud.statusCode, 400)
  t.same(wrongAud.json(), {
    error: 'invalid_client',
    error_description: `client assertion claim 'aud' is invalid: it is 'https://helseid-sts.test.nhn.no/connect/token'; expected the token endpoint '${TOKEN_ENDPOINT}' or the issuer '${ISSUER}' (PUBLIC_URL sets both)`
  })
  const many = await tokenRequest(app, withAssertion(await clientAssertion({ audience: ['a', `"${'b'.repeat(400)}`] as unknown as string })))
  t.match(many.json(), { error: 'invalid_client', error_description: /^client assertion claim 'aud' is invalid: it is \['a', '\\u0022b{199}'\.\.\. \(401 characters\)\]; expected/ }, 'an array, each item bounded and escaped')
  const now = Math.floor(Date.now() / 1000)
  const otherIss = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: DEMO_PRIVATE_JWK.kid as string }).setIssuer('someone-else').setSubject(DEMO_CLIENT_ID)
    .setAudience(TOKEN_ENDPOINT).setIssuedAt(now).setExpirationTime(now + 60).setJti('iss-1').sign(await demoClientKey())
  t.same((await tokenRequest(app, withAssertion(otherIss))).json(), {
    error: 'invalid_client',
    error_description: `client assertion claim 'iss' is invalid: it is 'someone-else'; expected the client_id '${DEMO_CLIENT_ID}' in both iss and sub`
  })
})

t.test('HMAC-signed assertions and wrong assertion types are refused', async (t) => {
  const app = await build(t)
  const now = Math.floor(Date.now() / 1000)
  const hs = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('sandbox-demo-ehr').setSubject('sandbox-demo-ehr')
    .setAudience(`${ISSUER}/connect/token`).setIssuedAt(now).setExpirationTime(now + 60).setJti('x').sign(new TextEncoder().encode('a'.repeat(32)))
  t.match((await tokenRequest(app, withAssertion(hs))).json(), { error: 'invalid_client' })
  const wrongType = await tokenRequest(app, { ...grant, client_assertion_type: 'urn:other', client_assertion: await clientAssertion() })
  t.match(wrongType.json(), { error: 'invalid_client', error_description: /client_assertion_type/ })
  t.match((await tokenRequest(app, withAssertion('not-a-jwt'))).json(), { error: 'invalid_client', error_description: /not a JWT/ })
})

t.test('client_id must agree with the assertion; no authentication at all is invalid_client', async (t) => {
  const app = await build(t)
  const mismatch = await tokenRequest(app, { ...withAssertion(await clientAssertion()), client_id: 'sandbox-demo-ehr-secret' })
  t.match(mismatch.json(), { error: 'invalid_client', error_description: /does not match/ })
  const none = await tokenRequest(app, { ...grant, client_assertion: undefined })
  t.match(none.json(), { error: 'invalid_client', error_description: /missing/ })
  const wrongSecret = await tokenRequest(app, { ...grant, client_assertion: undefined, client_id: 'sandbox-demo-ehr-secret', client_secret: 'wrong-secret' })
  t.match(wrongSecret.json(), { error: 'invalid_client' })
  const keyClientWithSecret = await tokenRequest(app, { ...grant, client_assertion: undefined, client_id: 'sandbox-demo-ehr', client_secret: 'whatever-secret' })
  t.match(keyClientWithSecret.json(), { error: 'invalid_client' })
})

t.test('client-made JWTs can be judged by the sandbox clock instead of the wall clock', async (t) => {
  const app = await build(t, { CLIENT_JWT_CLOCK: 'sandbox' })
  app.sandbox.defaultSession.clock.advance(3600_000)
  const res = await tokenRequest(app, grant)
  t.match(res.json(), { error: 'invalid_client', error_description: /expired/ }, 'a wall-clock assertion is stale in sandbox time')
})
