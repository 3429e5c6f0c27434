import type { FastifyRequest } from 'fastify'
import { centerAddress } from '../center-address.ts'
import { ticketStatusUrlAt } from '../queue/ticket-link.ts'
import type { Lang } from '../../protocol/common.ts'

/**
 * Where the center's public pages are, as the QR on a ticket carries it: `config.publicUrl` when
 * set (phones reach the center by another name than the kiosks do), else the configured host and
 * the port the server listens on, under the server's prefix. Never the request's Host header:
 * whoever sends a request could put another site's address on the tickets (center-address.ts).
 */
export function publicBase(request: FastifyRequest): string {
  const { config, basePath } = request.server.tabour
  if (config.publicUrl) return centerAddress(config)
  const address = request.server.server.address()
  return `${centerAddress(config, address && typeof address === 'object' ? address : undefined)}${basePath}`
}

/** The address of a ticket's public status page, as the QR on the ticket carries it. */
export function ticketStatusUrl(request: FastifyRequest, ticketId: string, lang: Lang): string {
  return ticketStatusUrlAt(publicBase(request), ticketId, lang)
}
