/**
 * The JSON Schemas of the Innlogging API's bodies, beside the hand-written parser
 * (session-request.ts) that decides them: what `parseCreateSession` and `parseSessionId` read.
 * Unknown fields are allowed, as the parser ignores them.
 */
import { NIN_SYSTEM } from '../critical-info/types.js'
import { ACCESS_BASES, ACCESS_BASIS_SYSTEM, HPR_ROLE_SYSTEM } from './session-request.js'

const coded = (system: string, code: Record<string, unknown>, description: string) => ({
  type: 'object',
  description,
  required: ['code'],
  properties: { system: { const: system, description: 'Optional; when given it must be this' }, code }
})

export const CREATE_SESSION_SCHEMA = {
  type: 'object',
  required: ['ehr_code_challenge', 'claims'],
  properties: {
    ehr_code_challenge: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$', description: 'BASE64URL(SHA-256(verifier)); the verifier opens the portal page' },
    claims: {
      type: 'object',
      required: ['patient_identifier', 'practitioner_authorization', 'access_basis'],
      properties: {
        patient_identifier: {
          type: 'object',
          required: ['id'],
          properties: { system: { const: NIN_SYSTEM }, id: { type: 'string', pattern: '^\\d{11}$', description: "The patient's national identity number" } }
        },
        practitioner_authorization: coded(HPR_ROLE_SYSTEM, { type: 'string', description: 'The HPR authorisation (LE, SP, ...)' }, "The user's acting role"),
        access_basis: coded(ACCESS_BASIS_SYSTEM, { enum: [...ACCESS_BASES] }, 'Why the user opens the journal')
      }
    }
  },
  examples: [{
    ehr_code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    claims: {
      patient_identifier: { system: NIN_SYSTEM, id: '24868510168' },
      practitioner_authorization: { system: HPR_ROLE_SYSTEM, code: 'LE' },
      access_basis: { system: ACCESS_BASIS_SYSTEM, code: 'SAMTYKKE' }
    }
  }]
}

export const SESSION_ID_SCHEMA = {
  type: 'object',
  required: ['sessionId'],
  properties: { sessionId: { type: 'string', description: 'From create' } },
  examples: [{ sessionId: '6f1c2b...' }]
}
