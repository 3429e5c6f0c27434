import type { FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import { authRoutes } from './auth/index.ts'
import { serviceRoutes } from './services/index.ts'
import { counterRoutes } from './counters/index.ts'
import { counterActionRoutes } from './counters/actions.ts'
import { counterAwayRoutes } from './counters/away.ts'
import { userRoutes } from './users/index.ts'
import { deviceRoutes } from './devices/index.ts'
import { displayBoardRoutes } from './devices/board.ts'
import { ticketRoutes } from './tickets/index.ts'
import { statsRoutes } from './stats/index.ts'
import { centerRoutes } from './center/index.ts'
import { mediaRoutes } from './media/index.ts'
import { settingsRoutes } from './settings/index.ts'
import { printerRoutes } from './printers/index.ts'
import { calendarRoutes } from './calendar/index.ts'
import { serviceGroupRoutes } from './service-groups/index.ts'
import { webhookRoutes } from './webhooks/index.ts'
import { messageRoutes } from './messages/index.ts'
import { feedbackRoutes } from './feedback/index.ts'
import { parkingRoutes } from './parking/index.ts'
import { appointmentRoutes } from './appointments/index.ts'
import { checkInRoutes } from './check-in/index.ts'
import { remoteRoutes } from './remote/index.ts'

/** API v1: one plugin per resource, all under /api/v1. */
export async function apiV1(app: FastifyInstance): Promise<void> {
  // off by default; the login and pairing routes turn it on for themselves
  await app.register(rateLimit, { global: false })
  await app.register(authRoutes, { prefix: '/auth' })
  await app.register(serviceRoutes, { prefix: '/services' })
  await app.register(counterRoutes, { prefix: '/counters' })
  await app.register(counterActionRoutes, { prefix: '/counters' })
  await app.register(counterAwayRoutes, { prefix: '/counters' })
  await app.register(userRoutes, { prefix: '/users' })
  await app.register(deviceRoutes, { prefix: '/devices' })
  await app.register(displayBoardRoutes, { prefix: '/devices' })
  await app.register(ticketRoutes, { prefix: '/tickets' })
  await app.register(statsRoutes, { prefix: '/stats' })
  await app.register(centerRoutes, { prefix: '/center' })
  await app.register(mediaRoutes, { prefix: '/media' })
  await app.register(settingsRoutes, { prefix: '/settings' })
  await app.register(printerRoutes, { prefix: '/printers' })
  await app.register(calendarRoutes, { prefix: '/calendar' })
  await app.register(serviceGroupRoutes, { prefix: '/service-groups' })
  await app.register(webhookRoutes, { prefix: '/webhooks' })
  await app.register(messageRoutes, { prefix: '/messages' })
  await app.register(feedbackRoutes, { prefix: '/feedback' })
  await app.register(parkingRoutes)
  await app.register(appointmentRoutes, { prefix: '/appointments' })
  await app.register(checkInRoutes, { prefix: '/check-in' })
  await app.register(remoteRoutes, { prefix: '/remote' })
}
