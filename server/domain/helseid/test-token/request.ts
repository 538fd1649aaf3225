/**
 * The body of HelseID's test-token service (TTT), `POST /v2/create-test-token-with-key`, as the
 * TTT's C# models serialise it: camelCase names, enums as numbers or names, null or absent for
 * unset. ASP.NET binds names case-insensitively and ignores unknown ones, so this does too:
 * scripts that send `Audience` or extra properties keep working.
 * @see https://github.com/NorskHelsenett/HelseID.Samples/tree/main/HelseId.Samples.TestTokenDemo/TttModels/Request
 * @see https://utviklerportal.nhn.no/informasjonstjenester/helseid/tilgang-til-helseid/test-token-tjenesten/docs/test-token-tjenesten_enmd
 */
import { z } from 'zod'
import { TestTokenError } from './response.js'

export const PARAMETERS_GENERATION = [
  'GenerateNone',
  'GenerateOnlyDefault',
  'GenerateOnlyFromNonEmptyParameterValues',
  'GenerateDefaultWithClaimsFromNonEmptyParameterValues'
] as const
export type ParametersGeneration = typeof PARAMETERS_GENERATION[number]

export const INVALID_DPOP_PROOF_PARAMETERS = [
  'None',
  'DontSetHtuClaimValue',
  'DontSetHtmClaimValue',
  'SetIatValueInThePast',
  'SetIatValueInTheFuture',
  'DontSetAthClaimValue',
  'DontSetAlgHeader',
  'DontSetJwkHeader',
  'DontSetJtiClaim',
  'SetAlgHeaderToASymmetricAlgorithm',
  'SetPrivateKeyInJwkHeader',
  'SetInvalidTypHeaderValue',
  'SetAnInvalidSignature'
] as const
export type InvalidDpopProofParameters = typeof INVALID_DPOP_PROOF_PARAMETERS[number]

/** Unset in C# arrives as null or not at all; both mean "not given". */
function opt<T extends z.ZodType> (schema: T) {
  return schema.nullish().transform((value) => value ?? undefined).optional()
}

/** A C# enum: its number (JsonStringEnumConverter allows integers) or its name, any case. */
function csharpEnum<const N extends readonly string[]> (names: N) {
  return z.union([z.number().int(), z.string()]).transform((value, ctx) => {
    const text = String(value)
    const index = /^\d+$/.test(text) ? Number(text) : names.findIndex((n) => n.toLowerCase() === text.toLowerCase())
    const name = names[index] as N[number] | undefined
    if (name === undefined) {
      ctx.addIssue(`'${text}' is not one of ${names.map((n, i) => `${i} (${n})`).join(', ')}`)
      return z.NEVER
    }
    return name
  })
}

const text = opt(z.string())
const flag = opt(z.boolean())
const generation = opt(csharpEnum(PARAMETERS_GENERATION))

const clientClaimsShape = {
  scope: opt(z.array(z.string())),
  clientId: text,
  sfmJournalId: text,
  orgnrParent: text,
  orgnrChild: text,
  orgnrSupplier: text,
  clientTenancy: flag,
  authenticationMethodsReferences: opt(z.array(z.string())),
  clientAuthenticationMethodsReferences: text,
  clientName: text,
  jti: text,
  cnfJkt: text,
  cnfPublicKey: text
}

const userClaimsShape = {
  pid: text,
  pidPseudonym: text,
  hprNumber: text,
  name: text,
  givenName: text,
  middleName: text,
  familyName: text,
  identityProvider: text,
  securityLevel: text,
  assuranceLevel: text,
  network: text,
  amr: text,
  subject: text,
  sid: text
}

const TILLITSRAMMEVERK_PARAMETERS = [
  'practitionerAuthorizationCode', 'practitionerAuthorizationText',
  'practitionerLegalEntityId', 'practitionerLegalEntityName',
  'practitionerPointOfCareId', 'practitionerPointOfCareName',
  'practitionerDepartmentId', 'practitionerDepartmentName',
  'careRelationshipHealthcareServiceCode', 'careRelationshipHealthcareServiceText',
  'careRelationshipPurposeOfUseCode', 'careRelationshipPurposeOfUseText',
  'careRelationshipPurposeOfUseDetailsCode', 'careRelationshipPurposeOfUseDetailsText',
  'careRelationshipTracingRefId',
  'patientsPointOfCareId', 'patientsPointOfCareName',
  'patientsDepartmentId', 'patientsDepartmentName'
] as const

const tillitsrammeverkShape = Object.fromEntries(TILLITSRAMMEVERK_PARAMETERS.map((name) => [name, text])) as
  Record<typeof TILLITSRAMMEVERK_PARAMETERS[number], typeof text>

