/**
 * The test suite's TypeScript loader: esbuild strips the types of each .ts file as Node loads it
 * (no type-check: `npm test` runs tsc once over the whole tree), keeping lines as they are and
 * an inline source map, so stack traces and coverage point at the TypeScript source.
 * Register with `node --import ./test/support/ts-register.mjs`.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { transform } from 'esbuild'

/** NodeNext imports name the compiled file (`./x.js`); in the source tree that is `./x.ts`. */
export async function resolve (specifier, context, next) {
  try {
    return await next(specifier, context)
  } catch (err) {
    const relative = specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:')
    if (!relative || !specifier.endsWith('.js') || context.parentURL === undefined || !context.parentURL.endsWith('.ts')) throw err
    return next(`${specifier.slice(0, -3)}.ts`, context)
  }
}

export async function load (url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context)
  const path = fileURLToPath(url)
  const source = await readFile(path, 'utf8')
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'node20', sourcemap: 'inline', sourcefile: path })
  return { format: 'module', source: code, shortCircuit: true }
}
