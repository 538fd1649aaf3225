/**
 * `when.path`: an exact path, a glob where `*` stands for any characters (slashes too), or a
 * regular expression written `/source/flags`. A path that starts and ends with `/` (then
 * optional flags) is a regular expression; write an exact path with a trailing slash as a glob.
 * Globs match in bounded time (glob.ts); a regular expression that runs out of time (bounded-regex.ts)
 * does not match.
 */
import { globMatcher } from '../glob.js'
import { boundedTest } from './bounded-regex.js'

const REGEX = /^\/(.+)\/([dgimsuvy]*)$/

export function isRegexPattern (pattern: string): boolean {
  return REGEX.test(pattern)
}

/** The pattern's regular expression; undefined when it does not compile. */
export function regexOf (pattern: string): RegExp | undefined {
  const [, source, flags] = REGEX.exec(pattern) ?? []
  if (source === undefined) return undefined
  try {
    // g and y make test() stateful; a path matcher must not be.
    return new RegExp(source, (flags ?? '').replace(/[gy]/g, ''))
  } catch {
    return undefined
  }
}

/** A predicate for one pattern, compiled once when the scenario loads. */
export function pathMatcher (pattern: string): (path: string) => boolean {
  if (isRegexPattern(pattern)) {
    const regex = regexOf(pattern)
    return regex === undefined ? () => false : (path) => boundedTest(regex, path)
  }
  if (pattern.includes('*')) return globMatcher(pattern)
  return (path) => path === pattern
}
