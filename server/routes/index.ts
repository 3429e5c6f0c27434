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
import { named } from '../plugin-name.ts'

/** API v1: one plugin per resource, all under /api/v1. */
export async function apiV1(app: FastifyInstance): Promise<void> {
  // off by default; the login and pairing routes turn it on for themselves
  await app.register(rateLimit, { global: false })
  await app.register(named(authRoutes), { prefix: '/auth' })
  await app.register(named(serviceRoutes), { prefix: '/services' })
  await app.register(named(counterRoutes), { prefix: '/counters' })
  await app.register(named(counterActionRoutes), { prefix: '/counters' })
  await app.register(named(counterAwayRoutes), { prefix: '/counters' })
  await app.register(named(userRoutes), { prefix: '/users' })
  await app.register(named(deviceRoutes), { prefix: '/devices' })
  await app.register(named(displayBoardRoutes), { prefix: '/devices' })
  await app.register(named(ticketRoutes), { prefix: '/tickets' })
  await app.register(named(statsRoutes), { prefix: '/stats' })
  await app.register(named(centerRoutes), { prefix: '/center' })
  await app.register(named(mediaRoutes), { prefix: '/media' })
  await app.register(named(settingsRoutes), { prefix: '/settings' })
  await app.register(named(printerRoutes), { prefix: '/printers' })
  await app.register(named(calendarRoutes), { prefix: '/calendar' })
  await app.register(named(serviceGroupRoutes), { prefix: '/service-groups' })
  await app.register(named(webhookRoutes), { prefix: '/webhooks' })
  await app.register(named(messageRoutes), { prefix: '/messages' })
  await app.register(named(feedbackRoutes), { prefix: '/feedback' })
  await app.register(named(parkingRoutes))
  await app.register(named(appointmentRoutes), { prefix: '/appointments' })
  await app.register(named(checkInRoutes), { prefix: '/check-in' })
  await app.register(named(remoteRoutes), { prefix: '/remote' })
}
