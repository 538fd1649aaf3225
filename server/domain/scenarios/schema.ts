/**
 * The scenario file format, as one zod schema: files are checked with it, and
 * scenarios/scenario.schema.json (for editors) is generated from it, so the two cannot drift.
 * docs/scenarios.md describes it with examples. No transforms: what is parsed is what was written.
 */
import { z } from 'zod'
import { CATALOGUE, isErrorCode } from '../error-catalogue.js'
import type { OAuthErrorCode } from '../helseid/oauth-error.js'
import { SCENARIO_FACE_NAMES } from '../faces.js'
import { isRegexPattern, regexOf } from './path-pattern.js'
import { deleteMarkerProblem } from './delete-marker.js'

export const OAUTH_ERROR_CODES = [
  'invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type',
  'invalid_scope', 'invalid_target', 'invalid_dpop_proof', 'use_dpop_nonce', 'unsupported_response_type',
  'access_denied', 'invalid_request_object', 'invalid_token', 'server_error'
] as const satisfies readonly OAuthErrorCode[]

// Fails to compile when oauth-error.ts gains a code this list lacks.
type Uncovered = Exclude<OAuthErrorCode, (typeof OAUTH_ERROR_CODES)[number]>
export const oauthCodesComplete: [Uncovered] extends [never] ? true : false = true

export const FAULTS = ['reset', 'empty', 'malformed', 'dribble'] as const

/** Longest delay a rule may ask for: long enough for any timeout test, short of a hung test run. */
export const MAX_DELAY_MS = 120_000

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

// Names travel in a comma-separated header, so no commas or spaces.
export const scenarioNameSchema = z.string().max(100)
  .regex(NAME, 'use letters, digits, dot, dash and underscore, starting with a letter or digit')

const stateSchema = z.string().min(1).max(100)

export const errorCodeSchema = z.string()
  .refine(isErrorCode, { error: (issue) => `unknown catalogue code '${String(issue.input)}'` })
  .meta({ id: 'ErrorCode', description: 'A code of the error catalogue (README: error codes).', enum: CATALOGUE.map((e) => e.code) })

function oneOrMany<T extends z.ZodType> (schema: T, what: string) {
  return z.union([schema, z.array(schema).min(1)], { error: `expected ${what}, or a list of them` })
}

const pathSchema = z.string().min(1)
  .refine((p) => !isRegexPattern(p) || regexOf(p) !== undefined, 'not a valid regular expression')
  .describe('Exact path (/v1/ping), glob with * (/v1/fhir/*), or regular expression (/^\\/v1\\/.*$/i). Without the /s/<session> prefix and query string.')

export const whenSchema = z.object({
  face: oneOrMany(z.enum(SCENARIO_FACE_NAMES), 'a face'),
  method: oneOrMany(z.string().regex(/^[A-Za-z]+$/, 'expected an HTTP method'), 'a method'),
  path: oneOrMany(pathSchema, 'a path'),
  patient: oneOrMany(z.string().min(1), 'a national identity number'),
  user: oneOrMany(z.string().min(1), 'a pid or HPR number'),
  clientId: oneOrMany(z.string().min(1), 'a client_id'),
  organisation: oneOrMany(z.string().min(1), 'an organisation number'),
  header: z.record(z.string().min(1), z.union([z.string(), z.array(z.string()).min(1), z.boolean()], { error: 'expected a value, a list of values, true (present) or false (absent)' }))
    .describe('{name: value} equals (a list: any of them), {name: true} present, {name: false} absent. Names in any case.'),
  body: z.record(z.string().min(1), z.unknown())
    .describe('{dotted.path: value} on the JSON (or form) body; values compare as JSON.'),
  nth: z.union([z.int().min(1), z.object({ every: z.int().min(1) }).strict()], { error: 'expected a number from 1, or {every: n}' })
    .describe('The nth call that matches the rest of `when` (1-based), or every nth.'),
  probability: z.number().min(0).max(1).describe('Chance to fire, from the session\'s seeded random.'),
  state: oneOrMany(stateSchema, 'a state').describe('The scenario\'s current state; it starts as Started.')
}).partial().strict()

const delaySchema = z.union([
  z.number().min(0).max(MAX_DELAY_MS),
  z.object({ min: z.number().min(0).max(MAX_DELAY_MS), max: z.number().min(0).max(MAX_DELAY_MS) }).strict()
    .refine((d) => d.min <= d.max, { error: 'min is more than max', path: ['max'] }),
  z.object({ mean: z.number().min(0).max(MAX_DELAY_MS), stddev: z.number().min(0).max(MAX_DELAY_MS) }).strict()
], { error: 'expected milliseconds, {min, max} or {mean, stddev}' })

