import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig } from '../../../server/config.js'
import { patientsTable } from '../../../docs/generators/world-tables.js'
import { ageAt, isValidNin, parseNin } from '../../../server/domain/nin.js'
import { isValidOrgnr } from '../../../server/domain/orgnr.js'
import { createSandbox, type World } from '../../../server/domain/sandbox.js'
import { ordinaryPatient, type Patient } from '../../../server/domain/world/patients.js'

const baseEnv = { LOG_LEVEL: 'silent', PUBLIC_URL: 'http://sandbox.test' }
/** The day the fixtures' ages are judged at (the fixtures' sistEndret timestamps are around it). */
const TODAY = new Date(Date.UTC(2026, 2, 14))

/** NHN's published test people (issue 14 §5): real-format numbers, so not synthetic. */
const NHN_PUBLISHED_PATIENTS = new Set(['13116900216', '48882807579', '45920040881', '12050050295', '14019800513'])
const NHN_PUBLISHED_USER = '05085600143'
// 10086055555, which NHN's docs also use, fails mod-11: it cannot be a fixture (docs/assumptions.md).

const ageOf = (nin: string): number | undefined => {
  const birthDate = parseNin(nin)?.birthDate
  return birthDate === undefined ? undefined : ageAt(birthDate, TODAY)
}

let worldPromise: Promise<World> | undefined
const shippedWorld = (): Promise<World> =>
  (worldPromise ??= createSandbox(loadConfig(baseEnv)).then((sandbox) => sandbox.world))

t.test('the shipped patients cover every case the sandbox demonstrates', async (t) => {
  const patients = [...(await shippedWorld()).patients.values()]
  const some = (what: string, test: (p: Patient) => boolean): void => {
    t.ok(patients.some(test), what)
  }
  const plain = (p: Patient): boolean => p.status === 'active' && !p.reserved && !p.ownHealthInformation &&
    p.criticalInfo.length === 0 && p.restrictedModules.length === 0 && p.blockedHpr.length === 0 &&
    !p.hasLockedPrescriptions && p.gp !== null

  t.ok(patients.length >= 14, 'a patient per case')
  for (const p of patients) {
    t.ok(isValidNin(p.nin), `${p.nin} is a valid identity number`)
    t.ok(p.note.length > 0, `${p.nin} says what it demonstrates`)
    if (!NHN_PUBLISHED_PATIENTS.has(p.nin)) t.ok(parseNin(p.nin)?.synthetic, `${p.nin} is synthetic (month + 80)`)
  }
  for (const nin of NHN_PUBLISHED_PATIENTS) some(`NHN's published test person ${nin}`, (p) => p.nin === nin)
  some('NHN\'s test patient LINE DANSER', (p) => p.nin === '13116900216' && p.givenName === 'Line' && p.familyName === 'Danser')

  some('status 1: reserved', (p) => p.status === 'active' && p.reserved)
  some('status 2: nothing registered', (p) => plain(p) && !p.hasPrescriptions)
  some('status 3: own health information only', (p) =>
    p.status === 'active' && !p.reserved && p.ownHealthInformation && p.criticalInfo.length === 0)
  some('status 4: critical information in several categories, OVER_REAK among them', (p) =>
    p.status === 'active' && !p.reserved && p.criticalInfo.length >= 2 &&
    p.criticalInfo.some((c) => c.kategori === 'OVER_REAK') && /only OVER_REAK/i.test(p.note))
  some('status 4 with prescriptions', (p) =>
    p.status === 'active' && !p.reserved && p.criticalInfo.length > 0 && p.hasPrescriptions)
  some('a restricted module', (p) => p.status === 'active' && p.restrictedModules.includes('KRITISK_INFO'))
  some('the fixture nurse blocked', (p) => p.status === 'active' && p.blockedHpr.includes('900100202'))
  some('locked prescriptions', (p) => p.status === 'active' && p.hasPrescriptions && p.hasLockedPrescriptions)
  some('prescriptions only', (p) => plain(p) && p.hasPrescriptions)
  some('dead', (p) => p.status === 'dead')
  some('emigrated', (p) => p.status === 'emigrated')
  some('a synthetic D-number', (p) => p.status === 'active' && parseNin(p.nin)?.kind === 'dnr' && parseNin(p.nin)?.synthetic === true)
  some('under 16', (p) => p.status === 'active' && (ageOf(p.nin) ?? 99) < 16)

  const withoutGp = patients.filter((p) => p.gp === null)
  t.equal(withoutGp.length, 1, 'one patient has no GP; everyone else has one')
  t.ok(withoutGp[0]?.status === 'active' && withoutGp[0].note.length > 0, 'the patient without a GP is otherwise ordinary')
  for (const p of patients) {
    for (const c of p.criticalInfo) t.ok(/[+-]\d\d:\d\d$|Z$/.test(c.sistEndret), `${p.nin} ${c.kategori}: sistEndret has an offset`)
  }
})

