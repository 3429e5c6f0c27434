/**
 * hub_figures on PostgreSQL is partitioned by month (RANGE on `day`, a DATE there), one child
 * table per month named as pg_partman names them (hub_figures_p2026_12). With pg_partman
 * installed in the database, it manages them (future months made ahead, retention if the
 * operator sets one in partman.part_config); without it, the hub makes each month's partition
 * itself the first time a batch for that month arrives. Both ways a batch never fails for want
 * of a partition; a default partition (hub_figures_default) holds rows written by other means
 * for a month without one, until that month's partition is made and they move there. SQLite has no partitions: nothing to do there.
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf } from './database.ts'
import { isCalendarDay } from './figures-ingest.ts'
import { monthDays } from './rollups.ts'

// biome-ignore lint/suspicious/noExplicitAny: the partitions are not tables of the typed schema (schema.ts), and migration 11 passes its own handle
type AnyDb = Kysely<any>

/** The child table of one month 'YYYY-MM' (pg_partman 4's monthly naming). */
export const partitionName = (month: string) => `hub_figures_p${month.replace('-', '_')}`

const nextMonthStart = (month: string) => {
  const [y, m] = month.split('-').map(Number)
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

/** The schema pg_partman is installed in, or null when this database does not have it. */
export async function partmanSchema(db: AnyDb): Promise<string | null> {
  if (dialectOf(db) !== 'postgres') return null
  const { rows } = await sql<{ schema: string }>`SELECT n.nspname AS schema FROM pg_extension e
    JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_partman'`.execute(db)
  return rows[0]?.schema ?? null
}

/** Whether hub_figures is a partitioned table (PostgreSQL after hub migration 11). */
export async function isPartitioned(db: AnyDb): Promise<boolean> {
  if (dialectOf(db) !== 'postgres') return false
  const { rows } =
    await sql`SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid WHERE c.relname = 'hub_figures'`.execute(db)
  return rows.length > 0
}

/** Creates the partition of one month unless it exists (idempotent; a concurrent creator wins quietly). */
export async function ensureMonthPartition(db: AnyDb, month: string): Promise<void> {
  const name = partitionName(month)
  const exists = async () => (await sql`SELECT 1 FROM pg_class WHERE relname = ${name}`.execute(db)).rows.length > 0
  if (await exists()) return
  const [lo, hi] = [monthDays(month)[0], nextMonthStart(month)]
  const range = sql`day >= ${lo} AND day < ${hi}`
  // DDL takes no parameters: the bounds are dates this file computed, as literals
  const create = sql`CREATE TABLE IF NOT EXISTS ${sql.table(name)} PARTITION OF hub_figures FOR VALUES FROM (${sql.lit(lo)}) TO (${sql.lit(hi)})`
  // rows of that month written straight into the default partition (never by the hub's ingest) move to the new one
  const stray = (await sql`SELECT 1 FROM hub_figures_default WHERE ${range} LIMIT 1`.execute(db)).rows.length > 0
  try {
    if (!stray) await create.execute(db)
    else {
      const move = async (t: AnyDb) => {
        await sql`CREATE TEMP TABLE hub_figures_moving ON COMMIT DROP AS SELECT * FROM hub_figures_default WHERE ${range}`.execute(t)
        await sql`DELETE FROM hub_figures_default WHERE ${range}`.execute(t)
        await create.execute(t)
        await sql`INSERT INTO hub_figures SELECT * FROM hub_figures_moving`.execute(t)
        await sql`DROP TABLE hub_figures_moving`.execute(t)
      }
      // one transaction (or part of the caller's)
      await (db.isTransaction ? move(db) : db.transaction().execute(move))
    }
  } catch (err) {
    if (!(await exists())) throw err
  }
}

/** The partition for rows of a month that has none yet (pg_partman makes one of the same name). */
export const createDefaultPartition = (db: AnyDb) =>
  sql`CREATE TABLE IF NOT EXISTS hub_figures_default PARTITION OF hub_figures DEFAULT`.execute(db)

/**
 * Hands hub_figures (partitioned, still empty) to pg_partman: monthly, `premake` months made
 * ahead of today, children from `startMonth` on. Call inside hub migration 11.
 */
export async function registerWithPartman(db: AnyDb, schema: string, startMonth: string, premake = 3): Promise<void> {
  await sql`SELECT ${sql.id(schema, 'create_parent')}(p_parent_table := 'public.hub_figures', p_control := 'day', p_type := 'native',
       p_interval := 'monthly', p_premake := ${sql.lit(premake)}, p_start_partition := ${sql.lit(`${startMonth}-01`)}, p_jobmon := false)`.execute(
    db,
  )
}

/** The months partitioned hub_figures already has a partition for. */
async function knownMonths(db: AnyDb): Promise<Set<string>> {
  const { rows } = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'hub_figures'`.execute(db)
  return new Set(rows.flatMap((r) => (/_p(\d{4})_(\d{2})$/.exec(r.name) ? [r.name.slice(-7).replace('_', '-')] : [])))
}

/** Makes sure a month's partition exists before a batch of that month is stored (cached per process). */
export class FigurePartitions {
  private months: Set<string> | null = null
  private partitioned: boolean | null = null

  constructor(private readonly db: AnyDb) {}

  /** Before storing rows of local day `day` (outside the batch's transaction: creating a partition locks hub_figures briefly). */
  async ensureFor(day: string): Promise<void> {
    // a day that does not exist is refused inside the batch's transaction (HUB_ERR_VALIDATION)
    if (dialectOf(this.db) !== 'postgres' || !isCalendarDay(day)) return
    this.partitioned ??= await isPartitioned(this.db)
    if (!this.partitioned) return
    this.months ??= await knownMonths(this.db)
    const month = day.slice(0, 7)
    if (this.months.has(month)) return
    await ensureMonthPartition(this.db, month)
    this.months.add(month)
  }

  /** pg_partman's maintenance for hub_figures (future months), when the extension is there; on start-up. False when it did not run. */
  async maintain(): Promise<boolean> {
    const schema = await partmanSchema(this.db)
    if (!schema || !(await isPartitioned(this.db))) return false
    const managed = await sql`SELECT 1 FROM ${sql.id(schema, 'part_config')} WHERE parent_table = 'public.hub_figures'`.execute(this.db)
    if (managed.rows.length === 0) return false
    try {
      await sql`SELECT ${sql.id(schema, 'run_maintenance')}(p_parent_table := 'public.hub_figures')`.execute(this.db)
    } catch {
      // a hub must start even when pg_partman cannot run (its role lacks a grant): ingest makes the month's partition itself
      return false
    }
    this.months = null
    return true
  }
}
