/**
 * Critical information as the portal lists it: one row per record that is not deleted, with
 * its category in Norwegian, what it is, how critical, and when it was registered and changed.
 * Read from the session's store, so what EHRs write through either FHIR face shows here.
 */
import { KJ_TEXT_URL, profileByName } from '../../domain/critical-info/profiles/index.js'
import type { CriticalInfoStore } from '../../domain/critical-info/store.js'
import type { FhirResource, ProfileName } from '../../domain/critical-info/types.js'

export interface CriticalInfoRow {
  readonly id: string
  readonly category: string
  readonly description: string
  /** `high` or `low` for reactions; undefined where the profile has none. */
  readonly criticality?: string
  readonly recorded?: string
  readonly lastUpdated?: string
  readonly active: boolean
}

const CATEGORY_BY_PROFILE: Readonly<Partial<Record<ProfileName, string>>> = {
  KjDeviceUseStatement: 'Mekanisk implantat',
  KjProcedure: 'Pågående behandling',
  KjFlag: 'Annen prosedyreendring',
  KjConsent: 'Avgrensning av livsforlengende behandling',
  KjConsentBehandlingsavklaring: 'HLR-minus og behandlingsavklaringer'
}

interface Coding { code?: string, display?: string }
interface Concept { coding?: Coding[], text?: string }

function firstCoding (concept: unknown): Coding | undefined {
  return (concept as Concept | undefined)?.coding?.[0]
}

function categoryOf (resource: FhirResource, profile: ProfileName): string {
  if (profile === 'KjAllergyIntolerance') {
    return profileByName(profile).criticalInfoTypeOf(resource) === 'DrugReaction' ? 'Legemiddelreaksjon' : 'Annen reaksjon / allergi'
  }
  const fromCategory = firstCoding((resource.category as unknown[] | undefined)?.[0])?.display
  return fromCategory ?? CATEGORY_BY_PROFILE[profile] ?? profile
}

/** The specification text, then the coding's name where it adds something (not a repeat of the category). */
function descriptionOf (resource: FhirResource, category: string): string {
  const code = resource.code as Concept | undefined
  const coding = code?.coding?.[0]
  const named = coding?.display !== undefined && coding.display !== code?.text && coding.display !== category
    ? `${coding.display}${coding.code !== undefined && /^[A-Z]\d/.test(coding.code) ? ` (${coding.code})` : ''}`
    : undefined
  const parts = [code?.text, named].filter((p): p is string => typeof p === 'string' && p !== '')
  if (parts.length > 0) return parts.join(' - ')
  const noted = (resource.note as Array<{ text?: string }> | undefined)?.[0]?.text ?? kjTextOf(resource)
  const device = (resource.device as { display?: string } | undefined)?.display
  return noted ?? device ?? '(uten beskrivelse)'
}

/** A Consent's note is its KjText extension (R4 Consent has no note). */
function kjTextOf (resource: FhirResource): string | undefined {
  const extension = (resource.extension as Array<{ url?: string, valueString?: string }> | undefined)?.find((e) => e.url === KJ_TEXT_URL)
  return extension?.valueString
}

export function criticalInfoRows (store: CriticalInfoStore, nin: string): CriticalInfoRow[] {
  const rows: CriticalInfoRow[] = []
  for (const version of store.recordsOf(nin)) {
    const profile = profileByName(version.profile)
    const resource = version.resource
    if (profile.isDeleted(resource)) continue
    const criticality = typeof resource.criticality === 'string' ? resource.criticality : undefined
    // A Consent says when it was issued in dateTime ("Opprettet dato").
    const recorded = [resource.recordedDate, resource.authoredOn, resource.dateTime].find((d): d is string => typeof d === 'string')
    const category = categoryOf(resource, version.profile)
    rows.push({
      id: resource.id ?? '',
      category,
      description: descriptionOf(resource, category),
      ...(criticality !== undefined && { criticality }),
      ...(recorded !== undefined && { recorded }),
      ...(resource.meta?.lastUpdated !== undefined && { lastUpdated: resource.meta.lastUpdated }),
      active: profile.isActive(resource)
    })
  }
  // Newest change first, as a clinician scans for what is new.
  return rows.sort((a, b) => Date.parse(b.lastUpdated ?? '') - Date.parse(a.lastUpdated ?? ''))
}
