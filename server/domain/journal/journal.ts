/** Placeholder (being built): the bounded request journal of one session. */
export class RequestJournal {
  clear (): void {}
}
