import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify'
import { join, resolve } from 'node:path'
import type { Config } from './config.ts'
import { openDatabase, type Db } from './db/connection.ts'
import { Queue } from './queue/queue.ts'
import type { Clock } from './queue/queue-context.ts'
import { Configuration } from './config/configuration.ts'
import type { Actor } from './queue/actor.ts'
import { Authenticator } from './auth/authenticator.ts'
import { bearerToken } from '../protocol/bearer.ts'
import { passwordHashing } from './auth/passwords.ts'
import { installSecurityHeaders } from './security-headers.ts'
import { keepTlsFresh, readTlsFiles, tlsOn } from './ops/tls.ts'
import type { Server as HttpsServer } from 'node:https'
import { ensureAdmin } from './bootstrap.ts'
import { DEMO_PASSWORD, seedDemo, type DemoSeed } from './demo/seed.ts'
import { PairingCodeDigest } from './auth/pairing-codes.ts'
import { REQUEST_SERIALIZERS } from './ops/logging.ts'
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './error-handler.ts'
import { emptyBodyAsNone } from '../protocol/empty-json-body.ts'
import { installValidation } from './validation.ts'
import { installSerialization } from './serialization.ts'
import { installOpenApi } from './openapi.ts'
import { cachedLiveQueues, liveLinesOf } from './upstream/live-queues.ts'
import { apiV1 } from './routes/index.ts'
import { healthRoutes } from './routes/health.ts'
import { createOps, opsRoutes, type Ops } from './ops/index.ts'
import { publicPages } from './routes/public-pages.ts'
import { joinPages } from './routes/join-pages.ts'
import { mediaFiles } from './routes/media/index.ts'
import { attachRealtime, type Realtime } from './realtime/socket-server.ts'
import { serveUi } from './ui-static.ts'
import type { DomainError } from './errors.ts'
import { Printing } from './devices/printing.ts'
import { Reports } from './reports/reports.ts'
import type { PrinterFactory } from './devices/printer-handle.ts'
import { openEscPosPrinter } from './devices/escpos-printer.ts'
import { useTicketFonts } from './devices/ticket-job-worker.ts'
import { SerialDevices } from './devices/serial-devices.ts'
import type { SerialBinding } from '../drivers/serial/index.ts'
import { UpstreamReporter, upstreamEnabled } from './upstream/reporter.ts'
import { ConfigBundleCommands } from './config/config-bundle-commands.ts'
import { assertMountable } from './plugin-guard.ts'
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.ts'
import { createMessaging, type Messaging } from './notify/messaging.ts'
import { centerAddress } from './center-address.ts'
import { NumberRetention } from './notify/number-retention.ts'
import { named } from './plugin-name.ts'

/** What the app is built from besides its config; every part can be swapped in tests. */
export interface TabourDeps {
  /** An open database; default: `<dataDir>/tabour.sqlite`, opened (and closed) by the app. */
  db?: Db
  /** Epoch-ms clock; default Date.now. Tests move time across midnight with it. */
  clock?: Clock
  /** Opens a kiosk's ticket printer; default: the ESC/POS driver in drivers/printer. */
  openPrinter?: PrinterFactory
  /** serialport binding for LED boards and keypads; default: the OS. Tests pass @serialport/binding-mock's MockBinding. */
  serialBinding?: SerialBinding
  /** Reopen backoff of serial lines after an unplug; default 500 ms doubling to 10 s. */
  serialBackoffMs?: { min: number; max: number }
}

/** The center server's services, decorated on the Fastify instance as `tabour`. */
export interface Tabour {
  config: Config
  /** The prefix the plugin is mounted under ('' at the root), for URLs the server hands out. */
  basePath: string
  db: Db
  queue: Queue
  /** Configuration commands (services, counters, users, devices, settings, news), each audited in its own transaction. */
  configuration: Configuration
  /** The hub's configuration bundles: the one running, applying or refusing a new one (issue 23). */
  configBundles: ConfigBundleCommands
  auth: Authenticator
  clock: Clock
  realtime: Realtime
  printing: Printing
  /** LED counter boards and call keypads on serial lines; they follow `device:changed` (a device created, edited or revoked). */
  serialDevices: SerialDevices
  /** Reports hourly throughput to the national hub; null when `upstream` is not configured. */
  upstream: UpstreamReporter | null
  /** Sends signed webhook deliveries to integrators' subscribed URLs (issue 20). */
  webhooks: WebhookDispatcher
  /** The metrics registry and the backup scheduler. */
  ops: Ops
  /** Messages to citizens (SMS, WhatsApp); null when `messages.provider` is none. */
  messages: Messaging | null
  /** The statistics' queries (today, a range, the hourly charts, CSVs, device health). */
  reports: Reports
  /** The admin password when this start generated it (print it once), else null. */
  generatedAdminPassword: string | null
  /** What the demo seed created (credentials to print), when config.demo is on. */
  demo: DemoSeed | null
}

