/**
 * The README's EHR flow, run exactly as a newcomer runs it: docs/ehr-flow.sh (the file the README
 * embeds) with bash, curl and node against the sandbox started on 127.0.0.1. Each step prints what
 * it got, and the script must stop at the first step that does not get it.
 */
import t from 'tap'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { EHR_FLOW_SCRIPT, REPO_ROOT } from '../../docs/generated-sections.js'
import { startSandbox } from '../../server/in-process.js'
import { childEnv } from '../support/compiled.js'

interface Run { readonly code: number, readonly stdout: string, readonly stderr: string }

// Not execFileSync: the sandbox listens in this very process, so its event loop must keep running.
function runScript (baseUrl: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile('bash', [EHR_FLOW_SCRIPT], { cwd: fileURLToPath(REPO_ROOT), env: childEnv({ BASE_URL: baseUrl }), timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr }))
  })
}

t.test('docs/ehr-flow.sh: system token -> helseindikator -> ticket -> user token -> both faces -> portal', async (t) => {
  const sandbox = await startSandbox()
  t.teardown(() => sandbox.close())

  const run = await runScript(sandbox.url)
  t.equal(run.code, 0, run.stderr)
  t.equal(run.stderr, '', 'nothing on stderr')
  const lines = run.stdout.trimEnd().split('\n')
  t.equal(lines.length, 7, run.stdout)
  t.match(lines[0], /^1\. system token: eyJ/)
  t.match(lines[1], /^2\. helseindikator: status 4, ticket \S+/)
  t.match(lines[2], /^3\. user tokens: eyJ\S+ \(nhn:kjernejournal\), eyJ\S+ \(nhn:critical-information\)$/)
  t.equal(lines[3], '4. /v1/fhir: Bundle with 3 resources')
  t.equal(lines[4], '5. /api/critical-information/v1: Bundle with 1 AllergyIntolerance')
  t.equal(lines[5], '6. portal: HTTP 200, "Kristian Kritisk - Kjernejournal (sandbox)"; open it in a browser:')
  t.match(lines[6], new RegExp(`^   ${sandbox.url}/hpp-webapp/hentpasient\\.html\\?ticket=[A-Za-z0-9%]+&test_pid=01887840020$`))

  const requests = await sandbox.requests()
  t.same(requests.filter((r) => Number(r.status) >= 400), [], 'no request of the flow was refused')

  t.test('stops at the step that fails: no ticket when helseindikator says status 0', async (t) => {
    await sandbox.activateScenario('helseindikator-status-0')
    t.teardown(() => sandbox.deactivateScenario('helseindikator-status-0'))
    const broken = await runScript(sandbox.url)
    t.not(broken.code, 0)
    t.match(broken.stdout, /^1\. system token/)
    t.notMatch(broken.stdout, /^2\./m)
    t.match(broken.stderr, /no ticket in: \{.*"status":0/)
  })
})
