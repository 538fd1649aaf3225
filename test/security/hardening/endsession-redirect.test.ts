/**
 * Issue 18, item 7: /connect/endsession redirects only where /connect/authorize would.
 * It redirected to `javascript:`, `data:`, `file:` and any host (robustness probe, finding 9).
 */
import t from 'tap'
import { postLogoutRedirectAllowed } from '../../../server/domain/helseid/logout-redirect.js'
import type { Client } from '../../../server/domain/helseid/clients.js'
import { build, tokenRequest } from '../../helper.js'
import { loginCode, REDIRECT_URI } from '../../support/login.js'

t.test('script and file URIs are never redirect targets; the signed-out page is shown instead', async (t) => {
  const app = await build(t)
  const { code, verifier } = await loginCode(app, { scope: 'openid nhn:kjernejournal/api' })
  const idToken = (await tokenRequest(app, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier, resource: 'nhn:kjernejournal' })).json().id_token as string
  for (const target of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:x']) {
    const res = await app.inject(`/connect/endsession?id_token_hint=${idToken}&post_logout_redirect_uri=${encodeURIComponent(target)}`)
    t.equal(res.statusCode, 200, target)
    t.equal(res.headers.location, undefined, `${target}: no redirect`)
    t.match(res.body, /signed out/)
  }
  const ok = await app.inject(`/connect/endsession?id_token_hint=${idToken}&post_logout_redirect_uri=${encodeURIComponent('http://ehr.test/bye')}&state=s`)
  t.equal(ok.headers.location, 'http://ehr.test/bye?state=s', 'an ordinary URI still works for a client without registered URIs, as at authorize')
})

t.test('registered URIs bind the redirect', async (t) => {
  const base = { client_id: 'c' } as unknown as Client
  const registered = { ...base, post_logout_redirect_uris: ['https://ehr.example/bye'], redirect_uris: ['https://ehr.example/cb'] } as Client
  t.ok(postLogoutRedirectAllowed(registered, 'https://ehr.example/bye'))
  t.notOk(postLogoutRedirectAllowed(registered, 'https://ehr.example/other'), 'only a registered post-logout URI')
  t.notOk(postLogoutRedirectAllowed(registered, 'https://evil.example/bye'))
  const redirectsOnly = { ...base, redirect_uris: ['https://ehr.example/cb'] } as Client
  t.ok(postLogoutRedirectAllowed(redirectsOnly, 'https://ehr.example/bye'), 'same origin as a registered redirect_uri')
  t.notOk(postLogoutRedirectAllowed(redirectsOnly, 'https://evil.example/bye'), 'another host')
  t.notOk(postLogoutRedirectAllowed({ ...base, post_logout_redirect_uris: ['javascript:x'] } as Client, 'javascript:x'), 'never a script scheme, even registered')
})
