/**
 * The scenarios the sandbox knows, for all sessions: the files of SCENARIOS_DIR (watched, so an
 * edit takes effect without a restart), the built-in pack under them when SCENARIOS_MODE=add (a
 * file's scenario replaces the built-in one of its name), plus those added through the admin API. A file that
 * breaks keeps its last good version serving; its problems are listed (and logged) until fixed.
 * Which scenarios are active, and their state, is per session: see domain/scenarios/runtime.ts.
 */
import { watch, type FSWatcher } from 'node:fs'
import type { Scenario } from '../domain/scenarios/scenario.js'
import { duplicateNameProblems, type FileProblem } from '../domain/scenarios/scenario-file.js'
import { readScenarioFolder } from './folder.js'

export interface ScenarioLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}

export interface LoadError {
  readonly file: string
  readonly field: string
  /** `field: what is wrong`. */
  readonly message: string
}

/** Scenarios added at run time are kept in memory: bounded like every other store. */
export const MAX_ADDED_SCENARIOS = 1000

const SILENT: ScenarioLog = { info () {}, warn () {} }

export class ScenarioRegistry {
  readonly dir: string
  readonly #log: ScenarioLog
  /** The last good scenario of each file, in file order. */
  #byFile = new Map<string, Scenario>()
  /** The folder of the pack the files add to; its scenarios by name, read once. */
  readonly #baseDir: string | undefined
  #base = new Map<string, Scenario>()
  readonly #added = new Map<string, Scenario>()
  #errors: LoadError[] = []
  #loading: Promise<void> = Promise.resolve()
  #watcher: FSWatcher | undefined
  #timer: NodeJS.Timeout | undefined
  #closed = false
  /** Counts finished loads, so a test can wait for the watcher. */
  generation = 0

  constructor (dir: string, log: ScenarioLog = SILENT, baseDir?: string) {
    this.dir = dir
    this.#log = log
    this.#baseDir = baseDir
  }

  get (name: string): Scenario | undefined {
    for (const scenario of this.#byFile.values()) if (scenario.name === name) return scenario
    return this.#base.get(name) ?? this.#added.get(name)
  }

  /** The built-in scenarios no file replaces. */
  #baseShown (): Scenario[] {
    const fromFiles = new Set([...this.#byFile.values()].map((s) => s.name))
    return [...this.#base.values()].filter((s) => !fromFiles.has(s.name))
  }

  list (): Scenario[] {
    return [...this.#baseShown(), ...this.#byFile.values(), ...this.#added.values()]
  }

  /** How many scenarios the folder's own files define (0 after start: worth a warning). */
  get fileCount (): number {
    return this.#byFile.size
  }

  errors (): readonly LoadError[] {
    return this.#errors
  }

  /** Adds (or replaces) a scenario at run time; one a file defines cannot be replaced so. */
  add (scenario: Scenario): 'created' | 'replaced' {
    const file = [...this.#byFile.values(), ...this.#base.values()].find((s) => s.name === scenario.name)?.file
    if (file !== undefined) throw new Error(`scenario '${scenario.name}' is defined in ${file}; edit the file instead`)
    const existed = this.#added.has(scenario.name)
    if (!existed && this.#added.size >= MAX_ADDED_SCENARIOS) throw new Error(`the sandbox holds at most ${MAX_ADDED_SCENARIOS} scenarios added through the admin API; replace one, or use files`)
    this.#added.set(scenario.name, scenario)
    return existed ? 'replaced' : 'created'
  }

  /** Reads the folder again. Loads run one at a time, so a burst of edits ends in the last state. */
  reload (): Promise<void> {
    this.#loading = this.#loading.then(() => this.#load())
    return this.#loading
  }

  /** The built-in pack is the sandbox's own and does not change while it runs: read once. */
  async #loadBase (): Promise<void> {
    if (this.#baseDir === undefined || this.#base.size > 0) return
    const results = await readScenarioFolder(this.#baseDir).catch(() => new Map<string, never>())
    for (const result of results.values()) if (result.ok) this.#base.set(result.scenario.name, result.scenario)
    for (const name of this.#base.keys()) this.#added.delete(name)
  }

  async #load (): Promise<void> {
    await this.#loadBase()
    let results
    try {
      results = await readScenarioFolder(this.dir)
    } catch (err) {
      // Adding to the built-in pack, a missing folder adds nothing (the start-up warning said so).
      if (this.#baseDir !== undefined && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        this.#byFile = new Map()
        this.#setErrors([])
        this.generation++
        return
      }
      this.#setErrors([{ file: this.dir, field: '(root)', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }])
      this.generation++
      return
    }
    const problems: FileProblem[] = []
    const next = new Map<string, Scenario>()
    for (const [file, result] of results) {
      if (result.ok) {
        next.set(file, result.scenario)
        continue
      }
      problems.push(...result.problems)
      const previous = this.#byFile.get(file)
      if (previous !== undefined) next.set(file, previous)
    }
    const duplicates = duplicateNameProblems([...next].map(([file, s]) => ({ file, name: s.name })))
    for (const problem of duplicates) next.delete(problem.file)
    for (const scenario of next.values()) this.#added.delete(scenario.name)
    this.#byFile = next
    this.#setErrors([...problems, ...duplicates])
    this.generation++
  }

  #setErrors (problems: readonly FileProblem[]): void {
    this.#errors = problems.map((p) => ({ file: p.file, field: p.field, message: `${p.field}: ${p.message}` }))
    for (const p of problems) {
      const serving = this.#byFile.has(p.file) ? '; its last good version keeps serving' : ''
      this.#log.warn({ file: p.file, field: p.field }, `scenario file ${p.file}: ${p.field}: ${p.message}${serving}`)
    }
  }

  /** Reloads on changes in the folder, debounced; never keeps the process alive. */
  watch (debounceMs = 100): void {
    if (this.#watcher !== undefined || this.#closed) return
    try {
      this.#watcher = watch(this.dir, { persistent: false }, () => { this.#schedule(debounceMs) })
    } catch (err) {
      this.#log.warn({ dir: this.dir }, `cannot watch the scenarios folder (${(err as Error).message}); edits need a restart`)
      return
    }
    this.#watcher.on('error', (err) => { this.#log.warn({ dir: this.dir }, `scenario folder watcher failed: ${err.message}`) })
  }

  #schedule (debounceMs: number): void {
    if (this.#closed) return
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => {
      this.reload().then(
        () => { this.#log.info({ scenarios: this.list().length, errors: this.#errors.length }, 'scenarios reloaded') },
        (err: unknown) => { this.#log.warn({ err }, 'scenarios reload failed') }
      )
    }, debounceMs)
    this.#timer.unref()
  }

  close (): void {
    this.#closed = true
    clearTimeout(this.#timer)
    this.#watcher?.close()
    this.#watcher = undefined
  }
}
