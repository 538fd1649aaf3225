/**
 * The helseindikator icon's five states (reference section 1.4, NHN's sample client assets):
 * a "KJ" roundel, grey with a red slash (0, error or no valid identifier), plain grey (1, no
 * Kjernejournal), light blue (2), dark teal (3, own health information) and red (4, critical
 * information). Drawn here as inline SVG, each with a text alternative; the colours are ours,
 * chosen after the published PNGs, not copied from them.
 */
import { esc } from './html.js'

export type IndicatorState = 0 | 1 | 2 | 3 | 4

interface IconLook {
  readonly fill: string
  readonly stroke: string
  readonly text: string
  readonly slash: boolean
}

const LOOKS: Readonly<Record<IndicatorState, IconLook>> = {
  0: { fill: '#e4e6e8', stroke: '#8a9096', text: '#6b7177', slash: true },
  1: { fill: '#e4e6e8', stroke: '#8a9096', text: '#6b7177', slash: false },
  2: { fill: '#cfe6f7', stroke: '#6fa8d6', text: '#5b6770', slash: false },
  3: { fill: '#0f5f74', stroke: '#0a4757', text: '#ffffff', slash: false },
  4: { fill: '#c62828', stroke: '#8e1b1b', text: '#ffffff', slash: false }
}

/** Short English texts for the states; the icon's accessible name and the legend. */
export const INDICATOR_TEXT: Readonly<Record<IndicatorState, string>> = {
  0: 'Error or not a valid national identity number (not clickable)',
  1: 'No Kjernejournal (not clickable)',
  2: 'Kjernejournal available',
  3: 'Own health information registered',
  4: 'Critical information registered'
}

export function indicatorIcon (state: IndicatorState, label: string = INDICATOR_TEXT[state], size = 28): string {
  const look = LOOKS[state]
  const slash = look.slash ? '<line x1="7" y1="33" x2="33" y2="7" stroke="#d32f2f" stroke-width="4" stroke-linecap="round"/>' : ''
  return `<svg class="kj-icon" width="${size}" height="${size}" viewBox="0 0 40 40" role="img" aria-label="${esc(`Helseindikator ${state}: ${label}`)}" data-state="${state}">` +
    `<title>${esc(`Helseindikator ${state}: ${label}`)}</title>` +
    `<circle cx="20" cy="20" r="18" fill="${look.fill}" stroke="${look.stroke}" stroke-width="2"/>` +
    `<text x="20" y="25.5" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="15" font-weight="700" fill="${look.text}">KJ</text>` +
    `${slash}</svg>`
}
