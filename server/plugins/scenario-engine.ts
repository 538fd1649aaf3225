/** Placeholder (being built): matches requests against active scenarios and applies their effects. */
import fp from 'fastify-plugin'

export default fp(async () => {}, { name: 'scenario-engine', fastify: '5.x' })