t.test('the shipped users cover every case and keep the original four', async (t) => {
  const { users, patients } = await shippedWorld()
  const original = JSON.parse(readFileSync(new URL('../../../fixtures/users.json', import.meta.url), 'utf8')) as unknown[]
  t.match(original.slice(0, 4), [
    { pid: '01887840020', hprNumber: '900100101', givenName: 'Ingrid', familyName: 'Lege', securityLevel: '4', roles: ['LE'] },
    { pid: '15897140001', hprNumber: '900100202', givenName: 'Sverre', middleName: 'Nilsen', familyName: 'Sykepleier', securityLevel: '4', roles: ['SP'] },
    { pid: '22838540027', hprNumber: '900100303', givenName: 'Tone', familyName: 'Nivatre', securityLevel: '3', roles: ['LE'] },
    { pid: '07916940046', givenName: 'Ola', familyName: 'Uautorisert', securityLevel: '4', roles: [] }
  ], 'the original four users are unchanged')
  t.notOk((original[3] as Record<string, unknown>)['hprNumber'], 'Ola Uautorisert still has no HPR number')

  for (const u of users) {
    t.ok(isValidNin(u.pid), `${u.pid} is a valid identity number`)
    if (u.pid !== NHN_PUBLISHED_USER) t.ok(parseNin(u.pid)?.synthetic, `${u.pid} is synthetic (month + 80)`)
    t.ok(u.note.length > 0, `${u.pid} says what it demonstrates`)
  }
  t.equal(new Set(users.map((u) => u.pid)).size, users.length, 'pids are unique')
  const hprs = users.flatMap((u) => u.hprNumber === undefined ? [] : [u.hprNumber])
  t.equal(new Set(hprs).size, hprs.length, 'HPR numbers are unique')
  for (const hpr of hprs) t.match(hpr, /^9001\d{5}$/, `${hpr} is a 9-digit sandbox HPR number`)
  t.notOk(users.some((u) => patients.has(u.pid)), 'no user is also a fixture patient')

  const some = (what: string, test: (u: typeof users[number]) => boolean): void => {
    t.ok(users.some(test), what)
  }
  some('a role Kjernejournal does not grant (physiotherapist)', (u) =>
    u.hprNumber !== undefined && u.roles.includes('FT') && !u.roles.includes('LE') && u.securityLevel === '4')
  some('has not confirmed Kjernejournal knowledge', (u) =>
    u.hprNumber !== undefined && u.roles.includes('LE') && !u.kjKnowledgeConfirmed && u.registeredInKj && u.securityLevel === '4')
  some('not registered in Kjernejournal', (u) =>
    u.hprNumber !== undefined && u.roles.includes('LE') && !u.registeredInKj && u.securityLevel === '4')
  some('under 16', (u) => (ageOf(u.pid) ?? 99) < 16 && (parseNin(u.pid)?.birthDate?.getUTCFullYear() ?? 0) >= 2011)
  some('security level 3', (u) => u.securityLevel === '3')
  some('no HPR authorisation', (u) => u.hprNumber === undefined && (ageOf(u.pid) ?? 0) >= 18)
  t.ok(users.some((u) => u.hprNumber === '900100202' && u.roles.includes('SP')), 'the blocked HPR number is the fixture nurse')
})

t.test('the shipped organisations cover every case and the clients\' orgnrs', async (t) => {
  const { organisations } = await shippedWorld()
  for (const o of organisations.values()) {
    t.ok(isValidOrgnr(o.orgnr), `${o.orgnr} is a valid orgnr`)
    t.match(o.orgnr, /^[23]/, `${o.orgnr} is synthetic`)
    if (o.parent !== undefined) t.ok(organisations.has(o.parent), `${o.orgnr}'s parent is known`)
  }
  t.match(organisations.get('310001147'), { parent: undefined, access: true, active: true }, 'the demo legal entity')
  t.match(organisations.get('310001295'), { parent: '310001147', access: true, active: true }, 'the demo point of care')
  t.match(organisations.get('310001406'), { name: 'ACME EHR AS', access: true, active: true }, 'the README\'s ACME example')
  t.ok([...organisations.values()].some((o) => !o.access && o.active), 'one without access')
  t.ok([...organisations.values()].some((o) => !o.active), 'one inactive')
  t.ok(isValidOrgnr('310003034') && !organisations.has('310003034'), 'the README\'s unknown orgnr is valid and not in the file')

  const clients = JSON.parse(readFileSync(new URL('../../../fixtures/helseid/clients.json', import.meta.url), 'utf8')) as
    Array<{ client_id: string, orgnr_parent: string, orgnr_child?: string }>
  for (const c of clients) {
    for (const orgnr of [c.orgnr_parent, c.orgnr_child]) {
      if (orgnr !== undefined) t.match(organisations.get(orgnr), { access: true, active: true }, `${c.client_id}: ${orgnr} has access`)
    }
  }
})