declare module 'fastify' {
  interface FastifyInstance {
    tabour: Tabour
    /** With config tls on: re-reads the certificate and key now (SIGHUP); false when they could not be used. */
    reloadTls?: () => boolean
  }
  interface FastifyRequest {
    actor: Actor | null
    authError: DomainError | null
  }
}

export interface TabourPluginOptions {
  config: Config
  deps?: TabourDeps
  /** Called with the services once built: the plugin is encapsulated, so this is how a host app reaches them. */
  expose?: (tabour: Tabour) => void
}

/** How often a quiet center checks for parked tickets past their deadline. */
const PARKING_SWEEP_MS = 10_000

function safely(fastify: { log: { error: (o: object, m: string) => void } }, work: () => void): void {
  try {
    work()
  } catch (err) {
    fastify.log.error({ err }, 'parking sweep failed')
  }
}

/** A kiosk posts a few hundred bytes; anything near this limit is a mistake or an attack. */
export const BODY_LIMIT_BYTES = 64 * 1024

/** The database file inside the data dir. */
export const databaseFile = (config: Pick<Config, 'dataDir'>) => join(resolve(config.dataDir), 'tabour.sqlite')

/**
 * The whole center server as one encapsulated Fastify plugin: register it in another Fastify
 * app, under a prefix if you like (socket.io then lives at `<prefix>/socket.io`).
 */
export const tabourPlugin: FastifyPluginAsync<TabourPluginOptions> = async (fastify, { config, deps = {}, expose }) => {
  assertMountable(fastify, config, Boolean(deps.db))
  const clock = deps.clock ?? Date.now
  passwordHashing.configure(config.logins.hashConcurrency, config.logins.hashQueue)
  const ownsDb = !deps.db
  const db = deps.db ?? openDatabase(databaseFile(config))
  fastify.addHook('onClose', async () => {
    if (ownsDb) db.close()
  })

  // the demo's admin gets the demo password so a restarted demo stays usable; a real center gets a random one, printed once
  const { generatedPassword } = await ensureAdmin(db, config.adminPassword ?? (config.demo ? DEMO_PASSWORD : undefined), clock())
  // seeded before the queue is made: the queue reads the calendar once, at its start
  const demo = config.demo ? await seedDemo(db, clock(), PairingCodeDigest.forDataDir(config.dataDir), config.timeZone) : null
  const queue = new Queue(db, config, clock, (err) => fastify.log.error({ err }, 'domain event listener failed'))
  const configuration = new Configuration(queue.ctx, config)
  const configBundles = new ConfigBundleCommands(queue.ctx, configuration, config)
  const auth = new Authenticator(db, clock)

  // set per route so it holds when embedded in a host with a larger limit
  fastify.addHook('onRoute', (route) => {
    route.bodyLimit ??= BODY_LIMIT_BYTES
  })
  installValidation(fastify)
  // `content-type: application/json` with no body, as API clients send it, on a route that takes none (a counter's actions, a reinstate): no body.
  // In this plugin's context only: a host's own JSON parser stays its own
  fastify.removeContentTypeParser('application/json')
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, emptyBodyAsNone(fastify.getDefaultJsonParser('error', 'error')))
  installSerialization(fastify)
  installErrorHandling(fastify)
  installSecurityHeaders(fastify, { hsts: tlsOn(config) && config.tls.hsts })
  fastify.decorateRequest('actor', null)
  fastify.decorateRequest('authError', null)
  fastify.addHook('onRequest', async (request) => {
    const token = bearerToken(request.headers.authorization)
    if (!token) return
    const result = auth.authenticate(token)
    if (result instanceof Error) request.authError = result
    else request.actor = result
  })

  const prefix = fastify.prefix
  const realtime = attachRealtime(fastify, { auth, queue, config, path: `${prefix}/socket.io` })
  useTicketFonts(config.printing?.fonts)
  const printing = new Printing(queue, config, deps.openPrinter ?? openEscPosPrinter, fastify.log)
  fastify.addHook('onClose', async () => printing.close())
  const serialDevices = new SerialDevices(queue, fastify.log, {
    binding: deps.serialBinding,
    minBackoffMs: deps.serialBackoffMs?.min,
    maxBackoffMs: deps.serialBackoffMs?.max,
  })
  fastify.addHook('onClose', async () => serialDevices.close())
  const reports = new Reports(queue.ctx, queue.events, queue.deviceStatus)
  fastify.addHook('onClose', async () => reports.stop())
  const upstream = upstreamEnabled(config.upstream)
    ? new UpstreamReporter({
        db,
        config,
        faultyDevices: () => reports.devices.faultyCount(),
        log: fastify.log,
        clock,
        lastBackup: () => ops.backups.lastOutcome(),
        backupsEnabled: () => ops.backups.enabled,
        bundles: configBundles,
        liveQueues: cachedLiveQueues(() => liveLinesOf(queue.view.serviceQueues({ activeOnly: true })), queue.events),
      })
    : null
  if (upstream) {
    fastify.addHook('onReady', async () => upstream.start())
    fastify.addHook('onClose', async () => upstream.stop())
  }
  const webhooks = new WebhookDispatcher({ db, config, events: queue.events, log: fastify.log, clock })
  fastify.addHook('onReady', async () => webhooks.start())
  fastify.addHook('onClose', async () => webhooks.stop())
  const messages = createMessaging({
    db,
    config,
    queue,
    log: fastify.log,
    clock,
    // the status link in a message: as the QR on the ticket carries it (routes/public-url.ts)
    publicBase: () => {
      if (config.publicUrl) return centerAddress(config)
      const address = fastify.server.address()
      return `${centerAddress(config, address && typeof address === 'object' ? address : undefined)}${prefix}`
    },
  })
  if (messages) {
    fastify.addHook('onReady', async () => messages.notifier.start())
    fastify.addHook('onClose', async () => messages.notifier.stop())
  }
  // numbers are erased when their day is over whether or not anything is texted (the kiosk records them either way)
  const numbers = new NumberRetention(db, () => ({ timeZone: config.timeZone, keepDays: config.messages.keepNumbersDays }), clock)
  fastify.addHook('onReady', async () => numbers.start())
  fastify.addHook('onClose', async () => numbers.stop())
  // parked tickets past their deadline are abandoned on every change and read; this tick covers a quiet center
  const parkingSweep = setInterval(() => safely(fastify, () => queue.parking.sweep()), PARKING_SWEEP_MS).unref()
  fastify.addHook('onClose', async () => clearInterval(parkingSweep))
  const ops = createOps({
    db,
    config,
    clock,
    events: queue.events,
    socketCount: () => realtime.socketCount(),
    log: fastify.log,
    faultyDevices: () => reports.devices.faultyCount(),
  })
  const tabour: Tabour = {
    config,
    basePath: prefix,
    db,
    queue,
    configuration,
    configBundles,
    auth,
    clock,
    realtime,
    printing,
    serialDevices,
    upstream,
    webhooks,
    ops,
    messages,
    reports,
    generatedAdminPassword: generatedPassword,
    demo,
  }
  fastify.decorate('tabour', tabour)
  expose?.(tabour)

  await installOpenApi(fastify)
  await fastify.register(named(apiV1), { prefix: '/api/v1' })
  await fastify.register(named(healthRoutes))
  await fastify.register(named(opsRoutes), { ops, config })
  await fastify.register(named(mediaFiles))
  await serveUi(fastify, resolve(config.uiDir))
  await fastify.register(named(publicPages), { uiDir: resolve(config.uiDir) })
  await fastify.register(named(joinPages), { uiDir: resolve(config.uiDir) })
}

