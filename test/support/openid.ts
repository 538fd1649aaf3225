/** The demo EHR as a real OAuth client (openid-client) sees the sandbox, for end-to-end tests. */
import * as client from 'openid-client'
import { importJWK, type CryptoKey } from 'jose'
import { DEMO_CLIENT_ID, DEMO_PRIVATE_JWK } from '../helper.js'

export const REDIRECT_URI = 'http://127.0.0.1:1/callback'

/** Discovery at `base`, authenticating with the demo client's key (private_key_jwt). */
export async function demoClient (base: string): Promise<client.Configuration> {
  const key = await importJWK(DEMO_PRIVATE_JWK, 'RS256') as CryptoKey
  return client.discovery(new URL(base), DEMO_CLIENT_ID, { redirect_uris: [REDIRECT_URI] },
    client.PrivateKeyJwt({ key, kid: DEMO_PRIVATE_JWK.kid as string }), { execute: [client.allowInsecureRequests] })
}

/** Follows the authorization URL without a browser: the test-IdP hint makes the sandbox redirect at once. */
export async function followLogin (authorizationUrl: URL): Promise<URL> {
  const res = await fetch(authorizationUrl, { redirect: 'manual' })
  const location = res.headers.get('location')
  if (res.status !== 302 || location === null) throw new Error(`authorize answered ${res.status}`)
  return new URL(location)
}
