/**
 * A scenario's regular expression tried against a path with a time bound. Any client can make
 * an active scenario's rule run (X-Sandbox-Scenario), and a backtracking pattern such as
 * `/^(a+)+b$/` would hold the event loop for as long as the path makes it (robustness probe,
 * finding 2). JavaScript cannot interrupt a regular expression from the same thread, but V8 can
 * from a vm watchdog; a match that runs out of time counts as no match. The watchdog costs about
 * half a millisecond a try, paid only by rules written as regular expressions.
 */
import { Script, createContext, type Context } from 'node:vm'

/** Far above any sane path match (microseconds), far below a stalled server. */
export const REGEX_TIME_LIMIT_MS = 100

/** Made on the first try, not at start-up: most sandboxes never run a rule's regular expression. */
let made: { readonly context: Context, readonly test: Script } | undefined

/** Whether `regex` matches `value`; false when it does not, or not within the time limit. */
export function boundedTest (regex: RegExp, value: string, timeoutMs = REGEX_TIME_LIMIT_MS): boolean {
  made ??= { context: createContext(Object.create(null) as object), test: new Script('regex.test(value)') }
  const { context, test } = made
  const scope = context as { regex?: RegExp, value?: string }
  scope.regex = regex
  scope.value = value
  try {
    return test.runInContext(context, { timeout: timeoutMs }) === true
  } catch {
    return false
  } finally {
    delete scope.regex
    delete scope.value
  }
}
