/**
 * The persistence port: named JSON documents that survive a restart. The sandbox's state stays in
 * plain in-memory objects; persistence.ts turns the parts worth keeping into documents and back.
 * file-store.ts implements the port on a folder (DATA_DIR).
 *
 * Document names: `clients`, `patients`, `sessions/<session id>`.
 */

export interface DocumentProblem {
  /** The file (or name) that could not be used. */
  readonly file: string
  readonly message: string
  /** Where the unusable file was moved so it is kept for inspection and not read again. */
  readonly movedTo?: string
}

export interface StoredDocuments {
  /** Name -> the data that was written. */
  readonly documents: Map<string, StoredDocument>
  readonly problems: DocumentProblem[]
  /** Temporary files of writes a crash interrupted, removed (they never replaced anything). */
  readonly interruptedWrites: number
}

export interface StoredDocument {
  readonly data: unknown
  /** When it was written, ISO. */
  readonly savedAt: string
  readonly bytes: number
}

export interface DocumentStore {
  /** Where the documents live, for messages. */
  readonly location: string
  /** Every stored document. Unreadable ones are reported and set aside, never thrown. */
  readAll(): Promise<StoredDocuments>
  /** One stored document; undefined when there is none or it is unusable (left as it is). */
  read(name: string): Promise<StoredDocument | undefined>
  /** Replaces the document atomically; resolves once it is durable. */
  write(name: string, data: unknown): Promise<void>
  /** Removes the document (nothing to do when it does not exist); resolves once durable. */
  remove(name: string): Promise<void>
  /** Sets a document aside whose content made no sense; says which file it was and where it went. */
  quarantine(name: string): Promise<{ file: string, movedTo: string }>
}
