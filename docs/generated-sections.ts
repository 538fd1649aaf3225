/**
 * Which documentation files hold generated sections, what each section is generated from, and how
 * to find a section between its `<!-- generated:NAME -->` markers. Generated from code so the
 * docs cannot drift: test/readme.test.ts holds every file to it, `npm run docs` rewrites them.
 */
import { readFileSync } from 'node:fs'
import { catalogueTable } from './generators/catalogue-table.js'
import { checklistTable, findingsTable } from './generators/readiness-tables.js'
import { settingsTable } from './generators/settings-table.js'
import { organisationsTable, patientsTable, readBuiltInWorld, usersTable } from './generators/world-tables.js'

/** The repository's root, where the paths below start. */
export const REPO_ROOT = new URL('../', import.meta.url)

/** The EHR flow script, as the README shows it: the file itself, so the README's copy is the tested one. */
export const EHR_FLOW_SCRIPT = 'docs/ehr-flow.sh'

function embedded (path: string, language: string): string {
  return ['```' + language, readFileSync(new URL(path, REPO_ROOT), 'utf8').replace(/\n$/, ''), '```'].join('\n')
}

/** Each file (relative to the repository root) with its sections' generated text. */
export function generatedFiles (): Record<string, Record<string, string>> {
  const world = readBuiltInWorld()
  return {
    'README.md': { 'ehr-flow': embedded(EHR_FLOW_SCRIPT, 'bash') },
    'docs/errors.md': { catalogue: catalogueTable() },
    'docs/settings.md': { settings: settingsTable() },
    'docs/readiness.md': { findings: findingsTable(), checklist: checklistTable() },
    'docs/world.md': {
      patients: patientsTable(world.patients),
      users: usersTable(world.users),
      organisations: organisationsTable(world.organisations)
    }
  }
}

const pattern = (name: string): RegExp => new RegExp(`(<!-- generated:${name} -->\\n)([\\s\\S]*?)(<!-- /generated:${name} -->)`)

/** The section's text without its closing newline; undefined when the markers are missing. */
export function sectionOf (text: string, name: string): string | undefined {
  return pattern(name).exec(text)?.[2]?.replace(/\n$/, '')
}

export function replaceSection (text: string, name: string, content: string, file = 'README.md'): string {
  if (sectionOf(text, name) === undefined) throw new Error(`${file} has no generated:${name} section`)
  return text.replace(pattern(name), (_all, open: string, _old: string, close: string) => `${open}${content}\n${close}`)
}
