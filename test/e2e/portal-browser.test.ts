/**
 * The portal stand-in in Debian's Chromium: a real EHR's steps over HTTP (HelseID stand-in for
 * tokens, helseindikator for the ticket, /api/session for Innlogging), then the browser opens
 * the portal and reads what a user would read. One browser for the whole file.
 * With SCREENSHOTS=1 (npm run screenshots) it also writes docs/screenshots/portal-*.png.
 */
import t from 'tap'
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { CLIENT_ASSERTION_TYPE } from '../../server/domain/helseid/claims.js'
import { launchBrowser, newPage } from '../support/browser.js'
import { dpopKey, dpopProof, type DpopKey } from '../support/dpop.js'
import { pkce } from '../support/login.js'
import { createBody } from '../support/portal.js'
import { startSandbox } from '../support/server.js'
import { clientAssertion, DEMO_CLIENT_ID } from '../helper.js'

const SHOTS = process.env.SCREENSHOTS === '1' ? new URL('../../docs/screenshots/', import.meta.url) : undefined
const EHR = { 'x-epj-system': 'Sandbox browser test EHR 1.0' }

async function screenshot (page: Page, name: string): Promise<void> {
  if (SHOTS === undefined) return
  mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: new URL(name, SHOTS).pathname, fullPage: true })
}

async function tokenCall (url: string, params: Record<string, string>, dpop?: (nonce?: string) => Promise<string>): Promise<Record<string, unknown>> {
  const send = async (nonce?: string): Promise<Response> => fetch(`${url}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(dpop !== undefined && { dpop: await dpop(nonce) }) },
    body: new URLSearchParams({ client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: await clientAssertion({ audience: `${url}/connect/token` }), ...params })
  })
  let res = await send()
  // HelseID asks for a server nonce first (use_dpop_nonce); a client retries with it.
  const nonce = res.headers.get('dpop-nonce')
  if (res.status === 400 && nonce !== null) res = await send(nonce)
  const body = await res.json() as Record<string, unknown>
  if (res.status !== 200) throw new Error(`token endpoint: ${res.status} ${JSON.stringify(body)}`)
  return body
}

async function freshTicket (url: string, fnr: string): Promise<string> {
  const { access_token: token } = await tokenCall(url, { grant_type: 'client_credentials', scope: 'nhn:kjernejournal/api' })
  const res = await fetch(`${url}/v1/helseindikator`, {
    method: 'POST',
    headers: { authorization: `Bearer ${String(token)}`, 'content-type': 'application/json', ...EHR },
    body: JSON.stringify({ fnr, samtykke: 'HPMOTTATTSAMTYKKE' })
  })
  const answer = await res.json() as { status: number, ticket?: string }
  if (answer.ticket === undefined) throw new Error(`helseindikator: ${JSON.stringify(answer)}`)
  return answer.ticket
}

/** A physician logs in at the HelseID stand-in (test-IdP hint) and the code is exchanged with DPoP. */
async function dpopUserToken (url: string, key: DpopKey): Promise<string> {
  const { verifier, challenge } = pkce()
  const redirect = 'http://127.0.0.1:1/callback'
  const authorize = new URL(`${url}/connect/authorize`)
  authorize.search = new URLSearchParams({
    client_id: DEMO_CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirect,
    scope: 'openid profile nhn:kjernejournal/innlogging nhn:kjernejournal/tillitsrammeverk',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 's',
    test_pid: '01887840020',
    test_security_level: '4'
  }).toString()
  const login = await fetch(authorize, { redirect: 'manual' })
  const code = new URL(login.headers.get('location') ?? '').searchParams.get('code') ?? ''
  const htu = `${url}/connect/token`
  const { access_token: token } = await tokenCall(url, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirect }, (nonce) => dpopProof(key, { htu, ...(nonce !== undefined && { nonce }) }))
  return String(token)
}

t.test('the portal in Chromium: ticket, expiry, and Kjernejournal Innlogging', async (t) => {
  const browser = await launchBrowser(t)
  if (browser === undefined) return
  const { url } = await startSandbox(t)
  const page = await newPage(browser)

  await t.test('a fresh ticket, a login with the keyboard, and the critical information', async (t) => {
    const ticket = await freshTicket(url, '17815810112')
    const portalUrl = `${url}/hpp-webapp/hentpasient.html?ticket=${encodeURIComponent(ticket)}`
    await page.goto(portalUrl)
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Logg inn i kjernejournal')
    // Skip link, then the first user (checked); Enter submits the form.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await Promise.all([page.waitForURL(/test_pid=01887840020/), page.keyboard.press('Enter')])
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Kristian Kritisk')
    const table = page.getByRole('table')
    t.match(await table.textContent(), /Legemiddelreaksjon\s*Fenoksymetylpenicillin \(J01CE02\)\s*Høy/)
    t.match(await table.textContent(), /Hemofili A/)
    t.equal(await page.getByRole('img', { name: /Helseindikator 4: OBS: Kritisk informasjon i kjernejournal/ }).count(), 1)
    t.equal(await page.getByRole('main').count(), 1)
    await screenshot(page, 'portal-patient.png')
  })

  await t.test('the same ticket after the sandbox clock passes its hour: AUT_002', async (t) => {
    const ticket = await freshTicket(url, '17815810112')
    const advanced = await fetch(`${url}/__admin/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ minutes: 61 }) })
    t.equal(advanced.status, 200)
    const response = await page.goto(`${url}/hpp-webapp/hentpasient.html?ticket=${encodeURIComponent(ticket)}&test_pid=01887840020`)
    t.equal(response?.status(), 401)
    t.equal(await page.getByTestId('error-code').textContent(), 'AUT_002')
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Billetten er utløpt')
    t.match(await page.getByTestId('advice').textContent(), /Åpne pasienten på nytt fra journalsystemet/)
    await page.getByText('For utviklere').click()
    t.match(await page.getByTestId('diagnostics').textContent(), /the ticket expired \d+ seconds ago/)
    await screenshot(page, 'portal-error.png')
    await fetch(`${url}/__admin/clock`, { method: 'DELETE' })
  })

  await t.test('Kjernejournal Innlogging: a DPoP-bound token, /api/session/create, then code and verifier', async (t) => {
    const key = await dpopKey()
    const token = await dpopUserToken(url, key)
    const { verifier, challenge } = pkce()
    const created = await fetch(`${url}/api/session/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-source-system': EHR['x-epj-system'], authorization: `DPoP ${token}`, dpop: await dpopProof(key, { htu: `${url}/api/session/create`, accessToken: token }) },
      body: JSON.stringify(createBody(challenge, { nin: '17815810112', basis: 'SAMTYKKE' }))
    })
    t.equal(created.status, 200)
    const { code, sessionId } = await created.json() as { code: string, sessionId: string }
    await page.goto(`${url}/hpp-webapp/hentpasient.html?code=${encodeURIComponent(code)}&ehr_code_verifier=${encodeURIComponent(verifier)}`)
    t.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Kristian Kritisk')
    t.match(await page.getByRole('table').textContent(), /Fenoksymetylpenicillin/)
    t.match(await page.locator('body').textContent(), new RegExp(`Kjernejournal Innlogging, sesjon ${sessionId}`))
    const reused = await page.goto(`${url}/hpp-webapp/hentpasient.html?code=${encodeURIComponent(code)}&ehr_code_verifier=${encodeURIComponent(verifier)}`)
    t.equal(reused?.status(), 401)
    t.equal(await page.getByTestId('error-code').textContent(), 'AUT_119')
  })
})
