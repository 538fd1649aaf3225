/** Unit group 'misc' (test/support/suites.ts says which files): one process for all its files. */
import { runGroup } from '../support/run-group.js'

await runGroup('misc')
