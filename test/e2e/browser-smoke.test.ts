import t from 'tap'
import { launchBrowser, newPage } from '../support/browser.js'
import { startSandbox } from '../support/server.js'

t.test('Debian Chromium opens the sandbox through playwright-core', async (t) => {
  const browser = await launchBrowser(t)
  if (browser === undefined) return
  const { url } = await startSandbox(t)
  const page = await newPage(browser)
  const response = await page.goto(`${url}/.well-known/openid-configuration`)
  t.equal(response?.status(), 200)
  const text = await page.textContent('body')
  t.match(text ?? '', /"issuer":"http:\/\/127\.0\.0\.1:\d+"/)
})
