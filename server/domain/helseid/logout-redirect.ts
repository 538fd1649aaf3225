/**
 * Where /connect/endsession may send the browser back to, by the rule /connect/authorize uses
 * for redirect_uri: a client's registered post_logout_redirect_uris, exactly; a client with none
 * registered but with registered redirect_uris, a URI of the same origin as one of them; a
 * client with neither (the fixture clients, as documented for authorize), any URI but script and
 * file ones. It used to redirect anywhere, `javascript:` and `data:` included (robustness probe,
 * finding 9).
 */
import { isSafeRedirect } from './authorization.js'
import type { Client } from './clients.js'

function originOf (uri: string): string | undefined {
  try { return new URL(uri).origin } catch { return undefined }
}

export function postLogoutRedirectAllowed (client: Client, target: string): boolean {
  if (!isSafeRedirect(target)) return false
  if (client.post_logout_redirect_uris !== undefined) return client.post_logout_redirect_uris.includes(target)
  if (client.redirect_uris !== undefined) {
    const origin = originOf(target)
    return origin !== undefined && origin !== 'null' && client.redirect_uris.some((uri) => originOf(uri) === origin)
  }
  return true
}
