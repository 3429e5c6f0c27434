import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { BoardSnapshot } from '../../../protocol/board-snapshot.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { actorOf, allow } from '../../auth/access.ts'

/**
 * GET /devices/me/snapshot: a display's board over HTTP (issue 22), the answer its socket would
 * give to `snapshot` (same feed, seq and allowance: server/realtime/socket-server.ts). The
 * display's page carries it (server/ui-start-data.ts), so the board is on screen before
 * socket.io's client has even loaded; the socket then takes over from its `seq`.
 */
export async function displayBoardRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { realtime } = app.tabour
  app.get(
    '/me/snapshot',
    {
      preValidation: allow('display'),
      schema: {
        tags: ['devices'],
        summary: "a display's board: its zone's services, counters, recent calls and news, with the feed's seq",
        response: { 200: BoardSnapshot, ...errorResponses(401, 403, 429) },
      },
    },
    async (request) => realtime.snapshotOf(actorOf(request)),
  )
}
