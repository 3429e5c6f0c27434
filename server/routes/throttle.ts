import type { FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import { ErrorCodes, DomainError } from '../errors.ts'

/**
 * Rate-limit settings for guessable secrets (passwords, pairing codes): per client address and
 * per name tried, so one kiosk's mistakes do not lock out a whole office behind one NAT.
 */
export function throttle(config: Config, nameField: string) {
  return {
    max: config.auth.loginMaxAttempts,
    timeWindow: config.auth.loginWindowSeconds * 1000,
    // the key needs the parsed body; the plugin's default hook (onRequest) runs before parsing
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined
      const name = typeof body?.[nameField] === 'string' ? (body[nameField] as string).toLowerCase() : ''
      return `${request.ip}|${name}`
    },
    errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
      new DomainError(ErrorCodes.RATE_LIMITED, `too many attempts; try again in ${context.after}`),
  }
}
