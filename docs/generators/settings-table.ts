/**
 * The settings table of docs/settings.md, generated from the config schema's `.describe()` texts
 * so the two cannot drift (test/readme.test.ts holds the file to it; `npm run docs` rewrites it).
 */
import { configSchema } from '../../server/config.js'

function defaultOf (schema: unknown): string {
  const def = (schema as { def?: { type?: string, defaultValue?: unknown } }).def
  if (def?.type === 'default') return `\`${String(def.defaultValue)}\``
  return '-'
}

export function settingsTable (): string {
  const rows = Object.entries(configSchema.shape).map(([name, schema]) =>
    `| \`${name}\` | ${defaultOf(schema)} | ${schema.description ?? ''} |`)
  return ['| Setting | Default | What it does |', '|---|---|---|', ...rows].join('\n')
}
