import t from 'tap'
import { buildApp, CATALOGUE, loadConfig } from '../server/index.js'

t.test('the package entry builds a sandbox in-process', async (t) => {
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://in-process.test' }), { logger: false })
  t.teardown(() => app.close())
  const res = await app.inject('/.well-known/openid-configuration')
  t.equal(res.json().issuer, 'http://in-process.test')
  t.ok(CATALOGUE.length > 200)
})
