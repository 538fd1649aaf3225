import t from 'tap'
import {
  isElevated, parseAccessBasis, parseEventId, parseLegacyConsent, parsePatientNin, parseSourceSystem, parseUserRole
} from '../../../server/domain/critical-info/request-headers.js'

/** NHN's example nhn-user-role value, verbatim (form encoding: spaces as +). */
const NHN_ROLE_EXAMPLE = '%7B%0A++++%22system%22%3A+%22urn%3Aoid%3A2.16.578.1.12.4.1.1.9060%22%2C%0A++++%22code%22%3A+%22LE%22%0A%7D'

const role = (json: unknown): string => encodeURIComponent(JSON.stringify(json))

t.test('nhn-patient-nin: required, a valid identity number; hit-patient-pid is its older name', async (t) => {
  t.equal(parsePatientNin({ 'nhn-patient-nin': '24868510168' }), '24868510168')
  t.equal(parsePatientNin({ 'hit-patient-pid': '24868510168' }), '24868510168')
  t.equal(parsePatientNin({ 'nhn-patient-nin': ['24868510168'] }), '24868510168', 'one value in an array')
  t.throws(() => parsePatientNin({}), { code: 'KI-0007', diagnostics: /nhn-patient-nin is required/ })
  t.throws(() => parsePatientNin({ 'nhn-patient-nin': '  ' }), { code: 'KI-0007' }, 'blank is missing')
  t.throws(() => parsePatientNin({ 'nhn-patient-nin': '24868510169' }), { code: 'KI-0007', diagnostics: /nhn-patient-nin '24868510169'/ })
  t.throws(() => parsePatientNin({ 'hit-patient-pid': '123' }), { code: 'KI-0007', diagnostics: /hit-patient-pid/ }, 'diagnostics name the header used')
  t.throws(() => parsePatientNin({ 'nhn-patient-nin': ['24868510168', '24868510168'] }), { code: 'KI-0007', diagnostics: /sent 2 times/ })
})

t.test('nhn-access-basis: one of the five bases', async (t) => {
  for (const basis of ['UNNTAK', 'SAMTYKKE', 'FORHOYET_SAMTYKKE', 'AKUTT', 'FORHOYET_AKUTT']) {
    t.equal(parseAccessBasis({ 'nhn-access-basis': basis }), basis)
  }
  t.equal(parseAccessBasis({ 'hit-access-basis': 'AKUTT' }), 'AKUTT')
  t.throws(() => parseAccessBasis({}), { code: 'KI-0007', diagnostics: /nhn-access-basis is required/ })
  t.throws(() => parseAccessBasis({ 'nhn-access-basis': 'samtykke' }), { code: 'KI-0007' }, 'case matters')
  t.throws(() => parseAccessBasis({ 'nhn-access-basis': 'HPAKUTT' }), { code: 'KI-0007', diagnostics: /not one of UNNTAK/ })
  t.ok(isElevated('FORHOYET_AKUTT'))
  t.ok(isElevated('FORHOYET_SAMTYKKE'))
  t.notOk(isElevated('AKUTT'))
})

