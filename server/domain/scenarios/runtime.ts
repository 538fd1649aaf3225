/**
 * Placeholder (being built): the scenario state of one session: which scenarios are active,
 * each scenario's current state, and call counters for sequences and nth-call matching.
 */
export class ScenarioRuntime {
  clear (): void {}
}