const effectFields = {
  error: errorCodeSchema,
  diagnostics: z.string().describe('With error: detail for developers.'),
  location: z.array(z.string()).min(1).describe('With error: FHIR path(s) of the fault, for OperationOutcome.'),
  oauthError: z.enum(OAUTH_ERROR_CODES).describe('HelseID face only: an RFC 6749 error code.'),
  description: z.string().describe('With oauthError: its error_description.'),
  status: z.int().min(400).max(599).describe('With oauthError: the HTTP status (default: 500 for server_error, else 400; 401 for invalid_token).'),
  delay: delaySchema.describe('Wait before answering: ms, uniform {min, max}, or normal {mean, stddev}; seeded.'),
  fault: z.enum(FAULTS).describe('Break the connection: reset, empty (close), malformed (garbled body), dribble (slow body).'),
  dribbleMs: z.int().min(1).max(MAX_DELAY_MS).describe('With fault dribble: how long the answer takes (default 2000).'),
  override: z.record(z.string().min(1), z.unknown())
    .superRefine((fields, ctx) => {
      for (const [path, value] of Object.entries(fields)) {
        const problem = deleteMarkerProblem(value)
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [path], message: problem })
      }
    })
    .describe('{field: value} (dotted paths) merged into the normal successful JSON answer; the value {"$delete": true} removes the field.'),
  nextState: stateSchema.describe('Move the scenario to this state after the rule fires.')
}

/** The keys of which a `then` (or a step) may have one. */
const EXCLUSIVE = ['error', 'oauthError', 'fault', 'override', 'sequence'] as const
const COMPANIONS: Record<string, { of: string, value?: string }> = {
  diagnostics: { of: 'error' },
  location: { of: 'error' },
  description: { of: 'oauthError' },
  status: { of: 'oauthError' },
  dribbleMs: { of: 'fault', value: 'dribble' }
}

type Obj = Record<string, unknown>

function checkEffect<T extends object> (value: T, ctx: z.RefinementCtx<T>): void {
  const then = value as Obj
  const effects = EXCLUSIVE.filter((k) => then[k] !== undefined)
  if (effects.length > 1) {
    ctx.addIssue({ code: 'custom', path: [effects[1]!], message: `use one of ${effects.join(' and ')} per rule (delay and nextState combine with any)` })
  }
  for (const [key, { of, value }] of Object.entries(COMPANIONS)) {
    if (then[key] === undefined) continue
    if (then[of] === undefined || (value !== undefined && then[of] !== value)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `only with ${of}${value !== undefined ? `: ${value}` : ''}` })
    }
  }
  if (Object.keys(then).length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'empty: give an effect (error, oauthError, delay, fault, override, sequence) or nextState' })
}

export const stepObjectSchema = z.object(effectFields).partial().strict().superRefine(checkEffect)

export const stepSchema = z.union([
  z.literal('ok').describe('The normal answer.'),
  errorCodeSchema,
  stepObjectSchema
], { error: 'expected ok, a catalogue code, or an object like a then (without sequence)' })

export const thenSchema = z.object({
  ...effectFields,
  sequence: z.array(stepSchema).min(1)
    .describe('Steps over successive firings of the rule; the last repeats.')
}).partial().strict().superRefine(checkEffect)

export const ruleSchema = z.object({
  name: z.string().min(1).optional().describe('A label for logs.'),
  description: z.string().optional(),
  when: whenSchema.optional().describe('All given conditions must hold; none: every call (except admin).'),
  then: thenSchema
}).strict()

export const scenarioSchema = z.object({
  $schema: z.string().optional().describe('For editors: ./scenario.schema.json.'),
  name: scenarioNameSchema.optional().describe('Default: the file name without extension.'),
  description: z.string().optional(),
  rules: z.array(ruleSchema).min(1).describe('Tried in order; the first that matches fires.')
}).strict().meta({ title: 'kjernejournal-sandbox scenario', description: 'A QA scenario: rules that change how the sandbox answers. See docs/scenarios.md.' })

export type When = z.output<typeof whenSchema>
export type Step = z.output<typeof stepSchema>
export type StepObject = z.output<typeof stepObjectSchema>
export type Then = z.output<typeof thenSchema>
export type Rule = z.output<typeof ruleSchema>
export type ScenarioFile = z.output<typeof scenarioSchema>
export type Delay = NonNullable<Then['delay']>
export type Fault = (typeof FAULTS)[number]
