import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import {
  CreateDeviceBody,
  CreatedDevice,
  DeviceWithPairingCode,
  PairBody,
  PairReply,
  UpdateDeviceBody,
} from '../../../protocol/requests.ts'
import { Device } from '../../../protocol/entities.ts'
import { DisplaySoundReport, TestPrintReply } from '../../../protocol/device-config.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { actorOf, ADMINS, allow, MANAGERS } from '../../auth/access.ts'
import { throttle } from '../throttle.ts'
import { testPrint } from '../../devices/test-print.ts'
import { publicBase } from '../public-url.ts'

/**
 * Devices: an admin creates one and gets a one-time pairing code (a kiosk, display or feedback
 * tablet: a printer, board or keypad never pairs); the device posts the code to /devices/pair and
 * gets a token that does not expire but can be revoked.
 */
export async function deviceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { configuration, config, queue, printing } = app.tabour
  const devices = configuration.devices

  app.get(
    '/',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['devices'],
        summary: 'the kiosks, displays, printers, boards and keypads, with their last reported status',
        response: { 200: Type.Array(Device), ...errorResponses(401, 403) },
      },
    },
    async () => devices.list(),
  )

  app.post(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['devices'],
        summary: 'adds a device; a kiosk or display gets a one-time pairing code (24 h), a printer, board or keypad none',
        body: CreateDeviceBody,
        response: { 201: CreatedDevice, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(devices.create(actorOf(request), request.body)),
  )

  app.patch(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['devices'],
        summary: 'changes a device (name, zone, config); fields left out keep their value',
        params: IdParam,
        body: UpdateDeviceBody,
        response: { 200: Device, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => devices.update(actorOf(request), request.params.id, request.body),
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
      return devices.get(actor.type === 'device' ? actor.id : 0)
    },
  )

  app.post(
    '/me/status',
    {
      preValidation: allow('display'),
      schema: {
        tags: ['devices'],
        summary: "a display's own health (its sound blocked by the browser), pushed to staff as device:status",
        body: DisplaySoundReport,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request)
      if (actor.type === 'device') queue.deviceStatus.reportDisplay(actor.id, request.body)
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/:id/pairing-code',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['devices'],
        summary:
          'a new one-time code (re-pairing a replaced kiosk); a printer, board or keypad never pairs: 422 TABOUR_ERR_DEVICE_NEVER_PAIRS',
        params: IdParam,
        response: { 200: DeviceWithPairingCode, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => devices.newPairingCode(actorOf(request), request.params.id),
  )

  app.post(
    '/:id/test-print',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['devices'],
        summary:
          "prints a sample ticket on a kiosk's or a stand-alone printer and answers what became of it (printed, or the printer's problem)",
        params: IdParam,
        response: { 200: TestPrintReply, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      devices.get(request.params.id)
      return testPrint(printing, config, request.params.id, `${publicBase(request)}/`)
    },
  )

  app.post(
    '/:id/revoke',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['devices'],
        summary: 'revokes a device: its token stops working at once',
        params: IdParam,
        response: { 200: Device, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => devices.revoke(actorOf(request), request.params.id),
  )

  app.post(
    '/:id/reinstate',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['devices'],
        summary:
          'puts a revoked printer, board or keypad back in use from its config; a kiosk, display or feedback tablet pairs again instead: 422 TABOUR_ERR_DEVICE_PAIRS_AGAIN',
        params: IdParam,
        response: { 200: Device, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => devices.reinstate(actorOf(request), request.params.id),
  )

  app.post(
    '/pair',
    {
      config: { rateLimit: throttle(config, '') },
      schema: {
        tags: ['devices'],
        summary: 'a kiosk or display pairs with its one-time code and gets its device token',
        security: [],
        body: PairBody,
        response: { 200: PairReply, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => devices.pair(request.body.pairingCode),
  )
}
