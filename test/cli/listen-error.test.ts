/** Listen failures a user fixes with PORT or HOST are one-line ConfigErrors; others stay bugs. */
import t from 'tap'
import { listenError } from '../../server/cli/listen-error.js'
import { ConfigError } from '../../server/config.js'

const at = { PORT: 8080, HOST: '0.0.0.0' }
const failure = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`listen ${code}`), { code })

t.test('a busy port, a privileged port and a foreign host name the setting to change', async (t) => {
  const busy = listenError(failure('EADDRINUSE'), at)
  t.type(busy, ConfigError)
  t.equal(busy?.message, 'port 8080 on 0.0.0.0 is already in use; set PORT (or --port) to a free port, or stop what listens there')
  t.match(listenError(failure('EACCES'), { PORT: 80, HOST: '0.0.0.0' })?.message, /^port 80 on 0\.0\.0\.0 needs privileges .*set PORT \(or --port\) to 1024 or above$/)
  t.match(listenError(failure('EADDRNOTAVAIL'), { PORT: 8080, HOST: '10.9.9.9' })?.message, /^HOST 10\.9\.9\.9 is not an address of this machine; set HOST \(or --host\)/)
  for (const err of [busy, listenError(failure('EACCES'), at), listenError(failure('EADDRNOTAVAIL'), at)]) {
    t.notMatch(err?.message, /\n/, 'one line')
  }
})

t.test('anything else is left alone', async (t) => {
  t.equal(listenError(failure('EMFILE'), at), undefined)
  t.equal(listenError(new Error('boom'), at), undefined)
  t.equal(listenError(undefined, at), undefined)
  t.equal(listenError('a string', at), undefined)
})
