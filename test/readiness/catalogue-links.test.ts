/**
 * The finding catalogue, the code and docs/assumptions.md hold together: every `lenient(...)` call
 * names a catalogued finding and every finding has a call site; every `leniency: <id>` of
 * docs/assumptions.md is a finding, and every finding that rests on an assumption is named there.
 */
import t from 'tap'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FINDINGS } from '../../server/domain/readiness/catalogue.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function sources (dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

const ids = new Set(FINDINGS.map((f) => f.id))

t.test('every lenient() call names a catalogued finding, and every finding is recorded somewhere', async (t) => {
  const used = new Set<string>()
  for (const file of sources(join(ROOT, 'server'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\blenient\([^,]+,\s*'([a-z0-9-]+)'/g)) {
      const id = match[1] as string
      t.ok(ids.has(id), `${file.slice(ROOT.length)} records '${id}', a catalogued finding`)
      used.add(id)
    }
  }
  t.same(FINDINGS.map((f) => f.id).filter((id) => !used.has(id)), [], 'no finding without a call site')
})

t.test('docs/assumptions.md and the catalogue name each other', async (t) => {
  const assumptions = readFileSync(join(ROOT, 'docs', 'assumptions.md'), 'utf8')
  const named = new Set([...assumptions.matchAll(/leniency: `?([a-z0-9-]+)`?/g)].map((m) => m[1] as string))
  for (const id of named) t.ok(ids.has(id), `assumptions.md's leniency '${id}' is a finding`)
  for (const f of FINDINGS.filter((f) => f.assumption === true)) t.ok(named.has(f.id), `finding '${f.id}' rests on an assumption row that names it`)
})
