/**
 * The dashboard's script as text, for the route that serves it. The script itself is a real
 * browser file beside this one (dashboard.client.js), so it is linted as what it is. Read once,
 * at start, relative to this module: that holds from source (tsx, tests). The build (package.json
 * "build") replaces this module's compiled form in dist/server with the text itself, so
 * dist/server and the esbuild bundle made from it carry the script and read no file at run time.
 */
import { readFileSync } from 'node:fs'

export const DASHBOARD_JS: string = readFileSync(new URL('./dashboard.client.js', import.meta.url), 'utf8')
