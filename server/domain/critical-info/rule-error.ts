/**
 * A broken business rule whose code on the ticket face is not the one its KI code maps to
 * (legacy-codes.ts): KI-0016 is KJF-000278 in general, but a second active KjConsent has a KJF
 * code of its own, KJF-000138 ("Cannot create more active delineation in life-prolonging
 * treatment", seed 000). The domain names both, so the face needs no knowledge of the rule.
 */
import type { ErrorCode } from '../error-catalogue.js'
import { KjError } from '../kj-error.js'

export class KjRuleError extends KjError {
  readonly legacyCode: ErrorCode

  constructor (code: ErrorCode, legacyCode: ErrorCode, diagnostics?: string, location?: readonly string[]) {
    super(code, diagnostics, location)
    this.legacyCode = legacyCode
  }
}
