import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { ErrorCodes, TabourError, type ErrorCode } from './errors.ts'

function send(reply: FastifyReply, statusCode: number, code: ErrorCode, message: string) {
  return reply.status(statusCode).send({ statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message })
}

/**
 * Every error answer has the shape `{statusCode, code, error, message}` with a stable code.
 * A caller's mistake (bad JSON, schema violation, wrong content type, too large) is a 4xx with
 * a code; only our own bugs are 500, logged with the request.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | TabourError, request, reply) => {
    if (err instanceof TabourError) return send(reply, err.statusCode, err.code, err.message)
    const fe = err as FastifyError
    if (fe.validation) {
      return send(reply, 400, ErrorCodes.VALIDATION, `${fe.validationContext ?? 'request'}${fe.message.replace(/^(body|params|querystring|headers)/, '')}`)
    }
    const status = fe.statusCode ?? 500
    if (status === 429) return send(reply, 429, ErrorCodes.RATE_LIMITED, fe.message || 'too many attempts; wait and try again')
    if (status >= 400 && status < 500) return send(reply, status, ErrorCodes.BAD_BODY, fe.message)
    request.log.error({ err }, 'unhandled error')
    return send(reply, 500, ErrorCodes.INTERNAL, 'internal error; it has been logged')
  })
  app.setNotFoundHandler((request, reply) => send(reply, 404, ErrorCodes.ROUTE_NOT_FOUND, `no route ${request.method} ${request.url.split('?')[0]}`))
}
