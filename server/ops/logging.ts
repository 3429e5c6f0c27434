import { dirname, resolve } from 'node:path'
import type { FastifyRequest, FastifyServerOptions } from 'fastify'
import type { Config } from '../config.ts'

/**
 * The server's pino options: JSON lines to stdout (journald keeps them under systemd), and
 * when `log.file` is set also to that file through pino-roll, which starts a new file daily or
 * at `log.maxSize` and keeps `log.keep` old ones. Both run in pino's transport worker, so a
 * slow disk never stalls a request.
 */
export function loggerOptions(config: Config): NonNullable<FastifyServerOptions['logger']> {
  if (!config.log.file || config.logLevel === 'silent') return { level: config.logLevel, serializers: REQUEST_SERIALIZERS }
  const file = resolve(config.log.file)
  return {
    level: config.logLevel,
    serializers: REQUEST_SERIALIZERS,
    transport: {
      targets: [
        { target: 'pino/file', level: config.logLevel, options: { destination: 1 } },
        {
          target: 'pino-roll',
          level: config.logLevel,
          options: {
            file,
            frequency: 'daily',
            size: config.log.maxSize,
            limit: { count: config.log.keep },
            mkdir: true,
            dateFormat: 'yyyy-MM-dd',
          },
        },
      ],
    },
  }
}

/** The folder the log files go to, or null (doctor checks it is writable). */
export const logDir = (config: Config) => (config.log.file ? dirname(resolve(config.log.file)) : null)

/** Query parameters that carry a secret: `?pair=` on a kiosk's or display's address holds its one-time pairing code. */
const SECRET_PARAMS = /([?&](?:pair|token)=)[^&#]*/gi

/** `url` with the values of secret query parameters replaced by `***`. */
export const withoutSecrets = (url: string): string => url.replace(SECRET_PARAMS, '$1***')

/**
 * Fastify's request log line (method, url, host, address, port) with secrets out of the url: an
 * access log is read by more people, and kept longer, than anything it could hold.
 */
export const REQUEST_SERIALIZERS = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: withoutSecrets(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
}
