/**
 * The dashboard in Debian's Chromium: a scenario switched on in the page makes the next real
 * request fail, and the live journal shows it with its code; a token minted in the form, copied,
 * works for a real request; the catalogue filters as you type; with ADMIN_TOKEN the page opens
 * with the token. SCREENSHOTS=1 (npm run screenshots) writes docs/screenshots/dashboard.png.
 */
import t from 'tap'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { CATALOGUE } from '../../server/domain/error-catalogue.js'
import { launchBrowser, newPage } from '../support/browser.js'
import { startSandbox } from '../support/server.js'

const SCREENSHOT = fileURLToPath(new URL('../../docs/screenshots/dashboard.png', import.meta.url))
const READINESS_SCREENSHOT = fileURLToPath(new URL('../../docs/screenshots/readiness.png', import.meta.url))

/** The issuer of a session's tokens is the session's base URL, so the token comes from there. */
async function systemToken (base: string): Promise<string> {
  const res = await fetch(`${base}/v2/create-test-token-with-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ audience: 'nhn:kjernejournal', withoutDefaultUserClaims: true })
  })
  return ((await res.json()) as { successResponse: { accessTokenJwt: string } }).successResponse.accessTokenJwt
}

async function ping (base: string, token: string): Promise<Response> {
  return fetch(`${base}/v1/ping`, { headers: { authorization: `Bearer ${token}`, 'x-epj-system': 'Dashboard e2e 1.0' } })
}

/** The page's script errors, for the test to check at its end. */
function watchErrors (page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => { errors.push(error.message) })
  return errors
}

t.test('the dashboard in Chromium', async (t) => {
  const browser = await launchBrowser(t)
  if (browser === undefined) return
  const { url } = await startSandbox(t)
  const session = `${url}/s/e2e`

  t.test('a scenario switched on in the page fails the next request; the live journal shows its code', async (t) => {
    const page = await newPage(browser)
    const errors = watchErrors(page)
    await page.goto(`${session}/`)
    await page.locator('#journal-connection[data-state="live"]').waitFor()
    const token = await systemToken(session)
    t.equal((await ping(session, token)).status, 200, 'before: the token works')
    await page.locator('#journal-rows tr', { hasText: '/v1/ping' }).first().waitFor()

    const toggle = page.getByRole('switch', { name: 'token-lifetime-too-long' })
    t.equal(await toggle.getAttribute('aria-checked'), 'false')
    await toggle.focus()
    await page.keyboard.press('Space')
    await page.locator('button[data-scenario="token-lifetime-too-long"][aria-checked="true"]').waitFor()

    const refused = await ping(session, token)
    t.equal(refused.status, 401)
    t.equal(refused.headers.get('nhn-error-code'), 'KJF-000198')
    const row = page.locator('#journal-rows tr', { hasText: 'KJF-000198' })
    await row.first().waitFor()
    t.match(await row.first().innerText(), /GET\s+\/v1\/ping\s+401\s+KJF-000198/)
    t.match(await page.locator('#journal-announce').textContent(), /GET \/v1\/ping answered 401 KJF-000198/, 'announced to screen readers')

    await toggle.click()
    await page.locator('button[data-scenario="token-lifetime-too-long"][aria-checked="false"]').waitFor()
    t.equal((await ping(session, token)).status, 200, 'switched off: the request works again')
    t.ok(await page.locator('#journal-rows tr').count() >= 3)
    t.same(errors, [], 'no script errors')
  })

  t.test('a token minted in the form, copied, works for a real request; a broken one fails', async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${session}/`)
    await page.getByLabel('User').fill('01887840020')
    await page.getByRole('button', { name: 'Mint token' }).click()
    await page.locator('#token-result').waitFor()
    await page.getByRole('button', { name: 'Copy' }).click()
    await page.getByText('Token copied to the clipboard.').waitFor()
    // The function runs in the page (a string, since tsc here knows no DOM).
    const copied = await page.evaluate('navigator.clipboard.readText()') as string
    t.equal(copied, await page.locator('#minted-token').inputValue(), 'the clipboard holds the token')
    t.match(copied, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/)
    t.equal((await ping(session, copied)).status, 200, 'the copied token works at /v1/ping')

    await page.getByLabel('Expired').check()
    await page.getByRole('button', { name: 'Mint token' }).click()
    await page.locator('#token-expect', { hasText: 'KJF-000198 (expired)' }).waitFor()
    const expired = await page.locator('#minted-token').inputValue()
    t.not(expired, copied)
    t.equal((await ping(session, expired)).headers.get('nhn-error-code'), 'KJF-000198', 'the expired one fails as the form said')

    t.same(errors, [], 'no script errors')
    if (process.env.SCREENSHOTS === '1') {
      await page.getByLabel('Expired').uncheck()
      await page.getByRole('button', { name: 'Mint token' }).click()
      await page.locator('#token-expect', { hasText: 'A valid token' }).waitFor()
      await page.screenshot({ path: SCREENSHOT, fullPage: true })
      t.pass(`screenshot written to ${SCREENSHOT}`)
    }
  })

  t.test('the readiness panel shows the findings, switches the profile, and the journal names the finding', async (t) => {
    const base = `${url}/s/readiness`
    const token = await systemToken(base)
    const indicator = await fetch(`${base}/v1/helseindikator`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-epj-system': 'Dashboard e2e 1.0', 'content-type': 'application/json' },
      body: JSON.stringify({ fnr: '01887840020' })
    })
    t.equal(indicator.status, 200)
    const page = await newPage(browser)
    const errors = watchErrors(page)
    await page.goto(`${base}/`)
    const panel = page.locator('#readiness')
    await panel.locator('tr[data-finding="helseindikator-without-samtykke"]').waitFor()
    t.match(await page.locator('#readiness-verdict').innerText(), /Ready with warnings/)
    t.match(await page.locator('#journal-rows tr', { hasText: '/v1/helseindikator' }).first().innerText(), /helseindikator-without-samtykke/)
    await page.getByRole('button', { name: 'Strict' }).click()
    await page.locator('button[data-profile="strict"][aria-pressed="true"]').waitFor()
    const profile = await fetch(`${base}/__admin/profile`).then(async (r) => r.json() as Promise<{ profile: string }>)
    t.equal(profile.profile, 'strict', 'the switch set the session\'s profile')
    t.same(errors, [], 'no script errors')
    if (process.env.SCREENSHOTS === '1') {
      await page.getByRole('button', { name: 'Lenient' }).click()
      await page.locator('button[data-profile="lenient"][aria-pressed="true"]').waitFor()
      await panel.screenshot({ path: READINESS_SCREENSHOT })
      t.pass(`screenshot written to ${READINESS_SCREENSHOT}`)
    }
  })

  t.test('the catalogue filters as you type', async (t) => {
    const page = await newPage(browser)
    const errors = watchErrors(page)
    await page.goto(`${url}/`)
    const rows = page.locator('#catalogue-table tbody tr:visible')
    t.equal(await rows.count(), CATALOGUE.length)
    await page.getByLabel('Search codes and texts').pressSequentially('ticket expired')
    const expected = CATALOGUE.filter((e) => /ticket/i.test(`${e.code} ${e.text}`) && /expired/i.test(`${e.code} ${e.text}`))
    await page.locator('#catalogue-count', { hasText: `${expected.length} of ${CATALOGUE.length} codes` }).waitFor()
    t.same(await rows.locator('th code').allInnerTexts(), expected.map((e) => e.code))
    t.ok(await page.locator('#code-KJF-000015').isVisible(), 'the expired-ticket code is found')
    t.notOk(await page.locator('#code-KJF-000198').isVisible())
    t.same(errors, [], 'no script errors')
  })

  t.test('with ADMIN_TOKEN: the page asks for the token, then works with it', async (t) => {
    const guarded = await startSandbox(t, { ADMIN_TOKEN: 'browser-secret' })
    const page = await newPage(browser)
    const errors = watchErrors(page)
    await page.goto(`${guarded.url}/`)
    t.equal(await page.locator('#patients').count(), 0, 'no data before the token')
    await page.getByLabel('Admin token', { exact: true }).fill('wrong')
    await page.getByRole('button', { name: 'Open dashboard' }).click()
    await page.getByText('the admin token was not accepted').waitFor()
    await page.getByLabel('Admin token', { exact: true }).fill('browser-secret')
    await page.getByRole('button', { name: 'Open dashboard' }).click()
    await page.locator('#patients').waitFor()
    await page.locator('#journal-connection[data-state="live"]').waitFor()
    t.equal((await fetch(`${guarded.url}/v1/ping`, { headers: { 'x-sandbox-force-error': 'KJX-000003' } })).status, 503)
    await page.locator('#journal-rows tr', { hasText: 'KJX-000003' }).first().waitFor()
    await page.getByRole('switch', { name: 'slow-network' }).click()
    await page.locator('button[data-scenario="slow-network"][aria-checked="true"]').waitFor()
    const active = await fetch(`${guarded.url}/__admin/scenarios`, { headers: { authorization: 'Bearer browser-secret' } })
    t.ok(((await active.json()) as { active: string[] }).active.includes('slow-network'), 'the switch used the token')
    await page.reload()
    await page.locator('#patients').waitFor()
    t.pass('the token stays for the tab (sessionStorage)')
    t.same(errors, [], 'no script errors')
  })
})
