import type { FastifyRequest } from 'fastify'
import { ticketStatusUrlAt } from '../queue/ticket-link.ts'

/**
 * Where the center's public pages are, as the QR on a ticket carries it: `config.publicUrl`
 * when set (phones reach the center by another name than the kiosks do), else the scheme and
 * host the kiosk itself used, under the server's prefix.
 */
export function publicBase(request: FastifyRequest): string {
  const { config, basePath } = request.server.tabour
  return config.publicUrl ? config.publicUrl.replace(/\/$/, '') : `${request.protocol}://${request.host}${basePath}`
}

/** The address of a ticket's public status page, as the QR on the ticket carries it. */
export function ticketStatusUrl(request: FastifyRequest, ticketId: string): string {
  return ticketStatusUrlAt(publicBase(request), ticketId)
}
