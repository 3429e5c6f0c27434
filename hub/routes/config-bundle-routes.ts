/**
 * Central configuration at the hub (issue 23): a national admin (the admin token, or an analyst
 * of national scope) creates signed configuration bundles for all centers, a governorate or a
 * list of centers, publishes them, and sees per center which version it runs or why it refused
 * one. Centers fetch the bundle their heartbeat answer offers (a signed request, like a batch).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  type BundleOffer,
  BundleDetail,
  BundleListItem,
  type BundleReport,
  BundleSummary,
  CenterBundleRow,
  type CenterBundleStatus,
  type ConfigBundleContents,
  ConfigBundleDraft,
  ConfigBundleRequest,
  firstBundleProblem,
  HubPublicKeyAnswer,
  SignedConfigBundle,
} from '../../protocol/config-bundle.ts'
import { HubErrorCodes, UpstreamPaths } from '../../protocol/upstream.ts'
import { hubSigningKey } from '../config-signing-key.ts'
import { HubError } from '../errors.ts'
import { type BundleRecord, type BundleTarget, type CenterBundleState, targets } from '../store/config-bundles.ts'
import { checkDraft } from './config-bundle-draft.ts'
import type { CenterRecord, HubStore } from '../store/store.ts'
import { governorateCode } from '../governorate-codes.ts'
import { governorateCodeOf } from '../../protocol/governorates.ts'
import { hubErrors, nationalAuth, PREFIX } from './access.ts'

const tags = ['configuration bundles']

/** Flat, not a union: one object whose missing part is named (`body/target/governorate is missing`), not an Ajv error per branch. */
const Target = Type.Object(
  {
    kind: Type.Union([Type.Literal('all'), Type.Literal('governorate'), Type.Literal('centers')]),
    /** With kind governorate. */
    governorate: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** With kind centers. */
    centerIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 1000, uniqueItems: true })),
  },
  { additionalProperties: false },
)

/** The target as stored, or what is missing from it. */
function targetOf(t: typeof Target.static): BundleTarget {
  if (t.kind === 'all') return { kind: 'all' }
  if (t.kind === 'governorate') {
    if (!t.governorate) throw new HubError(400, HubErrorCodes.BUNDLE_INVALID, 'body/target/governorate is missing')
    // the code the centers' governorates are kept as
    return { kind: 'governorate', governorate: governorateCode(t.governorate, 'body/target/governorate') }
  }
  if (!t.centerIds) throw new HubError(400, HubErrorCodes.BUNDLE_INVALID, 'body/target/centerIds is missing')
  return { kind: 'centers', centerIds: t.centerIds }
}
/** `contents` is checked by hand (ConfigBundleDraft): a missing key is HUB_ERR_BUNDLE_INVALID naming it. */
const CreateBody = Type.Object(
  { target: Target, note: Type.Optional(Type.String({ maxLength: 500 })), contents: Type.Unknown() },
  { additionalProperties: false },
)
const VersionParam = Type.Object({ version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) })

/** What a center did with bundle `version`, from its last report. */
function statusAt(
  version: number,
  s: CenterBundleState | undefined,
): { status: CenterBundleStatus; refused: CenterBundleState['refused'] } {
  const running = s?.running ?? null
  const refused = s?.refused?.version === version ? s.refused : null
  const status: CenterBundleStatus =
    running === version ? 'applied' : refused ? 'refused' : running !== null && running > version ? 'superseded' : 'pending'
  return { status, refused }
}

/** The part of a center's row both bundle tables share (protocol/config-bundle.ts bundleCenter). */
function bundleCenter(c: CenterRecord, s: CenterBundleState | undefined) {
  return {
    centerId: c.id,
    nameAr: c.nameAr,
    nameEn: c.nameEn,
    governorate: governorateCodeOf(c.governorate),
    running: s?.running ?? null,
    active: c.active,
    reportedAt: s?.reportedAt ?? null,
  }
}

/** A bundle without its signed text, as the list shows it. */
function summary(b: BundleRecord): BundleSummary {
  return { version: b.version, target: b.target, note: b.note, createdBy: b.createdBy, createdAt: b.createdAt, publishedAt: b.publishedAt }
}

/** The contents of a stored payload (null if it no longer parses: a damaged row shows as such, not as a 500). */
function contentsOf(payload: string): unknown {
  try {
    return (JSON.parse(payload) as { contents?: unknown }).contents ?? null
  } catch {
    return null
  }
}

/**
 * On every heartbeat: records what the center runs and refused, and offers the newest bundle
 * published for it when that is newer than what it runs and not the one it refused.
 */
export async function bundleOnHeartbeat(
  store: HubStore,
  center: CenterRecord,
  report: BundleReport | undefined,
  now: number,
): Promise<BundleOffer | undefined> {
  if (report) {
    // written only when it changed: a heartbeat a minute from every center must not mean a write a minute each
    const known = await store.configBundles.stateOf(center.id)
    const refused = report.refused ?? null
    if (!known || known.running !== report.running || JSON.stringify(known.refused) !== JSON.stringify(refused))
      await store.configBundles.report({ centerId: center.id, running: report.running, refused, reportedAt: now })
  }
  const newest = await store.configBundles.newestVersionFor(center)
  if (newest === null) return undefined
  if (report && (newest <= (report.running ?? 0) || newest === report.refused?.version)) return undefined
  return { version: newest }
}

