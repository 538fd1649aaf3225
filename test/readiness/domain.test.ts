/** The readiness domain: findings tallies, habits, the checklist, the verdict and JUnit XML. */
import t from 'tap'
import { FINDINGS, findingDefinition } from '../../server/domain/readiness/catalogue.js'
import { checklist, CHECKLIST } from '../../server/domain/readiness/checklist.js'
import { SessionFindings } from '../../server/domain/readiness/findings.js'
import { Habits } from '../../server/domain/readiness/habits.js'
import { readinessJunit } from '../../server/domain/readiness/junit.js'
import { failsOn, readinessReport, verdictOf } from '../../server/domain/readiness/report.js'
import { Coverage } from '../../server/domain/journal/coverage.js'

const event = (eventId: string, at = 0, did = 'POST /x: did it', refused = false) => ({ eventId, did, at, refused })

t.test('the catalogue: unique kebab-case ids, a public https source, a fix and a strict answer each', async (t) => {
  const ids = FINDINGS.map((f) => f.id)
  t.equal(new Set(ids).size, ids.length, 'ids are unique')
  for (const f of FINDINGS) {
    t.match(f.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${f.id} is kebab-case`)
    t.match(f.source, /^https:\/\//, `${f.id} has a public source`)
    t.ok(f.fix.length > 20 && f.realService.length > 20, `${f.id} says what to do and what NHN does`)
    t.ok(f.strict.refuses ? f.strict.answer.length > 0 : f.strict.why.length > 0, `${f.id} says what strict does`)
  }
  t.throws(() => findingDefinition('no-such-finding'), /unknown readiness finding/)
})

t.test('findings: count, first and last event, the last deed, most severe first', async (t) => {
  const findings = new SessionFindings()
  findings.record('helseindikator-without-samtykke', event('e1', 1000))
  findings.record('helseindikator-without-samtykke', event('e2', 2000, 'POST /v1/helseindikator: again', true))
  findings.record('client-secret-auth', event('e3', 3000, 'x'.repeat(400)))
  const list = findings.list()
  t.same(list.map((f) => f.id), ['client-secret-auth', 'helseindikator-without-samtykke'], 'will-fail before deprecated')
  const samtykke = list[1]
  t.equal(samtykke?.count, 2)
  t.equal(samtykke?.refused, 1)
  t.equal(samtykke?.firstEventId, 'e1')
  t.equal(samtykke?.lastEventId, 'e2')
  t.equal(samtykke?.did, 'POST /v1/helseindikator: again')
  t.equal(samtykke?.firstSeen, '1970-01-01T00:00:01.000Z')
  t.ok((list[0]?.did.length ?? 0) <= 303, 'a long deed is cut')
  t.throws(() => findings.record('made-up', event('e4')), /unknown/)
  findings.clear()
  t.same(findings.list(), [])
})

t.test('habits: a renewal inside the margin is fine, one long before expiry is not; the map is bounded', async (t) => {
  const habits = new Habits()
  t.equal(habits.tokens.seen('a', 100, 700, 60), false, 'first token')
  t.equal(habits.tokens.seen('a', 200, 800, 60), true, '500 s left on the last one')
  t.equal(habits.tokens.seen('a', 750, 1350, 60), false, '50 s left: renewal is what HelseID asks')
  t.equal(habits.tokens.seen('a', 2000, 2600, 60), false, 'the last one had expired')
  t.equal(habits.tickets.seen('k', 0, 3600), false)
  t.equal(habits.tickets.seen('k', 10, 3610), true)
  for (let i = 0; i < 10_001; i++) habits.tokens.seen(`key-${i}`, 0, 100)
  t.equal(habits.tokens.seen('a', 0, 100), false, 'the oldest key went first')
  habits.clear()
  t.equal(habits.tickets.seen('k', 20, 3620), false, 'cleared')
})

t.test('the checklist reads the coverage: statuses, codes, answer statuses and situations', async (t) => {
  const coverage = new Coverage()
  const none = checklist(coverage.snapshot())
  t.equal(none.length, CHECKLIST.length)
  t.ok(none.every((i) => !i.met && i.count === 0), 'nothing met at first')
  coverage.record({ endpoint: 'POST /v1/helseindikator', face: 'rest', status: 200, code: null, helseindikatorStatus: 4 })
  coverage.record({ endpoint: 'GET /v1/fhir/AllergyIntolerance', face: 'fhir-legacy', status: 401, code: 'KJF-000015' })
  coverage.record({ endpoint: 'GET /api/critical-information/v1/Flag/:id', face: 'critical-information', status: 410, code: 'KI-0018', situations: ['consent-headers'] })
  coverage.record({ endpoint: 'PUT /api/critical-information/v1/Flag/:id', face: 'critical-information', status: 412, code: null })
  coverage.record({ endpoint: 'POST /v1/helseindikator', face: 'rest', status: 503, code: null, situations: ['slow-answer'] })
  coverage.record({ endpoint: 'POST /connect/token', face: 'helseid', status: 400, code: 'oauth:use_dpop_nonce' })
  const met = Object.fromEntries(checklist(coverage.snapshot()).map((i) => [i.id, i.met]))
  t.same(met, {
    'helseindikator-status-0': false,
    'helseindikator-status-1': false,
    'helseindikator-status-2': false,
    'helseindikator-status-3': false,
    'helseindikator-status-4': true,
    'expired-ticket': true,
    'blocked-patient': true,
    'restricted-patient': false,
    'consent-headers': true,
    'deleted-410': true,
    'version-conflict': true,
    'server-error': true,
    'slow-answer': true,
    'use-dpop-nonce': true
  })
})

t.test('verdict and fail-on follow the most severe finding', async (t) => {
  const findings = new SessionFindings()
  const coverage = new Coverage().snapshot()
  t.equal(readinessReport('s', 'lenient', findings, coverage).verdict, 'ready')
  findings.record('token-per-call', event('e1'))
  const warned = readinessReport('s', 'strict', findings, coverage)
  t.equal(warned.verdict, 'ready-with-warnings')
  t.equal(warned.profile, 'strict')
  t.same(warned.counts, { 'will-fail': 0, deprecated: 1, unconfirmed: 0 })
  t.equal(failsOn(warned, 'will-fail'), false)
  t.equal(failsOn(warned, 'deprecated'), true)
  t.equal(failsOn(warned, 'unconfirmed'), true)
  findings.record('client-secret-auth', event('e2'))
  t.equal(verdictOf(findings.list()), 'not-ready')
  t.equal(verdictOf([{ ...findings.list()[1]!, severity: 'unconfirmed' }]), 'ready-with-warnings')
})

t.test('JUnit XML: a testcase per finding and checklist item, failures for will-fail and deprecated, everything escaped', async (t) => {
  const findings = new SessionFindings()
  findings.record('client-secret-auth', event('e1', 0, 'POST /connect/token: client \'<script>&"\' \u0000'))
  findings.record('token-per-call', event('e2'))
  const report = readinessReport('ci', 'lenient', findings, new Coverage().snapshot())
  const xml = readinessJunit(report)
  t.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /)
  t.equal((xml.match(/<testcase /g) ?? []).length, 2 + CHECKLIST.length)
  t.equal((xml.match(/<failure /g) ?? []).length, 2)
  t.match(xml, /<testsuite name="findings" tests="2" failures="2" errors="0" skipped="0">/)
  t.match(xml, new RegExp(`<testsuite name="checklist" tests="${CHECKLIST.length}" failures="0" errors="0" skipped="${CHECKLIST.length}">`))
  t.notMatch(xml, /<script>/, 'request text is escaped')
  t.match(xml, /&lt;script&gt;&amp;&quot;/)
  t.notOk(xml.includes(String.fromCharCode(0)), 'characters XML cannot carry are dropped')
  t.match(xml, /<property name="verdict" value="not-ready"\/>/)
})
