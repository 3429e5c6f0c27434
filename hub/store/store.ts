/**
 * The hub's storage: one class over the hub's Kysely instance (SQLite or PostgreSQL, database.ts),
 * so both run the same queries, the same migrations and the same tests. The center registry, the
 * centers' status and the ingest bookkeeping are served here (the records and the status upsert
 * are centers.ts'); each other concern has its own store.
 */
import type { Kysely, Updateable } from 'kysely'
import type { HourBatch, CenterHealth, CenterOwnName } from '../../protocol/upstream.ts'
import { hubMigrations, type HubMigration } from './migrations.ts'
import { type Dialect, type HubDb, dialectOf } from './database.ts'
import { migrateHub } from './migrate.ts'
import type { HubCentersTable, HubDatabase } from './schema.ts'
import { type CenterRecord, type CenterStatus, centerFrom, statusFrom, touchStatus } from './centers.ts'
import { NationalServicesStore } from './national-services.ts'
import { AnalystsStore } from './analysts.ts'
import { ConfigBundlesStore } from './config-bundles.ts'
import { LiveQueuesStore } from './live-queues.ts'
import type { LiveQueue, LocalLiveQueue } from '../../protocol/open-data.ts'
import {
  batchesReport,
  checkBatches,
  countRows,
  type IngestResult,
  ingestOnPostgres,
  latestBatches,
  PG_MERGE_COLUMNS,
  storeHourRows,
} from './figures-ingest.ts'
import { IngestFunction } from './ingest-function-pg.ts'
import { FigurePartitions } from './partitions.ts'
import { migration11 } from './migration-11-scale.ts'
import { figuresFromSource, hourlySource, nationalFigures, type FiguresQuery } from './figures-query.ts'
import { flushRollupMarks, foldRollupMarks, holdFoldLock, oldestRollupMark } from './rollup-fold.ts'
import { migration18 } from './migration-18-rollup-marks.ts'
import { migration19 } from './migration-19-service-hour.ts'
import { disownServiceHourRollup, moveCenterGovernorate } from './rollup-service-hour.ts'
import type { FigureRow } from '../../protocol/hub-api.ts'

export type { CenterRecord, CenterStatus } from './centers.ts'
// the kinds are the wire's (protocol/hub-api.ts), and schema.ts types the column with them
export { CENTER_KINDS, type CenterKind } from '../../protocol/hub-api.ts'

/** Summed figures of one group (the wire shape, protocol/hub-api.ts). */
export type { FigureRow }
export { GROUP_BYS, type GroupBy, type FiguresQuery } from './figures-query.ts'
export { averageRating, figureRow, slaPercentOf, unmappedKey } from './figure-rows.ts'

/** The migration that builds the rollups. */
const ROLLUPS_SCHEMA_VERSION = migration11.version

export class HubStore {
  /** The national service catalogue. */
  readonly nationalServices: NationalServicesStore
  /** Analysts' accounts, sessions and the access log. */
  readonly analysts: AnalystsStore
  /** Signed configuration bundles and what each center runs or refused. */
  readonly configBundles: ConfigBundlesStore
  /** Open data: each center's lines now, from its latest heartbeat. */
  readonly liveQueues: LiveQueuesStore
  /** The schema version after migrate(): the views read the rollups once migration 11 has built them. */
  private schemaVersion = 0
  /** hub_figures' monthly partitions (PostgreSQL). */
  readonly partitions: FigurePartitions
  readonly dialect: Dialect
  /** PostgreSQL: the nonce, the center's lock and the merge (or, deferred, the marks) as one server-side function, made on first use. */
  private readonly ingestFunctions = { inline: new IngestFunction(PG_MERGE_COLUMNS), deferred: new IngestFunction(PG_MERGE_COLUMNS, true) }
  /** Ingest leaves the rollups to foldRollups() (rollup-fold.ts): the hourly rows and their days' marks only. */
  readonly defersRollups: boolean
  /** Keeping the rollups inline, this store has cleared the by-hour-for-a-service rollup's flag (rollup-service-hour.ts), once before its first ingest. */
  private serviceHourDisowned = false

