/**
 * The rules the critical-information API enforces on reads and writes, shared by both faces.
 * Each broken rule is its catalogue code (seed 001):
 * KI-0007 body invalid, KI-0014 profile field invalid, KI-0010 patient differs from the header,
 * KI-0011 update of an old version, KI-0013 no change, KI-0015 no such record,
 * KI-0016 business rule (category or code changed, deleted status on update, delete of an old
 * version, update of a deleted record, a second active consent: consent-rules.ts).
 */
import { KjError } from '../kj-error.js'
import { checkConsentRules } from './consent-rules.js'
import { admitAll, type Admit } from './leniency-notes.js'
import { kjCategoryCodes } from './profiles/category-coded.js'
import { profileByName } from './profiles/index.js'
import type { CriticalInfoStore, StoredVersion } from './store.js'
import { patientElementOf, patientNinOf, type CriticalInfoType, type FhirResource, type KjResourceType } from './types.js'
import { parseResource } from './validate.js'

export interface OperationContext {
  readonly store: CriticalInfoStore
  /** The patient the request is about (header or ticket). */
  readonly nin: string
  /** Sandbox time, ISO. */
  readonly now: string
  /** KJCONSENT_BEHANDLINGSAVKLARING: serve the unreleased category-11 Consent profile. */
  readonly behandlingsavklaring?: boolean
  /** CATEGORY_SYSTEM: the category system an EHR's coding may carry without a note. */
  readonly categorySystem?: string
  /** Records a leniency the request relied on (readiness); false refuses it (strict profile). */
  readonly admit?: Admit
}

/** A read's result: a deleted record reads as 410 with most of its data filtered away. */
export interface ReadResult {
  readonly stored: StoredVersion
  readonly gone: boolean
  readonly resource: FhirResource
}

function checkPatient (resource: FhirResource, nin: string): void {
  const inResource = patientNinOf(resource)
  if (inResource !== nin) {
    throw new KjError('KI-0010', `the resource is about ${inResource ?? 'no patient'}, the request about ${nin}`, [`${resource.resourceType}.${patientElementOf(resource.resourceType)}`])
  }
}

/** What a category search matches: KJ category codes, or AllergyIntolerance's own category codes. */
function categoriesOf (resource: FhirResource): string[] {
  if (resource.resourceType !== 'AllergyIntolerance') return kjCategoryCodes(resource)
  return Array.isArray(resource.category) ? resource.category.filter((c): c is string => typeof c === 'string') : []
}

function withoutMeta (resource: FhirResource): unknown {
  const { meta: _meta, id: _id, ...rest } = resource
  return rest
}

function record (ctx: OperationContext, type: KjResourceType, id: string): StoredVersion {
  const latest = ctx.store.latest(id)
  if (latest === undefined || latest.nin !== ctx.nin || latest.resource.resourceType !== type) {
    throw new KjError('KI-0015', `no ${type}/${id} for this patient`)
  }
  return latest
}

function readable (stored: StoredVersion, deletedRecord: boolean): ReadResult {
  const profile = profileByName(stored.profile)
  if (!deletedRecord) return { stored, gone: false, resource: stored.resource }
  return { stored, gone: profile.isDeleted(stored.resource), resource: profile.filterDeleted(stored.resource) }
}

export function createRecord (ctx: OperationContext, body: unknown, type?: KjResourceType): StoredVersion {
  const { resource, profile, notes } = parseResource(body, type, ctx.categorySystem)
  checkPatient(resource, ctx.nin)
  if (profile.isDeleted(resource)) throw new KjError('KI-0016', 'a record cannot be created as entered-in-error')
  checkConsentRules(ctx, profile, resource)
  admitAll(ctx.admit, notes)
  const { id: _id, ...rest } = resource
  return ctx.store.create({ ...rest, meta: { ...rest.meta, profile: [profile.url] } } as FhirResource, ctx.nin, profile.name, ctx.now)
}

export function readRecord (ctx: OperationContext, type: KjResourceType, id: string): ReadResult {
  const latest = record(ctx, type, id)
  return readable(latest, profileByName(latest.profile).isDeleted(latest.resource))
}

export function readVersion (ctx: OperationContext, type: KjResourceType, id: string, versionId: string): ReadResult {
  const latest = record(ctx, type, id)
  const stored = ctx.store.version(id, versionId)
  if (stored === undefined) throw new KjError('KI-0015', `${type}/${id} has no version ${versionId}`)
  // "If reading an old version of a deleted record it will also be filtered."
  return readable(stored, profileByName(latest.profile).isDeleted(latest.resource))
}

export function historyOf (ctx: OperationContext, type: KjResourceType, id: string): FhirResource[] {
  const latest = record(ctx, type, id)
  const profile = profileByName(latest.profile)
  const deleted = profile.isDeleted(latest.resource)
  return ctx.store.history(id).map((v) => deleted ? profile.filterDeleted(v.resource) : v.resource)
}

