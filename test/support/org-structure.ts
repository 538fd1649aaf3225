/** A vendor's own HelseID client and the structures it sends HelseID (organisation numbers, attest). */
import { exportJWK, generateKeyPair } from 'jose'
import type { FastifyInstance } from 'fastify'
import { CLIENT_ASSERTION_TYPE } from '../../server/domain/helseid/claims.js'
import { clientAssertion, tokenRequest } from '../helper.js'

export function structure (system: string, value: string): Record<string, unknown> {
  return { type: 'helseid_authorization', practitioner_role: { organization: { identifier: { system, type: 'ENH', value } } } }
}

/** Registers a client with its own key and no default child; returns an assertion maker. */
export async function ownClient (app: FastifyInstance, registration: Record<string, unknown> = {}) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
  const clientId = String(registration.client_id ?? 'own-ehr')
  const res = await app.inject({ method: 'POST', url: '/__admin/clients', payload: { client_id: clientId, jwks: { keys: [{ ...await exportJWK(publicKey), kid: 'k1' }] }, orgnr_parent: '310001147', ...registration } })
  if (res.statusCode !== 201) throw new Error(res.body)
  return {
    clientId,
    privateKey,
    token: async (claims: Record<string, unknown> = {}, params: Record<string, string> = {}) => tokenRequest(app, {
      grant_type: 'client_credentials',
      scope: 'nhn:kjernejournal/api',
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: await clientAssertion({ clientId, key: privateKey, kid: 'k1', claims }),
      ...params
    })
  }
}

/** A tillitsrammeverk attest for `parent` acting at `child`. */
export function attest (parent: string, child: string, decision = 'decision-1'): Record<string, unknown> {
  const org = (id: string) => ({ id, system: 'urn:oid:2.16.578.1.12.4.1.4.101' })
  return {
    type: 'nhn:tillitsrammeverk:parameters',
    practitioner: { authorization: { code: 'LE', system: 'urn:oid:2.16.578.1.12.4.1.1.9060' }, legal_entity: org(parent), point_of_care: org(child) },
    care_relationship: {
      healthcare_service: { code: '01', system: 'urn:oid:2.16.578.1.12.4.1.1.8666' },
      purpose_of_use: { code: 'TREAT', system: 'urn:oid:2.16.840.1.113883.1.11.20448' },
      purpose_of_use_details: { code: 'BEHANDLER', system: 'urn:AuditEventHL7Norway/CodeSystem/carerelation' },
      decision_ref: { id: decision, user_selected: true }
    },
    patients: [{ point_of_care: org(child) }]
  }
}
