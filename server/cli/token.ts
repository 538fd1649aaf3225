/**
 * `kjernejournal-sandbox token [--audience a] [--user <pid>] [--hpr <hpr>] [--url <base>]`: asks a
 * running sandbox's test-token service for an access token and prints the JWT alone on stdout,
 * so shell scripts can `TOKEN=$(npx kjernejournal-sandbox token)`. A system token unless --user.
 * The flags are this verb's own, so they are parsed here: loadConfig would reject them, and is
 * asked only for PORT (from the environment) to make the default URL.
 */
import { loadConfig } from '../config.js'

export interface TokenIo {
  readonly out: (text: string) => void
  readonly err: (line: string) => void
  readonly env: Record<string, string | undefined>
}

const FLAGS = ['audience', 'user', 'hpr', 'url'] as const
type Flag = typeof FLAGS[number]

const defaultIo: TokenIo = {
  out: (text) => process.stdout.write(text),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env
}

function parseFlags (argv: readonly string[]): Partial<Record<Flag, string>> | string {
  const out: Partial<Record<Flag, string>> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [name, inline] = arg.replace(/^--/, '').split(/=(.*)/s, 2) as [string, string | undefined]
    if (!arg.startsWith('--') || !(FLAGS as readonly string[]).includes(name)) return `unknown option '${arg}' (token takes --audience, --user, --hpr, --url)`
    const value = inline ?? argv[++i]
    if (value === undefined || value === '') return `--${name} needs a value`
    out[name as Flag] = value
  }
  return out
}

export async function tokenCommand (argv: readonly string[], io: TokenIo = defaultIo): Promise<number> {
  const flags = parseFlags(argv)
  if (typeof flags === 'string') {
    io.err(`kjernejournal-sandbox token: ${flags}`)
    return 2
  }
  const base = (flags.url ?? `http://127.0.0.1:${loadConfig(io.env).PORT}`).replace(/\/+$/, '')
  const userClaims = {
    ...(flags.user !== undefined && { pid: flags.user, securityLevel: '4' }),
    ...(flags.hpr !== undefined && { hprNumber: flags.hpr })
  }
  const body = {
    audience: flags.audience ?? 'nhn:kjernejournal',
    withoutDefaultUserClaims: true,
    ...(Object.keys(userClaims).length > 0 && { userClaimsParameters: userClaims })
  }

  let answer: { isError?: boolean, successResponse?: { accessTokenJwt?: string } | null, errorResponse?: { errorMessage?: string } | null }
  try {
    const res = await fetch(`${base}/v2/create-test-token-with-key`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000)
    })
    answer = await res.json() as typeof answer
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name
    io.err(`kjernejournal-sandbox token: no sandbox answers at ${base} (${cause}); start one with 'kjernejournal-sandbox start' or pass --url`)
    return 1
  }
  const jwt = answer.successResponse?.accessTokenJwt
  if (answer.isError === true || jwt === undefined) {
    io.err(`kjernejournal-sandbox token: ${answer.errorResponse?.errorMessage ?? `${base} answered without a token`}`)
    return 1
  }
  io.out(`${jwt}\n`)
  return 0
}
