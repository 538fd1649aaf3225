/**
 * The `GET /metadata` answer of a FHIR face: an R4 CapabilityStatement describing what this
 * sandbox instance does, so generic FHIR clients and validators can discover it.
 * @see https://hl7.org/fhir/R4/capabilitystatement.html
 */

/** http://hl7.org/fhir/type-restful-interaction, the instance and type level ones. */
export type TypeInteraction =
  | 'read' | 'vread' | 'update' | 'patch' | 'delete' | 'history-instance' | 'history-type' | 'create' | 'search-type'

/** http://hl7.org/fhir/search-param-type */
export type SearchParamType =
  | 'number' | 'date' | 'string' | 'token' | 'reference' | 'composite' | 'quantity' | 'uri' | 'special'

export interface SearchParamOption {
  readonly name: string
  readonly type: SearchParamType
  readonly documentation: string
}

export interface ResourceOption {
  readonly type: string
  readonly profiles: readonly string[]
  readonly interactions: readonly TypeInteraction[]
  readonly searchParams?: readonly SearchParamOption[]
  /** Operations on the type, e.g. `validate` (FHIR's Resource-validate). */
  readonly operations?: readonly OperationOption[]
}

export interface OperationOption {
  readonly name: string
  /** The OperationDefinition's canonical URL. */
  readonly definition: string
}

export interface CapabilityStatementOptions {
  readonly baseUrl: string
  /** Computer-friendly name, e.g. `KjernejournalSandboxCriticalInformation`. */
  readonly name: string
  /** When this statement was last changed (ISO date or dateTime). */
  readonly date: string
  readonly software: { readonly name: string, readonly version: string }
  readonly resources: readonly ResourceOption[]
  /** Overrides the default security description (HelseID, Bearer or DPoP). */
  readonly securityDescription?: string
}

const DEFAULT_SECURITY = 'Access tokens from HelseID (the sandbox\'s stand-in), sent as ' +
  'Authorization: DPoP <token> with a DPoP proof, or Authorization: Bearer <token> while the ' +
  'real service still accepts Bearer.'

export function capabilityStatement (options: CapabilityStatementOptions): Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date,
    name: options.name,
    kind: 'instance',
    software: { name: options.software.name, version: options.software.version },
    implementation: { description: `${options.software.name} ${options.software.version}`, url: options.baseUrl },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [{
      mode: 'server',
      security: {
        service: [{
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'OAuth', display: 'OAuth' }],
          text: 'HelseID'
        }],
        description: options.securityDescription ?? DEFAULT_SECURITY
      },
      resource: options.resources.map((r) => ({
        type: r.type,
        ...(r.profiles.length > 0 && { supportedProfile: [...r.profiles] }),
        ...(r.interactions.length > 0 && { interaction: r.interactions.map((code) => ({ code })) }),
        // Every update is a new version; the body's meta.versionId must name the latest one.
        versioning: 'versioned-update',
        readHistory: true,
        updateCreate: false,
        conditionalCreate: false,
        conditionalRead: 'not-supported',
        conditionalUpdate: false,
        conditionalDelete: 'not-supported',
        ...(r.searchParams !== undefined && r.searchParams.length > 0 && {
          searchParam: r.searchParams.map((p) => ({ name: p.name, type: p.type, documentation: p.documentation }))
        }),
        ...(r.operations !== undefined && r.operations.length > 0 && {
          operation: r.operations.map((o) => ({ name: o.name, definition: o.definition }))
        })
      }))
    }]
  }
}
