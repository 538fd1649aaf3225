import t from 'tap'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compileCacheDir } from '../../server/compile-cache.js'

t.test('the compile cache lives under the OS temp dir unless NODE_COMPILE_CACHE names a folder', async (t) => {
  t.equal(compileCacheDir({}), join(tmpdir(), 'kjernejournal-sandbox-compile-cache'))
  t.equal(compileCacheDir({ NODE_COMPILE_CACHE: '' }), join(tmpdir(), 'kjernejournal-sandbox-compile-cache'))
  t.equal(compileCacheDir({ NODE_COMPILE_CACHE: '/data/cache' }), '/data/cache')
})
