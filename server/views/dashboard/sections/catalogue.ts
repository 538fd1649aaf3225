/** The error catalogue, searchable: the script filters as you type; without it the form filters on the server. */
import type { CatalogueEntry } from '../../../domain/error-catalogue.js'
import { esc } from '../html.js'
import type { DashboardView } from '../view.js'

function row (e: CatalogueEntry): string {
  const search = `${e.code} ${e.legacyCode} ${e.httpStatus} ${e.faces.join(' ')} ${e.text}`.toLowerCase()
  return `<tr id="code-${esc(e.code)}" data-search="${esc(search)}"><th scope="row"><code>${esc(e.code)}</code>${e.legacyCode !== e.code ? `<br><span class="muted">${esc(e.legacyCode)}</span>` : ''}</th><td class="num">${e.httpStatus}</td><td>${esc(e.faces.join(', '))}</td><td>${esc(e.text)}</td></tr>`
}

export function catalogueSection (view: DashboardView, query: string): string {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '')
  const shown = view.catalogue.filter((e) => words.length === 0 || words.every((w) => `${e.code} ${e.legacyCode} ${e.httpStatus} ${e.faces.join(' ')} ${e.text}`.toLowerCase().includes(w)))
  return `
    <section id="catalogue" class="panel wide" aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">Error catalogue</h2>
      <form id="catalogue-form" class="inline-form" method="get" action="${esc(view.base)}/" role="search">
        <label for="catalogue-search">Search codes and texts</label>
        <input id="catalogue-search" name="q" type="search" value="${esc(query)}" placeholder="e.g. ticket, KJF-0002, 403" autocomplete="off">
        <button type="submit">Search</button>
        <span id="catalogue-count" class="muted" role="status" aria-live="polite">${shown.length} of ${view.catalogue.length} codes</span>
      </form>
      <div class="table-wrap scroll tall">
        <table id="catalogue-table">
          <thead><tr><th scope="col">Code</th><th scope="col">HTTP</th><th scope="col">Faces</th><th scope="col">Text</th></tr></thead>
          <tbody>${view.catalogue.map((e) => shown.includes(e) ? row(e) : row(e).replace('<tr ', '<tr hidden ')).join('')}</tbody>
        </table>
      </div>
    </section>`
}
