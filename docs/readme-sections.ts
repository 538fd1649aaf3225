/** The README sections that are generated from code, and how to find them in the README. */
import { catalogueTable } from './generators/catalogue-table.js'
import { settingsTable } from './generators/settings-table.js'
import { organisationsTable, patientsTable, readBuiltInWorld, usersTable } from './generators/world-tables.js'

export function generatedSections (): Record<string, string> {
  const world = readBuiltInWorld()
  return {
    settings: settingsTable(),
    patients: patientsTable(world.patients),
    users: usersTable(world.users),
    organisations: organisationsTable(world.organisations),
    catalogue: catalogueTable()
  }
}

const pattern = (name: string): RegExp => new RegExp(`(<!-- generated:${name} -->\\n)([\\s\\S]*?)(<!-- /generated:${name} -->)`)

/** The section's text without its closing newline; undefined when the markers are missing. */
export function sectionOf (text: string, name: string): string | undefined {
  return pattern(name).exec(text)?.[2]?.replace(/\n$/, '')
}

export function replaceSection (text: string, name: string, content: string): string {
  if (sectionOf(text, name) === undefined) throw new Error(`README.md has no generated:${name} section`)
  return text.replace(pattern(name), (_all, open: string, _old: string, close: string) => `${open}${content}\n${close}`)
}
