/** Where the sandbox listens unless PORT and HOST say otherwise; read by config.ts and the health check. */
export const DEFAULT_PORT = 8080
export const DEFAULT_HOST = '127.0.0.1'
