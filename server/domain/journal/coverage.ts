/** Placeholder (being built): which endpoints, helseindikator statuses and codes a session has served. */
export class Coverage {
  clear (): void {}
}