/** Inside the hub's signed scope (its signature check and rate limit): a center fetches the bundle it was offered. */
export const configBundleSignedRoutes: FastifyPluginAsyncTypebox = async (signed) => {
  signed.post(
    UpstreamPaths.configBundle,
    {
      schema: {
        tags: ['ingest'],
        summary: 'A center fetches the configuration bundle its heartbeat answer offered',
        body: ConfigBundleRequest,
        response: { 200: SignedConfigBundle, ...hubErrors(400, 401, 403, 404, 429) },
      },
      config: { rateLimit: {} },
    },
    async (request) => {
      const { version } = request.body
      const bundle = await signed.hub.store.configBundles.get(version)
      // a draft, or a bundle meant for others, does not exist for this center
      if (!bundle || bundle.publishedAt === null || !targets(bundle.target, request.signedCenter!))
        throw new HubError(404, HubErrorCodes.BUNDLE_NOT_FOUND, `no configuration bundle ${version} for center ${request.signedCenter!.id}`)
      return { version: bundle.version, payload: bundle.payload, signature: bundle.signature }
    },
  )
}

/** The management routes: the admin token, or a national analyst's session (their calls are in the access log). */
export const configBundleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, store, clock } = app.hub
  const key = hubSigningKey(config.dataDir)
  const errors = hubErrors(401, 403)

  app.addHook('onRequest', nationalAuth)

  /** The public key centers pin (also given at registration). */
  app.get(
    `${PREFIX}/config-bundles/public-key`,
    { schema: { tags, summary: 'The public key centers pin', response: { 200: HubPublicKeyAnswer, ...errors } } },
    async () => ({ publicKey: key.publicKey, algorithm: 'ed25519' as const }),
  )

  /** Every bundle, newest first, with how many of its centers run it, refused it, run a newer one or have not said yet. */
  app.get(
    `${PREFIX}/config-bundles`,
    {
      schema: {
        tags,
        summary: 'Every bundle, newest first, with its centers counted by status',
        response: { 200: Type.Array(BundleListItem), ...errors },
      },
    },
    async () => {
      const [bundles, centers, states] = await Promise.all([store.configBundles.list(), store.listCenters(), store.configBundles.states()])
      return bundles.map((b) => {
        const counts = { targeted: 0, applied: 0, refused: 0, superseded: 0, pending: 0 }
        for (const c of centers)
          if (targets(b.target, c)) {
            counts.targeted++
            counts[statusAt(b.version, states.get(c.id)).status]++
          }
        return { ...summary(b), centers: counts }
      })
    },
  )

  app.post(
    `${PREFIX}/config-bundles`,
    {
      schema: {
        tags,
        summary: 'Creates a signed bundle (a draft until published) for all centers, a governorate or a list of centers',
        body: CreateBody,
        response: { 201: BundleSummary, ...hubErrors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const body = request.body
      const problem = firstBundleProblem(ConfigBundleDraft, body.contents)
      if (problem) throw new HubError(400, HubErrorCodes.BUNDLE_INVALID, `body/contents${problem.path} ${problem.message}`)
      const draft = body.contents as ConfigBundleDraft
      const target = targetOf(body.target)
      // the catalogue as it is now travels signed with the mapping it checks: read once, for both
      const nationalCatalogue = await store.nationalServices.catalogue()
      await checkDraft(store, draft, target, nationalCatalogue)
      const contents: ConfigBundleContents = { ...draft, nationalCatalogue }
      const now = clock()
      const created = await store.configBundles.create(
        { target, note: body.note ?? '', createdBy: request.analyst?.username ?? 'admin' },
        (version) => JSON.stringify({ version, issuedAt: now, contents }),
        key.sign,
        now,
      )
      return reply.status(201).send(summary(created))
    },
  )

  app.post(
    `${PREFIX}/config-bundles/:version/publish`,
    {
      schema: {
        tags,
        summary: 'Publishes a bundle: centers it targets get it with their next heartbeat',
        params: VersionParam,
        response: { 200: BundleSummary, ...hubErrors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { version } = request.params
      if (!(await store.configBundles.get(version)))
        throw new HubError(404, HubErrorCodes.BUNDLE_NOT_FOUND, `no configuration bundle ${version}`)
      if (!(await store.configBundles.publish(version, clock())))
        throw new HubError(409, HubErrorCodes.BUNDLE_PUBLISHED, `configuration bundle ${version} is published already`)
      return summary((await store.configBundles.get(version))!)
    },
  )

  /** The bundle, its contents, and every center it targets with what that center did with it. */
  app.get(
    `${PREFIX}/config-bundles/:version`,
    {
      schema: {
        tags,
        summary: 'A bundle, its contents, and what each center it targets did with it',
        params: VersionParam,
        response: { 200: BundleDetail, ...hubErrors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const bundle = await store.configBundles.get(request.params.version)
      if (!bundle) throw new HubError(404, HubErrorCodes.BUNDLE_NOT_FOUND, `no configuration bundle ${request.params.version}`)
      const states = await store.configBundles.states()
      const centers = (await store.listCenters())
        .filter((c) => targets(bundle.target, c))
        .map((c) => {
          const s = states.get(c.id)
          const { status, refused } = statusAt(bundle.version, s)
          return { ...bundleCenter(c, s), status, ...(refused ? { refusedCode: refused.code, refusedReason: refused.reason } : {}) }
        })
      return { ...summary(bundle), contents: contentsOf(bundle.payload), centers }
    },
  )

  /** Every registered center with the bundle version it runs and its last refusal (the page's "per center" table). */
  app.get(
    `${PREFIX}/config-bundles/centers`,
    {
      schema: {
        tags,
        summary: 'Every center with the bundle it runs and its last refusal',
        response: { 200: Type.Array(CenterBundleRow), ...errors },
      },
    },
    async () => {
      const states = await store.configBundles.states()
      return (await store.listCenters()).map((c) => {
        const s = states.get(c.id)
        return { ...bundleCenter(c, s), refused: s?.refused ?? null }
      })
    },
  )
}
