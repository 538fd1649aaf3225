import t from 'tap'
import { ConfigError, flagsToEnv, loadConfig } from '../server/config.js'

t.test('defaults give a sandbox on 8080 whose issuer is localhost', async (t) => {
  const config = loadConfig({})
  t.equal(config.PORT, 8080)
  t.equal(config.PUBLIC_URL, 'http://localhost:8080')
  t.equal(config.REQUIRE_DPOP, false)
  t.equal(config.ACCESS_TOKEN_LIFETIME, 600)
  t.ok(Object.isFrozen(config))
})

t.test('flags override the environment and name settings in kebab-case', async (t) => {
  const config = loadConfig({ PORT: '9000', REQUIRE_DPOP: 'false' }, ['--port', '9100', '--require-dpop', '--public-url=https://kj.example/'])
  t.equal(config.PORT, 9100)
  t.equal(config.REQUIRE_DPOP, true)
  t.equal(config.PUBLIC_URL, 'https://kj.example', 'trailing slash dropped so endpoint URLs join cleanly')
})

t.test('a bad value stops start-up with one line naming the setting', async (t) => {
  t.throws(() => loadConfig({ PORT: 'eighty' }), { name: 'ConfigError', message: /^Invalid setting PORT="eighty": / })
  t.throws(() => loadConfig({ REQUIRE_DPOP: 'maybe' }), /Invalid setting REQUIRE_DPOP/)
  t.throws(() => loadConfig({ PUBLIC_URL: 'ftp://x' }), /Invalid setting PUBLIC_URL/)
  t.throws(() => loadConfig({ ACCESS_TOKEN_LIFETIME: '0' }), /Invalid setting ACCESS_TOKEN_LIFETIME/)
  t.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /Invalid setting LOG_LEVEL/)
})

t.test('every setting error is one line, also for a value with line breaks in it', async (t) => {
  const bad: Array<Record<string, string>> = [
    { PORT: 'eighty' }, { PORT: '70000' }, { REQUIRE_DPOP: 'maybe' }, { PUBLIC_URL: 'ftp://x' }, { PUBLIC_URL: 'ftp://x\n/y' },
    { ACCESS_TOKEN_LIFETIME: '0' }, { LOG_LEVEL: 'loud\nquiet' }
  ]
  for (const env of bad) {
    try {
      loadConfig(env)
      t.fail(`${JSON.stringify(env)} accepted`)
    } catch (err) {
      t.type(err, ConfigError)
      t.notMatch((err as Error).message, /\n/, `${JSON.stringify(env)}: ${(err as Error).message}`)
    }
  }
})

t.test('unknown flags and stray arguments are refused', async (t) => {
  t.throws(() => flagsToEnv(['--no-such-thing', '1']), ConfigError)
  t.throws(() => flagsToEnv(['stray']), /Unexpected argument 'stray'/)
})

t.test('empty environment values count as unset', async (t) => {
  t.equal(loadConfig({ PORT: '' }).PORT, 8080)
})

t.test('PUBLIC_URLS: every served URL, PUBLIC_URL first; the first of the list when PUBLIC_URL is unset', async (t) => {
  t.same(loadConfig({}).PUBLIC_URLS, ['http://localhost:8080'])
  const listed = loadConfig({ PUBLIC_URLS: 'http://localhost:8080/, http://kjernejournal-sandbox:8080' })
  t.equal(listed.PUBLIC_URL, 'http://localhost:8080')
  t.same(listed.PUBLIC_URLS, ['http://localhost:8080', 'http://kjernejournal-sandbox:8080'])
  const both = loadConfig({ PUBLIC_URL: 'http://kj.test', PUBLIC_URLS: 'http://a.test,http://kj.test' })
  t.same(both.PUBLIC_URLS, ['http://kj.test', 'http://a.test'], 'PUBLIC_URL first, no repeats')
  t.throws(() => loadConfig({ PUBLIC_URLS: 'http://ok.test,kjernejournal-sandbox' }), { name: 'ConfigError', message: /^Invalid setting PUBLIC_URLS=.*'kjernejournal-sandbox' is not a base URL/ })
  t.throws(() => loadConfig({ PUBLIC_URLS: 'ftp://x.test' }), /Invalid setting PUBLIC_URLS/)
})
