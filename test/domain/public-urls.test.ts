import t from 'tap'
import { PublicUrls } from '../../server/domain/public-urls.js'

t.test('the Host picks the served URL; ports and case as URL.host writes them', async (t) => {
  const urls = new PublicUrls(['http://localhost:8080', 'http://kjernejournal-sandbox:8080', 'https://kj.example.org'])
  t.equal(urls.primary, 'http://localhost:8080')
  t.equal(urls.baseFor('localhost:8080'), 'http://localhost:8080')
  t.equal(urls.baseFor('Kjernejournal-Sandbox:8080'), 'http://kjernejournal-sandbox:8080')
  t.equal(urls.baseFor('kj.example.org'), 'https://kj.example.org')
  t.equal(urls.baseFor('kjernejournal-sandbox:9090'), 'http://localhost:8080', 'another port is another URL')
  t.equal(urls.baseFor(undefined), 'http://localhost:8080')
  t.equal(urls.baseFor('bad host/with slash'), 'http://localhost:8080')
})

t.test('accepted issuers: the caller\'s first, then every other, each with the path session', async (t) => {
  const urls = new PublicUrls(['http://a:1', 'http://b:2'])
  t.same(urls.forRequest('b:2'), { issuer: 'http://b:2', accepted: ['http://b:2', 'http://a:1'] })
  t.same(urls.forRequest('b:2', 'qa-1'), { issuer: 'http://b:2/s/qa-1', accepted: ['http://b:2/s/qa-1', 'http://a:1/s/qa-1'] })
  t.equal(urls.forRequest('a:1'), urls.forRequest('a:1'), 'outside a session path the answer is built once')
  t.throws(() => new PublicUrls([]))
})
