/** Registers test/support/ts-loader.mjs (see there) for this process and the workers it starts. */
import { register } from 'node:module'

register('./ts-loader.mjs', import.meta.url)