  /**
   * `db`: from openHubDatabase() (database.ts); the store owns it from then on (close()).
   * `deferRollups` (default false): ingest marks the days it changed instead of updating the
   * rollups; someone must then call foldRollups() (the hub app's refresher does).
   */
  constructor(
    readonly db: HubDb,
    options: { deferRollups?: boolean } = {},
  ) {
    this.defersRollups = options.deferRollups ?? false
    this.dialect = dialectOf(db)
    this.configBundles = new ConfigBundlesStore(db)
    this.nationalServices = new NationalServicesStore(db)
    this.analysts = new AnalystsStore(db)
    this.liveQueues = new LiveQueuesStore(db)
    this.partitions = new FigurePartitions(db)
  }

  /** Applies pending migrations (all of them in one transaction); returns the schema version. */
  async migrate(migrations: readonly HubMigration[] = hubMigrations): Promise<number> {
    this.schemaVersion = await migrateHub(this.db, migrations)
    return this.schemaVersion
  }

  close(): Promise<void> {
    return this.db.destroy()
  }

  // --- the center registry ------------------------------------------------------------------

  /** Registers a center (false: the id is taken); its city names default to '' (none given), and it is active unless told. */
  async addCenter(
    c: Omit<CenterRecord, 'createdAt' | 'active' | 'cityAr' | 'cityEn'> & Partial<Pick<CenterRecord, 'cityAr' | 'cityEn' | 'active'>>,
    now: number,
  ): Promise<boolean> {
    const { numInsertedOrUpdatedRows } = await this.db
      .insertInto('hub_centers')
      .values({
        id: c.id,
        name_ar: c.nameAr,
        name_en: c.nameEn,
        governorate: c.governorate,
        city_ar: c.cityAr ?? '',
        city_en: c.cityEn ?? '',
        kind: c.kind,
        secret: c.secret,
        active: c.active === false ? 0 : 1,
        created_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirstOrThrow()
    return Number(numInsertedOrUpdatedRows) === 1
  }

  /** Changes a center's registry fields; a move to another governorate also moves its figures in the rollup by governorate (rollup-service-hour.ts). */
  async updateCenter(id: string, patch: Partial<Omit<CenterRecord, 'id' | 'createdAt'>>): Promise<CenterRecord | null> {
    const set: Updateable<HubCentersTable> = {}
    if (patch.nameAr !== undefined) set.name_ar = patch.nameAr
    if (patch.nameEn !== undefined) set.name_en = patch.nameEn
    if (patch.governorate !== undefined) set.governorate = patch.governorate
    if (patch.cityAr !== undefined) set.city_ar = patch.cityAr
    if (patch.cityEn !== undefined) set.city_en = patch.cityEn
    if (patch.kind !== undefined) set.kind = patch.kind
    if (patch.secret !== undefined) set.secret = patch.secret
    if (patch.active !== undefined) set.active = patch.active ? 1 : 0
    if (Object.keys(set).length === 0) return this.getCenter(id)
    const to = patch.governorate
    if (to === undefined || !this.hasServiceHourRollup()) {
      await this.db.updateTable('hub_centers').set(set).where('id', '=', id).execute()
      return this.getCenter(id)
    }
    await this.db.transaction().execute(async (trx) => {
      // no fold in between: it would sum the center's days into the governorate it read before the move
      await holdFoldLock(trx)
      const before = await trx.selectFrom('hub_centers').select('governorate').where('id', '=', id).executeTakeFirst()
      await trx.updateTable('hub_centers').set(set).where('id', '=', id).execute()
      if (before) await moveCenterGovernorate(trx, id, before.governorate, to)
    })
    return this.getCenter(id)
  }

  async getCenter(id: string): Promise<CenterRecord | null> {
    const row = await this.db.selectFrom('hub_centers').selectAll().where('id', '=', id).executeTakeFirst()
    return row ? centerFrom(row) : null
  }

  async listCenters(): Promise<CenterRecord[]> {
    return (await this.db.selectFrom('hub_centers').selectAll().orderBy('governorate').orderBy('id').execute()).map(centerFrom)
  }

  async statuses(): Promise<Map<string, CenterStatus>> {
    const rows = await this.db.selectFrom('hub_center_status').selectAll().execute()
    return new Map(rows.map((r) => [r.center_id, statusFrom(r)]))
  }

  // --- ingest --------------------------------------------------------------------------------

  /** Remembers a nonce (in the transaction `db` when given); false when it was seen before (a replay). */
  async rememberNonce(centerId: string, nonce: string, now: number, db: Kysely<HubDatabase> = this.db): Promise<boolean> {
    const { numInsertedOrUpdatedRows } = await db
      .insertInto('hub_nonces')
      .values({ center_id: centerId, nonce, seen_at: now })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirstOrThrow()
    return Number(numInsertedOrUpdatedRows) === 1
  }

  /** Forgets nonces older than `before` (their timestamps are refused as stale anyway). */
  async pruneNonces(before: number): Promise<number> {
    const { numDeletedRows } = await this.db.deleteFrom('hub_nonces').where('seen_at', '<', before).executeTakeFirstOrThrow()
    return Number(numDeletedRows)
  }

  /**
   * Stores one hour batch, idempotently: each (center, day, hour, service) row keeps the highest
   * revision it was sent; a resend or an older revision changes nothing. The nonce is taken in
   * the same transaction, so a replay is refused even when two copies race.
   */
  ingest(batch: HourBatch, nonce: string, now: number): Promise<IngestResult | 'replayed'> {
    return this.ingestHours([batch], nonce, now)
  }

  /**
   * Stores several hour batches of one center (a backlog) in one transaction, with the same
   * guarantees as one: all of them or none, each row at its highest revision, rollups exactly
   * the sums of the rows. A handful of statements whatever the number of hours.
   */
  async ingestHours(batches: readonly HourBatch[], nonce: string, now: number): Promise<IngestResult | 'replayed'> {
    checkBatches(batches)
    const centerId = batches[0].centerId
    for (const day of new Set(batches.map((b) => b.day))) await this.partitions.ensureFor(day)
    // (a store part-way through its migrations has no marks' table: it keeps the rollups inline)
    const defer = this.defersRollups && this.hasRollupMarks()
    // its batches leave no mark, so the fold would never sum them into the rollup by governorate: the views stop reading it
    if (!defer && !this.serviceHourDisowned && this.hasServiceHourRollup()) {
      await disownServiceHourRollup(this.db)
      this.serviceHourDisowned = true
    }
    if (this.dialect === 'postgres') {
      const fn = this.ingestFunctions[defer ? 'deferred' : 'inline']
      await fn.ensure(this.db)
      // one round trip; with deferred rollups it is its own transaction, inline the keys a sum cannot keep are recomputed in it
      if (defer) return ingestOnPostgres(this.db, fn, batches, nonce, now)
      return this.db.transaction().execute((trx) => ingestOnPostgres(trx, fn, batches, nonce, now))
    }
    return this.db.transaction().execute(async (trx) => {
      const remember = () => this.rememberNonce(centerId, nonce, now, trx)
      const stored = await storeHourRows(trx, batches, now, { value: nonce, remember }, defer)
      if (stored === 'replayed') return 'replayed'
      // the hours the batches advance (per hour the latest revision sent); a batch that advances none is a duplicate
      const { numInsertedOrUpdatedRows: hoursChanged } = await trx
        .insertInto('hub_hours')
        .values(
          latestBatches(batches).map((b) => ({
            center_id: b.centerId,
            day: b.day,
            hour: b.hour,
            revision: b.revision,
            final: b.final ? 1 : 0,
            seq: b.seq,
            received_at: now,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['center_id', 'day', 'hour'])
            .doUpdateSet((eb) => ({
              revision: eb.ref('excluded.revision'),
              final: eb.ref('excluded.final'),
              seq: eb.ref('excluded.seq'),
              received_at: eb.ref('excluded.received_at'),
            }))
            .whereRef('hub_hours.revision', '<', 'excluded.revision'),
        )
        .executeTakeFirstOrThrow()
      const duplicates = batches.length - Number(hoursChanged)
      await touchStatus(trx, centerId, now, { ...batchesReport(batches), duplicates })
      const codes = batches.flatMap((b) => b.rows.flatMap((r) => (r.nationalCode ? [r.nationalCode] : [])))
      const unknownNationalCodes = await this.nationalServices.unknownOf(codes, trx)
      return { stored, ignored: countRows(batches) - stored, duplicate: duplicates === batches.length, unknownNationalCodes }
    })
  }

  async heartbeat(
    centerId: string,
    nonce: string,
    health: CenterHealth,
    now: number,
    live?: LiveQueue[],
    localLive?: LocalLiveQueue[],
    ownName?: CenterOwnName,
  ): Promise<'ok' | 'replayed'> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await this.rememberNonce(centerId, nonce, now, trx))) return 'replayed'
      await touchStatus(trx, centerId, now, { health, ownName })
      await this.liveQueues.replace(trx, centerId, live, now)
      // a heartbeat without the national lines clears the report, so its own services' lines go with it
      await this.liveQueues.replaceLocal(trx, centerId, live === undefined ? undefined : localLive)
      return 'ok'
    })
  }

  /** Adds `hits` (default 1) refusals of `code` to the center's count ('' = not attributed to a center). */
  async countRejection(code: string, centerId: string | null, now: number, hits = 1): Promise<void> {
    await this.db
      .insertInto('hub_rejections')
      .values({ code, center_id: (centerId ?? '').slice(0, 64), hits, last_at: now })
      .onConflict((oc) =>
        oc.columns(['code', 'center_id']).doUpdateSet((eb) => ({
          hits: eb('hub_rejections.hits', '+', eb.ref('excluded.hits')),
          last_at: eb.ref('excluded.last_at'),
        })),
      )
      .execute()
  }

  async rejections(): Promise<{ code: string; centerId: string; count: number; lastAt: number }[]> {
    const rows = await this.db
      .selectFrom('hub_rejections')
      .select(['code', 'center_id', 'hits', 'last_at'])
      .orderBy('code')
      .orderBy('center_id')
      .execute()
    return rows.map((r) => ({ code: r.code, centerId: r.center_id, count: r.hits, lastAt: r.last_at }))
  }

  // --- figures -------------------------------------------------------------------------------

  /** Folds up to FOLD_LIMIT marked days into the rollups in one transaction (rollup-fold.ts); resolves with how many. */
  foldRollups(): Promise<number> {
    return this.hasRollupMarks() ? foldRollupMarks(this.db, this.hasServiceHourRollup()) : Promise.resolve(0)
  }

  /** Folds every marked day: afterwards the views hold every batch stored before the call. */
  flushRollups(): Promise<number> {
    return this.hasRollupMarks() ? flushRollupMarks(this.db, this.hasServiceHourRollup()) : Promise.resolve(0)
  }

  /**
   * Until when the views hold every stored batch: the oldest unfolded change's time, or `now` when
   * none waits. A store keeping its rollups inline answers `now` without asking: its ingest marks
   * nothing, and the marks a deferring hub left were folded when it opened (open-store.ts).
   */
  async figuresAsOf(now: number): Promise<number> {
    return (this.defersRollups && this.hasRollupMarks() ? await oldestRollupMark(this.db) : null) ?? now
  }

  /** A store migrated to 18 or later has the marks' table (a store part-way through its migrations has none). */
  private hasRollupMarks(): boolean {
    return this.schemaVersion >= migration18.version
  }

  /** A store migrated to 19 or later has the rollup by day, hour, governorate and national code. */
  private hasServiceHourRollup(): boolean {
    return this.schemaVersion >= migration19.version
  }

  /** Summed figures over the local days `from`..`to` (inclusive), grouped by governorate, center, service, day or hour: from the rollups, range capped, time-limited. */
  figures(q: FiguresQuery): Promise<FigureRow[]> {
    return nationalFigures(this.db, q, { rollups: this.schemaVersion >= ROLLUPS_SCHEMA_VERSION, serviceHour: this.hasServiceHourRollup() })
  }

  /** The same figures summed from the hourly rows (the pre-rollup query; kept to check the rollups against). */
  figuresFromHourlyRows(q: FiguresQuery): Promise<FigureRow[]> {
    return figuresFromSource(this.db, q, hourlySource(q))
  }
}