t.test('nhn-user-role: URL-encoded JSON with a known system', async (t) => {
  t.same(parseUserRole({ 'nhn-user-role': NHN_ROLE_EXAMPLE }), { system: 'urn:oid:2.16.578.1.12.4.1.1.9060', code: 'LE' }, 'NHN\'s own example')
  t.same(parseUserRole({ 'hit-user-role': role({ system: 'kjernejournal_userrole', code: 'SP' }) }), { system: 'kjernejournal_userrole', code: 'SP' })
  t.same(parseUserRole({ 'nhn-user-role': '{"system":"urn:oid:2.16.578.1.12.4.1.1.9060","code":"LE"}' }).code, 'LE', 'unencoded JSON decodes to itself')
  t.throws(() => parseUserRole({}), { code: 'KI-0007', diagnostics: /nhn-user-role is required/ })
  t.throws(() => parseUserRole({ 'nhn-user-role': '%E0%A4%A' }), { code: 'KI-0007' }, 'broken percent-encoding')
  t.throws(() => parseUserRole({ 'nhn-user-role': 'LE' }), { code: 'KI-0007' }, 'not JSON')
  t.throws(() => parseUserRole({ 'nhn-user-role': role(['LE']) }), { code: 'KI-0007' }, 'not an object')
  t.throws(() => parseUserRole({ 'nhn-user-role': role({ system: 'urn:oid:2.16.578.1.12.4.1.1.9999', code: 'LE' }) }), { code: 'KI-0007', diagnostics: /system/ })
  t.throws(() => parseUserRole({ 'nhn-user-role': role({ code: 'LE' }) }), { code: 'KI-0007' }, 'no system')
  t.throws(() => parseUserRole({ 'nhn-user-role': role({ system: 'kjernejournal_userrole' }) }), { code: 'KI-0007', diagnostics: /no code/ })
  t.throws(() => parseUserRole({ 'nhn-user-role': role({ system: 'kjernejournal_userrole', code: 7 }) }), { code: 'KI-0007' })
})

t.test('nhn-source-system: 3-512 characters', async (t) => {
  t.equal(parseSourceSystem({ 'nhn-source-system': 'ACME EPJ 42.01' }), 'ACME EPJ 42.01')
  t.equal(parseSourceSystem({ 'hit-source-system': 'EPJ' }), 'EPJ')
  t.equal(parseSourceSystem({ 'nhn-source-system': 'x'.repeat(512) }).length, 512)
  t.throws(() => parseSourceSystem({}), { code: 'KI-0007', diagnostics: /nhn-source-system is required/ })
  t.throws(() => parseSourceSystem({ 'nhn-source-system': 'AB' }), { code: 'KI-0007', diagnostics: /3-512/ })
  t.throws(() => parseSourceSystem({ 'nhn-source-system': 'x'.repeat(513) }), { code: 'KI-0007' })
})

t.test('nhn-event-id: optional, at most 128 characters', async (t) => {
  t.equal(parseEventId({}), undefined)
  t.equal(parseEventId({ 'nhn-event-id': 'c65f8f64-2c9c-4624-a4f0-3dbc4bde3300' }), 'c65f8f64-2c9c-4624-a4f0-3dbc4bde3300')
  t.equal(parseEventId({ 'hit-event-id': 'trace-1' }), 'trace-1')
  t.equal(parseEventId({ 'nhn-event-id': 'e'.repeat(128) })?.length, 128)
  t.throws(() => parseEventId({ 'nhn-event-id': 'e'.repeat(129) }), { code: 'KI-0007', diagnostics: /128/ })
})

t.test('the current name wins over the older one', async (t) => {
  t.equal(parseSourceSystem({ 'nhn-source-system': 'New EPJ', 'hit-source-system': 'Old EPJ' }), 'New EPJ')
})

t.test('the legacy face\'s consent headers', async (t) => {
  t.same(parseLegacyConsent({}), {})
  t.same(parseLegacyConsent({ 'kj-samtykke-bruk': 'HPAKUTT' }), { bruk: 'HPAKUTT' })
  t.same(parseLegacyConsent({ 'kj-samtykke-bruk': 'HPUNNTAK', 'kj-samtykke-sperret-kritiskinfo': 'HPMOTTATTSAMTYKKE' }), { bruk: 'HPUNNTAK', sperret: 'HPMOTTATTSAMTYKKE' })
  t.throws(() => parseLegacyConsent({ 'kj-samtykke-bruk': 'SAMTYKKE' }), { code: 'KJF-000323', diagnostics: /KJ-SAMTYKKE-BRUK/ })
  t.throws(() => parseLegacyConsent({ 'kj-samtykke-sperret-kritiskinfo': 'JA' }), { code: 'KJF-000323', diagnostics: /KJ-SAMTYKKE-SPERRET-KRITISKINFO/ })
})
