/**
 * The persistence port on a folder (DATA_DIR). Each document is one JSON file, replaced
 * atomically: written to a temporary file in the same folder, fsynced, renamed over the old
 * one, and the folder fsynced, so after a crash (even SIGKILL or power loss mid-write) a file
 * holds either its previous content or its new content, never a mix. A temporary file left by
 * an interrupted write is removed on the next start. A file that does not parse is moved aside
 * (`<name>.corrupt-<time>`) and reported: its data is kept for inspection, and the sandbox
 * starts without it rather than refusing to start again and again.
 */
import { access, constants, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import { LOCK_FILE } from './data-dir-lock.js'
import type { DocumentProblem, DocumentStore, StoredDocument, StoredDocuments } from './port.js'

export const FORMAT = 'kjernejournal-sandbox/data@1'
const TEMP_SUFFIX = '.tmp'
const SESSIONS = 'sessions'
/** Errors that say "you may read but not write here". */
const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM'])

interface Envelope {
  format: string
  name: string
  savedAt: string
  data: unknown
}

/**
 * Session ids may differ only in case (`A`, `a`); on case-insensitive file systems (macOS,
 * Windows) their files must not collide, so capitals are written as `^` + the small letter.
 */
export function fileNameOf (name: string): string {
  return `${name.replace(/[A-Z]/g, (c) => `^${c.toLowerCase()}`)}.json`
}

function isEnvelope (value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return v.format === FORMAT && typeof v.name === 'string' && typeof v.savedAt === 'string' && 'data' in v
}

function errorCode (err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message
}

/** fsync of a folder makes a rename or unlink in it durable; some platforms cannot, and need not. */
async function syncDir (dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (err) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'EACCES'].includes(errorCode(err))) throw err
  } finally {
    await handle?.close()
  }
}

export class FileDocumentStore implements DocumentStore {
  readonly location: string
  #seq = 0
  readonly #madeDirs = new Set<string>()
  /** Real time (the clock's wallNow), not a session's: it stamps files for people reading the disk. */
  readonly #wallNow: () => number

  /**
   * A folder on a read-only file system (or without write permission) is served as it is:
   * documents are read, nothing is written, moved or removed (robustness probe, finding 14).
   */
  readonly readOnly: boolean

  private constructor (dir: string, wallNow: () => number, readOnly: boolean) {
    this.location = dir
    this.#wallNow = wallNow
    this.readOnly = readOnly
  }

  /**
   * Makes the folder if needed. A folder that exists but cannot be written opens read-only;
   * anything else that stops it being used throws (a setting error, at start).
   */
  static async open (dir: string, wallNow: () => number): Promise<FileDocumentStore> {
    try {
      await mkdir(join(dir, SESSIONS), { recursive: true })
      await access(dir, constants.W_OK)
      await access(join(dir, SESSIONS), constants.W_OK)
      return new FileDocumentStore(dir, wallNow, false)
    } catch (err) {
      if (!READ_ONLY_CODES.has(errorCode(err))) throw err
      await access(join(dir, SESSIONS), constants.R_OK)
      return new FileDocumentStore(dir, wallNow, true)
    }
  }

  #refuseWrites (): void {
    if (this.readOnly) throw Object.assign(new Error(`DATA_DIR ${this.location} is read-only`), { code: 'EROFS' })
  }

  #fileOf (name: string): string {
    return join(this.location, ...fileNameOf(name).split('/'))
  }

  async write (name: string, data: unknown): Promise<void> {
    this.#refuseWrites()
    const file = this.#fileOf(name)
    const dir = dirname(file)
    // Serialised before the first await: what is written is the state at the call.
    const text = JSON.stringify({ format: FORMAT, name, savedAt: new Date(this.#wallNow()).toISOString(), data } satisfies Envelope)
    if (!this.#madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true })
      this.#madeDirs.add(dir)
    }
    const temp = join(dir, `.${basename(file)}.${process.pid}.${++this.#seq}${TEMP_SUFFIX}`)
    try {
      const handle = await open(temp, 'w', 0o600)
      try {
        await handle.writeFile(text, 'utf8')
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, file)
    } catch (err) {
      await unlink(temp).catch(() => {})
      throw err
    }
    await syncDir(dir)
  }

  async remove (name: string): Promise<void> {
    this.#refuseWrites()
    const file = this.#fileOf(name)
    try {
      await unlink(file)
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return
      throw err
    }
    await syncDir(dirname(file))
  }

  async quarantine (name: string): Promise<{ file: string, movedTo: string }> {
    const file = this.#fileOf(name)
    if (this.readOnly) return { file: this.#shown(file), movedTo: '(not moved: DATA_DIR is read-only)' }
    const movedTo = await this.#setAside(file)
    return { file: this.#shown(file), movedTo: this.#shown(movedTo) }
  }

  /** A path as messages show it: relative to DATA_DIR, with forward slashes. */
  #shown (file: string): string {
    return relative(this.location, file).split(sep).join('/')
  }

  async #setAside (file: string): Promise<string> {
    const target = `${file}.corrupt-${new Date(this.#wallNow()).toISOString().replace(/[:.]/g, '-')}`
    await rename(file, target)
    await syncDir(dirname(file))
    return target
  }

  async readAll (): Promise<StoredDocuments> {
    const documents = new Map<string, StoredDocument>()
    const problems: DocumentProblem[] = []
    let interruptedWrites = 0
    for (const dir of [this.location, join(this.location, SESSIONS)]) {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (!entry.isFile()) continue
        const file = join(dir, entry.name)
        if (entry.name.endsWith(TEMP_SUFFIX)) {
          if (this.readOnly) continue
          await unlink(file)
          interruptedWrites++
          continue
        }
        if (!entry.name.endsWith('.json') || entry.name === LOCK_FILE) continue
        const shown = this.#shown(file)
        let text: string
        try {
          text = await readFile(file, 'utf8')
        } catch (err) {
          problems.push({ file: shown, message: `cannot be read (${errorCode(err)})` })
          continue
        }
        const problem = this.#check(text, file)
        if (problem === undefined) {
          const envelope = JSON.parse(text) as Envelope
          documents.set(envelope.name, { data: envelope.data, savedAt: envelope.savedAt, bytes: Buffer.byteLength(text) })
          continue
        }
        if (this.readOnly) {
          problems.push({ file: shown, message: problem })
          continue
        }
        const movedTo = await this.#setAside(file)
        problems.push({ file: shown, message: problem, movedTo: this.#shown(movedTo) })
      }
    }
    if (interruptedWrites > 0) await Promise.all([syncDir(this.location), syncDir(join(this.location, SESSIONS))])
    return { documents, problems, interruptedWrites }
  }

  async read (name: string): Promise<StoredDocument | undefined> {
    const file = this.#fileOf(name)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch {
      return undefined
    }
    if (this.#check(text, file) !== undefined) return undefined
    const envelope = JSON.parse(text) as Envelope
    return { data: envelope.data, savedAt: envelope.savedAt, bytes: Buffer.byteLength(text) }
  }

  /** Why the file's text is no document of ours, or undefined when it is one. */
  #check (text: string, file: string): string | undefined {
    if (text.length === 0) return 'empty file'
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (err) {
      return `not JSON (${(err as Error).message}); ${Buffer.byteLength(text)} bytes`
    }
    if (!isEnvelope(parsed)) return `not a ${FORMAT} document`
    if (this.#fileOf(parsed.name) !== file) return `holds document '${parsed.name}', which belongs in ${fileNameOf(parsed.name)}`
    return undefined
  }
}
