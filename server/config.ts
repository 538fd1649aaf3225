/**
 * The sandbox's settings: environment variables, overridden by command-line flags
 * (`--public-url x` sets PUBLIC_URL). Parsed once by one zod schema; a bad value stops start-up
 * with one line that names the setting. The README's settings table is generated from the
 * `.describe()` texts below.
 */
import { z } from 'zod'
import { ConfigError } from './config-error.js'
import { settingFlags } from './config-flags.js'
import { DEFAULT_HOST, DEFAULT_PORT } from './listen-defaults.js'
import { GUESSED_CATEGORY_SYSTEM } from './domain/critical-info/profiles/categories.js'

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v))

const seconds = (max: number) => z.coerce.number().int().min(1).max(max)
/** Fractions allowed, so tests can use sub-second timeouts. */
const timeout = (max: number) => z.coerce.number().min(0.05).max(max)

/** `*`, or comma-separated origins (scheme://host[:port], no path). */
const corsOrigins = z.string().transform((value, ctx) => {
  const list = value.split(',').map((o) => o.trim()).filter((o) => o !== '')
  if (list.length === 1 && list[0] === '*') return '*' as const
  for (const origin of list) {
    let parsed: URL | undefined
    try { parsed = new URL(origin) } catch {}
    if (parsed === undefined || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
      ctx.addIssue({ code: 'custom', message: `'${origin}' is not an origin like http://localhost:3000 (or give * alone)` })
      return z.NEVER
    }
  }
  return list.map((o) => o.replace(/\/$/, ''))
})

