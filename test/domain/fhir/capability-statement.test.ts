import t from 'tap'
import { capabilityStatement } from '../../../server/domain/fhir/capability-statement.js'

const profile = 'http://nhn.no/kj/fhir/StructureDefinition/KjFlag'

t.test('an R4 CapabilityStatement for a versioned, HelseID-guarded server', async (t) => {
  const statement = capabilityStatement({
    baseUrl: 'http://sandbox.test/api/critical-information/v1',
    name: 'KjernejournalSandboxCriticalInformation',
    date: '2026-03-14',
    software: { name: 'kjernejournal-sandbox', version: '0.1.0' },
    resources: [
      { type: 'Flag', profiles: [profile], interactions: ['read', 'vread', 'history-instance'], searchParams: [{ name: 'criticalInfoType', type: 'token', documentation: 'sub-type' }] },
      { type: 'Procedure', profiles: [], interactions: [] }
    ]
  })
  t.match(statement, {
    resourceType: 'CapabilityStatement',
    status: 'active',
    kind: 'instance',
    date: '2026-03-14',
    name: 'KjernejournalSandboxCriticalInformation',
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    software: { name: 'kjernejournal-sandbox', version: '0.1.0' },
    implementation: { url: 'http://sandbox.test/api/critical-information/v1' },
    rest: [{
      mode: 'server',
      security: { description: /HelseID.*DPoP.*Bearer/ },
      resource: [{
        type: 'Flag',
        supportedProfile: [profile],
        interaction: [{ code: 'read' }, { code: 'vread' }, { code: 'history-instance' }],
        versioning: 'versioned-update',
        readHistory: true,
        updateCreate: false,
        conditionalCreate: false,
        searchParam: [{ name: 'criticalInfoType', type: 'token', documentation: 'sub-type' }]
      }, { type: 'Procedure' }]
    }]
  })
  const procedure = (statement.rest as Array<{ resource: Array<Record<string, unknown>> }>)[0]!.resource[1]!
  t.notOk('supportedProfile' in procedure || 'interaction' in procedure || 'searchParam' in procedure, 'no empty arrays')
})
