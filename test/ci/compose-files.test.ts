/**
 * docker-compose.yml must work copied alone into another repository (no local folder it needs),
 * and `docker compose up --wait` must not wait a 10 s interval for the first health check. There
 * is no Docker engine here, so the files are checked as data: what compose would read.
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface Service {
  readonly image?: string
  readonly build?: unknown
  readonly environment?: Record<string, string>
  readonly volumes?: string[]
  readonly healthcheck?: Record<string, unknown>
}
interface Compose { readonly services: Record<string, Service>, readonly volumes?: Record<string, unknown> }

function service (file: string): Service {
  const doc = parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')) as Compose
  const found = doc.services['kjernejournal-sandbox']
  if (found === undefined) throw new Error(`${file} has no kjernejournal-sandbox service`)
  return found
}

/** Seconds in compose's duration syntax (500ms, 10s, 1m30s). */
function seconds (value: unknown): number {
  let total = 0
  for (const [, n, unit] of String(value).matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(n) * { ms: 0.001, s: 1, m: 60, h: 3600 }[unit as 'ms' | 's' | 'm' | 'h']
  }
  return total
}

t.test('docker-compose.yml stands alone: an image, no build, no bind mounts', async (t) => {
  const s = service('docker-compose.yml')
  t.type(s.image, 'string')
  t.equal(s.build, undefined, 'the Dockerfile is not in other repositories')
  for (const volume of s.volumes ?? []) t.notMatch(volume, /^\.{0,2}\//, `${volume} is a named volume, not a host folder`)
})

t.test('the health check runs every 0.5 s while starting, so up --wait is healthy in about 2 s', async (t) => {
  const h = service('docker-compose.yml').healthcheck ?? {}
  t.same(h.test, ['CMD', 'node', 'dist/bundle/main.js', 'healthcheck', '--wait', '2'], 'a check that finds the port closed tries again for 2 s')
  // The image's own HEALTHCHECK is the same command (docker run without compose).
  const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8')
  const cmd = /HEALTHCHECK[^\n]*\\\n\s*CMD (\[.*\])/.exec(dockerfile)?.[1]
  t.same(cmd === undefined ? undefined : JSON.parse(cmd), (h.test as string[]).slice(1), 'the Dockerfile\'s HEALTHCHECK')
  t.ok(seconds(h.start_interval) > 0 && seconds(h.start_interval) <= 1, `start_interval ${String(h.start_interval)}`)
  t.ok(seconds(h.start_period) >= 10, 'a slow first start still counts as starting')
})

t.test('a browser on the host and an EHR in another container both have a served URL', async (t) => {
  const urls = (service('docker-compose.yml').environment?.PUBLIC_URLS ?? '').split(',')
  t.same(urls, ['http://localhost:8080', 'http://kjernejournal-sandbox:8080'])
})

t.test('the overlays: this repository builds and mounts its folders; the fixtures overlay is optional', async (t) => {
  const override = service('docker-compose.override.yml')
  t.equal(override.build, '.')
  t.same(override.volumes, ['./fixtures:/app/fixtures', './scenarios:/app/scenarios'])
  const fixtures = service('docker-compose.fixtures.yml')
  t.same(fixtures.environment, { FIXTURES_DIR: '/app/fixtures', SCENARIOS_DIR: '/app/scenarios' })
})
