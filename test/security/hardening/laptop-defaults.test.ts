/**
 * Issue 18, item 12: defaults for a laptop. Outside a container the sandbox listens on
 * 127.0.0.1 unless HOST says otherwise (the image sets HOST=0.0.0.0), and `start` prints one
 * line when the admin API is open to the network without ADMIN_TOKEN.
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { openAdminWarning } from '../../../server/cli/exposure.js'
import { loadConfig } from '../../../server/config.js'

t.test('the default HOST is this machine only; the image still listens on every interface', async (t) => {
  t.equal(loadConfig({}).HOST, '127.0.0.1')
  t.equal(loadConfig({ HOST: '0.0.0.0' }).HOST, '0.0.0.0')
  t.match(readFileSync(new URL('../../../Dockerfile', import.meta.url), 'utf8'), /ENV [^\n]*HOST=0\.0\.0\.0/)
})

t.test('one warning line when the admin API is open to the network without ADMIN_TOKEN', async (t) => {
  t.equal(openAdminWarning(loadConfig({})), undefined, 'local: nothing to say')
  t.equal(openAdminWarning(loadConfig({ HOST: '::1' })), undefined)
  const open = openAdminWarning(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }))
  t.match(open, /admin API .* open .*0\.0\.0\.0:8080.*ADMIN_TOKEN/)
  t.notMatch(open, /\n/, 'one line')
  t.equal(openAdminWarning(loadConfig({ HOST: '0.0.0.0', ADMIN_TOKEN: 'a-long-token' })), undefined, 'guarded: nothing to say')
})
