/** Placeholder (being built): `kjernejournal-sandbox validate [files...]`. */
export async function validateCommand (_argv: string[]): Promise<number> {
  return 0
}
