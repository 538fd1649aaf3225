/**
 * Debian's Chromium driven by playwright-core for the browser end-to-end tests. Playwright's own
 * browser download cannot work here (no CDN), so the executable is the distribution's binary.
 * Without it the browser tests skip with a reason, unless REQUIRE_BROWSER=1 (set by .ci/run),
 * where a missing browser is a failure rather than a silent skip.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

interface BrowserTest {
  teardown(fn: () => unknown): void
  /** tap's skip makes a skipped subtest, so it wants a name and a body (which never runs). */
  skip(name: string, cb: () => void): unknown
  fail(message: string): unknown
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Launches headless Chromium for one test file; returns undefined (test skipped) when it is absent. */
export async function launchBrowser (t: BrowserTest): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM_PATH)) {
    const reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`
    if (process.env.REQUIRE_BROWSER === '1') t.fail(reason)
    else t.skip(reason, () => {})
    return undefined
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Root in a container has no user namespaces for Chromium's sandbox; /dev/shm may be tiny.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu']
  })
  t.teardown(() => browser.close())
  return browser
}

/** A fresh page whose console errors fail loudly in the test output. */
export async function newPage (browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (error) => { console.error('page error:', error.message) })
  return page
}
