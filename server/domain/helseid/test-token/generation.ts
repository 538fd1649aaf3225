/**
 * Where a test token's client or user claims come from: the TTT's defaults, the non-empty
 * request parameters, both, or neither. Two generations of the contract meet here:
 * - `ParametersGeneration` (TTT v1, still in the models): 0 GenerateNone, 1 GenerateOnlyDefault,
 *   2 GenerateOnlyFromNonEmptyParameterValues, 3 GenerateDefaultWithClaimsFromNonEmptyParameterValues.
 *   In v1 an absent mode meant 0, C#'s enum default.
 * - `withoutDefaultClientClaims` / `withoutDefaultUserClaims` (v2): `{ "audience": ... }` alone gives
 *   a token with default claims, and the flags drop the defaults, leaving the parameters.
 * A request that names no mode at all is read as v2; one that names a mode for one kind of claims
 * is read as v1, so the other kind, unnamed, gets none (as HelseID's TestTokenProxy sample expects).
 */
import type { ParametersGeneration } from './request.js'

export interface ClaimSources {
  readonly defaults: boolean
  readonly parameters: boolean
}

export function claimSources (
  mode: ParametersGeneration | undefined,
  withoutDefaults: boolean | undefined,
  anyModeGiven: boolean
): ClaimSources {
  let sources: ClaimSources
  if (mode !== undefined) {
    sources = {
      defaults: mode === 'GenerateOnlyDefault' || mode === 'GenerateDefaultWithClaimsFromNonEmptyParameterValues',
      parameters: mode === 'GenerateOnlyFromNonEmptyParameterValues' || mode === 'GenerateDefaultWithClaimsFromNonEmptyParameterValues'
    }
  } else if (withoutDefaults !== undefined || !anyModeGiven) {
    sources = { defaults: true, parameters: true }
  } else {
    sources = { defaults: false, parameters: false }
  }
  return withoutDefaults === true ? { ...sources, defaults: false } : sources
}

/** A parameter value counts when it is a non-empty string or a non-empty list. */
export function nonEmpty<T extends string | readonly string[]> (value: T | undefined): value is T {
  if (value === undefined) return false
  return typeof value === 'string' ? value.trim() !== '' : value.length > 0
}
