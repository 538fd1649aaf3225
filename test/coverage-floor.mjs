/**
 * Reports the coverage of the last tap run for server/ and server/domain/, and holds
 * server/domain/ to the floor in test/coverage-floor.json (measured when the floor was set; raise
 * it when coverage rises, never lower it). Run by `npm test` after tap.
 * `node test/coverage-floor.mjs --write` sets the floor to today's figures (rounded down).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const floorFile = new URL('./coverage-floor.json', import.meta.url)
const KINDS = ['lines', 'branches', 'functions']

let summary
try {
  summary = JSON.parse(readFileSync(new URL('../.tap/report/coverage-summary.json', import.meta.url), 'utf8'))
} catch (err) {
  console.error(`coverage: no report from tap (.tap/report/coverage-summary.json): ${err.message}`)
  process.exit(1)
}

function total (prefix) {
  const sum = Object.fromEntries(KINDS.map((k) => [k, { total: 0, covered: 0 }]))
  for (const [file, figures] of Object.entries(summary)) {
    if (file === 'total') continue
    const path = relative(root, file).split(sep).join('/')
    if (!path.startsWith(prefix) || path.endsWith('.test.ts')) continue
    for (const k of KINDS) {
      sum[k].total += figures[k].total
      sum[k].covered += figures[k].covered
    }
  }
  return Object.fromEntries(KINDS.map((k) => [k, sum[k].total === 0 ? 0 : Math.floor(10000 * sum[k].covered / sum[k].total) / 100]))
}

const show = (figures) => KINDS.map((k) => `${k} ${figures[k].toFixed(2)}%`).join(', ')
const server = total('server/')
const domain = total('server/domain/')
console.log(`coverage server/: ${show(server)}`)
console.log(`coverage server/domain/: ${show(domain)}`)

if (process.argv.includes('--write')) {
  const floor = Object.fromEntries(KINDS.map((k) => [k, Math.floor(domain[k])]))
  writeFileSync(floorFile, `${JSON.stringify({ 'server/domain/': floor }, null, 2)}\n`)
  console.log(`coverage floor for server/domain/ set to ${show(floor)}`)
  process.exit(0)
}

const floor = JSON.parse(readFileSync(floorFile, 'utf8'))['server/domain/']
const below = KINDS.filter((k) => domain[k] < floor[k])
if (below.length > 0) {
  console.error(`coverage of server/domain/ fell below its floor: ${below.map((k) => `${k} ${domain[k]}% < ${floor[k]}%`).join(', ')}`)
  process.exit(1)
}
console.log(`coverage floor for server/domain/ held (${show(floor)})`)
