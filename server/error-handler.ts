import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify'
import {
  DomainError,
  ErrorCodes,
  RetryLaterError,
  type ClosedDetail,
  type ErrorCode,
  type ErrorDetail,
  type UnservedDetail,
} from './errors.ts'
import { httpStatusOf } from './routes/error-status.ts'
import { detailOfAjv } from './validation-detail.ts'

function send(
  reply: FastifyReply,
  statusCode: number,
  code: ErrorCode,
  message: string,
  detail?: ErrorDetail | ClosedDetail | UnservedDetail | null,
) {
  return reply.status(statusCode).send({ statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message, ...detail })
}

/**
 * Every error answer has the shape `{statusCode, code, error, message}` with a stable code, and
 * `field`, `reason`, `limit` when one field of the request is at fault (a schema violation, a
 * duplicate prefix, a weak password): screens word it themselves next to that field; a refusal
 * for the hours (SERVICE_CLOSED) carries the hours' facts (`closedReason`, `opensAt`…: ClosedDetail).
 * A caller's mistake (bad JSON, schema violation, wrong content type, too large) is a 4xx with
 * a code; only our own bugs are 500, logged with the request.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DomainError, request, reply) => {
    if (err instanceof RetryLaterError) reply.header('retry-after', String(err.retryAfterSeconds))
    if (err instanceof DomainError) return send(reply, httpStatusOf(err), err.code, err.message, err.detail)
    const fe = err as FastifyError
    if (fe.validation) {
      return send(
        reply,
        400,
        ErrorCodes.VALIDATION,
        `${fe.validationContext ?? 'request'}${fe.message.replace(/^(body|params|querystring|headers)/, '')}`,
        detailOfAjv(fe.validation),
      )
    }
    const status = fe.statusCode ?? 500
    if (status === 429) return send(reply, 429, ErrorCodes.RATE_LIMITED, fe.message || 'too many attempts; wait and try again')
    if (status >= 400 && status < 500) return send(reply, status, ErrorCodes.BAD_BODY, fe.message)
    request.log.error({ err }, 'unhandled error')
    return send(reply, 500, ErrorCodes.INTERNAL, 'internal error; it has been logged')
  })
  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, ErrorCodes.ROUTE_NOT_FOUND, `no route ${request.method} ${request.url.split('?')[0]}`),
  )
}

/**
 * For Fastify's `frameworkErrors` server option (buildApp passes it). The router refuses a path
 * with a malformed %-escape (400) or a parameter longer than `maxParamLength` (414) before any
 * route, hook or setErrorHandler runs, and would answer Fastify's own `FST_ERR_*` code, which is
 * not in our contract. A host embedding tabourPlugin sets its own server options; it may pass this.
 */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (err, request, reply) => {
  const path = request.url.split('?')[0]
  if (err.code === 'FST_ERR_BAD_URL') return send(reply, 400, ErrorCodes.BAD_URL, `the address ${path} has a malformed %-escape`)
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(reply, 414, ErrorCodes.BAD_URL, 'a path segment of this address is too long')
  request.log.error({ err }, 'unhandled framework error')
  return send(reply, 500, ErrorCodes.INTERNAL, 'internal error; it has been logged')
}

/**
 * For Fastify's `clientErrorHandler` server option (buildApp passes it): what Node's HTTP parser
 * refuses before Fastify sees a request (the request or its body arrived too slowly: 408; bytes
 * that are not HTTP: 400; headers too large: 431). Fastify's default answers without a `code`;
 * this answers in our shape, then closes the connection as Node does.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  // a reset connection has nobody left to answer
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const [status, code, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, ErrorCodes.REQUEST_TIMEOUT, 'the request did not arrive in time']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, ErrorCodes.BAD_BODY, 'the request headers are too large']
        : [400, ErrorCodes.BAD_BODY, 'not a well-formed HTTP request']
  const body = JSON.stringify({ statusCode: status, code, error: STATUS_CODES[status], message })
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy(err)
}
