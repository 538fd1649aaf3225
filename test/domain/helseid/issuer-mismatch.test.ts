/** The issuer-mismatch sentence every face uses names both issuers and the setting behind them. */
import t from 'tap'
import { issuerMismatch } from '../../../server/domain/helseid/issuer-mismatch.js'

t.test('names the token\'s issuer, the expected one and PUBLIC_URL', async (t) => {
  t.equal(issuerMismatch('https://helseid-sts.nhn.no', 'http://localhost:8080'),
    "the token's issuer is 'https://helseid-sts.nhn.no'; expected 'http://localhost:8080' (PUBLIC_URL sets the issuer; a token from /s/<session> belongs to that session's URLs)")
  t.match(issuerMismatch(undefined, 'http://x'), /^the token's issuer is missing; expected 'http:\/\/x'/)
  t.match(issuerMismatch(`"${'a'.repeat(500)}`, 'http://x'), /^the token's issuer is '\\u0022a{199}'\.\.\. \(501 characters\); expected/, 'the token\'s issuer bounded and escaped')
})
