/**
 * The container health check (server/cli/healthcheck.ts): where it looks, read as `start` reads
 * PORT and HOST. What it calls healthy, against real sockets: test/e2e/healthcheck.test.ts.
 */
import t from 'tap'
import { healthTarget, healthWaitMs } from '../../server/cli/healthcheck.js'
import { loadConfig } from '../../server/config.js'

t.test('PORT and HOST as start reads them: defaults, the environment, flags over both', async (t) => {
  const config = loadConfig({})
  t.same(healthTarget({}, []), { host: config.HOST, port: config.PORT }, 'the same defaults as start')
  t.same(healthTarget({ PORT: '9000', HOST: '10.0.0.2' }, []), { host: '10.0.0.2', port: 9000 })
  t.same(healthTarget({ PORT: '', HOST: '' }, []), { host: '127.0.0.1', port: 8080 }, 'empty is unset')
  t.same(healthTarget({ PORT: '9000' }, ['--port', '9001']), { host: '127.0.0.1', port: 9001 }, 'a flag wins')
  t.same(healthTarget({}, ['--port=9002', '--host=::1']), { host: '::1', port: 9002 })
  t.same(healthTarget({}, ['--log-level', 'debug', '--require-dpop', '--port', '9003']), { host: '127.0.0.1', port: 9003 }, 'other settings, with or without a value, are passed over')
  t.same(healthTarget({ HOST: '0.0.0.0' }, []).host, '127.0.0.1', 'a wildcard address is checked on loopback')
  t.same(healthTarget({ HOST: '::' }, []).host, '127.0.0.1')
})

t.test('a setting it cannot use is a ConfigError, as start would give', async (t) => {
  for (const port of ['abc', '70000', '-1', '80.5']) {
    t.throws(() => healthTarget({ PORT: port }, []), { name: 'ConfigError', message: new RegExp(`^Invalid setting PORT="${port.replace('.', '\\.')}"`) }, port)
    t.throws(() => loadConfig({ PORT: port }), { name: 'ConfigError' }, `start refuses ${port} too`)
  }
  t.throws(() => healthTarget({}, ['8080']), { name: 'ConfigError', message: "Unexpected argument '8080'" })
})

t.test('--wait is seconds to wait for a port nobody listens on yet, 0 to 10', async (t) => {
  t.equal(healthWaitMs([]), 0, 'no waiting unless asked')
  t.equal(healthWaitMs(['--wait', '2']), 2000)
  t.equal(healthWaitMs(['--port', '9000', '--wait=0.25']), 250)
  for (const bad of [['--wait'], ['--wait', '-1'], ['--wait', '11'], ['--wait', 'soon'], ['--wait=']]) {
    t.throws(() => healthWaitMs(bad), { name: 'ConfigError', message: /^Invalid option --wait/ }, bad.join(' '))
  }
})
