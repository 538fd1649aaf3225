/** Placeholder (being built): /__admin/scenarios. */
import type { FastifyPluginAsync } from 'fastify'

const scenarios: FastifyPluginAsync = async () => {}

export default scenarios
