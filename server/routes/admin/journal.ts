/** Placeholder (being built): /__admin/requests, /__admin/coverage, /__admin/errors, /__admin/patients. */
import type { FastifyPluginAsync } from 'fastify'

const journal: FastifyPluginAsync = async () => {}

export default journal
