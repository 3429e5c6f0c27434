import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { buildHub } from '../../hub/app.ts'
import { loadHubConfig, type HubConfig } from '../../hub/config.ts'
import { openHubStore } from '../../hub/open-store.ts'
import type { HubStore } from '../../hub/store/store.ts'
import { signedHeaders, UpstreamPaths } from '../../protocol/upstream.ts'

/** A PostgreSQL server for the hub's PostgreSQL tests (a role that may CREATE DATABASE); unset = those tests are skipped. */
export const PG_URL = process.env.TABOUR_TEST_PG_URL || undefined
export const PG_SKIP_REASON = 'TABOUR_TEST_PG_URL is not set: PostgreSQL tests skipped (see hub/README.md)'

export type Backend = 'sqlite' | 'postgres'
/** The backends to run the hub's tests on: always SQLite, PostgreSQL when TABOUR_TEST_PG_URL is set. */
export const BACKENDS: Backend[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite']

/**
 * A fresh, empty PostgreSQL database for one test; `drop()` removes it (forcing out any connection left).
 * `icuLocale` (e.g. 'en-US') gives it that ICU collation instead of the cluster's, as a national
 * server installed with a language locale has: text then sorts unlike SQLite's bytes.
 */
export async function freshPgDatabase(icuLocale?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!PG_URL) throw new Error(PG_SKIP_REASON)
  const name = `tabour_hub_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  try {
    const locale = icuLocale ? ` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${icuLocale.replace(/[^A-Za-z-]/g, '')}'` : ''
    await admin.query(`CREATE DATABASE ${name}${locale}`)
  } finally {
    await admin.end()
  }
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await c.end()
      }
    },
  }
}

export const HUB_ADMIN_TOKEN = 'hub-admin-token-for-tests'

export interface TestHub {
  app: FastifyInstance
  store: HubStore
  config: HubConfig
  url: string
  port: number
  /** Stops listening (the port is then refused) but keeps the data. */
  stop(): Promise<void>
  /** Starts again on the same port and data. */
  restart(): Promise<void>
  close(): Promise<void>
}

export interface TestHubOptions {
  backend?: Backend
  /** PostgreSQL only: the database's ICU collation (freshPgDatabase). */
  pgIcuLocale?: string
  clock?: () => number
  config?: Partial<HubConfig>
  /** Listen on this port (a restart at the same address). */
  port?: number
  /** Called on the app before it listens (hooks for tests). */
  setup?: (app: FastifyInstance) => void
  /** Prepares the hub's database before the hub first opens it (as an older hub version left it). */
  seed?: (config: HubConfig) => Promise<void>
}

/** A hub on loopback, on a temp dir (SQLite) or a fresh PostgreSQL database. Always `close()` it. */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tabour-hub-'))
  const pgDb = options.backend === 'postgres' ? await freshPgDatabase(options.pgIcuLocale) : null
  const config = loadHubConfig(
    {},
    {
      dataDir,
      databaseUrl: pgDb?.url,
      adminToken: HUB_ADMIN_TOKEN,
      logLevel: 'silent',
      host: '127.0.0.1',
      uiDir: join(dataDir, 'no-ui'),
      ...options.config,
    },
  )
  let store!: HubStore
  let app!: FastifyInstance
  let port = options.port ?? 0
  const up = async () => {
    store = await openHubStore(config)
    app = buildHub(config, { store, clock: options.clock })
    options.setup?.(app)
    await app.listen({ port, host: '127.0.0.1' })
    port = (app.server.address() as { port: number }).port
    hub.app = app
    hub.store = store
  }
  let running = false
  const hub: TestHub = {
    app,
    store,
    config,
    url: '',
    port: 0,
    async stop() {
      if (!running) return
      running = false
      await app.close()
      await store.close()
    },
    async restart() {
      await up()
      running = true
    },
    async close() {
      await hub.stop()
      await pgDb?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  await options.seed?.(config)
  await hub.restart()
  hub.port = port
  hub.url = `http://127.0.0.1:${port}`
  return hub
}

/** Registers a center through the admin API; returns its secret. */
export async function registerCenter(hub: TestHub, id: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await hub.app.inject({
    method: 'POST',
    url: '/api/hub/v1/admin/centers',
    headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` },
    payload: { id, nameAr: `مركز ${id}`, nameEn: `Center ${id}`, governorate: 'Cairo', city: 'Nasr City', kind: 'fixed', ...extra },
  })
  if (res.statusCode !== 201) throw new Error(`register ${id}: ${res.statusCode} ${res.body}`)
  return res.json().secret
}

/** Creates an analyst through the admin API (a national one unless `governorate` is given); throws unless created. */
export async function addAnalyst(hub: TestHub, username: string, password: string, governorate?: string): Promise<void> {
  const res = await hub.app.inject({
    method: 'POST',
    url: '/api/hub/v1/admin/analysts',
    headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` },
    payload: {
      username,
      displayName: username[0]!.toUpperCase() + username.slice(1),
      ...(governorate ? { role: 'governorate', governorate } : { role: 'national' }),
      password,
    },
  })
  if (res.statusCode !== 201) throw new Error(`analyst ${username}: ${res.statusCode} ${res.body}`)
}

/** Posts a body signed as `centerId` with `secret` (fresh nonce, current time unless given). */
export async function postSigned(
  base: string,
  path: string,
  centerId: string,
  secret: string,
  body: unknown,
  o: { timestamp?: number; nonce?: string; seq?: number; headers?: Record<string, string>; signedPath?: string } = {},
) {
  const text = JSON.stringify(body)
  const parts = {
    // the route the signature is for: another than `path` to test that the hub binds it
    path: o.signedPath ?? path,
    centerId,
    timestamp: o.timestamp ?? Date.now(),
    nonce: o.nonce ?? randomUUID().replace(/-/g, ''),
    seq: o.seq ?? (body as { seq?: number }).seq ?? 0,
    body: text,
  }
  const headers = { ...signedHeaders(secret, parts), ...o.headers }
  const res = await fetch(base + path, { method: 'POST', headers, body: text })
  const answer = await res.text()
  return { status: res.status, body: answer ? JSON.parse(answer) : null, headers, text }
}

export const batchPath = UpstreamPaths.batches

/** Adds (or renames) a code of the hub's national catalogue through the admin API. */
export async function addNationalService(hub: TestHub, code: string, extra: Record<string, unknown> = {}): Promise<void> {
  const res = await hub.app.inject({
    method: 'PUT',
    url: `/api/hub/v1/admin/national-services/${code}`,
    headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` },
    payload: { nameAr: `خدمة ${code}`, nameEn: `Service ${code}`, groupAr: '', groupEn: '', ...extra },
  })
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`national service ${code}: ${res.statusCode} ${res.body}`)
}
