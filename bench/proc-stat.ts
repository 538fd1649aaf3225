/** `/proc/<pid>/stat`, read once for every bench tool that needs a process's counters (Linux only). */
import { readFileSync } from 'node:fs'

/**
 * The fields after the command name; index 0 is the state (field 3 in proc(5)), so field N of
 * proc(5) is index N - 3. The name may hold spaces and parentheses, so counting starts after the
 * last ')'. Throws where there is no /proc or the process is gone.
 */
export function statFields (pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}
