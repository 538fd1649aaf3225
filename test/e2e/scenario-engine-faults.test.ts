/**
 * Faults need a real connection to be seen: a listening sandbox on 127.0.0.1 and a raw TCP
 * client. The discovery document is the normal answer (no token needed).
 */
import t from 'tap'
import { connect } from 'node:net'
import { startSandbox } from '../support/server.js'

const SCENARIOS = {
  'reset.yaml': 'rules: [{ then: { fault: reset } }]',
  'empty.yaml': 'rules: [{ then: { fault: empty } }]',
  'malformed.yaml': 'rules: [{ then: { fault: malformed } }]',
  'dribble.yaml': 'rules: [{ then: { fault: dribble, dribbleMs: 300 } }]'
}

interface Raw { error?: string, bytes: Buffer, chunks: number }

/** One HTTP/1.1 request over a fresh socket; collects what comes back until the socket ends. */
function rawGet (url: string, scenario: string): Promise<Raw> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    const done = (error?: string) => resolve({ ...(error !== undefined && { error }), bytes: Buffer.concat(chunks), chunks: chunks.length })
    socket.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message))
    socket.on('end', () => done())
    socket.setTimeout(10_000, () => { socket.destroy(); done('timeout') })
    socket.write(`GET /.well-known/openid-configuration HTTP/1.1\r\nHost: ${hostname}\r\nX-Sandbox-Scenario: ${scenario}\r\nConnection: close\r\n\r\n`)
  })
}

function split (raw: Buffer): { head: string, body: Buffer } {
  const at = raw.indexOf('\r\n\r\n')
  return { head: raw.subarray(0, at).toString(), body: raw.subarray(at + 4) }
}

/** Undoes chunked transfer encoding. */
function unchunk (body: Buffer): Buffer {
  const out: Buffer[] = []
  let at = 0
  for (;;) {
    const eol = body.indexOf('\r\n', at)
    const size = parseInt(body.subarray(at, eol).toString(), 16)
    if (!(size > 0)) return Buffer.concat(out)
    out.push(body.subarray(eol + 2, eol + 2 + size))
    at = eol + 2 + size + 2
  }
}

t.test('faults, over a real socket', async (t) => {
  const { url } = await startSandbox(t, { SCENARIOS_DIR: t.testdir(SCENARIOS) })
  const normal = await (await fetch(`${url}/.well-known/openid-configuration`)).text()

  const reset = await rawGet(url, 'reset')
  t.equal(reset.error, 'ECONNRESET', 'reset: the connection is reset')
  t.equal(reset.bytes.length, 0, 'before any byte')

  const empty = await rawGet(url, 'empty')
  t.equal(empty.error, undefined, 'empty: closed cleanly')
  t.equal(empty.bytes.length, 0, 'without a byte')
  await t.rejects(fetch(`${url}/.well-known/openid-configuration`, { headers: { 'x-sandbox-scenario': 'empty' } }), 'an HTTP client sees a failed request')

  const malformed = split((await rawGet(url, 'malformed')).bytes)
  t.match(malformed.head, /^HTTP\/1\.1 200 /, 'malformed: the normal status')
  t.match(malformed.head, /content-type: application\/json/i)
  const length = Number(/content-length: (\d+)/i.exec(malformed.head)?.[1])
  t.equal(length, malformed.body.length, 'a consistent content-length, so only the body is broken')
  t.ok(malformed.body.toString('latin1').startsWith(normal.slice(0, 20)), 'it starts like the normal answer')
  t.throws(() => JSON.parse(malformed.body.toString()), 'but is not JSON')

  const dribble = await rawGet(url, 'dribble')
  const { head, body } = split(dribble.bytes)
  t.match(head, /^HTTP\/1\.1 200 /, 'dribble: the normal status')
  t.match(head, /transfer-encoding: chunked/i)
  t.equal(unchunk(body).toString(), normal, 'the normal answer, in full')
  t.ok(dribble.chunks > 20, `in many pieces (${dribble.chunks})`)

  t.equal((await fetch(`${url}/.well-known/openid-configuration`)).status, 200, 'the server is fine afterwards')
})
