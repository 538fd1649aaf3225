/**
 * The base URLs the sandbox is reached by, and so the HelseID issuers it serves. One sandbox in
 * compose is reached as http://localhost:8080 by a browser on the host and as
 * http://kjernejournal-sandbox:8080 by an EHR backend in another container; a single fixed issuer
 * sends one of them to an address it cannot reach. So each request gets the served URL its Host
 * names (the first, PUBLIC_URL, when it names none), as mock-oauth2-server derives its issuer from
 * the Host, and a token from any served issuer is accepted on every served URL: HelseID itself has
 * one issuer, so the sandbox is lenient here (docs/assumptions.md, leniency: several-issuers).
 * Only listed URLs count: a Host the sandbox does not serve never becomes an issuer.
 */

/** The served URL a request is for, and every issuer a token it carries may have. */
export interface RequestIssuers {
  /** The issuer for this request: the served URL its Host names (+ /s/<session>). */
  readonly issuer: string
  /** Every issuer the sandbox serves for this request's session, `issuer` first. */
  readonly accepted: readonly string[]
}

/** `host[:port]` as URL.host writes it: lower case, the scheme's default port dropped. */
function hostKey (host: string, protocol: string): string | undefined {
  try {
    return new URL(`${protocol}//${host.trim()}`).host
  } catch {
    return undefined
  }
}

export class PublicUrls {
  /** The served URLs, default first, no trailing slash. */
  readonly urls: readonly string[]
  private readonly byHost = new Map<string, string>()
  /** The answer for a request outside /s/<session>, per served URL: built once, shared. */
  private readonly plain = new Map<string, RequestIssuers>()

  constructor (urls: readonly string[]) {
    if (urls.length === 0) throw new Error('PublicUrls needs at least one URL')
    this.urls = Object.freeze([...urls])
    for (const url of this.urls) {
      const { host, protocol } = new URL(url)
      // Two served URLs with one host (http and https behind a proxy): the first listed wins.
      const key = hostKey(host, protocol)
      if (key !== undefined && !this.byHost.has(key)) this.byHost.set(key, url)
      this.plain.set(url, Object.freeze({ issuer: url, accepted: Object.freeze([url, ...this.urls.filter((u) => u !== url)]) }))
    }
  }

  /** The default URL (PUBLIC_URL): for requests whose Host names no served URL. */
  get primary (): string {
    return this.urls[0] as string
  }

  /** The served URL a Host header names, or the default. */
  baseFor (hostHeader: string | undefined, protocol = 'http:'): string {
    if (this.urls.length === 1 || hostHeader === undefined) return this.primary
    const key = hostKey(hostHeader, protocol)
    return (key !== undefined ? this.byHost.get(key) : undefined) ?? this.primary
  }

  /** Issuer and accepted issuers for a request by its Host, in the session its path named (if any). */
  forRequest (hostHeader: string | undefined, pathSession?: string): RequestIssuers {
    const base = this.baseFor(hostHeader)
    const plain = this.plain.get(base) as RequestIssuers
    if (pathSession === undefined) return plain
    const suffix = `/s/${pathSession}`
    return { issuer: `${base}${suffix}`, accepted: plain.accepted.map((u) => `${u}${suffix}`) }
  }
}
