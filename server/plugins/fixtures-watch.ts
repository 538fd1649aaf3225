/**
 * Hot reload of FIXTURES_DIR: a changed fixture file takes effect without a restart. A broken
 * file is logged and listed at GET /__admin/fixtures (file and field), and the last good world
 * keeps serving. Sessions made after a reload start from the new fixtures.
 */
import { watch, type FSWatcher } from 'node:fs'
import fp from 'fastify-plugin'

export interface FixtureStatus {
  errors: Array<{ message: string }>
  reloads: number
}

declare module 'fastify' {
  interface FastifyInstance {
    fixtureStatus: FixtureStatus
    /** Re-reads the fixtures now (the watcher calls this too). */
    reloadFixtures(): Promise<FixtureStatus>
  }
}

const DEBOUNCE_MS = 100

export default fp(async (app) => {
  const status: FixtureStatus = { errors: [], reloads: 0 }
  app.decorate('fixtureStatus', status)
  app.decorate('reloadFixtures', async () => {
    try {
      await app.sandbox.reloadFixtures()
      status.errors = []
      status.reloads++
      app.log.info({ dir: app.sandbox.fixturesDir }, 'fixtures reloaded')
    } catch (err) {
      status.errors = [{ message: (err as Error).message }]
      app.log.warn({ error: (err as Error).message }, 'fixture file broken; the last good version keeps serving')
    }
    return status
  })

  let watcher: FSWatcher | undefined
  let timer: NodeJS.Timeout | undefined
  try {
    watcher = watch(app.sandbox.fixturesDir, { recursive: true, persistent: false }, () => {
      clearTimeout(timer)
      timer = setTimeout(() => { app.reloadFixtures().catch(() => undefined) }, DEBOUNCE_MS)
      timer.unref()
    })
    watcher.on('error', (err) => app.log.warn({ err }, 'fixture watcher stopped'))
  } catch (err) {
    app.log.warn({ err }, 'cannot watch FIXTURES_DIR; fixtures reload only through POST /__admin/fixtures/reload')
  }
  app.addHook('onClose', async () => {
    clearTimeout(timer)
    watcher?.close()
  })
}, { name: 'fixtures-watch', fastify: '5.x', dependencies: ['sandbox'] })
