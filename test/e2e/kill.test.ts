/**
 * The kill test: the compiled sandbox with DATA_DIR takes concurrent writes (critical information
 * on both FHIR faces' store in several sessions, client registrations, added patients) and is
 * SIGKILLed in the middle of them; after each restart every write it acknowledged must be there,
 * complete and unchanged, every file must parse, and nothing may be reported corrupt.
 * KILL_TEST_ROUNDS sets the number of kills (default 3).
 */
import t from 'tap'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sampleResource } from '../../server/domain/critical-info/samples.js'
import type { ProfileName } from '../../server/domain/critical-info/types.js'
import { ensureBuilt, startCompiled, type Running } from '../support/compiled.js'
import { CI, ciHeaders } from '../support/critical-info.js'
import { syntheticNins } from '../support/nins.js'

const ROUNDS = Math.max(1, Number(process.env.KILL_TEST_ROUNDS ?? 3))
const WRITERS = 6
const PLAIN = '24868510168'
const PROFILES: Array<[ProfileName, string]> = [['KjAllergyIntolerance', 'AllergyIntolerance'], ['KjConditionInfection', 'Condition'], ['KjFlag', 'Flag']]

type Acked =
  | { kind: 'record', session: string, type: string, id: string, versionId: string, body: string }
  | { kind: 'client', id: string, name: string, bytes: number }
  | { kind: 'patient', nin: string, bytes: number }

async function token (url: string): Promise<string> {
  const res = await fetch(`${url}/v2/create-test-token-with-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ audience: 'nhn:critical-information', clientClaimsParameters: { scope: ['nhn:critical-information/api'] }, userClaimsParameters: { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' } })
  })
  return ((await res.json()) as { successResponse: { accessTokenJwt: string } }).successResponse.accessTokenJwt
}

function headers (bearer: string, session: string): Record<string, string> {
  return { authorization: `Bearer ${bearer}`, ...ciHeaders(PLAIN), 'x-sandbox-session': session, 'content-type': 'application/fhir+json' }
}

/** One writer: creates and updates its own records, now and then registers a client or adds a patient. */
async function writer (server: Running, bearer: string, n: number, round: number, acked: Acked[], nins: string[], stop: { now: boolean }): Promise<void> {
  const session = n % 3 === 0 ? 'default' : `kill-${n % 3}`
  let own: { type: string, id: string, body: Record<string, unknown> } | undefined
  for (let i = 0; !stop.now; i++) {
    try {
      if (i % 7 === 3) {
        const id = `kill-client-${n}-${i % 21}`
        const name = `Round ${round} writer ${n} step ${i}`
        const res = await fetch(`${server.url}/__admin/clients/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_name: name, client_secret: 'kill-test-secret', orgnr_parent: '310001406' }) })
        const text = await res.text()
        if (res.ok) acked.push({ kind: 'client', id, name, bytes: Buffer.byteLength(text) })
        continue
      }
      if (i % 11 === 5 && nins.length > 0) {
        const nin = nins.pop() as string
        const res = await fetch(`${server.url}/__admin/patients`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nin, givenName: 'Kill', familyName: `Test ${round}-${n}-${i}` }) })
        const text = await res.text()
        if (res.status === 201) acked.push({ kind: 'patient', nin, bytes: Buffer.byteLength(text) })
        continue
      }
      if (own === undefined || i % 3 === 0) {
        const [profile, type] = PROFILES[(n + i) % PROFILES.length] as [ProfileName, string]
        const res = await fetch(`${server.url}${CI}/${type}`, { method: 'POST', headers: headers(bearer, session), body: JSON.stringify(sampleResource(profile, PLAIN, { text: `round ${round} writer ${n} step ${i}` })) })
        const text = await res.text()
        if (res.status !== 201) throw new Error(`create answered ${res.status}: ${text}`)
        const body = JSON.parse(text) as Record<string, unknown> & { id: string, meta: { versionId: string } }
        acked.push({ kind: 'record', session, type, id: body.id, versionId: body.meta.versionId, body: text })
        own = { type, id: body.id, body }
      } else {
        const next = { ...own.body, note: [{ text: `updated in round ${round}, step ${i}` }] }
        const res = await fetch(`${server.url}${CI}/${own.type}/${own.id}`, { method: 'PUT', headers: headers(bearer, session), body: JSON.stringify(next) })
        const text = await res.text()
        if (res.status !== 200) throw new Error(`update answered ${res.status}: ${text}`)
        const body = JSON.parse(text) as Record<string, unknown> & { id: string, meta: { versionId: string } }
        acked.push({ kind: 'record', session, type: own.type, id: body.id, versionId: body.meta.versionId, body: text })
        own = { type: own.type, id: own.id, body }
      }
    } catch (err) {
      // The kill cuts requests off: their outcome is unknown, and nothing was acknowledged.
      if (stop.now) return
      throw err
    }
  }
}

interface Verdict { checked: number, missing: string[], bytesLost: number }

