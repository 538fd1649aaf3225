/**
 * The FHIR RESTful interactions on critical information, for any face that can say whose record
 * it is (`resolve`): search (criticalInfoType, category), create, read, update, delete, history and
 * vread on the six resource types, with ETag, Last-Modified and Location as FHIR R4 asks.
 * @see https://hl7.org/fhir/R4/http.html
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { historyBundle, searchAnswer } from '../../domain/fhir/bundle.js'
import { etagOf, httpDate, parseIfMatch } from '../../domain/fhir/versioning.js'
import { KjError } from '../../domain/kj-error.js'
import { lenient } from '../shared/leniency.js'
import { withCategorySystem } from '../../domain/critical-info/category-system.js'
import { profileByName, profileFor } from '../../domain/critical-info/profiles/index.js'
import {
  createRecord, deleteRecord, historyOf, readRecord, readVersion, searchRecords, updateRecord,
  type OperationContext, type ReadResult
} from '../../domain/critical-info/service.js'
import type { StoredVersion } from '../../domain/critical-info/store.js'
import { CRITICAL_INFO_TYPES, KJ_RESOURCE_TYPES, type CriticalInfoType, type FhirResource, type KjResourceType } from '../../domain/critical-info/types.js'
import { FHIR_JSON, validationOutcome, type OperationOutcomeFace } from '../../faces/operation-outcome.js'
import { validationErrors } from '../../domain/critical-info/validate.js'
import { fhirBody } from './fhir-face.js'
import { resourceDocs, type HeadersDoc } from './docs.js'

export type Resolve = (request: FastifyRequest, write: boolean) => Promise<OperationContext>

interface TypeParams { type: string }
interface IdParams extends TypeParams { id: string }
interface VersionParams extends IdParams { vid: string }

/** `Conditions` is how one documentation example spells Condition; both are served. */
function resourceType (name: string): KjResourceType {
  const type = name === 'Conditions' ? 'Condition' : name
  if (!(KJ_RESOURCE_TYPES as readonly string[]).includes(type)) throw new KjError('KI-0012', `${name} is not a critical-information resource type`)
  return type as KjResourceType
}

function infoType (value: unknown): CriticalInfoType | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !(CRITICAL_INFO_TYPES as readonly string[]).includes(value)) {
    throw new KjError('KI-0007', `criticalInfoType must be one of ${CRITICAL_INFO_TYPES.join(', ')}`)
  }
  return value as CriticalInfoType
}

/**
 * `category=[system|]code`: the KJ category code (3-11, e.g. 8 for KjConsent) or an
 * AllergyIntolerance category; the system is not compared, as none is required on write.
 */
function categoryParam (value: unknown): string | undefined {
  if (value === undefined) return undefined
  const code = typeof value === 'string' ? value.slice(value.lastIndexOf('|') + 1) : ''
  if (code === '' || code.length > 64) throw new KjError('KI-0007', 'category must be one token, [system|]code, e.g. 8')
  return code
}

/** What an answer shows of a record: its category codings under the configured system. */
function present (request: FastifyRequest, resource: FhirResource): FhirResource {
  return withCategorySystem(resource, request.server.sandbox.config.CATEGORY_SYSTEM)
}

function baseUrlOf (request: FastifyRequest, prefix: string): string {
  return `${request.issuer}${prefix}`
}

function versionHeaders (reply: FastifyReply, resource: FhirResource): FastifyReply {
  const meta = resource.meta ?? {}
  return reply.type(FHIR_JSON).headers({ etag: etagOf(String(meta.versionId)), 'last-modified': httpDate(String(meta.lastUpdated)) })
}

function sendRead (request: FastifyRequest, reply: FastifyReply, result: ReadResult): FastifyReply {
  // FHIR: a deleted resource reads as 410 Gone; the API keeps a filtered body.
  return versionHeaders(reply, result.stored.resource).code(result.gone ? 410 : 200).send(present(request, result.resource))
}

/** A write is answered only once it is stored (DATA_DIR); if storing fails, the answer says so. */
async function durable (request: FastifyRequest): Promise<void> {
  try {
    await request.server.persistence.sessionWritten(request.sandboxSession)
  } catch (err) {
    request.log.error({ err }, 'critical information could not be stored in DATA_DIR')
    throw new KjError('KI-0006', 'the change is made but could not be stored in the sandbox\'s DATA_DIR; see its log')
  }
}

/** What a FHIR face brings to the interactions: where it lives, who may, and how it speaks. */
export interface ResourceFace {
  readonly prefix: string
  readonly resolve: Resolve
  /** The request headers its access chain reads, for the document. */
  readonly headers: HeadersDoc
  readonly outcome: OperationOutcomeFace
}

/** `$validate`'s body: the resource, or FHIR's Parameters with a `resource` parameter. */
function resourceToValidate (body: unknown): unknown {
  const { resourceType, parameter } = (typeof body === 'object' && body !== null ? body : {}) as { resourceType?: unknown, parameter?: unknown }
  if (resourceType !== 'Parameters' || !Array.isArray(parameter)) return body
  const found = (parameter as Array<{ name?: unknown, resource?: unknown }>).find((p) => typeof p === 'object' && p !== null && p.name === 'resource')
  return found?.resource
}

