import type { FastifyRequest } from 'fastify'

/**
 * The address of a ticket's public status page, as the QR on the ticket carries it:
 * `config.publicUrl` when set (phones reach the center by another name than the kiosks do),
 * else the scheme and host the kiosk itself used, under the server's prefix.
 */
export function ticketStatusUrl(request: FastifyRequest, ticketId: string): string {
  const { config, basePath } = request.server.tabour
  const base = config.publicUrl ? config.publicUrl.replace(/\/$/, '') : `${request.protocol}://${request.host}${basePath}`
  return `${base}/t/${encodeURIComponent(ticketId)}`
}
