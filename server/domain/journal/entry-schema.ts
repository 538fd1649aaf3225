/**
 * The JSON Schema of a journal entry and of a journal page (GET /__admin/requests), beside
 * entry.ts where the shape is decided; the OpenAPI document and its drift test use it. Headers
 * and bodies are as recorded (redacted), so they stay open objects.
 */
const str = { type: 'string' }
const headers = { type: 'object', additionalProperties: { type: 'string' } }
const recordedBody = { type: 'object', properties: { text: str, bytes: { type: 'integer' }, truncated: { const: true } } }

export const JOURNAL_ENTRY_SCHEMA = {
  type: 'object',
  required: ['seq', 'time', 'timeMs', 'eventId', 'method', 'path', 'route', 'face', 'status', 'code', 'durationMs', 'request', 'response'],
  properties: {
    seq: { type: 'integer', minimum: 1, description: 'Order of recording in the session; also the SSE event id' },
    time: { type: 'string', format: 'date-time', description: 'Sandbox time' },
    timeMs: { type: 'number' },
    eventId: { type: 'string', description: 'X-EVENT-ID is Id- and this without dashes' },
    method: str,
    path: { type: 'string', description: 'Without query and session prefix' },
    query: { type: 'object', additionalProperties: { anyOf: [str, { type: 'array', items: str }] } },
    route: { type: ['string', 'null'], description: 'The route pattern that answered' },
    face: str,
    status: { type: 'integer' },
    code: { type: ['string', 'null'], description: 'nhn-error-code, or oauth:<error>' },
    helseindikatorStatus: { type: 'integer' },
    durationMs: { type: 'number' },
    scenarioRules: { type: 'array', items: { type: 'object', required: ['scenario', 'rule', 'effect', 'applied'], properties: { scenario: str, rule: { type: 'integer' }, ruleName: str, step: { type: 'integer' }, effect: str, applied: { type: 'boolean' } } } },
    defaultChildOrganisation: { const: true },
    sandboxHint: str,
    findings: { type: 'array', items: str, description: 'Readiness finding ids' },
    truncated: { type: 'array', items: str },
    request: {
      type: 'object',
      required: ['headers'],
      properties: {
        headers,
        token: { type: 'object', required: ['scheme', 'token'], properties: { scheme: str, token: str, claims: { type: 'object' } } },
        body: recordedBody
      }
    },
    response: { type: 'object', required: ['headers'], properties: { headers, body: recordedBody, ticket: str } }
  }
}

export const JOURNAL_PAGE_SCHEMA = {
  type: 'object',
  required: ['total', 'requests'],
  properties: {
    total: { type: 'integer', description: 'How many match, beyond the limit too' },
    requests: { type: 'array', items: JOURNAL_ENTRY_SCHEMA, description: 'Newest first, at most limit' }
  }
}
