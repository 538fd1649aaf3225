/** Admin changes are answered only once stored (DATA_DIR); if storing fails, the answer says so. */
import type { FastifyRequest } from 'fastify'
import { AdminError } from '../../domain/admin-error.js'

export async function durable<T> (request: FastifyRequest, write: Promise<T>): Promise<T> {
  try {
    return await write
  } catch (err) {
    request.log.error({ err }, 'a change could not be stored in DATA_DIR')
    throw new AdminError(500, 'not_stored', 'the change is made but could not be stored in the sandbox\'s DATA_DIR; see its log')
  }
}
