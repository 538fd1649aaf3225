import t from 'tap'
import { decodeJwt } from 'jose'
import { QUICK_MINT_FLAGS, QUICK_MINT_FLAG_INFO, tooLongLifetime } from '../../../server/domain/helseid/test-token/quick-mint.js'
import { build } from '../../helper.js'
import { ping } from '../../support/kj.js'

type App = Awaited<ReturnType<typeof build>>

async function mint (app: App, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/__admin/tokens', payload: body as Record<string, unknown>, headers })
}

async function minted (app: App, body: unknown): Promise<string> {
  const res = await mint(app, body)
  if (res.statusCode !== 200) throw new Error(`mint answered ${res.statusCode}: ${res.body}`)
  return res.json().accessToken as string
}

t.test('a plain token works at /v1/ping; system and user tokens', async (t) => {
  const app = await build(t)
  const res = await mint(app, {})
  t.equal(res.statusCode, 200)
  t.equal(res.headers['cache-control'], 'no-store')
  const body = res.json()
  t.match(body, { tokenType: 'Bearer', audience: 'nhn:kjernejournal', flags: [], expectedCodes: [] })
  t.same(body.claims, decodeJwt(body.accessToken), 'the claims shown are the token\'s')
  t.notOk('helseid://claims/identity/pid' in body.claims, 'no user: a system token')
  t.equal((await ping(app, { token: body.accessToken })).statusCode, 200)

  const user = await minted(app, { user: '900100202', organisation: '' })
  const claims = decodeJwt(user)
  t.equal(claims['helseid://claims/identity/pid'], '15897140001', 'an HPR number finds the fixture user')
  t.equal(claims['helseid://claims/hpr/hpr_number'], '900100202')
  t.equal(claims.family_name, 'Sykepleier', 'with the user\'s own names')
  t.equal((await ping(app, { token: user })).statusCode, 200)

  const stranger = decodeJwt(await minted(app, { user: '24868510168' }))
  t.equal(stranger['helseid://claims/identity/pid'], '24868510168', 'any valid pid is a user the registers do not know')
  t.notOk('helseid://claims/hpr/hpr_number' in stranger)

  const ci = decodeJwt(await minted(app, { audience: 'nhn:critical-information' }))
  t.equal(ci.aud, 'nhn:critical-information')
  t.same(ci.scope, ['nhn:critical-information/api'])
})

t.test('each flag makes a token the REST face refuses with its code', async (t) => {
  const app = await build(t)
  for (const flag of QUICK_MINT_FLAGS) {
    const body = await mint(app, { user: '01887840020', flags: [flag] })
    t.equal(body.statusCode, 200, flag)
    t.same(body.json().expectedCodes, [{ flag, code: QUICK_MINT_FLAG_INFO[flag].code }])
    const res = await ping(app, { token: body.json().accessToken })
    t.equal(res.headers['nhn-error-code'], QUICK_MINT_FLAG_INFO[flag].code, `${flag}: ${res.json().utviklermelding}`)
  }
  const long = decodeJwt(await minted(app, { flags: ['too-long'] }))
  t.equal((long.exp as number) - (long.iat as number), tooLongLifetime(app.sandbox.config.KJ_MAX_TOKEN_LIFETIME))
})

t.test('the organisation is the token\'s: Kjernejournal judges it', async (t) => {
  const app = await build(t)
  const noAgreement = await ping(app, { token: await minted(app, { organisation: '310001813' }) })
  t.equal(noAgreement.headers['nhn-error-code'], 'KJF-000227')
  const pointOfCare = decodeJwt(await minted(app, { organisation: '310001554' }))
  t.equal(pointOfCare['helseid://claims/client/claims/orgnr_parent'], '310001406', 'a point of care comes with its legal entity')
  t.equal(pointOfCare['helseid://claims/client/claims/orgnr_child'], '310001554')
  t.equal((await ping(app, { token: await minted(app, { organisation: '310001554' }) })).statusCode, 200)
})

t.test('bad choices are 400 in the admin shape; ADMIN_TOKEN guards the endpoint', async (t) => {
  const app = await build(t)
  for (const body of [{ user: 'abc' }, { user: '12345678901' }, { flags: ['level-3'] }, { flags: ['nonsense'] }, { audience: 'nhn:other' }, { extra: true }]) {
    const res = await mint(app, body)
    t.equal(res.statusCode, 400, JSON.stringify(body))
    t.equal(res.json().error, 'invalid_request')
  }
  const guarded = await build(t, { ADMIN_TOKEN: 'mint-secret' })
  t.equal((await mint(guarded, {})).statusCode, 401)
  t.equal((await mint(guarded, {}, { authorization: 'Bearer mint-secret' })).statusCode, 200)
})