/** Builds (never listens) a Fastify app running one center; `logger` options pass through to Fastify. */
export function buildApp(config: Config, deps: TabourDeps = {}, options: Pick<FastifyServerOptions, 'logger'> = {}): FastifyInstance {
  const tls = readTlsFiles(config)
  const app = Fastify({
    // HTTPS when config tls names a certificate and key (the http options below hold for both)
    ...(tls ? { https: tls } : {}),
    logger: options.logger ?? { level: config.logLevel, serializers: REQUEST_SERIALIZERS },
    return503OnClosing: true,
    // router errors (bad %-escapes, over-long segments) bypass setErrorHandler: answer them in our shape
    frameworkErrors,
    // slow or stalled clients are cut off (see config http); Node's parser errors answer in our shape too
    requestTimeout: Math.round(config.http.requestTimeoutSeconds * 1000),
    keepAliveTimeout: Math.round(config.http.keepAliveTimeoutSeconds * 1000),
    http: {
      headersTimeout: Math.round(config.http.headersTimeoutSeconds * 1000),
      // Node enforces both timeouts only when it sweeps its connections (default every 30 s): sweep often enough to hold them
      connectionsCheckingInterval: Math.min(1_000, Math.round(config.http.headersTimeoutSeconds * 500)),
    },
    clientErrorHandler,
  })
  app.decorate('tabour', null as unknown as Tabour)
  if (tls) {
    const fresh = keepTlsFresh(app.server as unknown as HttpsServer, config, app.log)
    app.decorate('reloadTls', fresh.reload)
    app.addHook('onClose', async () => fresh.stop())
  }
  app.register(named(tabourPlugin), {
    config,
    deps,
    expose: (tabour) => {
      app.tabour = tabour
    },
  })
  return app
}
