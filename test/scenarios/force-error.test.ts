/**
 * Every code in the error catalogue can be produced: X-Sandbox-Force-Error, code by code, on an
 * endpoint of every face that uses the code, answers that code with the catalogue's HTTP status
 * in the face's shape. (No portal yet: its AUT codes are forced on the REST face.)
 */
import t from 'tap'
import { toLegacyError } from '../../server/domain/critical-info/legacy-codes.js'
import { CATALOGUE, catalogueEntry, type ErrorCode, type KjFace } from '../../server/domain/error-catalogue.js'
import { KjError } from '../../server/domain/kj-error.js'
import { build } from '../helper.js'

const ENDPOINT: Record<KjFace, string> = {
  rest: '/v1/ping',
  portal: '/v1/ping',
  'fhir-legacy': '/v1/fhir/Patient/$everything',
  'critical-information': '/api/critical-information/v1/Condition'
}

t.test('every catalogue code, on every face that uses it', async (t) => {
  const app = await build(t)
  let checked = 0
  for (const entry of CATALOGUE) {
    for (const face of entry.faces as readonly KjFace[]) {
      // The ticket-based face speaks KJF codes for KI ones, as the real one does.
      const expected = face === 'fhir-legacy' ? toLegacyError(new KjError(entry.code)).code : entry.code
      const status = catalogueEntry(expected as ErrorCode).httpStatus
      const res = await app.inject({ url: ENDPOINT[face], headers: { 'x-sandbox-force-error': entry.code } })
      const code = face === 'rest' || face === 'portal'
        ? res.json().feilkode
        : res.json().issue?.[0]?.details?.coding?.find((c: { system: string }) => c.system.endsWith('/ErrorCode'))?.code
      if (res.statusCode !== status || code !== expected || res.headers['nhn-error-code'] !== expected) {
        t.fail(`${entry.code} on ${face}: got HTTP ${res.statusCode} ${String(code)}, want ${status} ${expected}`)
      }
      checked++
    }
  }
  t.ok(checked >= CATALOGUE.length, `${checked} code/face pairs for ${CATALOGUE.length} codes`)
})
