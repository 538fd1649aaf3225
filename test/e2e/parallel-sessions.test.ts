/**
 * Two CI jobs against one sandbox: each points an unmodified client at its own base URL
 * (/s/<id>), activates its own scenario, runs the same flow in parallel, and sees only its own
 * answers and its own journal.
 */
import t from 'tap'
import * as client from 'openid-client'
import { demoClient } from '../support/openid.js'
import { startSandbox } from '../support/server.js'

const PATIENT = '17815810112'

async function flow (base: string): Promise<Array<{ status: number, body: Record<string, unknown> }>> {
  const config = await demoClient(base)
  const { access_token: token } = await client.clientCredentialsGrant(config, { scope: 'nhn:kjernejournal/api' })
  const answers = []
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${base}/v1/helseindikator`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-epj-system': 'parallel e2e' },
      body: JSON.stringify({ fnr: PATIENT })
    })
    answers.push({ status: res.status, body: await res.json() as Record<string, unknown> })
  }
  return answers
}

t.test('two sessions, two scenarios, one flow in parallel: each sees only its own', async (t) => {
  const { url } = await startSandbox(t)
  const activate = async (session: string, scenario: string): Promise<void> => {
    const res = await fetch(`${url}/s/${session}/__admin/scenarios/${scenario}/activate`, { method: 'POST' })
    t.equal(res.status, 200, `${scenario} active in ${session}`)
  }
  await activate('job-a', 'helseindikator-status-0')
  await activate('job-b', 'flaky-helseindikator')
  const [a, b] = await Promise.all([flow(`${url}/s/job-a`), flow(`${url}/s/job-b`)])
  t.same(a.map((x) => [x.status, x.body.status]), [[200, 0], [200, 0], [200, 0]], 'job A: the override answers status 0')
  t.same(b.map((x) => x.status), [500, 200, 200], 'job B: a system error, then normal answers')
  t.equal(b[0]?.body.feilkode, 'KJS-000077')
  t.equal(b[1]?.body.status, 4)
  const journal = async (session: string): Promise<Array<{ path: string, status: number }>> =>
    ((await (await fetch(`${url}/s/${session}/__admin/requests?path=/v1/helseindikator`)).json()) as { requests: Array<{ path: string, status: number }> }).requests
  const ja = await journal('job-a')
  const jb = await journal('job-b')
  t.equal(ja.length, 3)
  t.equal(jb.length, 3)
  t.same(jb.map((r) => r.status).sort(), [200, 200, 500])
  t.same(ja.map((r) => r.status), [200, 200, 200])
  t.equal((await journal('default')).length, 0, 'nothing leaked into the default session')
})
