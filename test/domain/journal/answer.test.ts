import t from 'tap'
import { answerCode, helseindikatorFacts, readHelseindikator } from '../../../server/domain/journal/answer.js'

t.test('the error code of an answer', async (t) => {
  t.equal(answerCode({ face: 'rest', status: 403, errorCodeHeader: 'KJF-000197' }), 'KJF-000197')
  t.equal(answerCode({ face: 'fhir-legacy', status: 401, errorCodeHeader: ['KJF-000011'] }), 'KJF-000011')
  t.equal(answerCode({ face: 'rest', status: 200 }), null)
  t.equal(answerCode({ face: 'other', status: 404, payload: '{"error":"not_found"}' }), null, 'only HelseID answers carry OAuth codes')
  t.equal(answerCode({ face: 'helseid', status: 400, payload: '{"error":"invalid_client","error_description":"x"}' }), 'oauth:invalid_client')
  t.equal(answerCode({ face: 'helseid', status: 401, wwwAuthenticate: 'Bearer error="invalid_token", error_description="expired"' }), 'oauth:invalid_token')
  t.equal(answerCode({ face: 'helseid', status: 200, payload: '{"error":"x"}' }), null, 'successes have no code')
  t.equal(answerCode({ face: 'helseid', status: 500, payload: '<html>' }), null)
})

t.test('the helseindikator status of an answer', async (t) => {
  t.match(readHelseindikator('{"status":4,"ticket":"abc"}'), { status: 4, ticket: 'abc' })
  t.match(readHelseindikator('{"status":0,"returTekst":"x"}'), { status: 0 })
  t.equal(readHelseindikator('{"status":403,"feilkode":"KJF-000197"}'), undefined, 'an error body is no status')
  t.equal(readHelseindikator('not json'), undefined)
  t.equal(readHelseindikator('[1]'), undefined)
})

t.test('the facts of an answer object are those of its JSON text', async (t) => {
  for (const answer of [{ status: 4, ticket: 'abc', xyz: 1 }, { status: 0, returTekst: 'x' }, { status: 403, feilkode: 'KJF-000197' }, { status: 2.5 }, [1], null]) {
    t.same(helseindikatorFacts(answer), readHelseindikator(JSON.stringify(answer)), JSON.stringify(answer))
  }
})
