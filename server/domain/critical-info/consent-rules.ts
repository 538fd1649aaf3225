/**
 * The rules between a patient's Consent records, which no single record can check:
 * - one active KjConsent per patient (KJF-000138 on the ticket face, KI-0016 on the
 *   critical-information API, whose catalogue has no code of its own for it);
 * - KjConsentBehandlingsavklaring is not released at NHN, so it is served only when the
 *   setting KJCONSENT_BEHANDLINGSAVKLARING is on; otherwise category 11 is an invalid code;
 * - "In a transitional phase it will not be allowed for a patient to have both": a new
 *   Behandlingsavklaring needs every KjConsent inactivated or expired, and a KjConsent is refused
 *   while a Behandlingsavklaring is active. One active Behandlingsavklaring per patient, as for
 *   KjConsent [inferred].
 * "Active" is status active, also past validUntil ("displayed as active even if its valid-until
 * date has passed"), except where the page itself lets expiry count.
 * @see https://utviklerportal.nhn.no/no/informasjonstjenester/kjernejournal/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/fhir-resources/kjconsentbehandlingsavklaringmd
 */
import { KjError } from '../kj-error.js'
import { admitAll, type Admit } from './leniency-notes.js'
import { validUntilOf } from './profiles/consent.js'
import type { CriticalInfoStore } from './store.js'
import type { FhirResource, ProfileDefinition } from './types.js'
import { KjRuleError } from './rule-error.js'

export interface ConsentRuleContext {
  readonly store: CriticalInfoStore
  readonly nin: string
  /** Sandbox time, ISO: judges validUntil. */
  readonly now: string
  /** KJCONSENT_BEHANDLINGSAVKLARING: serve the unreleased category-11 profile. */
  readonly behandlingsavklaring?: boolean
  /** Records a leniency (serving the unreleased profile); false refuses as NHN does. */
  readonly admit?: Admit
}

function notReleased (): KjError {
  return new KjError('KI-0014', "Invalid code '11' - allowed: 8 (KjConsentBehandlingsavklaring is not yet released at NHN; the sandbox serves it when KJCONSENT_BEHANDLINGSAVKLARING is true)", ['Consent.category'])
}

function isExpired (resource: FhirResource, now: string): boolean {
  const until = validUntilOf(resource)
  return until !== undefined && Date.parse(until) <= Date.parse(now)
}

/** The patient's other active records of `profileName`. */
function activeOthers (ctx: ConsentRuleContext, profileName: string, exceptId: string | undefined): FhirResource[] {
  return ctx.store.recordsOf(ctx.nin)
    .filter((v) => v.profile === profileName && v.resource.id !== exceptId && v.resource.status === 'active')
    .map((v) => v.resource)
}

/** Throws when storing `resource` (new, or a new version of record `exceptId`) breaks a rule. */
export function checkConsentRules (ctx: ConsentRuleContext, profile: ProfileDefinition, resource: FhirResource, exceptId?: string): void {
  if (profile.name === 'KjConsentBehandlingsavklaring') {
    if (ctx.behandlingsavklaring !== true) throw notReleased()
    admitAll(ctx.admit, [{ leniency: 'behandlingsavklaring-when-enabled', did: `a KjConsentBehandlingsavklaring (category 11) was ${exceptId === undefined ? 'created' : `written to Consent/${exceptId}`}`, refusal: notReleased }])
  }
  if (resource.status !== 'active') return
  if (profile.name === 'KjConsent') {
    const other = activeOthers(ctx, 'KjConsent', exceptId)[0]
    if (other !== undefined) {
      throw new KjRuleError('KI-0016', 'KJF-000138', `the patient already has an active KjConsent (Consent/${String(other.id)}); inactivate or delete it first`, ['Consent.status'])
    }
    const clarification = activeOthers(ctx, 'KjConsentBehandlingsavklaring', exceptId)[0]
    if (clarification !== undefined) {
      throw new KjError('KI-0016', `the patient has an active KjConsentBehandlingsavklaring (Consent/${String(clarification.id)}); a patient may not have both`, ['Consent.status'])
    }
  }
  if (profile.name === 'KjConsentBehandlingsavklaring') {
    const consent = activeOthers(ctx, 'KjConsent', exceptId).find((r) => !isExpired(r, ctx.now))
    if (consent !== undefined) {
      throw new KjError('KI-0016', `the patient has an active KjConsent (Consent/${String(consent.id)}); inactivate it, or let it expire, before registering a KjConsentBehandlingsavklaring`, ['Consent.status'])
    }
    const other = activeOthers(ctx, 'KjConsentBehandlingsavklaring', exceptId)[0]
    if (other !== undefined) {
      throw new KjError('KI-0016', `the patient already has an active KjConsentBehandlingsavklaring (Consent/${String(other.id)})`, ['Consent.status'])
    }
  }
}
