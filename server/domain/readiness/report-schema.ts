/**
 * The JSON Schema of `readinessReport`'s answer (GET /__admin/readiness), kept beside the report
 * so a change of shape is seen in one place; the OpenAPI document and its drift test use it.
 */
import { SEVERITIES } from './catalogue.js'
import { PROFILES } from './profile.js'

const str = { type: 'string' }
const count = { type: 'integer', minimum: 0 }

const FINDING = {
  type: 'object',
  required: ['id', 'severity', 'title', 'count', 'refused', 'firstEventId', 'lastEventId', 'firstSeen', 'lastSeen', 'did', 'realService', 'source', 'fix', 'strict'],
  properties: {
    id: str,
    severity: { enum: [...SEVERITIES] },
    title: str,
    count,
    refused: { ...count, description: 'How many the strict profile refused' },
    firstEventId: str,
    lastEventId: str,
    firstSeen: { type: 'string', format: 'date-time' },
    lastSeen: { type: 'string', format: 'date-time' },
    did: { type: 'string', description: 'What the EHR did' },
    realService: { type: 'string', description: 'What the real service does instead' },
    source: { type: 'string', description: 'Where NHN says so' },
    fix: str,
    strict: { type: 'object', description: 'How the strict profile answers' }
  }
}

const CHECKLIST_ITEM = {
  type: 'object',
  required: ['id', 'title', 'met', 'count', 'howToMeet'],
  properties: { id: str, title: str, met: { type: 'boolean' }, count, howToMeet: str }
}

export const READINESS_REPORT_SCHEMA = {
  type: 'object',
  required: ['session', 'profile', 'verdict', 'counts', 'findings', 'checklist'],
  properties: {
    session: str,
    profile: { enum: [...PROFILES] },
    verdict: { enum: ['ready', 'ready-with-warnings', 'not-ready'] },
    counts: { type: 'object', required: [...SEVERITIES], properties: Object.fromEntries(SEVERITIES.map((s) => [s, count])) },
    findings: { type: 'array', items: FINDING },
    checklist: { type: 'array', items: CHECKLIST_ITEM }
  }
}
