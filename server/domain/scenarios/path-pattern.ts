/**
 * `when.path`: an exact path, a glob where `*` stands for any characters (slashes too), or a
 * regular expression written `/source/flags`. A path that starts and ends with `/` (then
 * optional flags) is a regular expression; write an exact path with a trailing slash as a glob.
 */
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

function escape (text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
}

/** A predicate for one pattern, compiled once when the scenario loads. */
export function pathMatcher (pattern: string): (path: string) => boolean {
  if (isRegexPattern(pattern)) {
    const regex = regexOf(pattern)
    return regex === undefined ? () => false : (path) => regex.test(path)
  }
  if (pattern.includes('*')) {
    const regex = new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`)
    return (path) => regex.test(path)
  }
  return (path) => path === pattern
}
