/**
 * Issue 18, item 11: HTTP nits from the robustness probe (finding 15): two Host headers are a
 * 400; login, error and portal pages may not be framed; a bad session id in an admin path is
 * named as the path's fault.
 */
import t from 'tap'
import { connect } from 'node:net'
import { build } from '../helper.js'

function rawRequest (port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => { socket.end(text) })
    let answer = ''
    socket.setEncoding('utf8')
    socket.setTimeout(5000, () => { socket.destroy(new Error('no answer in 5 s')) })
    socket.on('data', (chunk: string) => { answer += chunk })
    socket.on('end', () => { resolve(answer) })
    socket.on('error', reject)
  })
}

t.test('two Host headers are a 400', async (t) => {
  const app = await build(t)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as { port: number }
  const two = await rawRequest(port, 'GET /__admin/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n')
  t.match(two, /^HTTP\/1\.1 400 /, 'refused')
  const one = await rawRequest(port, 'GET /__admin/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
  t.match(one, /^HTTP\/1\.1 200 /, 'one Host is fine')
})

t.test('HTML pages may not be framed', async (t) => {
  const app = await build(t)
  const pages = [
    '/connect/authorize?client_id=nobody&redirect_uri=x', // an error page
    '/connect/endsession',
    '/'
  ]
  for (const url of pages) {
    const res = await app.inject(url)
    t.match(String(res.headers['content-type']), /^text\/html/, url)
    t.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/, `${url}: frame-ancestors`)
  }
  t.match((await app.inject('/')).headers['content-security-policy'], /script-src 'self'/, 'the dashboard keeps its own policy')
})

t.test('a bad session id in an admin path names the path', async (t) => {
  const app = await build(t)
  const res = await app.inject({ method: 'POST', url: '/__admin/sessions/bad%20id!/reset' })
  t.equal(res.statusCode, 400)
  t.match(res.json().message, /session id in the path/)
  t.notMatch(res.json().message, /body/)
})