t.test('the README\'s patient table shows the status helseindikator will answer', async (t) => {
  const p = (nin: string, patch: Partial<Patient>): Patient => ({ ...ordinaryPatient(nin), ...patch })
  const table = patientsTable([
    p('24868510168', { reserved: true, criticalInfo: [{ kategori: 'OVER_REAK', sistEndret: '2026-03-14T09:12:00.000Z' }] }),
    p('24868510168', { ownHealthInformation: true, criticalInfo: [{ kategori: 'OVER_REAK', sistEndret: '2026-03-14T09:12:00.000Z' }] }),
    p('24868510168', { ownHealthInformation: true }),
    p('24868510168', { hasPrescriptions: true, note: 'a | b' }),
    p('24868510168', { status: 'dead', reserved: true })
  ])
  t.same(table.split('\n').slice(2).map((row) => row.split(' | ')[2]), ['1', '4', '3', '2', 'KJF-000017 (dead)'])
  t.match(table, /a \\\| b \|$/m, 'a | in a note is escaped')
})

/** The message createSandbox fails with for a fixtures folder holding `files`. */
async function failureOf (t: { testdir(files: Record<string, string>): string }, files: Record<string, string>): Promise<{ dir: string, message: string }> {
  const dir = t.testdir(files)
  try {
    await createSandbox(loadConfig({ ...baseEnv, FIXTURES_DIR: dir }))
  } catch (err) {
    return { dir, message: (err as Error).message }
  }
  throw new Error('createSandbox accepted broken fixtures')
}

const person = { givenName: 'Kari', familyName: 'Vanlig' }
const json = (value: unknown): string => JSON.stringify(value, null, 2)

t.test('a broken fixture stops the sandbox with one message naming the file and the field', async (t) => {
  let r = await failureOf(t, { 'patients.json': json([{ nin: '24868510169', ...person }]) })
  t.equal(r.message, `${join(r.dir, 'patients.json')}: [0].nin: not a valid national identity number`, 'bad nin checksum')

  r = await failureOf(t, { 'patients.json': json([{ nin: '24868510168', ...person }, { nin: '24868510168', ...person }]) })
  t.equal(r.message, `${join(r.dir, 'patients.json')}: [1].nin: duplicate patient 24868510168`, 'duplicate patient')

  r = await failureOf(t, {
    'patients.json': json([{ nin: '24868510168', ...person, criticalInfo: [{ kategori: 'OVER_REAK', sistEndret: '2026-03-14T09:12:00' }] }])
  })
  t.match(r.message, `${join(r.dir, 'patients.json')}: [0].criticalInfo[0].sistEndret: `, 'timestamp without offset')

  r = await failureOf(t, { 'organisations.json': json([{ orgnr: '310001148', name: 'Feil AS' }]) })
  t.equal(r.message, `${join(r.dir, 'organisations.json')}: [0].orgnr: expected a valid 9-digit organisation number`, 'bad orgnr')

  r = await failureOf(t, { 'organisations.json': json([{ orgnr: '310001295', name: 'Feil', parent: '310001148' }]) })
  t.equal(r.message, `${join(r.dir, 'organisations.json')}: [0].parent: expected a valid 9-digit organisation number`, 'bad parent orgnr')

  r = await failureOf(t, { 'users.json': json([{ pid: '01887840020', ...person, hpr: '900100101' }]) })
  t.match(r.message, `${join(r.dir, 'users.json')}: [0]: `, 'unknown field: the file and the entry')
  t.match(r.message, /"hpr"/, 'unknown field: the field')

  r = await failureOf(t, { 'patients.json': '[{ "nin": "24868510168", ' })
  t.match(r.message, `${join(r.dir, 'patients.json')}: not valid JSON (`, 'not JSON')
})
