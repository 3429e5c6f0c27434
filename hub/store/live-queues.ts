/**
 * Open data at the hub (issue 23): each center's lines now per national service, from its latest
 * heartbeat (hub_live_reports, hub_live_queues; migration 12). Counts only. Whether they are still
 * live is the reader's call (hub/open-data-views.ts, with the offline rule).
 */
import type { LiveQueue, LocalLiveQueue } from '../../protocol/open-data.ts'
import type { Kysely } from 'kysely'
import type { HubDb } from './database.ts'
import type { HubDatabase } from './schema.ts'

/** A center's latest report: when it arrived and its lines. */
export interface LiveReport {
  centerId: string
  reportedAt: number
  queues: LiveQueue[]
  /** Its own services' lines (no national code; migration 21). */
  local: LocalLiveQueue[]
}

/**
 * One line per code, the first a beat names (one statement may not update a row twice on
 * PostgreSQL). The two tables' upserts stay apart: each names its own columns, which Kysely types.
 */
function firstOfEach<T>(lines: readonly T[], codeOf: (line: T) => string): T[] {
  const first = new Map<string, T>()
  for (const line of lines) if (!first.has(codeOf(line))) first.set(codeOf(line), line)
  return [...first.values()]
}

export class LiveQueuesStore {
  constructor(private readonly db: HubDb) {}

  /**
   * Replaces a center's figures with a heartbeat's (inside the heartbeat's transaction `trx`). A
   * heartbeat without them (an older center, or one that stopped reporting them) clears what was
   * held: figures nobody refreshes must not stay on show. Lines that did not change since the last
   * beat are not written again (each center beats every minute or so, and most lines are still):
   * one upsert that skips equal rows, one delete of the lines the beat no longer names. Returns how
   * many lines were written or removed.
   */
  async replace(trx: Kysely<HubDatabase>, centerId: string, queues: readonly LiveQueue[] | undefined, now: number): Promise<number> {
    const deleteLines = async (except: string[] = []) => {
      let q = trx.deleteFrom('hub_live_queues').where('center_id', '=', centerId)
      if (except.length > 0) q = q.where('national_code', 'not in', except)
      return Number((await q.executeTakeFirstOrThrow()).numDeletedRows)
    }
    if (queues === undefined) {
      await trx.deleteFrom('hub_live_reports').where('center_id', '=', centerId).execute()
      return deleteLines()
    }
    await trx
      .insertInto('hub_live_reports')
      .values({ center_id: centerId, reported_at: now })
      .onConflict((oc) => oc.column('center_id').doUpdateSet((eb) => ({ reported_at: eb.ref('excluded.reported_at') })))
      .execute()
    const lines = firstOfEach(queues, (q) => q.nationalCode)
    if (lines.length === 0) return deleteLines()
    const { numInsertedOrUpdatedRows: written } = await trx
      .insertInto('hub_live_queues')
      .values(
        lines.map((q) => ({
          center_id: centerId,
          national_code: q.nationalCode,
          waiting: q.waiting,
          wait_seconds: q.waitSeconds ?? null,
          open: q.open ? 1 : 0,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['center_id', 'national_code'])
          .doUpdateSet((eb) => ({
            waiting: eb.ref('excluded.waiting'),
            wait_seconds: eb.ref('excluded.wait_seconds'),
            open: eb.ref('excluded.open'),
          }))
          .where((eb) =>
            eb.or([
              eb('hub_live_queues.waiting', '<>', eb.ref('excluded.waiting')),
              eb('hub_live_queues.wait_seconds', 'is distinct from', eb.ref('excluded.wait_seconds')),
              eb('hub_live_queues.open', '<>', eb.ref('excluded.open')),
            ]),
          ),
      )
      .executeTakeFirstOrThrow()
    return Number(written) + (await deleteLines(lines.map((q) => q.nationalCode)))
  }

  /**
   * Replaces a center's own services' lines with a heartbeat's (inside its transaction `trx`), none
   * when it sent none (an older center), as `replace` does the national ones: one upsert that skips
   * equal rows, one delete of the lines the beat no longer names (it read every line and compared them
   * in the order of each side's sort, which PostgreSQL's collation and JavaScript's need not share).
   * Returns how many lines were written or removed.
   */
  async replaceLocal(trx: Kysely<HubDatabase>, centerId: string, queues: readonly LocalLiveQueue[] | undefined): Promise<number> {
    const deleteLines = async (except: string[] = []) => {
      let q = trx.deleteFrom('hub_live_local_queues').where('center_id', '=', centerId)
      if (except.length > 0) q = q.where('service_code', 'not in', except)
      return Number((await q.executeTakeFirstOrThrow()).numDeletedRows)
    }
    const lines = firstOfEach(queues ?? [], (q) => q.serviceCode)
    if (lines.length === 0) return deleteLines()
    const { numInsertedOrUpdatedRows: written } = await trx
      .insertInto('hub_live_local_queues')
      .values(
        lines.map((q) => ({
          center_id: centerId,
          service_code: q.serviceCode,
          name_ar: q.nameAr,
          name_en: q.nameEn,
          waiting: q.waiting,
          wait_seconds: q.waitSeconds ?? null,
          open: q.open ? 1 : 0,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['center_id', 'service_code'])
          .doUpdateSet((eb) => ({
            name_ar: eb.ref('excluded.name_ar'),
            name_en: eb.ref('excluded.name_en'),
            waiting: eb.ref('excluded.waiting'),
            wait_seconds: eb.ref('excluded.wait_seconds'),
            open: eb.ref('excluded.open'),
          }))
          .where((eb) =>
            eb.or([
              eb('hub_live_local_queues.name_ar', '<>', eb.ref('excluded.name_ar')),
              eb('hub_live_local_queues.name_en', '<>', eb.ref('excluded.name_en')),
              eb('hub_live_local_queues.waiting', '<>', eb.ref('excluded.waiting')),
              eb('hub_live_local_queues.wait_seconds', 'is distinct from', eb.ref('excluded.wait_seconds')),
              eb('hub_live_local_queues.open', '<>', eb.ref('excluded.open')),
            ]),
          ),
      )
      .executeTakeFirstOrThrow()
    return Number(written) + (await deleteLines(lines.map((q) => q.serviceCode)))
  }

  /** Every center's latest report (one query each for reports and lines). */
  async reports(): Promise<Map<string, LiveReport>> {
    const out = new Map<string, LiveReport>()
    for (const r of await this.db.selectFrom('hub_live_reports').select(['center_id', 'reported_at']).execute())
      out.set(r.center_id, { centerId: r.center_id, reportedAt: r.reported_at, queues: [], local: [] })
    const rows = await this.db
      .selectFrom('hub_live_queues')
      .select(['center_id', 'national_code', 'waiting', 'wait_seconds', 'open'])
      .orderBy('center_id')
      .orderBy('national_code')
      .execute()
    for (const r of rows)
      out.get(r.center_id)?.queues.push({
        nationalCode: r.national_code,
        waiting: r.waiting,
        ...(r.wait_seconds === null ? {} : { waitSeconds: r.wait_seconds }),
        open: r.open === 1,
      })
    const local = await this.db.selectFrom('hub_live_local_queues').selectAll().orderBy('center_id').orderBy('service_code').execute()
    for (const r of local)
      out.get(r.center_id)?.local.push({
        serviceCode: r.service_code,
        nameAr: r.name_ar,
        nameEn: r.name_en,
        waiting: r.waiting,
        ...(r.wait_seconds === null ? {} : { waitSeconds: r.wait_seconds }),
        open: r.open === 1,
      })
    return out
  }
}
