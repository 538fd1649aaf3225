/**
 * Every code in the error catalogue can be produced: X-Sandbox-Force-Error, code by code, on an
 * endpoint of every face that uses the code, answers that code with the catalogue's HTTP status
 * in the face's shape. The portal face is tried on both of its kinds of answer: the HTML page
 * (code in the headers and on the page) and the Innlogging API's JSON.
 */
import t from 'tap'
import { toLegacyError } from '../../server/domain/critical-info/legacy-codes.js'
import { CATALOGUE, catalogueEntry, type ErrorCode } from '../../server/domain/error-catalogue.js'
import type { CatalogueFace } from '../../server/domain/faces.js'
import { KjError } from '../../server/domain/kj-error.js'
import { build } from '../helper.js'

const ENDPOINTS: Record<CatalogueFace, readonly string[]> = {
  rest: ['/v1/ping'],
  portal: ['/hpp-webapp/hentpasient.html', '/api/session/create'],
  'fhir-legacy': ['/v1/fhir/Patient/$everything'],
  'critical-information': ['/api/critical-information/v1/Condition']
}

interface Answer { feilkode?: string, issue?: Array<{ diagnostics?: string, details?: { coding?: Array<{ system: string, code: string }> } }> }

function codeIn (url: string, res: { json(): unknown, body: string, headers: Record<string, unknown> }): unknown {
  if (url.endsWith('.html')) {
    const shown = /data-testid="error-code">([^<]+)</.exec(res.body)?.[1]
    return res.headers['content-type'] === 'text/html; charset=utf-8' ? shown : undefined
  }
  // The ticket face's own shape: the code alone in issue[0].diagnostics.
  if (url.startsWith('/v1/fhir')) return (res.json() as Answer).issue?.[0]?.diagnostics
  if (url.startsWith('/api/critical-information')) {
    return (res.json() as Answer).issue?.[0]?.details?.coding?.find((c) => c.system.endsWith('/ErrorCode'))?.code
  }
  return (res.json() as Answer).feilkode
}

t.test('every catalogue code, on every face that uses it', async (t) => {
  const app = await build(t)
  let checked = 0
  for (const entry of CATALOGUE) {
    for (const face of entry.faces as readonly CatalogueFace[]) {
      // The ticket-based face speaks KJF codes for KI ones, as the real one does.
      const expected = face === 'fhir-legacy' ? toLegacyError(new KjError(entry.code)).code : entry.code
      const status = catalogueEntry(expected as ErrorCode).httpStatus
      for (const url of ENDPOINTS[face]) {
        const res = await app.inject({ method: url.startsWith('/api/session') ? 'POST' : 'GET', url, headers: { 'x-sandbox-force-error': entry.code } })
        const code = codeIn(url, res)
        if (res.statusCode !== status || code !== expected || res.headers['nhn-error-code'] !== expected) {
          t.fail(`${entry.code} on ${face} (${url}): got HTTP ${res.statusCode} ${String(code)}, want ${status} ${expected}`)
        }
        checked++
      }
    }
  }
  t.ok(checked >= CATALOGUE.length, `${checked} code/endpoint pairs for ${CATALOGUE.length} codes`)
  t.ok(CATALOGUE.filter((e) => e.kind === 'AUT').every((e) => (e.faces as readonly CatalogueFace[]).includes('portal')), 'AUT codes are tried on the portal')
})
