/**
 * `npm run bundle`: the compiled sandbox (dist/server) as one ESM bundle in dist/bundle, which is
 * what users start (the bin, `npm start`, the image). One file means no module resolution at
 * start-up; the rest is for start-up time and memory (docs/performance.md):
 * - zod's 40-odd message locales (a tenth of the bundle) are left out; English, zod's default,
 *   stays, and nothing in the sandbox picks another;
 * - the bundle is ASCII: V8 keeps a script's source in memory, and one character past Latin-1
 *   (a `…` in a comment, `ø` in a template) made all 3 MB of it two bytes a character.
 *   esbuild escapes strings but leaves comments and template text alone, so the rest is escaped
 *   here; `\uXXXX` means the same character in strings, templates, regular expressions and
 *   identifiers, and nothing in the sandbox reads a template's raw text with one in it.
 */
import { build } from 'esbuild'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

const OUT = 'dist/bundle'

/** zod's `export * as locales from "../locales/index.js"`, narrowed to English. */
const englishZod = {
  name: 'english-zod',
  setup (esbuild) {
    esbuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '../locales/en.js'), namespace: 'english-zod' } : undefined)
    esbuild.onLoad({ filter: /.*/, namespace: 'english-zod' }, (args) =>
      ({ contents: `export { default as en } from ${JSON.stringify(args.path)}`, resolveDir: dirname(args.path), loader: 'js' }))
  }
}

function ascii (text) {
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

await rm(OUT, { recursive: true, force: true })
await build({
  entryPoints: ['dist/server/main.js'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  outdir: OUT,
  // Loaded on the first /docs request only (server/plugins/lazy-swagger-ui.ts), with its static files.
  external: ['@fastify/swagger-ui'],
  charset: 'ascii',
  logLevel: 'warning',
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __kjCreateRequire } from 'node:module'; const require = __kjCreateRequire(import.meta.url);" },
  plugins: [englishZod]
})
for (const file of await readdir(OUT)) {
  if (!file.endsWith('.js')) continue
  const path = join(OUT, file)
  const text = await readFile(path, 'utf8')
  const escaped = ascii(text)
  if (escaped !== text) await writeFile(path, escaped)
}
