/**
 * Bundles the FHIR faces answer searches and history with (R4). A search answers as NHN's
 * examples show it, `{resourceType, type, entry: [{resource}]}` and nothing else, unless
 * BUNDLE_EXTRAS asks for the members FHIR allows a server to add (id, total, self link, entries
 * by absolute `fullUrl` with `search.mode`), which no NHN example shows. History bundles keep
 * them all: NHN documents no history answer, so their whole shape is inferred from FHIR R4.
 * @see https://hl7.org/fhir/R4/bundle.html
 * @see https://utviklerportal-dev.utvikling.nhn.no/no/informasjonstjenester/kritisk-informasjon/kritisk-info-fhir-api/hit-critical-information/docs/api-methods/read-allergynintolerance-typemd/
 */
import { randomUUID } from 'node:crypto'
import type { FhirResource } from '../critical-info/types.js'
import { etagOf } from './versioning.js'

export interface BundleLink {
  readonly relation: string
  readonly url: string
}

export interface SearchEntry {
  readonly fullUrl: string
  readonly resource: FhirResource
  readonly search: { readonly mode: 'match' }
}

export interface HistoryEntry {
  readonly fullUrl: string
  readonly resource: FhirResource
  readonly request: { readonly method: 'POST' | 'PUT' | 'DELETE', readonly url: string }
  readonly response: { readonly status: '201 Created' | '200 OK', readonly etag?: string, readonly lastModified?: string }
}

export interface Bundle<E> {
  readonly resourceType: 'Bundle'
  readonly id: string
  readonly type: 'searchset' | 'history'
  readonly total: number
  readonly link?: readonly BundleLink[]
  /** Absent when there is nothing to list (FHIR JSON has no empty arrays). */
  readonly entry?: readonly E[]
}

export function fullUrlOf (baseUrl: string, resource: FhirResource): string {
  return `${baseUrl.replace(/\/+$/, '')}/${resource.resourceType}/${resource.id ?? ''}`
}

function bundle<E> (type: 'searchset' | 'history', entries: readonly E[], selfUrl: string | undefined): Bundle<E> {
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    type,
    total: entries.length,
    ...(selfUrl !== undefined && { link: [{ relation: 'self', url: selfUrl }] }),
    ...(entries.length > 0 && { entry: entries })
  }
}

export function searchsetBundle (baseUrl: string, resources: readonly FhirResource[], options: { selfUrl?: string } = {}): Bundle<SearchEntry> {
  const entries = resources.map((resource): SearchEntry => ({ fullUrl: fullUrlOf(baseUrl, resource), resource, search: { mode: 'match' } }))
  return bundle('searchset', entries, options.selfUrl)
}

/** A search answer as NHN's read examples show it: the resources and nothing the examples lack. */
export interface PlainSearchset {
  readonly resourceType: 'Bundle'
  readonly type: 'searchset'
  /** Absent when there is nothing to list (FHIR JSON has no empty arrays). */
  readonly entry?: ReadonlyArray<{ readonly resource: FhirResource }>
}

export function plainSearchset (resources: readonly FhirResource[]): PlainSearchset {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(resources.length > 0 && { entry: resources.map((resource) => ({ resource })) })
  }
}

/** The search answer the settings ask for: plain by default, with FHIR's extras when `extras`. */
export function searchAnswer (baseUrl: string, resources: readonly FhirResource[], options: { selfUrl?: string, extras: boolean }): PlainSearchset | Bundle<SearchEntry> {
  if (!options.extras) return plainSearchset(resources)
  return searchsetBundle(baseUrl, resources, options.selfUrl === undefined ? {} : { selfUrl: options.selfUrl })
}

function versionNumber (resource: FhirResource): number {
  const n = Number(resource.meta?.versionId)
  return Number.isFinite(n) ? n : 0
}

function instant (resource: FhirResource): number {
  const t = Date.parse(resource.meta?.lastUpdated ?? '')
  return Number.isNaN(t) ? 0 : t
}

/**
 * A history bundle, newest first. Each version says how it came to be: version 1 by POST, a
 * soft delete (entered-in-error, which `isDeleted` recognises) by DELETE, the rest by PUT.
 * Deleted versions keep their (filtered) resource: the API never removes a record.
 */
export function historyBundle (
  baseUrl: string,
  versions: readonly FhirResource[],
  isDeleted: (resource: FhirResource) => boolean,
  options: { selfUrl?: string } = {}
): Bundle<HistoryEntry> {
  const newestFirst = [...versions].sort((a, b) => instant(b) - instant(a) || versionNumber(b) - versionNumber(a))
  const entries = newestFirst.map((resource): HistoryEntry => {
    const created = resource.meta?.versionId === '1'
    const method = isDeleted(resource) ? 'DELETE' : created ? 'POST' : 'PUT'
    const versionId = resource.meta?.versionId
    const lastModified = resource.meta?.lastUpdated
    return {
      fullUrl: fullUrlOf(baseUrl, resource),
      resource,
      // Request URLs are relative to the base, as FHIR's own history examples write them.
      request: { method, url: method === 'POST' ? resource.resourceType : `${resource.resourceType}/${resource.id ?? ''}` },
      response: {
        status: method === 'POST' ? '201 Created' : '200 OK',
        ...(versionId !== undefined && { etag: etagOf(versionId) }),
        ...(lastModified !== undefined && { lastModified })
      }
    }
  })
  return bundle('history', entries, options.selfUrl)
}
