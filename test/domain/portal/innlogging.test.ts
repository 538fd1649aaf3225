/** Kjernejournal Innlogging's rules: state is bounded, and codes are single-use S256. */
import t from 'tap'
import { codeChallengeOf, InnloggingState, MAX_CODES, MAX_SESSIONS } from '../../../server/domain/portal/innlogging.js'

t.test('Innlogging state is bounded, and codes are single-use S256', async (t) => {
  const state = new InnloggingState()
  const draft = { clientId: 'c', pid: '01887840020', nin: '17815810112', orgnr: '310001295', role: 'LE', accessBasis: 'SAMTYKKE' as const, jkt: 'k' }
  const limits = { codeLifetimeSeconds: 60, sessionLifetimeSeconds: 600 }
  const verifier = 'v'.repeat(43)
  let first: { code: string } | undefined
  for (let i = 0; i <= MAX_SESSIONS; i++) {
    const made = state.create(draft, codeChallengeOf(verifier), limits, 1000 + i)
    first ??= made
  }
  t.ok(state.sessionCount <= MAX_SESSIONS, `${state.sessionCount} sessions kept of ${MAX_SESSIONS + 1} made`)
  t.equal(MAX_CODES, MAX_SESSIONS)
  t.throws(() => state.redeem(first?.code, verifier, 2000), { code: 'AUT_119' }, 'the oldest code made room')
  const last = state.create(draft, codeChallengeOf(verifier), limits, 5000)
  t.equal(state.redeem(last.code, verifier, 5001).id, last.session.id)
  t.throws(() => state.redeem(last.code, verifier, 5002), { code: 'AUT_119' })
})
