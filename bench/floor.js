/**
 * The floor: a bare fastify server answering a small JSON on one route, started exactly as the
 * sandbox is (plain node, PORT and HOST from the environment). Every sandbox figure of the bench
 * is read as a ratio to this one, measured in the same run on the same machine.
 * The route is the health path, so the cold-start probe asks both servers the same question.
 */
import Fastify from 'fastify'

const app = Fastify({ logger: false })

// Calibration only (bench/calibrate.ts): this many microseconds of busy work per request.
const spin = BigInt(Math.round(Number(process.env.FLOOR_SPIN_US ?? 0) * 1000))

app.get('/__admin/health', async () => {
  if (spin > 0n) {
    const until = process.hrtime.bigint() + spin
    while (process.hrtime.bigint() < until);
  }
  return { status: 'UP', now: new Date().toISOString() }
})

const port = Number(process.env.PORT ?? 8081)
const host = process.env.HOST ?? '127.0.0.1'
await app.listen({ port, host })

const stop = () => {
  app.close().then(() => process.exit(0), () => process.exit(1))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
