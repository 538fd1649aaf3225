/**
 * A body over the limit gets a 413 that common clients can read (robustness probe, finding 12).
 * With `Expect: 100-continue`, `100 Continue` is sent only when the body parser starts reading,
 * so a body refused on its Content-Length gets the 413 before it is sent. Without it, the 413
 * waits until the rest of the body has been read and discarded (up to DRAIN_BYTES and
 * DRAIN_MS): a server that answers and closes while the client is still writing gives Node's
 * fetch and undici EPIPE instead of the answer.
 */
import fp from 'fastify-plugin'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

/** The most of a refused body read to keep the connection orderly; past it the socket is cut. */
export const DRAIN_BYTES = 16 * 1024 * 1024
const DRAIN_MS = 10_000

function expectsContinue (request: IncomingMessage): boolean {
  const expect = request.headers.expect
  return expect !== undefined && /100-continue/i.test(expect)
}

/** Requests that were sent `100 Continue`: their clients are sending the body. */
const continued = new WeakSet<IncomingMessage>()

/** The request body, with `100 Continue` sent when someone first reads it. */
function continueOnRead (raw: IncomingMessage, res: ServerResponse): Readable {
  let started = false
  const body: Readable = new Readable({
    read () {
      if (started) {
        raw.resume()
        return
      }
      started = true
      continued.add(raw)
      res.writeContinue()
      raw.on('data', (chunk: Buffer) => { if (!body.push(chunk)) raw.pause() })
      raw.on('end', () => { body.push(null) })
      raw.on('error', (err) => { body.destroy(err) })
    }
  })
  return body
}

/** Reads and discards the rest of a request body; resolves when it ended, or the bound was hit. */
function drain (raw: IncomingMessage): Promise<void> {
  if (raw.readableEnded || raw.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    let bytes = 0
    const done = (): void => {
      clearTimeout(timer)
      raw.removeListener('data', onData)
      raw.removeListener('end', done)
      raw.removeListener('error', done)
      resolve()
    }
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length
      if (bytes > DRAIN_BYTES) done()
    }
    const timer = setTimeout(done, DRAIN_MS)
    timer.unref()
    raw.on('data', onData)
    raw.on('end', done)
    raw.on('error', done)
    raw.resume()
  })
}

export default fp(async (app) => {
  // Node answers `100 Continue` at once unless someone listens for checkContinue.
  app.server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => {
    app.server.emit('request', request, response)
  })
  // Callback hooks: they run on every request with a body or an answer, and only a 413 waits.
  app.addHook('preParsing', (request, reply, payload, done) => {
    done(null, !expectsContinue(request.raw) || request.raw.httpVersionMinor === 0 ? payload : continueOnRead(request.raw, reply.raw))
  })
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode !== 413 ||
      // With Expect and no 100 sent, the client holds its body back: nothing to drain.
      (expectsContinue(request.raw) && !continued.has(request.raw))) {
      done(null, payload)
      return
    }
    const length = Number(request.headers['content-length'])
    if (Number.isFinite(length) && length > DRAIN_BYTES) {
      done(null, payload)
      return
    }
    drain(request.raw).then(() => { done(null, payload) }, done)
  })
}, { name: 'oversize-bodies', fastify: '5.x' })
