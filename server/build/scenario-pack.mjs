/**
 * `npm run build`, after tsc: the built-in scenario pack parsed once, so a start reads JSON instead
 * of parsing YAML (server/scenario-files/built-in-pack.ts says why and how a file is matched).
 */
import { PACK_FILE, writePack } from '../../dist/server/scenario-files/built-in-pack.js'

const count = await writePack()
if (count === 0) throw new Error(`no scenario file could be packed into ${PACK_FILE}`)
