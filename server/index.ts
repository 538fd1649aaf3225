/**
 * The package's programmatic entry: build the sandbox in-process (e.g. in a JavaScript test suite)
 * and listen or inject, or start it on a port and stop it again with startSandbox (in-process.ts).
 */
export { buildApp, type BuildOptions } from './app.js'
export { loadConfig, ConfigError, type Config } from './config.js'
export { CATALOGUE, catalogueEntry, isErrorCode, type CatalogueEntry, type ErrorCode } from './domain/error-catalogue.js'
export { startSandbox, type SandboxClock, type SandboxHandle, type SandboxSettings, type StartSandboxOptions } from './in-process.js'