const dpopProofShape = {
  htuClaimValue: text,
  htmClaimValue: text,
  /** A private JWK (as JSON text or an object) or a PKCS#8 PEM. */
  privateKeyForProofCreation: opt(z.union([z.string(), z.record(z.string(), z.unknown())])),
  invalidDPoPProofParameters: opt(csharpEnum(INVALID_DPOP_PROOF_PARAMETERS))
}

const expirationShape = {
  setExpirationTimeAsExpired: flag,
  expirationTimeInSeconds: opt(z.number().int().min(1).max(10 * 365 * 86400)),
  expirationTimeInDays: opt(z.number().int().min(1).max(10 * 365))
}

const headerShape = { typ: text }

const apiSpecificClaimShape = { type: z.string().min(1), value: z.string() }

const requestShape = {
  audience: z.string({ error: (issue) => issue.input == null ? 'audience is required' : 'audience must be a string' })
    .trim().min(1, 'audience is required'),
  clientClaimsParametersGeneration: generation,
  userClaimsParametersGeneration: generation,
  withoutDefaultClientClaims: flag,
  withoutDefaultUserClaims: flag,
  createDPoPTokenWithDPoPProof: flag,
  createTillitsrammeverkClaims: flag,
  signJwtWithInvalidSigningKey: flag,
  setInvalidIssuer: flag,
  setInvalidAudience: flag,
  getPersonFromPersontjenesten: flag,
  onlySetNameForPerson: flag,
  getHprNumberFromHprregisteret: flag,
  setPidPseudonym: flag,
  setSubject: flag,
  expirationParameters: opt(z.object(expirationShape)),
  headerParameters: opt(z.object(headerShape)),
  clientClaimsParameters: opt(z.object(clientClaimsShape)),
  userClaimsParameters: opt(z.object(userClaimsShape)),
  tillitsrammeverkClaimsParameters: opt(z.object(tillitsrammeverkShape)),
  dPoPProofParameters: opt(z.object(dpopProofShape)),
  apiSpecificClaims: opt(z.array(z.object(apiSpecificClaimShape))),
  // The TTT's first version called client claims "general claims"; scripts from then send these.
  generalClaimsParametersGeneration: generation,
  withoutDefaultGeneralClaims: flag,
  generalClaimsParameters: opt(z.object(clientClaimsShape))
}

const requestSchema = z.object(requestShape)

type Parsed = z.infer<typeof requestSchema>
export type TestTokenRequest = Omit<Parsed, 'generalClaimsParametersGeneration' | 'withoutDefaultGeneralClaims' | 'generalClaimsParameters'>
export type ClientClaimsParameters = NonNullable<Parsed['clientClaimsParameters']>
export type UserClaimsParameters = NonNullable<Parsed['userClaimsParameters']>
export type TillitsrammeverkClaimsParameters = NonNullable<Parsed['tillitsrammeverkClaimsParameters']>
export type DpopProofParameters = NonNullable<Parsed['dPoPProofParameters']>
export type ExpirationParameters = NonNullable<Parsed['expirationParameters']>

const CANONICAL_KEYS = new Map([requestShape, clientClaimsShape, userClaimsShape, tillitsrammeverkShape, dpopProofShape, expirationShape, headerShape, apiSpecificClaimShape]
  .flatMap((shape) => Object.keys(shape)).map((key) => [key.toLowerCase(), key]))

/** The request model is four levels deep at most: deeper values are left as they came. */
const CANONICAL_DEPTH = 6

/**
 * Renames known properties to their camelCase spelling, whatever case they came in. Only as
 * deep as the model goes, so a hostile deeply nested body cannot exhaust the stack.
 */
function canonicalKeys (value: unknown, depth = 0): unknown {
  if (depth >= CANONICAL_DEPTH || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => canonicalKeys(v, depth + 1))
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [CANONICAL_KEYS.get(key.toLowerCase()) ?? key, canonicalKeys(v, depth + 1)]))
}

/** Parses a TTT request body; throws `TestTokenError` naming every problem. */
export function parseTestTokenRequest (body: unknown): TestTokenRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TestTokenError('the body must be a JSON object (a TestTokenRequest) with at least "audience"')
  }
  const result = requestSchema.safeParse(canonicalKeys(body))
  if (!result.success) {
    throw new TestTokenError(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '))
  }
  const { generalClaimsParametersGeneration, withoutDefaultGeneralClaims, generalClaimsParameters, ...request } = result.data
  return {
    ...request,
    clientClaimsParametersGeneration: request.clientClaimsParametersGeneration ?? generalClaimsParametersGeneration,
    withoutDefaultClientClaims: request.withoutDefaultClientClaims ?? withoutDefaultGeneralClaims,
    clientClaimsParameters: request.clientClaimsParameters ?? generalClaimsParameters
  }
}