async function verify (server: Running, acked: readonly Acked[]): Promise<Verdict> {
  const bearer = await token(server.url)
  const verdict: Verdict = { checked: 0, missing: [], bytesLost: 0 }
  for (const write of acked) {
    verdict.checked++
    if (write.kind === 'record') {
      const res = await fetch(`${server.url}${CI}/${write.type}/${write.id}/_history/${write.versionId}`, { headers: headers(bearer, write.session) })
      const text = await res.text()
      if (res.status !== 200 || JSON.stringify(JSON.parse(text)) !== JSON.stringify(JSON.parse(write.body))) {
        verdict.missing.push(`${write.session} ${write.type}/${write.id}/_history/${write.versionId}: ${res.status}`)
        if (process.env.KILL_DEBUG !== undefined) console.error(text, '\n', write.body)
        verdict.bytesLost += Buffer.byteLength(write.body)
      }
    } else if (write.kind === 'client') {
      const res = await fetch(`${server.url}/__admin/clients/${write.id}`)
      const body = res.ok ? await res.json() as { client_name?: string } : {}
      // A later acknowledged write of the same client may have replaced the name: only the newest counts.
      const newest = [...acked].reverse().find((w) => w.kind === 'client' && w.id === write.id)
      if (!res.ok || (newest === write && body.client_name !== write.name)) {
        verdict.missing.push(`client ${write.id}: ${res.status} ${String(body.client_name)}`)
        verdict.bytesLost += write.bytes
      }
    } else {
      const res = await fetch(`${server.url}/__admin/patients/${write.nin}`)
      if (!res.ok) {
        verdict.missing.push(`patient ${write.nin}: ${res.status}`)
        verdict.bytesLost += write.bytes
      }
    }
  }
  return verdict
}

/** Every file in DATA_DIR parses; none is a temporary or set-aside file. */
function filesOf (dir: string): { files: number, bytes: number, broken: string[] } {
  const out = { files: 0, bytes: 0, broken: [] as string[] }
  for (const sub of [dir, join(dir, 'sessions')]) {
    for (const entry of readdirSync(sub, { withFileTypes: true })) {
      if (!entry.isFile()) continue
      const text = readFileSync(join(sub, entry.name), 'utf8')
      out.files++
      out.bytes += text.length
      if (!entry.name.endsWith('.json')) out.broken.push(entry.name)
      else {
        try { JSON.parse(text) } catch { out.broken.push(entry.name) }
      }
    }
  }
  return out
}

// Room for a build of dist/ when a source file is newer (the first such test builds it) on a busy machine.
t.setTimeout(300_000)

t.test(`SIGKILL in the middle of concurrent writes loses nothing acknowledged (${ROUNDS} rounds)`, async (t) => {
  ensureBuilt()
  const dir = mkdtempSync(join(tmpdir(), 'kj-kill-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }); rmSync(`${dir}-keys.json`, { force: true }) })
  const acked: Acked[] = []
  const nins = syntheticNins(400, 5)
  let restarts = 0
  let bytesLost = 0
  let interrupted = 0
  for (let round = 1; round <= ROUNDS + 1; round++) {
    const t0 = Date.now()
    // The signing key is kept too (outside DATA_DIR), so restarts need no key generation.
    const server = await startCompiled({ DATA_DIR: dir, KEYS_FILE: `${dir}-keys.json` })
    if (process.env.KILL_DEBUG !== undefined) t.comment(`start ${Date.now() - t0} ms`)
    t.teardown(() => { server.child.kill('SIGKILL') })
    if (round > 1) {
      restarts++
      const status = await (await fetch(`${server.url}/__admin/persistence`)).json() as { problems: unknown[], interruptedWrites: number }
      t.same(status.problems, [], `restart ${restarts}: no file reported unusable`)
      interrupted += status.interruptedWrites
      const verdict = await verify(server, acked)
      t.same(verdict.missing, [], `restart ${restarts}: all ${verdict.checked} acknowledged writes are there, complete`)
      bytesLost += verdict.bytesLost
      const files = filesOf(dir)
      t.same(files.broken, [], `restart ${restarts}: all ${files.files} files parse (${files.bytes} bytes)`)
    }
    if (round > ROUNDS) {
      server.child.kill('SIGTERM')
      t.equal(await server.exited, 0)
      break
    }
    const bearer = await token(server.url)
    const stop = { now: false }
    const before = acked.length
    const writers = Array.from({ length: WRITERS }, (_, n) => writer(server, bearer, n, round, acked, nins, stop))
    // Kill once writes are flowing, at a moment that differs from round to round.
    while (acked.length < before + 20 + round * 7) await new Promise((resolve) => setTimeout(resolve, 5))
    await new Promise((resolve) => setTimeout(resolve, 20 + ((round * 37) % 90)))
    stop.now = true
    if (process.env.KILL_DEBUG !== undefined) t.comment(`writes until kill ${Date.now() - t0} ms`)
    server.child.kill('SIGKILL')
    t.equal(await server.exited, null, `round ${round}: killed by SIGKILL after ${acked.length - before} acknowledged writes`)
    await Promise.all(writers)
  }
  t.equal(bytesLost, 0, 'bytes lost')
  t.comment(`kill test: ${restarts} restarts survived, ${acked.length} acknowledged writes checked after each, ${interrupted} interrupted writes cleaned up, bytes lost: ${bytesLost}`)
})
