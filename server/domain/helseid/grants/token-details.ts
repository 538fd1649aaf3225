/**
 * The organisation numbers and the attest one access token gets: from the login (request object,
 * PAR) or from this request's client assertion, never the same structure from both; the attest
 * must name the token's organisations. Shared by every grant that mints an access token.
 */
import { combineDetails, type AuthorizationDetails } from '../authorization-details.js'
import { tokenOrganisations, type TokenOrganisations } from '../organisation-numbers.js'
import { checkAttestOrganisations, type TillitsrammeverkAttest } from '../tillitsrammeverk-attest.js'
import type { GrantContext } from './context.js'

export interface TokenDetails {
  readonly organisations: TokenOrganisations
  readonly attest?: TillitsrammeverkAttest
}

export function tokenDetails (ctx: GrantContext, fromLogin: AuthorizationDetails = {}): TokenDetails {
  const details = combineDetails(fromLogin, ctx.assertionDetails ?? {})
  const offered = tokenOrganisations(ctx.client, details.organisation)
  const organisations = offered.defaultChild && ctx.defaultChildAllowed?.() === false
    ? { ...(offered.parent !== undefined && { parent: offered.parent }), defaultChild: false }
    : offered
  if (details.attest !== undefined) checkAttestOrganisations(details.attest, organisations)
  ctx.observeOrganisations?.(organisations)
  return { organisations, ...(details.attest !== undefined && { attest: details.attest }) }
}
