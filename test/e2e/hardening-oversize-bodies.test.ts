/**
 * Issue 18, item 9: oversize bodies get a readable 413. With Expect: 100-continue the sandbox
 * answered 100 and only then 413; without it, Node's fetch got EPIPE on a 3 MB body instead of
 * the 413 (robustness probe, finding 12). Real sockets: inject() has neither.
 */
import t from 'tap'
import { connect } from 'node:net'
import { startSandbox } from '../support/server.js'

function firstLine (port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => { socket.write(head) })
    socket.setEncoding('utf8')
    socket.setTimeout(5000, () => { socket.destroy(new Error('no answer in 5 s')) })
    let text = ''
    socket.on('data', (chunk: string) => {
      text += chunk
      const end = text.indexOf('\r\n')
      if (end >= 0) {
        socket.destroy()
        resolve(text.slice(0, end))
      }
    })
    socket.on('error', reject)
  })
}

t.test('Expect: 100-continue with an oversize Content-Length gets 413 before the body', async (t) => {
  const { url } = await startSandbox(t)
  const port = Number(new URL(url).port)
  const line = await firstLine(port, 'POST /v1/helseindikator HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 3000000\r\nExpect: 100-continue\r\n\r\n')
  t.match(line, /^HTTP\/1\.1 413 /, line)
  const small = await firstLine(port, 'POST /v1/helseindikator HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n')
  t.match(small, /^HTTP\/1\.1 100 /, 'a body within the limit is asked for')
})

t.test('Node\'s fetch sees the 413 of a 3 MB body, not EPIPE', async (t) => {
  const { url } = await startSandbox(t)
  const body = JSON.stringify({ x: 'a'.repeat(3_000_000) })
  for (const path of ['/v1/helseindikator', '/api/critical-information/v1/Condition', '/__admin/clients']) {
    const started = performance.now()
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    t.equal(res.status, 413, path)
    await res.arrayBuffer()
    t.ok(performance.now() - started < 10_000, `${path}: within 10 s`)
  }
})
