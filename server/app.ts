/**
 * The whole sandbox as one Fastify instance, without listen(): main.ts listens, tests inject().
 * Plugins are registered in the order a request meets them.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'
import { loggerOptions } from './logging.js'
import { DESCRIBE_ONLY } from './schema-compilers.js'
import { socketTimeouts } from './socket-timeouts.js'
import cors from './plugins/cors.js'
import { createSandbox, type SandboxOptions } from './domain/sandbox.js'
import errorRendering from './plugins/error-rendering.js'
import fixturesWatch from './plugins/fixtures-watch.js'
import jsonDepth from './plugins/json-depth.js'
import httpHygiene from './plugins/http-hygiene.js'
import oversizeBodies from './plugins/oversize-bodies.js'
import { renderFrameworkError } from './faces/index.js'
import openapi from './plugins/openapi.js'
import persistence from './plugins/persistence.js'
import requestJournal from './plugins/request-journal.js'
import requestLog from './plugins/request-log.js'
import scenarioEngine from './plugins/scenario-engine.js'
import sandboxPlugin, { rewriteSessionUrl } from './plugins/sandbox.js'
import admin from './routes/admin/index.js'
import dashboard from './routes/dashboard/index.js'
import helseid from './routes/helseid/index.js'
import kjernejournal from './routes/kjernejournal/index.js'
import criticalInformation, { CRITICAL_INFO_PREFIX } from './routes/critical-information/index.js'
import fhirLegacy, { LEGACY_FHIR_PREFIX } from './routes/fhir-legacy/index.js'
import portal from './routes/portal/index.js'

export interface BuildOptions extends SandboxOptions {
  readonly logger?: FastifyServerOptions['logger']
}

export async function buildApp (config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const sandbox = await createSandbox(config, options)
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config),
    ...socketTimeouts(config),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    rewriteUrl: rewriteSessionUrl,
    // Per-request lines come from the request-log plugin, at debug level (see there why).
    logController: new LogController({ disableRequestLogging: true }),
    // Broken URLs are refused before routing: answered in the face's shape all the same.
    frameworkErrors: renderFrameworkError,
    // Route schemas describe; they neither validate nor serialize (see there why).
    schemaController: DESCRIBE_ONLY
  })
  for (const warning of sandbox.warnings) app.log.warn(warning)
  // First, so preflights are answered and error answers carry CORS headers too.
  await app.register(cors, { origins: config.CORS_ORIGINS })
  await app.register(sandboxPlugin, { sandbox })
  await app.register(jsonDepth)
  await app.register(httpHygiene)
  await app.register(oversizeBodies)
  await app.register(persistence)
  await app.register(errorRendering)
  await app.register(openapi)
  await app.register(fixturesWatch)
  await app.register(requestJournal)
  await app.register(requestLog)
  await app.register(scenarioEngine)
  await app.register(helseid)
  await app.register(kjernejournal, { prefix: '/v1' })
  await app.register(fhirLegacy, { prefix: LEGACY_FHIR_PREFIX })
  await app.register(criticalInformation, { prefix: CRITICAL_INFO_PREFIX })
  await app.register(portal)
  await app.register(admin)
  await app.register(dashboard)
  return app
}
