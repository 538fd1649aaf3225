import neostandard from 'neostandard'

export default [
  ...neostandard({ ts: true, ignores: ['dist/**', 'coverage/**', '.tap/**', 'node_modules/**'] }),
  {
    // Browser scripts the sandbox serves as they are (no build step): ES5 so any browser runs
    // them, a classic script rather than a module, and the browser's globals rather than Node's.
    files: ['server/views/**/*.client.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        navigator: 'readonly',
        sessionStorage: 'readonly',
        fetch: 'readonly',
        DOMParser: 'readonly',
        TextDecoder: 'readonly',
        AbortController: 'readonly',
        confirm: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly'
      }
    },
    // ES5 has no let, const or shorthand properties.
    rules: { 'no-var': 'off', 'prefer-const': 'off', 'object-shorthand': 'off' }
  }
]
