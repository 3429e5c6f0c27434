import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { Tabour } from '../app.ts'
import { errorResponses } from '../../protocol/common.ts'
import { allow, MANAGERS } from '../auth/access.ts'
import { BackupScheduler } from './backup-scheduler.ts'
import { listBackups } from './backup.ts'
import { metricsRoute, TabourMetrics } from './metrics.ts'

/** The operations side of one center: its metrics registry and its backup scheduler. */
export interface Ops {
  metrics: TabourMetrics
  backups: BackupScheduler
}

const opsByCenter = new WeakMap<Tabour, Ops>()

/** The ops services of an app (`opsOf(app.tabour)`), for tests and embedding hosts. */
export function opsOf(tabour: Tabour): Ops {
  const ops = opsByCenter.get(tabour)
  if (!ops) throw new Error('the ops plugin is not registered on this app')
  return ops
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
 * Metrics, scheduled backups and their status route. Registered inside the center plugin, so
 * the paths follow its prefix: `<prefix>/metrics`, `<prefix>/api/v1/health/backups`.
 */
export async function opsRoutes(app: FastifyInstance): Promise<void> {
  const tabour = app.tabour
  const backups = new BackupScheduler(tabour.db, tabour.config, tabour.clock, app.log)
  const metrics = new TabourMetrics(tabour, backups.enabled ? { lastBackup: () => backups.lastOutcome() } : {})
  opsByCenter.set(tabour, { metrics, backups })
  backups.start()
  app.addHook('onClose', async () => {
    await backups.stop()
    metrics.close()
  })

  await metricsRoute(app, metrics)

  /** GET /api/v1/health/backups (manager, admin): the nightly backup's schedule, last outcome and the files kept. */
  app.get(
    '/api/v1/health/backups',
    { preValidation: allow(...MANAGERS), schema: { tags: ['health'], response: { 200: BackupStatus, ...errorResponses(401, 403) } } },
    async () => {
      const last = backups.lastOutcome()
      const next = backups.nextRunAt()
      return {
        enabled: backups.enabled,
        dir: backups.dir,
        keep: tabour.config.backup.keep,
        atLocalTime: tabour.config.backup.atLocalTime,
        timeZone: tabour.config.timeZone,
        nextRunAt: next === null ? null : new Date(next).toISOString(),
        last: last && { ...last, at: new Date(last.at).toISOString() },
        files: backups.dir
          ? listBackups(backups.dir).map((b) => ({ name: b.name, bytes: b.bytes, at: new Date(b.modifiedAt).toISOString() }))
          : [],
      }
    },
  )
}
