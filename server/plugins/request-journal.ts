/** Placeholder (being built): records every request and its answer in the session's journal and coverage. */
import fp from 'fastify-plugin'

export default fp(async () => {}, { name: 'request-journal', fastify: '5.x' })
