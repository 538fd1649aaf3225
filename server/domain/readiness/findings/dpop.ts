/** Findings about DPoP proofs, wherever they are checked (HelseID's endpoints and the Kjernejournal APIs). */
import type { FindingDefinition } from '../catalogue.js'

export const DPOP_FINDINGS: readonly FindingDefinition[] = []
