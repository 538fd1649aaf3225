/** The helseindikator icon on portal pages; only states 2-4 are clickable in an EHR (reference §1.4). */
import { helseindikatorIconSvg } from '../helseindikator-icon.js'
import type { HelseindikatorStatus } from '../../domain/kjernejournal/helseindikator.js'
import { RETUR_TEKST } from '../../domain/kjernejournal/helseindikator.js'
import { raw, type Html } from './html.js'

/** The icon with the status text as its name (the EHR's tooltip); drawn by ../helseindikator-icon.ts. */
export function helseindikatorIcon (status: HelseindikatorStatus, size = 48): Html {
  return raw(helseindikatorIconSvg(status, RETUR_TEKST[status], size))
}
