/**
 * The REST face's routes as the OpenAPI document describes them: X-EPJ-System on every call, the
 * helseindikator body and answer (seed 002's fields), and the answer headers. Only describes: the
 * validation chain (chain.ts) decides what is refused and with which code.
 * @see https://kjernejournal.atlassian.net/wiki/pages/diffpages.action?originalId=814415889&pageId=817987807 (helseindikator input and output)
 */
import { SAMTYKKE_VALUES } from '../../domain/kjernejournal/helseindikator.js'
import { describe, type Answer } from '../../openapi/describe.js'

const EPJ_SYSTEM = {
  properties: {
    'X-EPJ-System': { type: 'string', description: 'The EHR system and version, e.g. "DIPS Arena 23.1".', examples: ['Sandbox demo EHR 1.0'] }
  },
  required: ['X-EPJ-System']
}

const ANSWER_HEADERS = {
  'X-EVENT-ID': { type: 'string', description: 'Id-<hex>: quote it to support' }
}

function ok (description: string, schema: Record<string, unknown>): Answer {
  return { description, media: 'application/json', schema, headers: ANSWER_HEADERS }
}

export const PING_DOC = describe({
  summary: 'Test the connection (system token and X-EPJ-System as for helseindikator)',
  headers: EPJ_SYSTEM,
  responses: {
    200: ok('The sandbox clock\'s time, in the field PING_FIELD names (`Pong` by default, as NHN\'s table spells it)', { type: 'object', required: ['Pong'], properties: { Pong: { type: 'string', format: 'date-time' } }, examples: [{ Pong: '2026-12-01T10:00:00.000Z' }] })
  }
})

const HELSEINDIKATOR_BODY = {
  type: 'object',
  required: ['fnr'],
  properties: {
    fnr: { type: 'string', description: 'The patient\'s fødselsnummer or d-nummer (11 digits)', examples: ['13116900216'] },
    samtykke: { enum: [...SAMTYKKE_VALUES], description: 'The basis for opening the record; goes into the ticket' },
    legemiddelFraDato: { type: 'string', description: 'ISO date: count prescriptions from this date' }
  },
  examples: [{ fnr: '13116900216', samtykke: 'HPMOTTATTSAMTYKKE' }]
}

const HELSEINDIKATOR_ANSWER = {
  type: 'object',
  required: ['status', 'returTekst'],
  description: 'The icon state 0-4; from status 2 a ticket for X-KJ-Ticket. Every answer also carries a random extra field (EXTRA_FIELD), as the real service does to keep clients tolerant.',
  properties: {
    status: { enum: [0, 1, 2, 3, 4] },
    returTekst: { type: 'string' },
    ticket: { type: ['string', 'null'] },
    harLegemidler: { type: 'boolean' },
    harLasteResepter: { type: 'boolean' },
    eksistererBlokkertHelsepersonell: { type: 'boolean' },
    sperringDetaljer: { type: 'array', items: { type: 'object', properties: { modul: { type: 'string' } } } },
    sistEndretKritiskInfo: { type: 'array', items: { type: 'object', properties: { kategori: { type: 'string' }, sistEndret: { type: 'string' } } } },
    sistEndretKritiskInfoDato: { type: 'string' }
  },
  examples: [{ status: 4, returTekst: 'OBS: Kritisk informasjon i kjernejournal', ticket: 'eyJhbGciOi...', harLegemidler: true, harLasteResepter: false, eksistererBlokkertHelsepersonell: false, sperringDetaljer: [], sistEndretKritiskInfo: [{ kategori: 'ALLERGI', sistEndret: '2026-01-05T10:00:00Z' }], sistEndretKritiskInfoDato: '2026-01-05T10:00:00Z' }]
}

export function helseindikatorDoc (summary: string): ReturnType<typeof describe> {
  return describe({
    summary,
    headers: EPJ_SYSTEM,
    body: { media: 'application/json', schema: HELSEINDIKATOR_BODY, required: true },
    responses: { 200: ok('The patient\'s icon state, and a ticket from status 2', HELSEINDIKATOR_ANSWER) }
  })
}
