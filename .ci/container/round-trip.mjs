// A real round trip against a running sandbox, using only Node's fetch:
// system token -> helseindikator (status 4 + ticket) -> user token -> Patient/$everything.
// Usage: node .ci/container/round-trip.mjs http://127.0.0.1:8080
const base = (process.argv[2] ?? process.env.SANDBOX_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '')
const EPJ = 'kjernejournal-sandbox container test'

function fail (msg, extra) {
  console.error(`round-trip: ${msg}`)
  if (extra !== undefined) console.error(typeof extra === 'string' ? extra : JSON.stringify(extra).slice(0, 2000))
  process.exit(1)
}

async function call (method, path, { headers = {}, body } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000)
  })
  const text = await res.text()
  let json
  try { json = JSON.parse(text) } catch { json = undefined }
  return { status: res.status, json, text }
}

async function testToken (request) {
  const r = await call('POST', '/v2/create-test-token-with-key', { body: request })
  const jwt = r.json?.successResponse?.accessTokenJwt
  if (r.status !== 200 || typeof jwt !== 'string') fail(`test-token service answered ${r.status}`, r.text)
  return jwt
}

const systemToken = await testToken({ audience: 'nhn:kjernejournal', withoutDefaultUserClaims: true })
console.log('round-trip: system token ok')

const hi = await call('POST', '/v1/helseindikator', {
  headers: { authorization: `Bearer ${systemToken}`, 'x-epj-system': EPJ, 'content-type': 'application/json;charset=UTF-8' },
  body: { fnr: '17815810112', samtykke: 'HPMOTTATTSAMTYKKE' }
})
if (hi.status !== 200 || hi.json?.status !== 4 || typeof hi.json?.ticket !== 'string') fail(`helseindikator answered ${hi.status}, expected status 4 with a ticket`, hi.text)
console.log(`round-trip: helseindikator status ${hi.json.status}, ticket of ${hi.json.ticket.length} chars`)

const userToken = await testToken({
  audience: 'nhn:kjernejournal',
  userClaimsParameters: { pid: '01887840020', hprNumber: '900100101', securityLevel: '4' }
})
console.log('round-trip: user token ok')

const ev = await call('GET', '/v1/fhir/Patient/$everything', {
  headers: { authorization: `Bearer ${userToken}`, 'x-epj-system': EPJ, 'x-kj-ticket': hi.json.ticket, accept: 'application/fhir+json' }
})
// Search Bundles carry no total unless BUNDLE_EXTRAS (NHN's examples have none): count the entries.
if (ev.status !== 200 || ev.json?.resourceType !== 'Bundle' || !((ev.json.entry?.length ?? 0) >= 1)) fail(`Patient/$everything answered ${ev.status}, expected a Bundle with at least one entry`, ev.text)
console.log(`round-trip: Patient/$everything Bundle with ${ev.json.entry?.length ?? 0} entries`)
console.log('round-trip: ok')
