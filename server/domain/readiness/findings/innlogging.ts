/** Findings at Kjernejournal Innlogging (/api/session) and the portal. */
import type { FindingDefinition } from '../catalogue.js'

export const INNLOGGING_FINDINGS: readonly FindingDefinition[] = []
