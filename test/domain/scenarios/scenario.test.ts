import t from 'tap'
import { compileScenario, parseScenario } from '../../../server/domain/scenarios/scenario.js'

/** The problems of a definition, as `field: message` lines. */
function problems (definition: unknown, name = 'test'): string[] {
  const result = compileScenario(definition, name)
  return result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`)
}

t.test('a full scenario compiles; the name comes from the file unless given', async (t) => {
  const s = parseScenario({
    description: 'all of it',
    rules: [
      {
        name: 'one',
        when: { face: ['fhir-legacy'], method: 'get', path: ['/v1/fhir/*', '/^\\/x$/'], patient: '24868510168', user: ['900100101'], clientId: 'c', organisation: '310001295', header: { 'x-a': 'b', 'x-b': true, 'x-c': false, 'x-d': ['1', '2'] }, body: { 'a.b': 1 }, nth: { every: 2 }, probability: 0.5, state: ['Started', 'x'] },
        then: { error: 'KJF-000015', diagnostics: 'd', location: ['Patient.identifier'], delay: { mean: 10, stddev: 2 }, nextState: 'x' }
      },
      { then: { sequence: ['ok', 'KJS-000077', { fault: 'dribble', dribbleMs: 10 }, { override: { status: 0 } }], delay: 5 } },
      { when: { face: 'helseid' }, then: { oauthError: 'server_error', description: 'down', status: 503 } }
    ]
  }, 'from-file')
  t.equal(s.name, 'from-file')
  t.equal(s.description, 'all of it')
  t.equal(s.rules.length, 3)
  t.equal(s.rules[0]!.helseid, 'never', 'catalogue errors never go to HelseID')
  t.equal(s.rules[1]!.helseid, 'never')
  t.equal(s.rules[2]!.helseid, 'only', 'OAuth errors only to HelseID')
  t.ok(s.rules[0]!.path?.('/v1/fhir/Patient') && s.rules[0]!.path('/x'))
  t.equal(parseScenario({ name: 'given', rules: [{ then: { delay: 1 } }] }, 'file').name, 'given')
})

t.test('problems name the field', async (t) => {
  t.same(problems({ rules: [{ then: { error: 'KJF-999999' } }] }), ["rules[0].then.error: unknown catalogue code 'KJF-999999'"])
  t.same(problems({ rules: [{ then: { sequence: ['ok', 'NOPE'] } }] }), ["rules[0].then.sequence[1]: unknown catalogue code 'NOPE'"])
  t.same(problems({ rules: [{ then: { sequence: [{ error: 'NOPE' }] } }] }), ["rules[0].then.sequence[0].error: unknown catalogue code 'NOPE'"])
  t.match(problems({ rules: [{ then: { delay: { min: 1 } } }] }), [/^rules\[0\]\.then\.delay(\.max)?: /])
  t.same(problems({ rules: [{ then: { delay: { min: 5, max: 1 } } }] }), ['rules[0].then.delay.max: min is more than max'])
  t.match(problems({ rules: [{ then: { delay: 'slow' } }] }), ['rules[0].then.delay: expected milliseconds, {min, max} or {mean, stddev}'])
  t.match(problems({ rules: [{ then: { oauthError: 'down' } }] }), [/^rules\[0\]\.then\.oauthError: /])
  t.match(problems({ rules: [{ when: { colour: 'red' }, then: { delay: 1 } }] }), [/^rules\[0\]\.when: .*colour/])
  t.match(problems({ rules: [{ when: { path: '/[/' }, then: { delay: 1 } }] }), ['rules[0].when.path: not a valid regular expression'])
  t.match(problems({ rules: [{ when: { nth: 0 }, then: { delay: 1 } }] }), [/^rules\[0\]\.when\.nth: /])
  t.match(problems({ rules: [{ when: { probability: 2 }, then: { delay: 1 } }] }), [/^rules\[0\]\.when\.probability: /])
  t.match(problems({ rules: [{ when: { face: 'soap' }, then: { delay: 1 } }] }), [/^rules\[0\]\.when\.face: /])
  t.match(problems({ rules: [] }), [/^rules: /])
  t.match(problems({ rules: [{ when: {} }] }), [/^rules\[0\]\.then: /])
  t.match(problems(null), [/^\(root\): /])
})

t.test('override removes a field only with the exact marker {"$delete": true}', async (t) => {
  t.same(problems({ rules: [{ then: { override: { ticket: { $delete: true }, 'a.b': null, c: { d: 1 } } } }] }), [])
  t.same(problems({ rules: [{ then: { override: { ticket: { $delete: false } } } }] }), ['rules[0].then.override.ticket: write {"$delete": true} alone to remove the field'])
  t.same(problems({ rules: [{ then: { sequence: [{ override: { ticket: { $delete: true, x: 1 } } }] } }] }), ['rules[0].then.sequence[0].override.ticket: write {"$delete": true} alone to remove the field'])
})

t.test('one effect per rule; companions only with their effect; no empty then', async (t) => {
  t.same(problems({ rules: [{ then: { error: 'KJS-000077', fault: 'reset' } }] }), ['rules[0].then.fault: use one of error and fault per rule (delay and nextState combine with any)'])
  t.same(problems({ rules: [{ then: { delay: 1, diagnostics: 'x' } }] }), ['rules[0].then.diagnostics: only with error'])
  t.same(problems({ rules: [{ then: { fault: 'reset', dribbleMs: 10 } }] }), ['rules[0].then.dribbleMs: only with fault: dribble'])
  t.same(problems({ rules: [{ then: { error: 'KJS-000077', description: 'x' } }] }), ['rules[0].then.description: only with oauthError'])
  t.match(problems({ rules: [{ then: {} }] }), [/^rules\[0\]\.then: empty/])
  t.match(problems({ rules: [{ then: { sequence: [{ sequence: ['ok'] }] } }] }), [/^rules\[0\]\.then\.sequence\[0\]/], 'steps have no sequence')
  t.same(problems({ rules: [{ then: { nextState: 'x' } }] }), [], 'a state change alone is fine')
})

t.test('effects that cannot be rendered where the rule applies are refused', async (t) => {
  t.same(problems({ rules: [{ when: { face: 'kjernejournal' }, then: { oauthError: 'server_error' } }] }), ['rules[0].when.face: oauthError only works on the helseid face'])
  t.same(problems({ rules: [{ when: { face: 'helseid' }, then: { error: 'KJS-000077' } }] }), ['rules[0].when.face: catalogue errors do not work on the helseid face; use oauthError'])
  t.same(problems({ rules: [{ when: { face: ['helseid', 'kjernejournal'] }, then: { error: 'KJS-000077' } }] }), [], 'a list with another face is fine')
  t.match(problems({ rules: [{ then: { sequence: [{ oauthError: 'server_error' }, 'KJS-000077'] } }] }), [/^rules\[0\]\.then: mixes oauthError/])
})

t.test('names must travel in a header', async (t) => {
  t.same(problems({ rules: [{ then: { delay: 1 } }] }, 'my scenario'), ['(file name): use letters, digits, dot, dash and underscore, starting with a letter or digit'])
  t.match(problems({ name: 'a,b', rules: [{ then: { delay: 1 } }] }), [/^name: /])
  t.same(compileScenario({ rules: [{ then: { delay: 1 } }] }), { ok: false, problems: [{ field: 'name', message: 'required' }] }, 'the admin API has no file name to fall back on')
  t.throws(() => parseScenario({ rules: [] }, 'x'), { name: 'ScenarioError', problems: [{ field: 'rules' }] })
})