/** Comma-separated http(s) base URLs, trailing slashes dropped. */
const publicUrls = z.string().transform((value, ctx) => {
  const list = value.split(',').map((u) => u.trim()).filter((u) => u !== '')
  for (const url of list) {
    let parsed: URL | undefined
    try { parsed = new URL(url) } catch {}
    if (parsed === undefined || !/^https?:$/.test(parsed.protocol) || parsed.search !== '' || parsed.hash !== '') {
      ctx.addIssue({ code: 'custom', message: `'${url}' is not a base URL like http://kjernejournal-sandbox:8080` })
      return z.NEVER
    }
  }
  return list.map((u) => u.replace(/\/+$/, ''))
})

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT)
    .describe('TCP port to listen on (0 picks a free one).'),
  HOST: z.string().min(1).default(DEFAULT_HOST)
    .describe('Interface to bind. Default: this machine only (127.0.0.1); the container image sets 0.0.0.0. Use 0.0.0.0 to share the sandbox on a network (then set ADMIN_TOKEN).'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional()
    .describe('Base URL clients use to reach the sandbox; it is the HelseID issuer. Default: the first of PUBLIC_URLS, else http://localhost:PORT.'),
  PUBLIC_URLS: publicUrls.optional()
    .describe('More base URLs the sandbox is reached by (comma-separated), e.g. http://localhost:8080,http://kjernejournal-sandbox:8080 for a browser on the host and an EHR in another container. A request whose Host names one gets it as issuer and in discovery; tokens from any of them are accepted on all. Lenient: HelseID has one issuer.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
    .describe('pino log level. At `debug` one line per answered request (method, URL with secrets redacted, status, error code, ms).'),
  SEED: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(1)
    .describe('Seed for everything the sandbox draws at random on purpose, so runs repeat.'),
  FIXTURES_DIR: z.string().min(1).optional()
    .describe('Folder with the synthetic world: clients, users, patients, organisations. Default: the built-in fixtures/.'),
  FIXTURES_MODE: z.enum(['add', 'replace']).default('add')
    .describe('add: FIXTURES_DIR adds to the built-in world (an entry with the same nin, pid, orgnr or client_id replaces the built-in one); replace: FIXTURES_DIR is the whole world.'),
  SCENARIOS_DIR: z.string().min(1).optional()
    .describe('Folder with QA scenario files. Default: the built-in scenarios/.'),
  SCENARIOS_MODE: z.enum(['add', 'replace']).default('add')
    .describe('add: SCENARIOS_DIR adds to the built-in scenario pack (a scenario with the same name replaces the built-in one); replace: SCENARIOS_DIR is the whole pack.'),
  KEYS_FILE: z.string().min(1).optional()
    .describe('JSON file holding the HelseID signing key; created on first start, reused after, so tokens survive restarts.'),
  PROFILE: z.enum(['lenient', 'strict']).default('lenient')
    .describe('How sessions answer where the sandbox is more lenient than NHN: `lenient` lets the request through and records a readiness finding (GET /__admin/readiness); `strict` answers as the real service does. Per session: PUT /__admin/profile.'),
  ACCESS_TOKEN_LIFETIME: seconds(86400).default(600)
    .describe('Lifetime of issued access tokens, seconds.'),
  ID_TOKEN_LIFETIME: seconds(86400).default(300)
    .describe('Lifetime of issued ID tokens, seconds.'),
  REFRESH_TOKEN_LIFETIME: seconds(30 * 86400).default(28800)
    .describe('Lifetime of issued refresh tokens, seconds.'),
  AUTHORIZATION_CODE_LIFETIME: seconds(3600).default(60)
    .describe('Lifetime of authorization codes and pushed authorization requests, seconds.'),
  CLIENT_ASSERTION_MAX_LIFETIME: seconds(3600).default(60)
    .describe('Longest a client assertion may still be valid when it arrives (exp - now), seconds.'),
  TICKET_LIFETIME: seconds(7 * 86400).default(3600)
    .describe('Lifetime of helseindikator tickets, seconds (Kjernejournal: one hour).'),
  INNLOGGING_CODE_LIFETIME: seconds(3600).default(60)
    .describe('Lifetime of the one-time code from /api/session/create (Kjernejournal Innlogging), seconds.'),
  INNLOGGING_SESSION_LIFETIME: seconds(7 * 86400).default(600)
    .describe('Lifetime of a Kjernejournal Innlogging portal session, renewed by /api/session/refresh, seconds.'),
  INNLOGGING_END_REQUIRES_ATH: boolish.default(true)
    .describe('When true, the DPoP proof of /api/session/end must carry `ath`, as HelseID\'s DPoP rules require of every API call. NHN\'s reference EHR omits it there; false accepts that (an `ath` that is present must still match).'),
  PING_FIELD: z.enum(['Pong', 'pong']).default('Pong')
    .describe('The timestamp field of the ping answer (/v1/ping, /api/session/ping). NHN\'s table names it `Pong`; the real spelling is unconfirmed.'),
  INNLOGGING_REQUIRE_ATTEST: boolish.default(false)
    .describe('When true, /api/session/create also requires the tillitsrammeverk attest (authorization_details) in the token, not only the scope nhn:kjernejournal/tillitsrammeverk (KJF-000218).'),
  KJ_MAX_TOKEN_LIFETIME: seconds(30 * 86400).default(3600)
    .describe('Longest access-token lifetime (exp - iat) Kjernejournal accepts before answering KJF-000198, seconds.'),
  EXTRA_FIELD: boolish.default(true)
    .describe('Add a random extra field to every JSON answer of the Kjernejournal REST face, as the real API does on purpose.'),
  REQUIRE_DPOP: boolish.default(false)
    .describe('When true, the token endpoint issues only DPoP-bound tokens and APIs refuse Bearer.'),
  DPOP_PROOF_MAX_AGE: seconds(3600).default(1)
    .describe('How old (iat) a DPoP proof sent to a Kjernejournal API may be, seconds, plus DPOP_CLOCK_SKEW; as NHN\'s sample API (1 s). HelseID\'s own endpoints keep 60 s.'),
  DPOP_CLOCK_SKEW: z.coerce.number().int().min(0).max(300).default(5)
    .describe('Clock skew allowed around a DPoP proof\'s iat at the Kjernejournal APIs, seconds; as NHN\'s sample API (5 s).'),
  DPOP_STRICT_HTU: boolish.default(true)
    .describe('When true, a DPoP proof sent to a Kjernejournal API whose htu carries a query or fragment is refused, as NHN\'s sample API compares htu exactly; false follows RFC 9449\'s "ignoring any query".'),
  BUNDLE_EXTRAS: boolish.default(false)
    .describe('When true, search Bundles of the FHIR faces also carry id, total, link and entry fullUrl/search, which NHN\'s examples do not show (docs/critical-information.md).'),
  DPOP_NONCE: boolish.default(true)
    .describe('When true, the token endpoint demands a server nonce in DPoP proofs (answers use_dpop_nonce first), as HelseID does.'),
  CATEGORY_SYSTEM: z.string().trim().regex(/^(none|[a-z][a-z0-9+.-]*:\S+)$/i, 'give an absolute URI, or none to leave the system out')
    .transform((v) => v.toLowerCase() === 'none' ? '' : v).default(GUESSED_CATEGORY_SYSTEM)
    .describe('Code system of critical-information category codings (codes 3-11) in answers. NHN does not publish it; the default is the sandbox\'s guess. Requests may use any system or none. none: answers carry no system.'),
  KJCONSENT_BEHANDLINGSAVKLARING: boolish.default(false)
    .describe('Serve KjConsentBehandlingsavklaring (Consent category 11, HLR-minus), which NHN has announced but not yet released; off, category 11 is refused as an invalid code.'),
  SCENARIOS: z.string().optional()
    .describe('Scenarios to activate at start in every session: names from SCENARIOS_DIR, comma-separated (flag: --scenario).'),
  ADMIN_TOKEN: z.string().min(8, 'use at least 8 characters').optional()
    .describe('When set, /__admin needs Authorization: Bearer <ADMIN_TOKEN>; for sandboxes shared on a network.'),
  MAX_SESSIONS: z.coerce.number().int().min(1).max(100_000).default(1000)
    .describe('Most sandbox sessions kept at once; the least recently used goes first.'),
  JOURNAL_MAX_MB: z.coerce.number().int().min(1).max(65_536).default(64)
    .describe('Most memory the request journals of all sessions hold together, MiB (estimated); past it the oldest entries of any session go first.'),
  CLIENT_JWT_CLOCK: z.enum(['wall', 'sandbox']).default('wall')
    .describe('Clock that judges iat/exp of JWTs clients make (client assertions, DPoP proofs): the wall clock, or the settable sandbox clock.'),
  DATA_DIR: z.string().min(1).optional()
    .describe('Folder where registered clients, added patients and critical information written through the APIs are kept, so they survive a restart. Unset: everything stays in memory.'),
  CORS_ORIGINS: corsOrigins.optional()
    .describe('Browser origins allowed to call the sandbox (CORS): comma-separated origins such as http://localhost:3000, or * for any. Unset: no CORS headers.'),
  ALLOWED_HOSTS: z.string().transform((value) => value.trim() === '*' ? '*' as const : value.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '')).optional()
    .describe('Extra host names the admin API and dashboard answer to (comma-separated), besides localhost, IP addresses, PUBLIC_URL\'s host and this machine\'s name; * for any, e.g. behind a reverse proxy. Guards against DNS rebinding.'),
  REQUEST_TIMEOUT: timeout(3600).default(30)
    .describe('Longest a client may take to send a whole request (headers and body), seconds; slow clients are cut off.'),
  HEADERS_TIMEOUT: timeout(3600).default(10)
    .describe('Longest a client may take to send the request headers, seconds (slow-loris guard); at most REQUEST_TIMEOUT.'),
  CONNECTION_TIMEOUT: timeout(3600).default(60)
    .describe('A connection idle this long (nothing sent either way) is closed, seconds.'),
  KEEP_ALIVE_TIMEOUT: timeout(3600).default(72)
    .describe('How long an idle keep-alive connection stays open between requests, seconds.')
}).refine((c) => c.HEADERS_TIMEOUT <= c.REQUEST_TIMEOUT, { message: 'must not exceed REQUEST_TIMEOUT', path: ['HEADERS_TIMEOUT'] })

