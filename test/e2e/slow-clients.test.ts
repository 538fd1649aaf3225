/**
 * Slow-loris style clients on a real socket: a client that dribbles its headers a byte at a time
 * is cut off after HEADERS_TIMEOUT, and one that sends headers but stalls its body after
 * REQUEST_TIMEOUT, while a normal client on the same server is served.
 */
import t from 'tap'
import { connect } from 'node:net'
import { startSandbox } from '../support/server.js'

interface Dribble {
  /** What the server sent back before closing, and whether it closed at all. */
  readonly answer: string
  readonly closed: boolean
  readonly bytesSent: number
}

/** Sends `text` a byte every `everyMs`, until done or the server closes; gives up after `limitMs`. */
function dribble (port: number, text: string, everyMs: number, limitMs: number): Promise<Dribble> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let answer = ''
    let sent = 0
    let finished = false
    const done = (closed: boolean): void => {
      if (finished) return
      finished = true
      clearInterval(timer)
      clearTimeout(limit)
      socket.destroy()
      resolve({ answer, closed, bytesSent: sent })
    }
    socket.on('data', (chunk) => { answer += chunk.toString('latin1') })
    socket.on('close', () => done(true))
    socket.on('error', () => done(true))
    const timer = setInterval(() => {
      if (sent < text.length && socket.writable) socket.write(text[sent++] as string)
    }, everyMs)
    const limit = setTimeout(() => done(false), limitMs)
  })
}

t.test('a client dribbling its headers is disconnected; others are served', async (t) => {
  const { url } = await startSandbox(t, { HEADERS_TIMEOUT: '0.5', REQUEST_TIMEOUT: '1' })
  const port = Number(new URL(url).port)
  // 300+ bytes at one every 50 ms would take 15 s to arrive.
  const headers = `GET /__admin/health HTTP/1.1\r\nHost: 127.0.0.1\r\n${'X-Padding: slow-loris\r\n'.repeat(14)}\r\n`
  const slow = dribble(port, headers, 50, 10_000)
  const normal = await fetch(`${url}/__admin/health`)
  t.equal(normal.status, 200, 'a normal client is served meanwhile')
  const result = await slow
  t.ok(result.closed, 'the server closed the dribbling connection')
  t.ok(result.bytesSent < headers.length, `it did so before the headers were complete (${result.bytesSent} of ${headers.length} bytes)`)
  t.notMatch(result.answer, /^HTTP\/1\.1 200/, 'the request was never served')
  t.comment(`dribbler cut off after ${result.bytesSent} bytes; answer: ${JSON.stringify(result.answer.split('\r\n')[0] ?? '')}`)
})

t.test('a client that stalls its body is disconnected after REQUEST_TIMEOUT', async (t) => {
  const { url } = await startSandbox(t, { HEADERS_TIMEOUT: '0.5', REQUEST_TIMEOUT: '1' })
  const port = Number(new URL(url).port)
  const body = JSON.stringify({ fnr: '17815810112', samtykke: 'HPMOTTATTSAMTYKKE' })
  const request = `POST /v1/helseindikator HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`
  // Headers at once, then the body a byte every 200 ms: 10+ s in all.
  const result = await new Promise<Dribble>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => { socket.write(request) })
    let answer = ''
    let sent = 0
    const timer = setInterval(() => { if (sent < body.length && socket.writable) socket.write(body[sent++] as string) }, 200)
    const limit = setTimeout(() => { socket.destroy(); clearInterval(timer); resolve({ answer, closed: false, bytesSent: sent }) }, 10_000)
    socket.on('data', (chunk) => { answer += chunk.toString('latin1') })
    socket.on('close', () => { clearInterval(timer); clearTimeout(limit); resolve({ answer, closed: true, bytesSent: sent }) })
    socket.on('error', () => {})
  })
  t.ok(result.closed, 'the server closed the stalled connection')
  t.ok(result.bytesSent < body.length, `before the body was complete (${result.bytesSent} of ${body.length} bytes)`)
  t.match(result.answer, /^HTTP\/1\.1 408/, 'with 408 Request Timeout')
})
