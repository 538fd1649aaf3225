/**
 * The helseindikator icon in its five states, one drawing for the portal stand-in and the
 * dashboard: a "KJ" roundel, grey with a red slash (0, error or no valid identity number), plain
 * grey (1, no Kjernejournal), light blue with grey letters (2), dark teal with white letters (3,
 * own registrations) and red with white letters (4, critical information). Reference §1.4; the
 * colours are chosen after NHN's published PNGs, not copied from them.
 */
export type HelseindikatorIconState = 0 | 1 | 2 | 3 | 4

interface IconStyle {
  readonly fill: string
  readonly stroke: string
  readonly letters: string
  readonly slash: boolean
}

const STYLES: Readonly<Record<HelseindikatorIconState, IconStyle>> = {
  0: { fill: '#d9d9d9', stroke: '#8c8c8c', letters: '#595959', slash: true },
  1: { fill: '#d9d9d9', stroke: '#8c8c8c', letters: '#595959', slash: false },
  2: { fill: '#cfe8f7', stroke: '#5b9bc8', letters: '#4d4d4d', slash: false },
  3: { fill: '#0f5f73', stroke: '#0a4453', letters: '#ffffff', slash: false },
  4: { fill: '#c8102e', stroke: '#8e0b20', letters: '#ffffff', slash: false }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string)

/**
 * The icon as accessible inline SVG: role img, named "Helseindikator <state>: <label>" both as
 * aria-label and as its title (the EHR's tooltip). `label` is escaped here.
 */
export function helseindikatorIconSvg (state: HelseindikatorIconState, label: string, size = 48): string {
  const style = STYLES[state]
  const name = escape(`Helseindikator ${state}: ${label}`)
  const slash = style.slash ? '<line x1="10" y1="38" x2="38" y2="10" stroke="#c8102e" stroke-width="4" stroke-linecap="round"/>' : ''
  return `<svg class="kj-icon" width="${size}" height="${size}" viewBox="0 0 48 48" role="img" aria-label="${name}" data-status="${state}" data-state="${state}">` +
    `<title>${name}</title>` +
    `<circle cx="24" cy="24" r="21" fill="${style.fill}" stroke="${style.stroke}" stroke-width="3"/>` +
    `<text x="24" y="30.5" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="18" font-weight="700" fill="${style.letters}">KJ</text>` +
    `${slash}</svg>`
}
