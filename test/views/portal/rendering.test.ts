/** The portal's HTML: escaping, the five icons, advice for every AUT code on the error page. */
import t from 'tap'
import { CATALOGUE } from '../../../server/domain/error-catalogue.js'
import { KjError } from '../../../server/domain/kj-error.js'
import { adviceFor, renderErrorPage } from '../../../server/views/portal/error-page.js'
import { html, raw } from '../../../server/views/portal/html.js'
import { helseindikatorIcon } from '../../../server/views/portal/icons.js'

t.test('html escapes what it is given and passes Html through', async (t) => {
  const name = '<img src=x onerror="alert(1)"> & \'co\''
  t.equal(html`<p>${name}</p>`.value, '<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;co&#39;</p>')
  t.equal(html`<ul>${['a<', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.value, '<ul><li>a&lt;</li><li>b</li></ul>')
  t.equal(html`${raw('<b>')}${undefined}${null}${false}${0}`.value, '<b>0')
})

t.test('five icon states, each an accessible image with the status text', async (t) => {
  const icons = ([0, 1, 2, 3, 4] as const).map((s) => helseindikatorIcon(s).value)
  t.equal(new Set(icons.map((i) => /<circle[^>]*fill="([^"]+)"/.exec(i)?.[1])).size, 4, 'four roundel colours: 0 and 1 share grey')
  t.match(icons[0], /<line /, 'status 0 is slashed')
  t.notMatch(icons[1], /<line /)
  for (const [status, icon] of icons.entries()) {
    t.match(icon, new RegExp(`role="img" aria-label="Helseindikator ${status}: `))
    t.match(icon, new RegExp(`<title>Helseindikator ${status}: `))
  }
  t.match(icons[4], /OBS: Kritisk informasjon i kjernejournal/)
})

t.test('every AUT code of the catalogue has its own advice on the error page', async (t) => {
  const aut = CATALOGUE.filter((e) => e.kind === 'AUT')
  t.equal(aut.length, 10)
  const titles = new Set<string>()
  for (const entry of aut) {
    const advice = adviceFor(entry.code)
    t.not(advice, adviceFor('KJS-000077'), `${entry.code} is not left to the generic advice`)
    titles.add(advice.title)
    const page = renderErrorPage(new KjError(entry.code as 'AUT_002', 'why <exactly>'), 'Id-1')
    t.match(page, `data-testid="error-code">${entry.code}<`)
    t.match(page, `(HTTP ${entry.httpStatus})`)
    t.match(page, 'why &lt;exactly&gt;')
  }
  t.equal(titles.size, 9, 'AUT_000 and AUT_101 share their text in the seed; the rest differ')
})
