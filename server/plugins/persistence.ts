/**
 * DATA_DIR: restores what was stored before the first request, exposes `app.persistence` to the
 * routes that change something worth keeping, reports unusable files at start (logged as errors
 * and listed at /__admin/persistence), and lets writes under way finish when the server closes.
 * Without DATA_DIR, `app.persistence` does nothing and nothing is written anywhere.
 */
import fp from 'fastify-plugin'
import { ConfigError } from '../config.js'
import { lockDataDir } from '../persistence/data-dir-lock.js'
import { FileDocumentStore } from '../persistence/file-store.js'
import { MEMORY_ONLY, openPersistence, type Persistence } from '../persistence/persistence.js'

declare module 'fastify' {
  interface FastifyInstance {
    persistence: Persistence
  }
}

export default fp(async (app) => {
  const dir = app.sandbox.config.DATA_DIR
  let persistence = MEMORY_ONLY
  let release = async (): Promise<void> => {}
  if (dir !== undefined) {
    let store: FileDocumentStore
    try {
      store = await FileDocumentStore.open(dir, () => app.sandbox.defaultSession.clock.wallNow())
    } catch (err) {
      throw new ConfigError(`Invalid setting DATA_DIR=${JSON.stringify(dir)}: cannot write there (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)
    }
    if (store.readOnly) {
      // Nothing will be written, so no lock is needed (and none could be taken).
      app.log.warn({ dataDir: dir }, `DATA_DIR ${dir} is read-only: serving what it holds; changes stay in memory and are answered as not stored`)
    } else {
      try {
        release = await lockDataDir(dir)
      } catch (err) {
        throw new ConfigError(`Invalid setting DATA_DIR=${JSON.stringify(dir)}: ${(err as Error).message}`)
      }
    }
    persistence = await openPersistence(store, app.sandbox)
    const status = persistence.status()
    app.log.info({ dataDir: dir, restored: status.restored, interruptedWrites: status.interruptedWrites }, 'stored data restored')
    for (const problem of status.problems) {
      const moved = problem.movedTo !== undefined ? `; moved to ${problem.movedTo}, the sandbox starts without it` : ''
      app.log.error({ dataDir: dir, file: problem.file, movedTo: problem.movedTo }, `DATA_DIR ${problem.file}: ${problem.message}${moved}`)
    }
  }
  // The world's verbs tell it every run-time change from here on (MEMORY_ONLY keeps none).
  app.sandbox.operations.keepWith(persistence)
  app.decorate('persistence', persistence)
  // After the sandbox plugin picked the session: one evicted from memory gets its stored records
  // back before anything reads or writes them.
  // A callback hook: only a session that comes back from disk waits; the rest pay no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const session = request.sandboxSession
    const loading = session === null || session === undefined ? undefined : persistence.reloadEvicted(session.id)
    if (loading === undefined) {
      done()
      return
    }
    loading.then(() => { done() }, done)
  })
  // The lock goes last: another process may start on the folder once every write is on disk.
  app.addHook('onClose', async () => {
    await persistence.flush()
    await release()
  })
}, { name: 'persistence', fastify: '5.x', dependencies: ['sandbox'] })
