import t from 'tap'
import { operationOutcome, issueTypeOf } from '../../../server/domain/fhir/operation-outcome.js'
import { KjError } from '../../../server/domain/kj-error.js'

const context = { apiVersion: 'v1', applicationVersion: '8527aa3a', environment: 'test1', serviceName: 'critical-information' }

t.test('a KI-0014 error is seed 001\'s example, field for field', async (t) => {
  const err = new KjError('KI-0014', 'Invalid element content - max: 500', ['Condition.note'])
  t.strictSame(JSON.parse(JSON.stringify(operationOutcome(err, 'c65f8f64-2c9c-4624-a4f0-3dbc4bde3300', context))), {
    resourceType: 'OperationOutcome',
    id: 'c65f8f64-2c9c-4624-a4f0-3dbc4bde3300',
    issue: [{
      severity: 'fatal',
      code: 'invariant',
      diagnostics: 'Invalid element content - max: 500',
      location: ['Condition.note'],
      details: {
        coding: [
          { system: 'http://nhn.no/hit/fhir/error/CodeSystem/ErrorCode', code: 'KI-0014' },
          { system: 'http://nhn.no/hit/fhir/error/CodeSystem/ErrorCodeKjLegacy', code: 'KI-0014' },
          { system: 'http://nhn.no/hit/fhir/error/CodeSystem/ApiVersion', code: 'v1' },
          { system: 'http://nhn.no/hit/fhir/error/CodeSystem/ApplicationVersion', code: '8527aa3a' },
          { system: 'http://nhn.no/hit/fhir/error/CodeSystem/Environment', code: 'test1' },
          { system: 'http://nhn.no/hit/fhir/error/CodeSystem/ServiceName', code: 'critical-information' }
        ]
      }
    }]
  })
})

t.test('the legacy code column, the catalogue text without diagnostics, no empty location', async (t) => {
  const outcome = operationOutcome(new KjError('KI-0018'), 'event-1', context)
  const issue = outcome.issue[0]!
  t.equal(issue.diagnostics, 'The user tried to lookup a patient but has been blocked by the patient (blokkering).')
  t.same(issue.details.coding[1], { system: 'http://nhn.no/hit/fhir/error/CodeSystem/ErrorCodeKjLegacy', code: 'KJF-000352' })
  t.notOk('location' in issue, 'no location when the error has none')
  t.notOk('location' in operationOutcome(new KjError('KI-0007', 'x', []), 'e', context).issue[0]!, 'nor when it is empty')
  t.equal(issue.code, 'forbidden')
})

t.test('issue types follow the code, then the status', async (t) => {
  t.equal(issueTypeOf(new KjError('KI-0014')), 'invariant')
  t.equal(issueTypeOf(new KjError('KI-0016')), 'business-rule')
  t.equal(issueTypeOf(new KjError('KI-0007')), 'invalid')
  t.equal(issueTypeOf(new KjError('KJF-000198')), 'security')
  t.equal(issueTypeOf(new KjError('KI-0019')), 'forbidden')
  t.equal(issueTypeOf(new KjError('KI-0015')), 'not-found')
  t.equal(issueTypeOf(new KjError('KI-0015'), 410), 'deleted', 'a GET on a deleted record')
  t.equal(issueTypeOf(new KjError('KI-0011')), 'conflict')
  t.equal(issueTypeOf(new KjError('KI-0012')), 'not-supported')
  t.equal(issueTypeOf(new KjError('KI-0006')), 'exception')
  t.equal(issueTypeOf(new KjError('KJX-000003')), 'transient')
  t.equal(operationOutcome(new KjError('KI-0015'), 'e', context, 410).issue[0]!.code, 'deleted')
  t.equal(operationOutcome(new KjError('KI-0006'), 'e', context).issue[0]!.severity, 'fatal')
})
