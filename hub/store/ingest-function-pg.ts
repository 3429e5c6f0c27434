/**
 * PostgreSQL: a call of ingest as one server-side function, `hub_ingest_<hash>`, made from the
 * merge statement (rollup-merge-pg.ts): it takes the batch's nonce (a replay answers at once),
 * then the center's advisory lock, then runs the merge. One round trip instead of three, and
 * PL/pgSQL keeps the merge's plan for the connection (generic: the arrays' lengths do not change
 * its shape) instead of planning it on every call.
 *
 * The function is named by a hash of its own text and made the first time a hub needs it (as the
 * month partitions are, partitions.ts): a hub whose columns or rollups changed makes its own
 * function and never calls one made by an older version, with no migration to keep in step.
 * Each statement of a volatile PL/pgSQL function reads a fresh snapshot, so the merge reads the
 * old rows after the lock is held, as it did when the lock was a statement of its own.
 * With deferred rollups a second function, `hub_ingest_group_<hash>`, stores a group of calls
 * (group-commit.ts): their nonces, their centers' locks, their rows and marks.
 */
import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { type MergeResult, mergeSql, storeAndMarkSql } from './rollup-merge-pg.ts'
import { pgArrayLiteral } from './pg-array-literal.ts'

/** The columns the function takes as arrays, and their PostgreSQL types (received_at is the call's `now`). */
export interface MergeColumns {
  names: readonly string[]
  types: readonly string[]
  /** The ON CONFLICT clause of hub_figures' upsert. */
  conflict: string
}

/** A function's DDL named by a hash of its own text (`<prefix>_<12 hex>`): a changed text is a new function, never an older one called. */
function hashedFunction(prefix: string, signature: string, rest: string): { name: string; ddl: string } {
  const name = `${prefix}_${createHash('sha256')
    .update(signature + rest)
    .digest('hex')
    .slice(0, 12)}`
  return { name, ddl: `CREATE OR REPLACE FUNCTION ${name}${signature} ${rest}` }
}

/** The body's options: each statement's plan kept for the connection (generic: the arrays' lengths do not change its shape). */
const returning = (table: string, body: string) =>
  `RETURNS TABLE (${table}) LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_generic_plan AS $fn$\n${body}\n$fn$`

function functionDdl(c: MergeColumns): { name: string; ddl: string } {
  const params = c.names.map((n, i) => `p_${n} ${c.types[i]}[]`)
  const body = `#variable_conflict use_column
BEGIN
  INSERT INTO hub_nonces (center_id, nonce, seen_at) VALUES (p_center, p_nonce, p_now) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT -1::bigint, '[]'::json;
    RETURN;
  END IF;
  -- two copies of a center's batches in flight must not both take the old rows as their base
  PERFORM pg_advisory_xact_lock(hashtext(p_center));
  RETURN QUERY ${mergeSql(c.names, c.conflict, {
    arrays: c.names.map((n) => `p_${n}`),
    center: 'p_center',
    days: 'p_days',
    hours: 'p_hours',
    now: 'p_now',
  })};
END`
  const signature = `(p_center text, p_nonce text, p_now bigint, p_days date[], p_hours int[], ${params.join(', ')})`
  return hashedFunction('hub_ingest', signature, returning('stored bigint, exact json', body))
}

/**
 * Deferred rollups, a group of calls (group-commit.ts), one center each: every call's nonce (in
 * one order: two groups racing on a replayed nonce never wait on each other crosswise), then the
 * locks of the centers whose nonce was new (in hashtext order, as every call takes them), then the
 * rows of those centers and their days' marks (ingest-group-pg.ts). A replayed call's rows are left
 * out; it is absent from the answer.
 */
