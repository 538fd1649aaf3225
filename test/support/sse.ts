/**
 * A minimal server-sent-events reader over node:http for tests: collects events, waits for one
 * that matches, and tells when the server ended the stream.
 */
import { request, type IncomingMessage } from 'node:http'

export interface SseEvent {
  id?: string
  event: string
  data: string
}

export interface SseStream {
  readonly response: IncomingMessage
  readonly events: SseEvent[]
  /** Resolves with the first event (seen or to come) that matches. */
  next (match: (event: SseEvent) => boolean): Promise<SseEvent>
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>
  close (): void
}

function parse (block: string): SseEvent | undefined {
  const event: SseEvent = { event: 'message', data: '' }
  let any = false
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') event.event = value
    else if (field === 'data') event.data += value
    else if (field === 'id') event.id = value
    else continue
    any = true
  }
  return any ? event : undefined
}

export function openSse (url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      const events: SseEvent[] = []
      const waiters: Array<{ match: (e: SseEvent) => boolean, resolve: (e: SseEvent) => void }> = []
      let buffer = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        buffer += chunk
        let cut: number
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const event = parse(buffer.slice(0, cut))
          buffer = buffer.slice(cut + 2)
          if (event === undefined) continue
          events.push(event)
          for (const waiter of [...waiters]) {
            if (waiter.match(event)) {
              waiters.splice(waiters.indexOf(waiter), 1)
              waiter.resolve(event)
            }
          }
        }
      })
      const ended = new Promise<void>((resolve) => { response.on('end', resolve); response.on('close', resolve) })
      resolve({
        response,
        events,
        ended,
        next: (match) => {
          const seen = events.find(match)
          if (seen !== undefined) return Promise.resolve(seen)
          return new Promise((resolve) => { waiters.push({ match, resolve }) })
        },
        close: () => { req.destroy() }
      })
    })
    req.on('error', reject)
    req.end()
  })
}
