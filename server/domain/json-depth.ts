/**
 * How deeply a JSON text nests, counted without parsing it. Recursive code (structuredClone,
 * JSON.stringify, validation) overflows the stack somewhere near 2000 levels, and a record nested
 * that deep was stored but could then be neither read nor deleted (robustness probe, finding 7).
 * Real bodies (FHIR resources, admin requests) nest a few dozen levels at most, so bodies are
 * refused past MAX_JSON_DEPTH before anything recursive sees them.
 */

export const MAX_JSON_DEPTH = 64

/** Whether `text` nests objects and arrays deeper than `max`; strings are skipped, not counted. */
export function nestsDeeperThan (text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // a backslash escapes the next character
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}