export function updateRecord (ctx: OperationContext, type: KjResourceType, id: string, body: unknown, ifMatch?: string): StoredVersion {
  const { resource, profile, notes } = parseResource(body, type, ctx.categorySystem)
  if (resource.id !== undefined && resource.id !== id) throw new KjError('KI-0007', `the body's id ${resource.id} differs from the URL's ${id}`, [`${type}.id`])
  const latest = record(ctx, type, id)
  const latestProfile = profileByName(latest.profile)
  const latestVersion = latest.resource.meta?.versionId as string
  const given = resource.meta?.versionId
  if (given === undefined) throw new KjError('KI-0007', 'meta.versionId is required on update: the version you changed', [`${type}.meta.versionId`])
  if (given !== latestVersion) throw new KjError('KI-0011', `version ${given} is not the latest (${latestVersion})`, [`${type}.meta.versionId`])
  if (ifMatch !== undefined && ifMatch !== latestVersion) throw new KjError('KI-0011', `If-Match names version ${ifMatch}, the latest is ${latestVersion}`)
  if (latestProfile.isDeleted(latest.resource)) throw new KjError('KI-0016', 'a deleted (entered-in-error) record cannot be updated')
  checkPatient(resource, ctx.nin)
  if (profile.name !== latest.profile) throw new KjError('KI-0016', `the record is ${latest.profile}; it cannot become ${profile.name}`)
  if (profile.isDeleted(resource)) throw new KjError('KI-0016', 'deleted status is not allowed on update; use DELETE')
  if (JSON.stringify(profile.identityOf(resource)) !== JSON.stringify(profile.identityOf(latest.resource))) {
    throw new KjError('KI-0016', 'the category or the code of the record cannot be changed')
  }
  if (JSON.stringify(withoutMeta(resource)) === JSON.stringify(withoutMeta(latest.resource))) {
    throw new KjError('KI-0013', 'the update changes nothing')
  }
  checkConsentRules(ctx, profile, resource, id)
  admitAll(ctx.admit, notes)
  return ctx.store.append(id, { ...resource, meta: { ...resource.meta, profile: [profile.url] } }, ctx.now)
}

export function deleteRecord (ctx: OperationContext, type: KjResourceType, id: string, versionId?: string): StoredVersion {
  const latest = record(ctx, type, id)
  const profile = profileByName(latest.profile)
  if (versionId !== undefined && versionId !== latest.resource.meta?.versionId) {
    throw new KjError('KI-0016', `only the latest version (${String(latest.resource.meta?.versionId)}) may be deleted`)
  }
  if (profile.isDeleted(latest.resource)) throw new KjError('KI-0016', 'the record is already deleted')
  return ctx.store.append(id, profile.markDeleted(latest.resource), ctx.now)
}

/**
 * The latest records of the patient that are not deleted, by type, criticalInfoType and
 * category: a KJ category code (3-11) or an AllergyIntolerance category (e.g. medication).
 */
export function searchRecords (ctx: OperationContext, type?: KjResourceType, infoType?: CriticalInfoType, category?: string): FhirResource[] {
  return ctx.store.recordsOf(ctx.nin)
    .filter((v) => type === undefined || v.resource.resourceType === type)
    .filter((v) => !profileByName(v.profile).isDeleted(v.resource))
    .filter((v) => infoType === undefined || profileByName(v.profile).criticalInfoTypeOf(v.resource) === infoType)
    .filter((v) => category === undefined || categoriesOf(v.resource).includes(category))
    .map((v) => v.resource)
}

/** For helseindikator: the last change per category of the records that are not deleted. */
type KategoriChange = Readonly<{ kategori: string, sistEndret: string }>

/** Per store: the revision the answers were worked out at, and the answers by patient. */
const lastChanges = new WeakMap<CriticalInfoStore, { revision: number, byNin: Map<string, readonly KategoriChange[]> }>()
/** Patients remembered per store; an EHR asks about the same few again and again. */
const LAST_CHANGES_KEPT = 256

/**
 * The newest change of each kategori among the patient's records that are not deleted. Asked on
 * every helseindikator, so the answer is kept until the store next changes.
 */
export function lastChangeByKategori (store: CriticalInfoStore, nin: string): readonly KategoriChange[] {
  let memo = lastChanges.get(store)
  if (memo === undefined || memo.revision !== store.revision) {
    memo = { revision: store.revision, byNin: new Map() }
    lastChanges.set(store, memo)
  }
  const known = memo.byNin.get(nin)
  if (known !== undefined) return known
  const latest = new Map<string, string>()
  for (const v of store.recordsOf(nin)) {
    const profile = profileByName(v.profile)
    if (profile.isDeleted(v.resource)) continue
    const changed = v.resource.meta?.lastUpdated as string
    const seen = latest.get(profile.kategori)
    if (seen === undefined || Date.parse(changed) > Date.parse(seen)) latest.set(profile.kategori, changed)
  }
  const changes = Object.freeze([...latest].map(([kategori, sistEndret]) => Object.freeze({ kategori, sistEndret })))
  if (memo.byNin.size >= LAST_CHANGES_KEPT) memo.byNin.clear()
  memo.byNin.set(nin, changes)
  return changes
}
