/**
 * The helseindikator icon in its five states, drawn as inline SVG after NHN's icon set: a "KJ"
 * roundel, grey with a red slash (0, error), plain grey (1, no Kjernejournal), light blue with
 * grey letters (2), dark teal with white letters (3, own registrations) and red with white
 * letters (4, critical information). Reference §1.4; only 2-4 are clickable in an EHR.
 */
import type { HelseindikatorStatus } from '../kjernejournal/helseindikator.js'
import { RETUR_TEKST } from '../kjernejournal/helseindikator.js'
import { html, type Html } from './html.js'

interface IconStyle {
  readonly fill: string
  readonly stroke: string
  readonly letters: string
  readonly slash: boolean
}

const STYLES: Readonly<Record<HelseindikatorStatus, IconStyle>> = {
  0: { fill: '#d9d9d9', stroke: '#8c8c8c', letters: '#595959', slash: true },
  1: { fill: '#d9d9d9', stroke: '#8c8c8c', letters: '#595959', slash: false },
  2: { fill: '#cfe8f7', stroke: '#5b9bc8', letters: '#4d4d4d', slash: false },
  3: { fill: '#0f5f73', stroke: '#0a4453', letters: '#ffffff', slash: false },
  4: { fill: '#c8102e', stroke: '#8e0b20', letters: '#ffffff', slash: false }
}

/** The icon as accessible SVG: role img, a title with the status text (as the EHR's tooltip). */
export function helseindikatorIcon (status: HelseindikatorStatus, size = 48): Html {
  const style = STYLES[status]
  const id = `kj-icon-${status}-title`
  return html`<svg class="kj-icon" width="${size}" height="${size}" viewBox="0 0 48 48" role="img" aria-labelledby="${id}" data-status="${status}" xmlns="http://www.w3.org/2000/svg">
<title id="${id}">Helseindikator ${status}: ${RETUR_TEKST[status]}</title>
<circle cx="24" cy="24" r="21" fill="${style.fill}" stroke="${style.stroke}" stroke-width="3"/>
<text x="24" y="30.5" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="18" font-weight="700" fill="${style.letters}">KJ</text>
${style.slash ? html`<line x1="10" y1="38" x2="38" y2="10" stroke="#c8102e" stroke-width="4" stroke-linecap="round"/>` : ''}
</svg>`
}
