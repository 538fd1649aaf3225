/**
 * Small HTTP rules the robustness probe found missing (finding 15): a request with two Host
 * headers is refused (RFC 9112, section 3.2: it could be read as two different targets), and
 * every HTML page that does not set its own policy may not be framed (clickjacking of the
 * login, error and portal pages; the dashboard has its own CSP with frame-ancestors).
 */
import fp from 'fastify-plugin'

function hostHeaders (rawHeaders: readonly string[]): number {
  let count = 0
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string
    // The length first: lower-casing every header name of every request is a copy each.
    if (name.length === 4 && name.toLowerCase() === 'host') count++
  }
  return count
}

// Callback hooks, not async ones: they run on every request, and an async hook costs a promise
// and a turn of the microtask queue each time (bench/analysis.md).
export default fp(async (app) => {
  app.addHook('onRequest', (request, _reply, done) => {
    if (hostHeaders(request.raw.rawHeaders) > 1) {
      done(Object.assign(new Error('the request has more than one Host header'), { statusCode: 400 }))
      return
    }
    done()
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    const type = reply.getHeader('content-type')
    if (typeof type === 'string' && type.startsWith('text/html') && reply.getHeader('content-security-policy') === undefined) {
      reply.header('content-security-policy', "frame-ancestors 'none'")
      reply.header('x-frame-options', 'DENY')
    }
    done(null, payload)
  })
}, { name: 'http-hygiene', fastify: '5.x' })
