/**
 * The tables of the synthetic world in docs/world.md (patients, users, organisations), generated
 * from the fixture files so the two cannot drift (test/readme.test.ts holds the file to them;
 * `npm run docs` rewrites it). The table functions are pure; `readBuiltInWorld` reads the
 * built-in fixtures synchronously, through the same schemas the sandbox loads them with.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { builtInFixturesDir } from '../../server/paths.js'
import { statusOf } from '../../server/domain/kjernejournal/helseindikator.js'
import { parseFixture } from '../../server/domain/world/fixture-file.js'
import { organisationsFileSchema, type Organisation } from '../../server/domain/world/organisations.js'
import { patientsFileSchema, type Patient } from '../../server/domain/world/patients.js'
import { fullName, usersFileSchema, type User } from '../../server/domain/world/users.js'

/** Text safe inside a markdown table cell. */
function cell (text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|')
}

function table (head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n')
}

const yesNo = (b: boolean): string => b ? 'yes' : 'no'

/** What helseindikator answers: the service's own status rule, or KJF-000017 for patients no longer active. */
function helseindikatorOf (patient: Patient): string {
  if (patient.status !== 'active') return `KJF-000017 (${patient.status})`
  return String(statusOf(patient))
}

export function patientsTable (patients: readonly Patient[]): string {
  return table(['NIN', 'Name', 'Helseindikator status', 'What it demonstrates'],
    patients.map((p) => [p.nin, fullName(p), helseindikatorOf(p), p.note]))
}

export function usersTable (users: readonly User[]): string {
  return table(['pid', 'HPR', 'Name', 'Roles', 'Level', 'Demonstrates'],
    users.map((u) => [u.pid, u.hprNumber ?? '-', fullName(u), u.roles.join(', ') || '-', u.securityLevel, u.note]))
}

export function organisationsTable (organisations: readonly Organisation[]): string {
  return table(['orgnr', 'Name', 'Parent', 'Access', 'Active', 'Demonstrates'],
    organisations.map((o) => [o.orgnr, o.name, o.parent ?? '-', yesNo(o.access), yesNo(o.active), o.note]))
}

export interface WorldFixtures {
  readonly patients: Patient[]
  readonly users: User[]
  readonly organisations: Organisation[]
}

/** The built-in fixtures (or those of `dir`), read synchronously and validated. */
export function readBuiltInWorld (dir: string = builtInFixturesDir): WorldFixtures {
  const read = <T>(name: string, parse: (file: string, text: string) => T): T => {
    const file = join(dir, name)
    return parse(file, readFileSync(file, 'utf8'))
  }
  return {
    patients: read('patients.json', (f, t) => parseFixture(f, t, patientsFileSchema)),
    users: read('users.json', (f, t) => parseFixture(f, t, usersFileSchema)),
    organisations: read('organisations.json', (f, t) => parseFixture(f, t, organisationsFileSchema))
  }
}
