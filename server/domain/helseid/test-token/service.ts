/**
 * The test-token service itself: turns a parsed TTT request into a signed access token and,
 * when asked, a DPoP proof for it. Claims come in layers: client, user, the person switches,
 * Tillitsrammeverk, API-specific claims, then the registered claims (iss, aud, times, jti) and
 * `cnf`, which nothing before may override.
 */
import type { JWTPayload } from 'jose'
import { CLAIM } from '../claims.js'
import type { SigningKeys } from '../signing-keys.js'
import { randomId } from '../token-minter.js'
import type { User } from '../../world/users.js'
import { DEFAULT_TEST_CLIENT, testClientClaims } from './client-claims.js'
import { proofKey, type ProofKey } from './dpop-key.js'
import { createDpopProof } from './dpop-proof.js'
import { claimSources, nonEmpty } from './generation.js'
import { applyPersonSwitches, type SynthesisedHprObserver } from './person-lookups.js'
import type { TestTokenRequest } from './request.js'
import { TestTokenError, type TestTokens } from './response.js'
import { tillitsrammeverkDetails } from './tillitsrammeverk.js'
import { apiSpecificClaims, signTestToken, tokenTimes, tokenTyp } from './token.js'
import { DEFAULT_TEST_USER, testUserClaims } from './user-claims.js'

export interface TestTokenContext {
  readonly issuer: string
  /** Sandbox time, seconds since the epoch: stamps the token. */
  readonly now: number
  /** Seconds, by the clock that judges client-made JWTs: stamps the DPoP proof. */
  readonly proofNow: number
  readonly keys: SigningKeys
  /** The people the sandbox's registers know; the first is the default user. */
  readonly people: readonly User[]
  /** Told when a switch gave a synthesised HPR number (the route records it as a finding). */
  readonly onSynthesisedHpr?: SynthesisedHprObserver
}

function text (value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function claimsOf (request: TestTokenRequest, ctx: TestTokenContext): JWTPayload {
  const anyMode = request.clientClaimsParametersGeneration !== undefined || request.userClaimsParametersGeneration !== undefined
  const client = testClientClaims(
    request.audience,
    claimSources(request.clientClaimsParametersGeneration, request.withoutDefaultClientClaims, anyMode),
    request.clientClaimsParameters
  )
  const clientId = text(client.client_id) ?? DEFAULT_TEST_CLIENT.client_id
  const user = testUserClaims(
    claimSources(request.userClaimsParametersGeneration, request.withoutDefaultUserClaims, anyMode),
    request.userClaimsParameters,
    { clientId, now: ctx.now, defaultUser: ctx.people[0] ?? DEFAULT_TEST_USER }
  )
  const claims = applyPersonSwitches({ ...client, ...user }, request, ctx.people, clientId, ctx.onSynthesisedHpr)
  if (request.createTillitsrammeverkClaims === true) {
    const legalEntity = text(claims[CLAIM.orgnrParent]) ?? DEFAULT_TEST_CLIENT.orgnr_parent
    const pointOfCare = text(claims[CLAIM.orgnrChild]) ?? legalEntity
    claims.authorization_details = [tillitsrammeverkDetails(request.tillitsrammeverkClaimsParameters, { legalEntity, pointOfCare })]
  }
  return { ...claims, ...apiSpecificClaims(request.apiSpecificClaims) }
}

/** htm and htu are the vendor's to name: the TTT cannot guess which API call the proof is for. */
function proofTarget (request: TestTokenRequest): { htm: string | undefined, htu: string | undefined } {
  const p = request.dPoPProofParameters
  const invalid = p?.invalidDPoPProofParameters ?? 'None'
  const htm = nonEmpty(p?.htmClaimValue) ? p.htmClaimValue.trim() : undefined
  const htu = nonEmpty(p?.htuClaimValue) ? p.htuClaimValue.trim() : undefined
  if (htm === undefined && invalid !== 'DontSetHtmClaimValue') throw new TestTokenError('dPoPProofParameters.htmClaimValue is required for a DPoP proof (the HTTP method of the API call, e.g. GET)')
  if (htu === undefined && invalid !== 'DontSetHtuClaimValue') throw new TestTokenError('dPoPProofParameters.htuClaimValue is required for a DPoP proof (the URL of the API call)')
  return { htm, htu }
}

export async function createTestTokens (request: TestTokenRequest, ctx: TestTokenContext): Promise<TestTokens> {
  const typ = tokenTyp(request.headerParameters?.typ)
  const dpop = request.createDPoPTokenWithDPoPProof === true
  const target = dpop ? proofTarget(request) : undefined
  const claims = claimsOf(request, ctx)
  let key: ProofKey | undefined
  if (dpop) {
    key = await proofKey(request.dPoPProofParameters?.privateKeyForProofCreation)
    const cnfJkt = request.clientClaimsParameters?.cnfJkt
    claims.cnf = { ...(claims.cnf as object | undefined), jkt: nonEmpty(cnfJkt) ? cnfJkt : key.jkt }
  }
  const payload: JWTPayload = {
    ...claims,
    iss: request.setInvalidIssuer === true ? `${ctx.issuer}/invalid-issuer` : ctx.issuer,
    aud: request.setInvalidAudience === true ? `${request.audience}/invalid-audience` : request.audience,
    ...tokenTimes(ctx.now, request.expirationParameters),
    jti: text(claims.jti) ?? randomId()
  }
  const signingKey = request.signJwtWithInvalidSigningKey === true ? await ctx.keys.invalid() : ctx.keys.active
  const accessTokenJwt = await signTestToken(payload, typ, signingKey)
  const dPoPProof = key !== undefined && target !== undefined
    ? createDpopProof({
      key,
      ...target,
      accessToken: accessTokenJwt,
      now: ctx.proofNow,
      invalid: request.dPoPProofParameters?.invalidDPoPProofParameters ?? 'None'
    })
    : null
  return { accessTokenJwt, dPoPProof }
}
