import { io, type Socket } from 'socket.io-client'
import { CHILD_ADMIN_PASSWORD, type ChildServer } from '../../test/helpers/child-server.ts'
import { mapLimit } from '../../test/helpers/http.ts'
import { call, expectStatus } from './api-client.ts'
import { COUNTERS, DISPLAYS, KIOSKS, SERVICES } from './day-model.ts'

/**
 * The center the busy day runs in, set up through the real API as an admin would: the
 * catalogue's services, 60 counters each with a clerk logged in, kiosks, displays, a manager.
 */

export interface Clerk {
  index: number
  counterId: number
  token: string
  /** Service indexes: the main one, then the backup (weight 0). */
  services: [number, number]
  state: 'idle' | 'busy' | 'break' | 'broken'
  breakAt: number
  hadBreak: boolean
  /** call-next answers `ticket: null` in a row while the simulation believed someone waited. */
  retries: number
}

/** What the simulation needs of the center. */
export interface Day {
  base: string
  serviceIds: number[]
  kioskTokens: string[]
  clerks: Clerk[]
}

export interface Center extends Day {
  managerToken: string
  displayTokens: string[]
}

export async function setUp(server: ChildServer): Promise<Center> {
  const base = server.baseUrl
  const admin = (
    await expectStatus(200, call(base, 'POST', '/api/v1/auth/login', null, { username: 'admin', password: CHILD_ADMIN_PASSWORD }), 'login')
  ).token as string
  const serviceIds: number[] = []
  for (const [i, s] of SERVICES.entries()) {
    const created = await expectStatus(
      201,
      call(base, 'POST', '/api/v1/services', admin, {
        prefix: s.prefix,
        nameAr: s.nameAr,
        nameEn: s.nameEn,
        targetWaitSeconds: 600,
        sortOrder: i,
      }),
      'service',
    )
    serviceIds.push(created.id)
  }
  const plan: { services: [number, number]; zone: string }[] = []
  SERVICES.forEach((s, i) => {
    for (let k = 0; k < s.counters; k++) plan.push({ services: [i, (i + 1 + (k % (SERVICES.length - 1))) % SERVICES.length], zone: s.zone })
  })
  if (plan.length !== COUNTERS) throw new Error(`the plan has ${plan.length} counters`)
  const password = 'busy-day-password'
  const clerks = await mapLimit(plan, 2, async (p, index): Promise<Clerk> => {
    const counter = await expectStatus(
      201,
      call(base, 'POST', '/api/v1/counters', admin, {
        number: index + 1,
        name: `Counter ${index + 1}`,
        zone: p.zone,
        services: [
          { serviceId: serviceIds[p.services[0]], weight: 1 },
          { serviceId: serviceIds[p.services[1]], weight: 0 },
        ],
      }),
      'counter',
    )
    await expectStatus(201, call(base, 'POST', '/api/v1/users', admin, { username: `clerk${index + 1}`, password, role: 'clerk' }), 'user')
    const token = (
      await expectStatus(200, call(base, 'POST', '/api/v1/auth/login', null, { username: `clerk${index + 1}`, password }), 'clerk login')
    ).token as string
    await expectStatus(200, call(base, 'POST', `/api/v1/counters/${counter.id}/open`, token, {}), 'open')
    // lunch: a quarter of the clerks at a time, from 12:00 to 14:00
    return {
      index,
      counterId: counter.id,
      token,
      services: p.services,
      state: 'busy',
      breakAt: (4 + (index % 4) * 0.5) * 3600,
      hadBreak: false,
      retries: 0,
    }
  })
  await expectStatus(201, call(base, 'POST', '/api/v1/users', admin, { username: 'manager', password, role: 'manager' }), 'manager')
  const managerToken = (
    await expectStatus(200, call(base, 'POST', '/api/v1/auth/login', null, { username: 'manager', password }), 'manager login')
  ).token as string
  const pair = async (kind: string, name: string, zone: string | null) => {
    const device = await expectStatus(201, call(base, 'POST', '/api/v1/devices', admin, { kind, name, zone }), 'device')
    return (await expectStatus(200, call(base, 'POST', '/api/v1/devices/pair', null, { pairingCode: device.pairingCode }), 'pair'))
      .token as string
  }
  const kioskTokens: string[] = []
  for (let k = 0; k < KIOSKS; k++) kioskTokens.push(await pair('kiosk', `kiosk ${k + 1}`, null))
  const displayTokens: string[] = []
  for (let d = 0; d < DISPLAYS; d++) displayTokens.push(await pair('display', `display ${d + 1}`, d % 2 ? 'first' : 'ground'))
  return { base, serviceIds, kioskTokens, clerks, managerToken, displayTokens }
}

/** A socket as `token`'s screen would open it; every push it receives is counted in `counts` by event name. */
export function connect(base: string, token: string, counts: Map<string, number>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(base, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true })
    socket.onAny((name: string) => counts.set(name, (counts.get(name) ?? 0) + 1))
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', reject)
  })
}
