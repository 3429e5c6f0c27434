/**
 * The center registry and the fleet: the admin API that registers, edits and deactivates centers
 * and rotates their secrets (HUB_ADMIN_TOKEN), the refused-ingest counts, and on the read side the
 * center list and the fleet (software, configuration, health, alerts).
 */
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { randomBytes } from 'node:crypto'
import { Type } from '@sinclair/typebox'
import { CenterBody, CenterPatch, CenterRegistered, CenterView, HubFleet, Rejection, SecretRotated } from '../../protocol/hub-api.ts'
import { HubErrorCodes } from '../../protocol/upstream.ts'
import { centerView, centerViews, fleet } from '../center-views.ts'
import { hubSigningKey } from '../config-signing-key.ts'
import { HubError } from '../errors.ts'
import { governorateCode } from '../governorate-codes.ts'
import { type CityNames, cityNamesOf } from '../../protocol/hub-city.ts'
import { adminAuth, governorateScope, hubErrors, PREFIX, readAuth } from './access.ts'

/** The city names a registration or a change gives (`city` as the English one); 400 when `city` and `cityEn` disagree. */
function cityNames(body: { city?: string; cityAr?: string; cityEn?: string }): Partial<CityNames> {
  const names = cityNamesOf(body)
  if (typeof names === 'string') throw new HubError(400, HubErrorCodes.VALIDATION, `body/city: ${names}`)
  return names
}

/** A fresh center secret: 32 random bytes, base64url. */
export const newSecret = () => randomBytes(32).toString('base64url')

const IdParam = Type.Object({ id: Type.String() })

export const fleetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, store, clock } = app.hub

  await app.register(async (plain) => {
    const admin = plain.withTypeProvider<TypeBoxTypeProvider>()
    admin.addHook('onRequest', adminAuth)
    const tags = ['centers']
    admin.get(
      `${PREFIX}/admin/centers`,
      { schema: { tags, summary: 'Every registered center', response: { 200: Type.Array(CenterView), ...hubErrors(401, 403) } } },
      async () => centerViews(store, config, clock()),
    )
    admin.post(
      `${PREFIX}/admin/centers`,
      {
        schema: {
          tags,
          summary: 'Registers a center (its governorate a code or a name of protocol/governorates.ts); the answer shows its secret once',
          body: CenterBody,
          response: { 201: CenterRegistered, ...hubErrors(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const body = request.body
        const exists = () => new HubError(409, HubErrorCodes.CENTER_EXISTS, `center ${body.id} exists`)
        // an id taken is said first, whatever else is wrong with the body
        if (await store.getCenter(body.id)) throw exists()
        const governorate = governorateCode(body.governorate)
        const { city, cityAr, cityEn, ...entry } = body
        const secret = body.secret ?? newSecret()
        const added = await store.addCenter({ ...entry, governorate, ...cityNames(body), secret }, clock())
        if (!added) throw exists()
        const center = (await store.getCenter(body.id))!
        // the only time the secret is shown: the center's upstream.secret
        // and the key its configuration bundles are signed with, which the center pins (upstream.hubPublicKey)
        return reply
          .status(201)
          .send({ center: centerView(center, undefined, config, clock()), secret, hubPublicKey: hubSigningKey(config.dataDir).publicKey })
      },
    )
    admin.patch(
      `${PREFIX}/admin/centers/:id`,
      {
        schema: {
          tags,
          summary: "Changes a center's names, governorate, city, kind, or deactivates it",
          params: IdParam,
          body: CenterPatch,
          response: { 200: CenterView, ...hubErrors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { city, cityAr, cityEn, ...patch } = request.body
        const governorate = patch.governorate === undefined ? undefined : governorateCode(patch.governorate)
        const change = { ...patch, ...cityNames(request.body), ...(governorate === undefined ? {} : { governorate }) }
        const center = await store.updateCenter(request.params.id, change)
        if (!center) throw new HubError(404, HubErrorCodes.CENTER_NOT_FOUND, `no center ${request.params.id}`)
        return centerView(center, (await store.statuses()).get(center.id), config, clock())
      },
    )
    admin.post(
      `${PREFIX}/admin/centers/:id/rotate-secret`,
      {
        schema: {
          tags,
          summary: 'A new secret for the center (the old one stops working)',
          params: IdParam,
          response: { 200: SecretRotated, ...hubErrors(401, 403, 404) },
        },
      },
      async (request) => {
        const secret = newSecret()
        const center = await store.updateCenter(request.params.id, { secret })
        if (!center) throw new HubError(404, HubErrorCodes.CENTER_NOT_FOUND, `no center ${request.params.id}`)
        return { id: center.id, secret }
      },
    )
    admin.get(
      `${PREFIX}/admin/rejections`,
      {
        schema: {
          tags: ['ingest'],
          summary: 'Refused ingest requests, by code and center',
          response: { 200: Type.Array(Rejection), ...hubErrors(401, 403) },
        },
      },
      async () => {
        await app.rateLimited.flush()
        return store.rejections()
      },
    )
  })

  app.get(
    `${PREFIX}/centers`,
    {
      onRequest: readAuth,
      schema: {
        tags: ['centers'],
        summary: 'Every center (a governorate analyst: theirs)',
        response: { 200: Type.Array(CenterView), ...hubErrors(401) },
      },
    },
    async (request) => centerViews(store, config, clock(), await governorateScope(request)),
  )
  app.get(
    `${PREFIX}/fleet`,
    {
      onRequest: readAuth,
      schema: {
        tags: ['fleet'],
        summary: "Every center's software and configuration version, health, last backup, and the alerts",
        response: { 200: HubFleet, ...hubErrors(401) },
      },
    },
    async (request) => {
      const governorate = await governorateScope(request)
      // as the dashboard says it: the page names a governorate analyst's governorate in its title
      return fleet(store, config, clock(), governorate, request.analyst?.role === 'governorate' ? (governorate ?? null) : null)
    },
  )
}
