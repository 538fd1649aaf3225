/** Placeholder: HelseID's test-token service contract (being built). */
import type { FastifyPluginAsync } from 'fastify'

const testToken: FastifyPluginAsync = async () => {}

export default testToken
