/** Group commit: concurrent changes share writes, each caller learns when its change is durable, failures reach the callers. */
import t from 'tap'
import type { DocumentStore } from '../../server/persistence/port.js'
import { WriteQueue } from '../../server/persistence/write-queue.js'

function slowStore (fail = false): DocumentStore & { written: unknown[], removed: string[] } {
  const written: unknown[] = []
  const removed: string[] = []
  return {
    location: 'test',
    written,
    removed,
    readAll: async () => ({ documents: new Map(), problems: [], interruptedWrites: 0 }),
    write: async (_name, data) => {
      await new Promise((resolve) => setTimeout(resolve, 10))
      if (fail) throw new Error('disk full')
      written.push(structuredClone(data))
    },
    remove: async (name) => { removed.push(name) },
    read: async () => undefined,
    quarantine: async (name) => ({ file: name, movedTo: `${name}.corrupt` })
  }
}

t.test('ten concurrent changes: two writes, each caller resolved by a write that holds its change', async (t) => {
  const store = slowStore()
  const state: number[] = []
  const queue = new WriteQueue(store, () => ({ values: [...state] }))
  const done: Array<Promise<number[]>> = []
  for (let i = 0; i < 10; i++) {
    state.push(i)
    done.push(queue.schedule('doc').then(() => (store.written.at(-1) as { values: number[] }).values))
  }
  const seen = await Promise.all(done)
  seen.forEach((values, i) => t.ok(values.includes(i), `change ${i} was durable when its caller heard`))
  t.ok(store.written.length <= 2, `${store.written.length} writes for 10 changes`)
  t.same(store.written.at(-1), { values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] })
  await queue.idle()
  t.equal(queue.writes, store.written.length)
})

t.test('undefined content removes the document; a failed write rejects its callers and is counted', async (t) => {
  const store = slowStore()
  const removing = new WriteQueue(store, () => undefined)
  await removing.schedule('sessions/x')
  t.same(store.removed, ['sessions/x'])

  const failing = new WriteQueue(slowStore(true), () => ({}))
  await t.rejects(Promise.all([failing.schedule('doc'), failing.schedule('doc')]), /disk full/)
  await failing.idle()
  t.equal(failing.failures >= 1, true)
  t.match(failing.lastError, /doc: disk full/)
})
