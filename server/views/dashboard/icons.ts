/**
 * The helseindikator icon's five states (reference section 1.4, NHN's sample client assets):
 * a "KJ" roundel, grey with a red slash (0, error or no valid identifier), plain grey (1, no
 * Kjernejournal), light blue (2), dark teal (3, own health information) and red (4, critical
 * information), with the dashboard's short texts; drawn by ../helseindikator-icon.ts.
 */
import { helseindikatorIconSvg, type HelseindikatorIconState } from '../helseindikator-icon.js'

export type IndicatorState = HelseindikatorIconState

/** Short English texts for the states; the icon's accessible name and the legend. */
export const INDICATOR_TEXT: Readonly<Record<IndicatorState, string>> = {
  0: 'Error or not a valid national identity number (not clickable)',
  1: 'No Kjernejournal (not clickable)',
  2: 'Kjernejournal available',
  3: 'Own health information registered',
  4: 'Critical information registered'
}

export function indicatorIcon (state: IndicatorState, label: string = INDICATOR_TEXT[state], size = 28): string {
  return helseindikatorIconSvg(state, label, size)
}