export function registerResourceRoutes (app: FastifyInstance, face: ResourceFace): void {
  const { prefix, resolve } = face
  const docs = resourceDocs(face.headers)
  const nowIso = (request: FastifyRequest): string => new Date(request.sandboxSession.clock.now()).toISOString()
  const sendStored = (request: FastifyRequest, reply: FastifyReply, stored: StoredVersion, status: number): FastifyReply => {
    const { resource } = stored
    const location = `${baseUrlOf(request, prefix)}/${resource.resourceType}/${String(resource.id)}/_history/${String(resource.meta?.versionId)}`
    return versionHeaders(reply, resource).code(status).header('location', location).send(present(request, resource))
  }

  app.get<{ Params: TypeParams, Querystring: Record<string, unknown> }>('/:type', { schema: docs.search }, async (request, reply) => {
    const type = resourceType(request.params.type)
    const ctx = await resolve(request, false)
    const category = categoryParam(request.query.category)
    if (category !== undefined) lenient(request, 'category-search-parameter', `searched ${type} by category=${category}, a parameter NHN does not document`)
    const resources = searchRecords(ctx, type, infoType(request.query.criticalInfoType), category)
    const extras = request.server.sandbox.config.BUNDLE_EXTRAS
    return reply.type(FHIR_JSON).send(searchAnswer(baseUrlOf(request, prefix), resources.map((r) => present(request, r)), { selfUrl: `${request.issuer}${request.url}`, extras }))
  })

  app.post<{ Params: TypeParams }>('/:type', { schema: docs.create }, async (request, reply) => {
    const type = resourceType(request.params.type)
    const ctx = await resolve(request, true)
    const stored = createRecord({ ...ctx, now: nowIso(request) }, fhirBody(request), type)
    await durable(request)
    request.log.info({ type, id: stored.resource.id }, 'critical information created')
    return sendStored(request, reply, stored, 201)
  })

  // Authorised as a create, so an EHR learns of a missing right before it sends for real.
  app.post<{ Params: TypeParams }>('/:type/$validate', { schema: docs.validate }, async (request, reply) => {
    const type = resourceType(request.params.type)
    await resolve(request, true)
    lenient(request, 'validate-operation', `${type}/$validate, an operation NHN does not document`)
    const resource = resourceToValidate(fhirBody(request))
    const errors = validationErrors(resource, type)
    const profile = errors.length === 0 ? profileFor(resource as FhirResource)?.url : undefined
    return reply.type(FHIR_JSON).send(validationOutcome(face.outcome, request, errors, profile))
  })

  app.get<{ Params: IdParams }>('/:type/:id', { schema: docs.read }, async (request, reply) => {
    const type = resourceType(request.params.type)
    return sendRead(request, reply, readRecord(await resolve(request, false), type, request.params.id))
  })

  app.put<{ Params: IdParams }>('/:type/:id', { schema: docs.update }, async (request, reply) => {
    const type = resourceType(request.params.type)
    const ctx = await resolve(request, true)
    const ifMatch = parseIfMatch(request.headers['if-match'])
    const stored = updateRecord({ ...ctx, now: nowIso(request) }, type, request.params.id, fhirBody(request), ifMatch)
    await durable(request)
    return sendStored(request, reply, stored, 200)
  })

  const remove = async (request: FastifyRequest<{ Params: IdParams & { vid?: string } }>, reply: FastifyReply): Promise<FastifyReply> => {
    const type = resourceType(request.params.type)
    const ctx = await resolve(request, true)
    const stored = deleteRecord({ ...ctx, now: nowIso(request) }, type, request.params.id, request.params.vid)
    await durable(request)
    return reply.code(204).header('etag', etagOf(String(stored.resource.meta?.versionId))).send()
  }
  app.delete<{ Params: IdParams }>('/:type/:id', { schema: docs.delete }, remove)
  app.delete<{ Params: VersionParams }>('/:type/:id/_history/:vid', { schema: docs.deleteVersion }, remove)

  app.get<{ Params: IdParams }>('/:type/:id/_history', { schema: docs.history }, async (request, reply) => {
    const type = resourceType(request.params.type)
    const ctx = await resolve(request, false)
    const versions = historyOf(ctx, type, request.params.id)
    const latest = ctx.store.latest(request.params.id) as StoredVersion
    const isDeleted = (r: FhirResource): boolean => profileByName(latest.profile).isDeleted(r)
    return reply.type(FHIR_JSON).send(historyBundle(baseUrlOf(request, prefix), versions.map((r) => present(request, r)), isDeleted))
  })

  app.get<{ Params: VersionParams }>('/:type/:id/_history/:vid', { schema: docs.vread }, async (request, reply) => {
    const type = resourceType(request.params.type)
    return sendRead(request, reply, readVersion(await resolve(request, false), type, request.params.id, request.params.vid))
  })
}
