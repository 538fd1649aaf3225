/**
 * The effects that change the normal answer's body on its way out: `override` (fields merged
 * into a successful JSON answer, or removed from it with `{"$delete": true}`), and the faults `malformed` (a garbled body) and `dribble`
 * (the body a byte at a time). The faults `reset` and `empty` never let an answer start; the
 * plugin cuts the connection for those.
 */
import { Readable } from 'node:stream'
import { isDeleteMarker } from './delete-marker.js'

/** Sets `a.b.c` in an object, making the objects on the way. */
function setAt (target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.')
  let at = target
  for (const key of keys.slice(0, -1)) {
    const next = at[key]
    if (typeof next !== 'object' || next === null) at[key] = {}
    at = at[key] as Record<string, unknown>
  }
  at[keys.at(-1) as string] = value
}

/** Removes `a.b.c` from an object; a path that is not there is nothing to remove. */
function deleteAt (target: Record<string, unknown>, dotted: string): void {
  const keys = dotted.split('.')
  let at: unknown = target
  for (const key of keys.slice(0, -1)) {
    if (typeof at !== 'object' || at === null) return
    at = (at as Record<string, unknown>)[key]
  }
  if (typeof at === 'object' && at !== null) Reflect.deleteProperty(at, keys.at(-1) as string)
}

/** The JSON text with the fields set or removed; undefined when it is not a JSON object. */
export function overrideJson (text: string, fields: Readonly<Record<string, unknown>>): string | undefined {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  for (const [path, value] of Object.entries(fields)) {
    if (isDeleteMarker(value)) deleteAt(body as Record<string, unknown>, path)
    else setAt(body as Record<string, unknown>, path, value)
  }
  return JSON.stringify(body)
}

/** The first half of the answer and then bytes no JSON or XML parser accepts, as from a broken proxy. */
export function malformedBody (payload: string | Buffer): Buffer {
  const bytes = Buffer.from(payload)
  return Buffer.concat([bytes.subarray(0, Math.floor(bytes.length / 2)), Buffer.from([0x00, 0xff, 0xfe]), Buffer.from('<!-- cut -->')])
}

/**
 * The answer as a stream that takes `totalMs` to finish: a byte at a time when there is time
 * for that (at most one write a millisecond), else in small even pieces.
 */
export function dribble (payload: string | Buffer, totalMs: number): Readable {
  const bytes = Buffer.from(payload)
  const writes = Math.max(1, Math.min(bytes.length, Math.floor(totalMs)))
  const size = Math.max(1, Math.ceil(bytes.length / writes))
  const interval = totalMs / writes
  let offset = 0
  let timer: NodeJS.Timeout | undefined
  const stream = new Readable({
    read () {},
    destroy (err, callback) {
      clearTimeout(timer)
      callback(err)
    }
  })
  const next = (): void => {
    if (offset >= bytes.length) {
      stream.push(null)
      return
    }
    stream.push(bytes.subarray(offset, offset + size))
    offset += size
    timer = setTimeout(next, interval)
  }
  next()
  return stream
}
