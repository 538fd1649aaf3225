/** Per-request log lines: none at the default level (the hot path stays quiet), one at debug. */
import t from 'tap'
import { Writable } from 'node:stream'
import { build } from '../helper.js'

function capture (): { stream: Writable, lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = []
  const stream = new Writable({ write (chunk, _encoding, done) { chunks.push(String(chunk)); done() } })
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) }
}

t.test('at info, answering requests writes no log lines', async (t) => {
  const { stream, lines } = capture()
  const app = await build(t, {}, { logger: { level: 'info', stream } })
  const before = lines().length
  await app.inject('/v1/ping')
  await app.inject('/.well-known/openid-configuration')
  t.equal(lines().length, before)
})

t.test('at debug, one line per answered request, with codes and without secrets in the URL', async (t) => {
  const { stream, lines } = capture()
  const app = await build(t, {}, { logger: { level: 'debug', stream } })
  await app.inject('/v1/ping')
  await app.inject('/connect/authorize?client_id=x&code=secret-code-value&state=s')
  const answered = lines().filter((line) => line.msg === 'request answered')
  t.equal(answered.length, 2)
  t.match(answered[0], { method: 'GET', url: '/v1/ping', status: 401, code: 'KJF-000279' })
  t.notOk(JSON.stringify(answered).includes('secret-code-value'), 'a code in the query is redacted')
})
