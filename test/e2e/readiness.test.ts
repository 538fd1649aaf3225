/**
 * Migration readiness end to end, against the built sandbox over real HTTP: a small EHR flow with
 * three deliberate mistakes gets exactly three findings, a JUnit file a JUnit parser reads, and a
 * non-zero exit from `kjernejournal-sandbox readiness`; the same flow in a strict session stops at
 * the first mistake with the real service's code.
 */
import t from 'tap'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'junit2json'
import { clientAssertion } from '../helper.js'
import { dpopKey, dpopProof, type DpopKey } from '../support/dpop.js'
import { runCompiled, startCompiled } from '../support/compiled.js'
import { structure } from '../support/org-structure.js'

const PATIENT = '01887840020'
const EPJ = 'Readiness test EHR 1.0'

interface Step { readonly status: number, readonly body: Record<string, unknown>, readonly headers: Headers }

async function call (url: string, init: RequestInit): Promise<Step> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) })
  const text = await res.text()
  return { status: res.status, body: text === '' ? {} : JSON.parse(text) as Record<string, unknown>, headers: res.headers }
}

/** The EHR's flow; its three mistakes: the DPoP-bound token as Bearer, no samtykke, Bearer to the DPoP API. */
async function flow (base: string, session: string, key: DpopKey): Promise<Step[]> {
  const steps: Step[] = []
  const tokenUrl = `${base}/connect/token`
  const tokenCall = async (nonce?: string) => call(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-sandbox-session': session, dpop: await dpopProof(key, { htu: tokenUrl, ...(nonce !== undefined && { nonce }) }) },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'nhn:kjernejournal/api',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      // The point of care goes in the assertion, as HelseID asks: no default-child-organisation finding.
      client_assertion: await clientAssertion({ audience: tokenUrl, claims: { authorization_details: [structure('urn:oid:2.16.578.1.12.4.1.4.101', '310001295')] } })
    }).toString()
  })
  let token = await tokenCall()
  if (token.status === 400 && token.body.error === 'use_dpop_nonce') token = await tokenCall(token.headers.get('dpop-nonce') ?? undefined)
  steps.push(token)
  if (token.status !== 200) return steps
  const indicator = await call(`${base}/v1/helseindikator`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-epj-system': EPJ, 'x-sandbox-session': session, authorization: `Bearer ${String(token.body.access_token)}` },
    body: JSON.stringify({ fnr: PATIENT })
  })
  steps.push(indicator)
  if (indicator.status !== 200) return steps
  const user = await call(`${base}/v2/create-test-token-with-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sandbox-session': session },
    body: JSON.stringify({ audience: 'nhn:critical-information', clientClaimsParameters: { scope: ['nhn:critical-information/api'] }, userClaimsParameters: { pid: PATIENT, hprNumber: '900100101', securityLevel: '4' } })
  })
  steps.push(user)
  const userToken = (user.body.successResponse as { accessTokenJwt?: string } | undefined)?.accessTokenJwt
  steps.push(await call(`${base}/api/critical-information/v1/Condition`, {
    headers: {
      authorization: `Bearer ${String(userToken)}`,
      'x-sandbox-session': session,
      'nhn-patient-nin': PATIENT,
      'nhn-access-basis': 'SAMTYKKE',
      'nhn-user-role': encodeURIComponent(JSON.stringify({ system: 'urn:oid:2.16.578.1.12.4.1.1.9060', code: 'LE' })),
      'nhn-source-system': EPJ
    }
  }))
  return steps
}

t.test('three mistakes, three findings, a JUnit report and a failing CLI; strict stops at the first', async (t) => {
  const sandbox = await startCompiled({})
  t.teardown(() => { sandbox.child.kill('SIGKILL') })
  const key = await dpopKey()

  const lenient = await flow(sandbox.url, 'lenient-run', key)
  t.same(lenient.map((s) => s.status), [200, 200, 200, 200], 'the whole flow works here')
  const report = await call(`${sandbox.url}/__admin/readiness`, { headers: { 'x-sandbox-session': 'lenient-run' } })
  const findings = report.body.findings as Array<{ id: string, count: number, firstEventId: string }>
  t.same(findings.map((f) => f.id).sort(), ['bearer-where-dpop-required', 'dpop-bound-token-as-bearer', 'helseindikator-without-samtykke'])
  t.ok(findings.every((f) => f.count === 1 && /^[0-9a-f-]{36}$/.test(f.firstEventId)), 'each once, with the event id of the request')
  t.equal(report.body.verdict, 'ready-with-warnings')
  const checklist = report.body.checklist as Array<{ id: string, met: boolean }>
  t.ok(checklist.find((i) => i.id === 'use-dpop-nonce')?.met, 'the nonce challenge was met')
  t.ok(checklist.find((i) => i.id === 'consent-headers')?.met, 'the consent headers were sent')

  const dir = mkdtempSync(join(tmpdir(), 'kj-readiness-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const junitFile = join(dir, 'readiness.xml')
  const cli = runCompiled(['readiness', '--url', sandbox.url, '--session', 'lenient-run', '--fail-on', 'deprecated', '--junit', junitFile])
  t.equal(cli.status, 1, cli.stderr)
  t.match(cli.stdout, /^session lenient-run \(lenient\): ready-with-warnings; 0 will-fail, 3 deprecated, 0 unconfirmed/)
  t.match(cli.stderr, /would fail at NHN/)
  t.equal(runCompiled(['readiness', '--url', sandbox.url, '--session', 'lenient-run']).status, 0, 'no will-fail finding: the default threshold passes')

  const junit = await parse(readFileSync(junitFile, 'utf8'))
  const suites = (junit as { testsuite?: Array<{ name?: string, tests?: number, failures?: number, testcase?: Array<{ name?: string, failure?: unknown[] }> }> }).testsuite ?? []
  const findingSuite = suites.find((s) => s.name === 'findings')
  t.equal(findingSuite?.tests, 3)
  t.equal(findingSuite?.failures, 3)
  t.same(findingSuite?.testcase?.map((c) => c.name).sort(), ['bearer-where-dpop-required', 'dpop-bound-token-as-bearer', 'helseindikator-without-samtykke'])
  t.ok(findingSuite?.testcase?.every((c) => Array.isArray(c.failure) && c.failure.length === 1), 'each finding is a failure')
  t.ok((suites.find((s) => s.name === 'checklist')?.tests ?? 0) > 10, 'one testcase per checklist item')

  const set = await call(`${sandbox.url}/__admin/profile`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-sandbox-session': 'strict-run' }, body: '{"profile":"strict"}' })
  t.equal(set.status, 200)
  const strict = await flow(sandbox.url, 'strict-run', key)
  t.same(strict.map((s) => s.status), [200, 401], 'strict stops at the first mistake')
  t.equal(strict[1]?.headers.get('nhn-error-code'), 'KJF-000198', 'with the code the real service uses for a token it will not take')
})
