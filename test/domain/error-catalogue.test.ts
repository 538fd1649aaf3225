import t from 'tap'
import { existsSync, readFileSync } from 'node:fs'
import { CATALOGUE, catalogueEntry, isErrorCode } from '../../server/domain/error-catalogue.js'

// Copies of ../shared/seeds/000_*.txt and 001_*.txt, so the test runs in a plain clone.
const fixtures = new URL('../fixtures/seeds/', import.meta.url)
const sharedSeeds = new URL('../../../shared/seeds/', import.meta.url)
const copies = {
  '000-error-codes.txt': '000_012b7a39e822a0e7.txt',
  '001-error-handling.txt': '001_267469b25766fb2a.txt'
}
const errorCodes = readFileSync(new URL('000-error-codes.txt', fixtures), 'utf8')
const errorHandling = readFileSync(new URL('001-error-handling.txt', fixtures), 'utf8')

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** Every code either seed mentions, anywhere (tables, prose, examples). */
function codesIn (text: string): Set<string> {
  return new Set(text.match(/KJF-\d{6}|KJS-\d{6}|KJX-\d{6}|AUT_\d{3}|KI-\d{4}/g) ?? [])
}

/** Seed 000's `CODE | Description |` rows. */
function seed000Texts (): Map<string, string> {
  const rows = new Map<string, string>()
  for (const line of errorCodes.split('\n')) {
    const m = /^((?:KJF|KJS|KJX)-\d{6}|AUT_\d{3}) \| (.*?) \|\s*$/.exec(line)
    if (m?.[1] !== undefined && m[2] !== undefined) rows.set(m[1], normalise(m[2]))
  }
  return rows
}

/** Seed 001's `KI-nnnn LEGACY Cause` rows. */
function seed001Rows (): Map<string, { legacy: string, text: string }> {
  const rows = new Map<string, { legacy: string, text: string }>()
  for (const line of errorHandling.split('\n')) {
    const m = /^(KI-\d{4}) (\S+) (.+)$/.exec(line)
    if (m?.[1] !== undefined && m[2] !== undefined && m[3] !== undefined) rows.set(m[1], { legacy: m[2], text: normalise(m[3]) })
  }
  return rows
}

t.test('the catalogue holds exactly the codes of the seeds: none missing, none extra', async (t) => {
  const seedCodes = new Set([...codesIn(errorCodes), ...codesIn(errorHandling)])
  const catalogueCodes = new Set<string>(CATALOGUE.map((e) => e.code))
  t.same([...seedCodes].filter((c) => !catalogueCodes.has(c)).sort(), [], 'missing from the catalogue')
  t.same([...catalogueCodes].filter((c) => !seedCodes.has(c)).sort(), [], 'not in the seeds')
  t.equal(catalogueCodes.size, CATALOGUE.length, 'codes are unique')
})

t.test('the test copies of the seeds equal ../shared/seeds byte for byte', { skip: !existsSync(sharedSeeds) && 'no ../shared/seeds beside the repo' }, async (t) => {
  for (const [copy, seed] of Object.entries(copies)) {
    t.ok(readFileSync(new URL(copy, fixtures)).equals(readFileSync(new URL(seed, sharedSeeds))), `${copy} = ${seed}`)
  }
})

t.test('each text is the seed\'s description for that code', async (t) => {
  const texts = seed000Texts()
  const ki = seed001Rows()
  t.equal(texts.size + ki.size, CATALOGUE.length, 'every code has a description row')
  for (const entry of CATALOGUE) {
    const expected = entry.kind === 'KI' ? ki.get(entry.code)?.text : texts.get(entry.code)
    t.equal(normalise(entry.text), expected, entry.code)
    t.equal(entry.text, entry.text.trim(), `${entry.code} is trimmed`)
  }
})

t.test('KI legacy codes follow seed 001; every other code is its own legacy code', async (t) => {
  const ki = seed001Rows()
  t.equal(ki.size, 19)
  for (const entry of CATALOGUE) {
    t.equal(entry.legacyCode, entry.kind === 'KI' ? ki.get(entry.code)?.legacy : entry.code, entry.code)
  }
  t.equal(catalogueEntry('KI-0018').legacyCode, 'KJF-000352')
  t.equal(catalogueEntry('KI-0019').legacyCode, 'KJF-000179')
  t.equal(catalogueEntry('KI-0014').legacyCode, 'KI-0014')
})

t.test('kinds, statuses and faces are well formed', async (t) => {
  for (const entry of CATALOGUE) {
    t.ok(entry.code.startsWith(entry.kind), `${entry.code} kind ${entry.kind}`)
    t.ok(entry.httpStatus >= 300 && entry.httpStatus <= 599, `${entry.code} status ${entry.httpStatus} in 3xx-5xx`)
    t.not(entry.httpStatus, 422, `${entry.code} does not use 422`)
    t.ok(entry.faces.length >= 1, `${entry.code} has a face`)
    t.equal(new Set(entry.faces).size, entry.faces.length, `${entry.code} faces are unique`)
  }
  t.equal(catalogueEntry('KJF-000022').httpStatus, 403, 'the one status a source confirms (reference §1.5)')
  t.equal(catalogueEntry('KJF-000349').httpStatus, 405)
  t.equal(catalogueEntry('KJF-000350').httpStatus, 415)
  t.equal(catalogueEntry('KJF-000065').httpStatus, 409)
  t.equal(catalogueEntry('KI-0012').httpStatus, 501)
  t.ok(CATALOGUE.filter((e) => e.kind === 'KJS').every((e) => e.httpStatus === 500), 'KJS: 500')
  t.ok(CATALOGUE.filter((e) => e.kind === 'KJX').every((e) => e.httpStatus === 503), 'KJX: 503')
  t.ok(CATALOGUE.filter((e) => e.kind === 'AUT').every((e) => e.faces.join() === 'portal'), 'AUT: the portal only')
  t.ok(CATALOGUE.filter((e) => e.kind === 'KI').every((e) => e.faces.includes('critical-information')), 'KI: critical information')
})

t.test('catalogueEntry and isErrorCode', async (t) => {
  t.match(catalogueEntry('KJF-000011'), { code: 'KJF-000011', kind: 'KJF', text: 'The provided ticket is invalid', httpStatus: 401 })
  t.match(catalogueEntry('AUT_002'), { kind: 'AUT', faces: ['portal'] })
  t.ok(isErrorCode('KJF-000352'))
  t.ok(isErrorCode('KI-0019'))
  t.ok(isErrorCode('KJX-000004'))
  t.notOk(isErrorCode('KJF-000012'))
  t.notOk(isErrorCode('KI-0020'))
  t.notOk(isErrorCode('kjf-000011'))
  t.notOk(isErrorCode(''))
})
