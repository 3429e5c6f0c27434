import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../protocol/common.ts'
import { lastTicketFailed, type PrinterStatusReport } from '../../../protocol/device-health.ts'
import { PrinterTarget } from '../../../protocol/ticket-tools.ts'
import { allow, STAFF } from '../../auth/access.ts'
import { centerPrinters } from '../../queue/printer-targets.ts'

/** GET /printers (staff): every printer a ticket can be printed on, with its last known health; the reprint and counter-binding pickers list these. */
export async function printerRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, reports } = app.tabour

  app.get(
    '/',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['devices'],
        summary: "the center's ticket printers (kiosks' and stand-alone ones) with their health: ok, fault or unknown",
        response: { 200: Type.Array(PrinterTarget), ...errorResponses(401, 403) },
      },
    },
    async () => {
      const health = new Map(reports.devices.list().map((d) => [d.id, d]))
      return centerPrinters(queue.ctx).map((d) => {
        const h = health.get(d.id)
        return {
          deviceId: d.id,
          kind: d.kind as 'kiosk' | 'printer',
          name: d.name,
          zone: d.zone,
          // a printer whose last ticket did not print is no choice for a reprint, whatever its status check says
          health: !h?.status
            ? ('unknown' as const)
            : h.faulty || lastTicketFailed((h.status as { printer?: PrinterStatusReport }).printer)
              ? ('fault' as const)
              : ('ok' as const),
        }
      })
    },
  )
}
