import t from 'tap'
import { KjError } from '../../../server/domain/kj-error.js'
import { sampleResource } from '../../../server/domain/critical-info/samples.js'
import { parseResource } from '../../../server/domain/critical-info/validate.js'
import { GUESSED_CATEGORY_SYSTEM } from '../../../server/domain/critical-info/profiles/index.js'

const NIN = '24868510168'

function errorOf (fn: () => unknown): KjError {
  try {
    fn()
  } catch (err) {
    if (err instanceof KjError) return err
    throw err
  }
  throw new Error('expected a KjError')
}

t.test('a valid body comes back with its profile', async (t) => {
  const body = sampleResource('KjConditionInfection', NIN)
  const { resource, profile } = parseResource(body, 'Condition')
  t.equal(resource, body)
  t.equal(profile.name, 'KjConditionInfection')
  t.equal(parseResource(sampleResource('KjFlag', NIN)).profile.name, 'KjFlag', 'the expected type is optional')
})

t.test('KI-0007: not a resource, the wrong type, no Kj profile', async (t) => {
  for (const body of [undefined, null, 'Condition', 42, [], {}, { resourceType: 7 }, { resourceType: '' }]) {
    t.equal(errorOf(() => parseResource(body, 'Condition')).code, 'KI-0007', JSON.stringify(body) ?? 'undefined')
  }
  const wrongType = errorOf(() => parseResource(sampleResource('KjAllergyIntolerance', NIN), 'Condition'))
  t.equal(wrongType.code, 'KI-0007')
  t.match(wrongType.diagnostics, /expected a Condition, got a AllergyIntolerance/)
  t.equal(errorOf(() => parseResource({ resourceType: 'Observation' })).code, 'KI-0007')
  const uncategorised = { ...sampleResource('KjConditionInfection', NIN), meta: undefined, category: [{ coding: [{ system: GUESSED_CATEGORY_SYSTEM, code: '1' }] }] }
  t.match(errorOf(() => parseResource(uncategorised, 'Condition')), { code: 'KI-0007', diagnostics: /matches no Kjernejournal profile/ })
})

t.test('KI-0014: the first issue, with its location', async (t) => {
  const long = { ...sampleResource('KjConditionCriticalMedicalCondition', NIN), note: [{ text: 'x'.repeat(501) }] }
  const err = errorOf(() => parseResource(long, 'Condition'))
  t.equal(err.code, 'KI-0014')
  t.equal(err.statusCode, 400)
  t.equal(err.diagnostics, 'Invalid element content - max: 500', 'the seed\'s message, verbatim')
  t.same(err.location, ['Condition.note'])

  const many = { ...sampleResource('KjAllergyIntolerance', NIN), criticality: 'severe', patient: undefined, note: [{ text: 'x'.repeat(501) }] }
  const first = errorOf(() => parseResource(many, 'AllergyIntolerance'))
  t.same(first.location, ['AllergyIntolerance.patient'])
  t.match(first.diagnostics, /^Missing required element \(and 2 more issues\)$/)
})
