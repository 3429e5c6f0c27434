import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CreateDeviceBody, CreatedDevice, PairBody, PairReply, UpdateDeviceBody } from '../../../protocol/requests.ts'
import { Device } from '../../../protocol/entities.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { DevicesRepo } from '../../db/repositories/devices-repo.ts'
import { TokensRepo } from '../../db/repositories/tokens-repo.ts'
import { newDeviceToken, newPairingCode, PAIRING_CODE_TTL_MS } from '../../auth/tokens.ts'
import { actorOf, ADMINS, allow, MANAGERS } from '../../auth/access.ts'
import { validateDeviceConfig } from '../../devices/device-config.ts'
import { ErrorCodes, notFound, unauthorized } from '../../errors.ts'
import { throttle } from '../throttle.ts'

/**
 * Devices: an admin creates one and gets a one-time pairing code; the device posts the code to
 * /devices/pair and gets a token that does not expire but can be revoked.
 */
export async function deviceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db, clock, config } = app.tabour
  const devices = new DevicesRepo(db)
  const tokens = new TokensRepo(db)
  const configContext = { counterExists: (id: number) => app.tabour.queue.ctx.counters.get(id) !== undefined }
  // boards and keypads open or close their serial lines as soon as their device changes
  const devicesChanged = () => app.tabour.serialDevices.sync()

  const get = (id: number) => {
    const device = devices.get(id)
    if (!device) throw notFound(ErrorCodes.DEVICE_NOT_FOUND, `device ${id} does not exist`)
    return device
  }
  const issueCode = (id: number) => {
    const now = clock()
    const pairingCode = newPairingCode()
    devices.setPairingCode(id, pairingCode, now + PAIRING_CODE_TTL_MS)
    return pairingCode
  }

  app.get(
    '/',
    {
      preValidation: allow(...MANAGERS),
      schema: { tags: ['devices'], response: { 200: Type.Array(Device), ...errorResponses(401, 403) } },
    },
    async () => devices.list(),
  )

  app.post(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: { tags: ['devices'], body: CreateDeviceBody, response: { 201: CreatedDevice, ...errorResponses(400, 401, 403) } },
    },
    async (request, reply) => {
      const b = request.body
      validateDeviceConfig(b.kind, b.config ?? {}, configContext)
      const device = devices.insert({ kind: b.kind, name: b.name, zone: b.zone ?? null, config: b.config ?? {} }, clock())
      const pairingCode = issueCode(device.id)
      devicesChanged()
      return reply.status(201).send({ ...device, pairingCode })
    },
  )

  app.patch(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['devices'],
        params: IdParam,
        body: UpdateDeviceBody,
        response: { 200: Device, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const current = get(request.params.id)
      const b = request.body
      if (b.config) validateDeviceConfig(current.kind, b.config, configContext)
      const updated = devices.update(current.id, {
        name: b.name ?? current.name,
        zone: b.zone === undefined ? current.zone : b.zone,
        config: b.config ?? current.config,
      })
      devicesChanged()
      return updated
    },
  )

  app.get(
    '/me',
    {
      preValidation: allow('kiosk', 'display', 'printer', 'board', 'keypad'),
      schema: {
        tags: ['devices'],
        summary: "a paired device's own record and config",
        response: { 200: Device, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      return get(actor.type === 'device' ? actor.id : 0)
    },
  )

  app.post(
    '/:id/pairing-code',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['devices'],
        summary: 'a new one-time code (re-pairing a replaced kiosk)',
        params: IdParam,
        response: { 200: CreatedDevice, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const device = get(request.params.id)
      const pairingCode = issueCode(device.id)
      // a new code also lifts a revocation
      devicesChanged()
      return { ...get(device.id), pairingCode }
    },
  )

  app.post(
    '/:id/revoke',
    {
      preValidation: allow(...ADMINS),
      schema: { tags: ['devices'], params: IdParam, response: { 200: Device, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => {
      const device = get(request.params.id)
      const now = clock()
      devices.revoke(device.id, now)
      tokens.revokeSubject('device', device.id, now)
      app.tabour.realtime.disconnectDevice(device.id)
      devicesChanged()
      return get(device.id)
    },
  )

  app.post(
    '/pair',
    {
      config: { rateLimit: throttle(config, '') },
      schema: { tags: ['devices'], security: [], body: PairBody, response: { 200: PairReply, ...errorResponses(400, 401, 429) } },
    },
    async (request) => {
      const now = clock()
      const device = db.transaction(() => devices.consumePairingCode(request.body.pairingCode.toUpperCase(), now))()
      if (!device) throw unauthorized(ErrorCodes.BAD_PAIRING_CODE, 'unknown, used or expired pairing code')
      const token = newDeviceToken()
      // pairing again (a replaced kiosk) retires whatever token the device had before
      tokens.revokeSubject('device', device.id, now)
      tokens.insert(token, 'device', device.id, now, null)
      return { token, device }
    },
  )
}
