/**
 * A tiny HTML template tag: every interpolated value is escaped unless it is already `Html`, so
 * patient names and free-text critical information can never inject markup into a page.
 */
export class Html {
  constructor (readonly value: string) {}
  toString (): string {
    return this.value
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)
}

/** Markup the caller vouches for (constant strings, output of `html`). */
export function raw (markup: string): Html {
  return new Html(markup)
}

function render (value: unknown): string {
  if (value instanceof Html) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  if (value === undefined || value === null || value === false) return ''
  return escapeHtml(String(value))
}

export function html (strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? ''
  values.forEach((value, i) => { out += render(value) + (strings[i + 1] ?? '') })
  return new Html(out)
}