type ParsedConfig = z.infer<typeof configSchema>
/** PUBLIC_URL is always set; PUBLIC_URLS is every served base URL, PUBLIC_URL first, no repeats. */
export type Config = Readonly<Omit<ParsedConfig, 'PUBLIC_URL' | 'PUBLIC_URLS'> & { PUBLIC_URL: string, PUBLIC_URLS: readonly string[] }>

export { ConfigError }

/** Turns `--public-url x`, `--public-url=x` and bare `--require-dpop` into `PUBLIC_URL` etc.; unknown options are refused. */
export function flagsToEnv (argv: readonly string[]): Record<string, string> {
  return settingFlags(argv, new Set(Object.keys(configSchema.shape)))
}

/** Parses settings from an environment (and optional flags). Pure: reads nothing else. */
export function loadConfig (env: Record<string, string | undefined>, argv: readonly string[] = []): Config {
  const source: Record<string, string | undefined> = {}
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key]
    if (value !== undefined && value !== '') source[key] = value
  }
  Object.assign(source, flagsToEnv(argv))
  const result = configSchema.safeParse(source)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const name = String(issue.path[0])
    throw new ConfigError(`Invalid setting ${name}=${JSON.stringify(source[name])}: ${issue.message}`)
  }
  const parsed = result.data
  const publicUrl = (parsed.PUBLIC_URL ?? parsed.PUBLIC_URLS?.[0] ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, '')
  const served = Object.freeze([...new Set([publicUrl, ...(parsed.PUBLIC_URLS ?? [])])])
  return Object.freeze({ ...parsed, PUBLIC_URL: publicUrl, PUBLIC_URLS: served })
}