function groupFunctionDdl(c: MergeColumns): { name: string; ddl: string } {
  const names = [...c.names, 'received_at']
  const params = [...c.names.map((n, i) => `p_${n} ${c.types[i]}[]`), 'p_received_at bigint[]']
  const body = `#variable_conflict use_column
DECLARE
  v_accepted text[];
  v_center text;
BEGIN
  WITH taken AS (INSERT INTO hub_nonces (center_id, nonce, seen_at)
      SELECT x.center, x.nonce, x.seen FROM unnest(p_centers, p_nonces, p_nows) AS x(center, nonce, seen) ORDER BY x.center, x.nonce
      ON CONFLICT DO NOTHING RETURNING center_id)
    SELECT COALESCE(array_agg(center_id ORDER BY hashtext(center_id), center_id), '{}') INTO v_accepted FROM taken;
  -- two copies of a center's batches in flight are stored one after the other
  FOREACH v_center IN ARRAY v_accepted LOOP
    PERFORM pg_advisory_xact_lock(hashtext(v_center));
  END LOOP;
  RETURN QUERY ${storeAndMarkSql(names, c.conflict, {
    arrays: names.map((n) => `p_${n}`),
    centers: 'v_accepted',
  })};
END`
  const signature = `(p_centers text[], p_nonces text[], p_nows bigint[], ${params.join(', ')})`
  return hashedFunction('hub_ingest_group', signature, returning('center text, stored bigint', body))
}

/** Makes a hashed function unless the database has it (outside any batch's transaction; two hubs racing both end with it). */
class ServerFunction {
  private made = false

  constructor(
    readonly name: string,
    private readonly ddl: string,
  ) {}

  // biome-ignore lint/suspicious/noExplicitAny: the function's tables are outside the typed schema
  async ensure(db: Kysely<any>): Promise<void> {
    if (this.made) return
    const exists = async () => (await sql`SELECT 1 FROM pg_proc WHERE proname = ${this.name}`.execute(db)).rows.length > 0
    if (!(await exists()))
      try {
        await sql.raw(this.ddl).execute(db)
      } catch (err) {
        if (!(await exists())) throw err
      }
    this.made = true
  }
}

/** The batch's rows as one array literal per column (pg-array-literal.ts), with what else the call needs. */
export interface MergeCall {
  center: string
  nonce: string
  now: number
  days: string
  hours: string
  arrays: readonly string[]
}

/** The rows, inline rollups: one call of one center; the nonce, the lock, the rows and every rollup. */
export class IngestFunction extends ServerFunction {
  constructor(private readonly columns: MergeColumns) {
    const { name, ddl } = functionDdl(columns)
    super(name, ddl)
  }

  /** Runs one call (in the caller's transaction): 'replayed' when the nonce was seen before, else what the merge answers. */
  // biome-ignore lint/suspicious/noExplicitAny: the function's tables are outside the typed schema
  async call(db: Kysely<any>, c: MergeCall): Promise<MergeResult | 'replayed'> {
    const arrays = c.arrays.map((a, i) => sql`${a}::${sql.raw(this.columns.types[i])}[]`)
    const { rows } = await sql<MergeResult>`SELECT * FROM ${sql.raw(this.name)}(${c.center}, ${c.nonce},
      ${c.now}::bigint, ${c.days}::date[], ${c.hours}::int[], ${sql.join(arrays)})`.execute(db)
    const [r] = rows
    // a replay answers stored = -1 (no row is ever -1 rows)
    return Number(r.stored) < 0 ? 'replayed' : { stored: Number(r.stored), exact: r.exact }
  }
}

/** A group's calls (one center each), their rows as one array literal per column (and received_at, each call's `now`). */
export interface GroupCall {
  centers: readonly string[]
  nonces: readonly string[]
  nows: readonly number[]
  arrays: readonly string[]
}

/** The rows, deferred rollups: a group of calls (group-commit.ts); the nonces, the locks, the rows and the marks. */
export class GroupIngestFunction extends ServerFunction {
  constructor(private readonly columns: MergeColumns) {
    const { name, ddl } = groupFunctionDdl(columns)
    super(name, ddl)
  }

  /** Runs the group (in the caller's transaction): the rows stored per center whose nonce was new; a replayed call's center is absent. */
  // biome-ignore lint/suspicious/noExplicitAny: the function's tables are outside the typed schema
  async call(db: Kysely<any>, c: GroupCall): Promise<Map<string, number>> {
    const types = [...this.columns.types, 'bigint']
    const arrays = c.arrays.map((a, i) => sql`${a}::${sql.raw(types[i])}[]`)
    const { rows } = await sql<{ center: string; stored: string | number }>`SELECT * FROM ${sql.raw(this.name)}(
      ${pgArrayLiteral(c.centers)}::text[], ${pgArrayLiteral(c.nonces)}::text[], ${pgArrayLiteral(c.nows)}::bigint[], ${sql.join(arrays)})`.execute(
      db,
    )
    return new Map(rows.map((r) => [r.center, Number(r.stored)]))
  }
}
