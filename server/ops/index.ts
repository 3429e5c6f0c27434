import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { Config } from '../config.ts'
import type { Clock } from '../queue/queue-context.ts'
import { errorResponses } from '../../protocol/common.ts'
import { allow, MANAGERS } from '../auth/access.ts'
import { BackupScheduler } from './backup-scheduler.ts'
import { listBackups } from './backup.ts'
import { metricsRoute, TabourMetrics, type MetricsCenter } from './metrics.ts'

/** The operations side of one center: its metrics registry and its backup scheduler (`app.tabour.ops`). */
export interface Ops {
  metrics: TabourMetrics
  backups: BackupScheduler
}

/** What the ops side is built from; app.ts hands it the center's parts, so ops never imports the app. */
export interface OpsCenter extends MetricsCenter {
  config: Config
  clock: Clock
  log: FastifyBaseLogger
}

/** Builds the metrics registry (subscribed to the domain events) and the backup scheduler (not started: `opsRoutes` starts it). */
export function createOps(center: OpsCenter): Ops {
  const backups = new BackupScheduler(center.db, center.config, center.clock, center.log)
  const metrics = new TabourMetrics(center, backups.enabled ? { lastBackup: () => backups.lastOutcome() } : {})
  return { metrics, backups }
}

/** Options of `opsRoutes`. */
export interface OpsRoutesOptions {
  ops: Ops
  config: Config
}

const Iso = Type.String({ format: 'date-time' })
const BackupStatus = Type.Object({
  enabled: Type.Boolean({ description: 'false when backup.dir is not set' }),
  dir: Type.Union([Type.String(), Type.Null()]),
  keep: Type.Integer(),
  atLocalTime: Type.String({ description: 'HH:MM in the center time zone' }),
  timeZone: Type.String(),
  nextRunAt: Type.Union([Iso, Type.Null()]),
  last: Type.Union([
    Type.Object({
      ok: Type.Boolean(),
      at: Iso,
      file: Type.Union([Type.String(), Type.Null()]),
      bytes: Type.Union([Type.Integer(), Type.Null()]),
      durationMs: Type.Number(),
      error: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  files: Type.Array(Type.Object({ name: Type.String(), bytes: Type.Integer(), at: Iso })),
})

/**
 * Starts the scheduled backups and serves the metrics and the backups' status route. Registered inside the center plugin, so
 * the paths follow its prefix: `<prefix>/metrics`, `<prefix>/api/v1/health/backups`.
 */
export async function opsRoutes(app: FastifyInstance, { ops, config }: OpsRoutesOptions): Promise<void> {
  const { metrics, backups } = ops
  backups.start()
  app.addHook('onClose', async () => {
    await backups.stop()
    metrics.close()
  })

  await metricsRoute(app, metrics, config.metrics)

  /** GET /api/v1/health/backups (manager, admin): the nightly backup's schedule, last outcome and the files kept. */
  app.get(
    '/api/v1/health/backups',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['health'],
        summary: "the nightly backup's schedule, its last outcome and the files kept",
        response: { 200: BackupStatus, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const last = backups.lastOutcome()
      const next = backups.nextRunAt()
      return {
        enabled: backups.enabled,
        dir: backups.dir,
        keep: config.backup.keep,
        atLocalTime: config.backup.atLocalTime,
        timeZone: config.timeZone,
        nextRunAt: next === null ? null : new Date(next).toISOString(),
        last: last && { ...last, at: new Date(last.at).toISOString() },
        files: backups.dir
          ? listBackups(backups.dir).map((b) => ({ name: b.name, bytes: b.bytes, at: new Date(b.modifiedAt).toISOString() }))
          : [],
      }
    },
  )
}
