/**
 * JSON text for resources that can no longer change. A stored version of a record is sealed
 * (deep-frozen) when it is stored, so its JSON text is worked out once, on its first answer, and
 * every later read, search or history answer reuses it. A search for a patient with 50 records
 * used to spend close to half of its CPU time in JSON.stringify, writing the same records again
 * (issue 17, bench/analysis.md).
 */

const sealed = new WeakSet<object>()
const texts = new WeakMap<object, string>()
const bodies = new WeakMap<object, Buffer>()

function freezeDeep (value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const child of Object.values(value)) freezeDeep(child)
}

/** Freezes the value and everything in it, and lets `jsonBody` keep its JSON. Returns the value. */
export function seal<T extends object> (value: T): T {
  freezeDeep(value)
  sealed.add(value)
  return value
}

export function isSealed (value: unknown): boolean {
  return typeof value === 'object' && value !== null && sealed.has(value)
}

function sealedText (value: object): string {
  let text = texts.get(value)
  if (text === undefined) {
    text = JSON.stringify(value)
    texts.set(value, text)
  }
  return text
}

function sealedBody (value: object): Buffer {
  let body = bodies.get(value)
  if (body === undefined) {
    body = Buffer.from(sealedText(value))
    bodies.set(value, body)
  }
  return body
}

/**
 * Stands in for a sealed value while the rest of a bundle is written. Control characters are
 * escaped in JSON text, so the written placeholder is the six-character escapes, never a raw
 * NUL; should the rest of the answer contain the same text, the count below differs and the
 * answer is written the plain way.
 */
const PLACEHOLDER = '\u0000sealed\u0000'
const WRITTEN_PLACEHOLDER = JSON.stringify(PLACEHOLDER)

/** A FHIR Bundle with a sealed resource among its entries: only then is a replacer worth its cost. */
function isBundleOfSealed (value: object): boolean {
  const bundle = value as { resourceType?: unknown, entry?: unknown }
  if (bundle.resourceType !== 'Bundle' || !Array.isArray(bundle.entry)) return false
  for (const entry of bundle.entry as unknown[]) {
    const resource = typeof entry === 'object' && entry !== null ? (entry as { resource?: unknown }).resource : undefined
    if (typeof resource === 'object' && resource !== null && sealed.has(resource)) return true
  }
  return false
}

/**
 * Whole bundle answers by the text around their sealed values, as UTF-8. A searchset as NHN
 * shows it has nothing that changes between two equal searches (no id, no time), so an EHR that
 * asks again while the records stay the same gets the same bytes, written as they are: no JSON to
 * write and no text to encode per answer. At thousands of searches a second, 87 KB answers made
 * anew each time were half the CPU time and raised the old generation, and with it the RSS
 * (bench/analysis.md). Bounded in count and bytes; a bundle with a random id is never met again
 * and ages out.
 */
interface KeptBundle {
  readonly parts: readonly object[]
  readonly body: Buffer
}
const keptBundles = new Map<string, KeptBundle>()
const KEPT_BUNDLES_MAX = 64
const KEPT_BUNDLE_BYTES_MAX = 4 * 1024 * 1024
let keptBytes = 0

function samePartsAs (kept: KeptBundle, parts: readonly object[]): boolean {
  if (kept.parts.length !== parts.length) return false
  for (let i = 0; i < parts.length; i++) if (kept.parts[i] !== parts[i]) return false
  return true
}

function keep (skeleton: string, parts: readonly object[], body: Buffer): void {
  const previous = keptBundles.get(skeleton)
  if (previous !== undefined) {
    keptBundles.delete(skeleton)
    keptBytes -= previous.body.length
  }
  if (body.length > KEPT_BUNDLE_BYTES_MAX / 4) return
  while (keptBundles.size >= KEPT_BUNDLES_MAX || (keptBundles.size > 0 && keptBytes + body.length > KEPT_BUNDLE_BYTES_MAX)) {
    const [oldest, kept] = keptBundles.entries().next().value as [string, KeptBundle]
    keptBundles.delete(oldest)
    keptBytes -= kept.body.length
  }
  keptBundles.set(skeleton, { parts, body })
  keptBytes += body.length
}

/** How many bundle answers are kept, and their bytes (tests). */
export function keptBundleStats (): { count: number, bytes: number } {
  return { count: keptBundles.size, bytes: keptBytes }
}

/**
 * The answer body for a value: JSON.stringify(value), except that a sealed value is its kept
 * UTF-8 bytes, and a FHIR Bundle holding sealed values is built from their kept text (and kept
 * itself, above). Anything else is written as JSON.stringify writes it: a replacer would slow
 * every other answer down. The bytes are shared between answers; nothing may change them.
 */
export function jsonBody (value: unknown): string | Buffer {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  if (sealed.has(value)) return sealedBody(value)
  if (!isBundleOfSealed(value)) return JSON.stringify(value)
  const parts: object[] = []
  const skeleton = JSON.stringify(value, (_key, member: unknown) => {
    if (typeof member === 'object' && member !== null && sealed.has(member)) {
      parts.push(member)
      return PLACEHOLDER
    }
    return member
  })
  if (parts.length === 0) return skeleton
  const kept = keptBundles.get(skeleton)
  if (kept !== undefined && samePartsAs(kept, parts)) return kept.body
  const pieces = skeleton.split(WRITTEN_PLACEHOLDER)
  if (pieces.length !== parts.length + 1) return JSON.stringify(value)
  let text = pieces[0] as string
  for (let i = 0; i < parts.length; i++) text += sealedText(parts[i] as object) + (pieces[i + 1] as string)
  const body = Buffer.from(text)
  keep(skeleton, parts, body)
  return body
}
