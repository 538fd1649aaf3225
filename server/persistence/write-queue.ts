/**
 * Writes documents one at a time per name, with group commit: while a document is being
 * written, every further change to it waits for one next write of the then-current state. A
 * caller's promise resolves when a write that includes its change is durable, so a request is
 * answered only after what it changed is on disk, and a burst of N concurrent writes costs about
 * two file writes, not N.
 */
import type { DocumentStore } from './port.js'

/** Produce's answer when the document is to stay as stored (its owner is not in memory). */
export const UNCHANGED: unique symbol = Symbol('unchanged')

/** The document's current content, or undefined when it should not exist (then it is removed). */
export type Produce = (name: string) => unknown

interface Waiter {
  resolve(): void
  reject(err: unknown): void
}

interface Pending {
  waiters: Waiter[]
  running: Promise<void>
}

export class WriteQueue {
  readonly #store: DocumentStore
  readonly #produce: Produce
  /** Only names with work in progress: the map empties whenever the queue is idle. */
  readonly #pending = new Map<string, Pending>()
  writes = 0
  failures = 0
  lastError: string | undefined

  constructor (store: DocumentStore, produce: Produce) {
    this.#store = store
    this.#produce = produce
  }

  /** Resolves once the document's state as of now (or later) is durable; rejects if writing failed. */
  schedule (name: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const pending = this.#pending.get(name)
      if (pending !== undefined) {
        pending.waiters.push({ resolve, reject })
        return
      }
      const fresh: Pending = { waiters: [{ resolve, reject }], running: Promise.resolve() }
      this.#pending.set(name, fresh)
      fresh.running = this.#run(name, fresh)
    })
  }

  /** Resolves when nothing is waiting to be written (failures included: they were reported). */
  async idle (): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending.values()].map((p) => p.running))
  }

  async #run (name: string, pending: Pending): Promise<void> {
    // Let the changes of the same tick join the first write.
    await Promise.resolve()
    while (pending.waiters.length > 0) {
      const waiters = pending.waiters
      pending.waiters = []
      try {
        const data = this.#produce(name)
        if (data === undefined) await this.#store.remove(name)
        else if (data !== UNCHANGED) await this.#store.write(name, data)
        this.writes++
        for (const w of waiters) w.resolve()
      } catch (err) {
        this.failures++
        this.lastError = `${name}: ${(err as Error).message}`
        for (const w of waiters) w.reject(err)
      }
    }
    this.#pending.delete(name)
  }
}
