/**
 * A glob matcher in bounded time: `*` stands for any characters, everything else is literal,
 * over the whole value. A regular expression built from a glob (`^.*a.*a.*b$`) backtracks in
 * time that grows with the path length to the power of the number of stars, so one query of the
 * journal stalled the server for a minute (robustness probe, finding 1). Matching each literal
 * piece at its leftmost place is enough for `*`-only globs and costs at most
 * value length × glob length.
 */

export interface GlobOptions {
  /** Compare without regard to case (error codes); paths are compared as sent. */
  readonly ignoreCase?: boolean
}

export function globMatcher (glob: string, options: GlobOptions = {}): (value: string) => boolean {
  const fold = options.ignoreCase === true ? (text: string) => text.toLowerCase() : (text: string) => text
  const parts = fold(glob).split('*')
  const first = parts[0] as string
  if (parts.length === 1) return (value) => fold(value) === first
  const last = parts[parts.length - 1] as string
  const middle = parts.slice(1, -1).filter((part) => part !== '')
  return (raw) => {
    const value = fold(raw)
    const end = value.length - last.length
    if (end < first.length || !value.startsWith(first) || !value.endsWith(last)) return false
    let at = first.length
    for (const part of middle) {
      const found = value.indexOf(part, at)
      if (found < 0 || found + part.length > end) return false
      at = found + part.length
    }
    return true
  }
}
