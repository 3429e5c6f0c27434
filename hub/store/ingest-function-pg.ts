/**
 * PostgreSQL: a call of ingest as one server-side function, `hub_ingest_<hash>`, made from the
 * merge statement (rollup-merge-pg.ts): it takes the batch's nonce (a replay answers at once),
 * then the center's advisory lock, then runs the merge, then writes the hours it advanced, the
 * center's status and finds the national codes the catalogue lacks (afterRowsSql). One round trip
 * for the whole call, and PL/pgSQL keeps each statement's plan for the connection (generic: the
 * arrays' lengths do not change its shape) instead of planning it on every call.
 *
 * The function is named by a hash of its own text and made the first time a hub needs it (as the
 * month partitions are, partitions.ts): a hub whose columns or rollups changed makes its own
 * function and never calls one made by an older version, with no migration to keep in step.
 * Each statement of a volatile PL/pgSQL function reads a fresh snapshot, so the merge reads the
 * old rows after the lock is held, as it did when the lock was a statement of its own.
 * A call none of whose hours is stored yet (the usual case: a new hour, a new day's backlog) runs
 * the same statement with a plain INSERT instead of the upsert (FRESH_WHY below).
 */
import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { STATUS_COLUMNS, STATUS_CONFLICT } from './centers.ts'
import { type MergeResult, mergeSql, storeAndMarkSql } from './rollup-merge-pg.ts'

/** The columns the function takes as arrays, and their PostgreSQL types (received_at is the call's `now`). */
export interface MergeColumns {
  names: readonly string[]
  types: readonly string[]
  /** The ON CONFLICT clause of hub_figures' upsert. */
  conflict: string
}

/**
 * Why a call none of whose center-hours hub_hours holds (ingest writes an hour there with its rows,
 * in the same transaction) writes them with a plain INSERT: an upsert pays per row for a conflict
 * check, a speculative insertion and its confirmation in the WAL (~2 ms of PostgreSQL's CPU a
 * center-day, measured), and no row can conflict here, for no other writer stores this center's rows
 * while its lock is held. A call touching any held hour (a re-send, a revision, a backlog overlapping
 * what came before) keeps the upsert, its revision rule and the deletion of the rows a newer batch no
 * longer holds (rollup-merge-pg.ts). hub_hours, not hub_figures, is probed: an hour a newer empty
 * batch emptied holds no row, and a late older revision of it must still change nothing. (Rows put
 * into hub_figures by hand, outside ingest and without their hub_hours row, would fail that call with
 * a unique violation: nothing is stored.)
 */
const FRESH_WHY = "no hour of the call in hub_hours, and the center's lock held: no row can conflict, so no ON CONFLICT"

/**
 * After the rows, in the same call: the hours the call advances into hub_hours (after the rows, whose
 * revised path reads what hub_hours held), the center's status (the report's row as json, meeting the
 * held one by centers.ts' STATUS_CONFLICT; its duplicates are the call's batches that advanced no
 * hour), and the national codes the catalogue lacks. Once three statements the hub built and sent
 * with Kysely in the call's transaction (their query building and round trips were ~40 % of the hub's
 * CPU a call, docs/hub-scale.md); now one round trip for all, and with deferred rollups no BEGIN or
 * COMMIT either: the call is its own transaction.
 */
function afterRowsSql(): string {
  const status = STATUS_COLUMNS.map((c) => (c === 'batches_duplicate' ? 's.batches_received - v_hours' : `s.${c}`))
  return `INSERT INTO hub_hours (center_id, day, hour, revision, final, seq, received_at)
    SELECT p_center, unnest(p_batch_days), unnest(p_batch_hours), unnest(p_batch_revisions), unnest(p_batch_finals), unnest(p_batch_seqs), p_now
    ON CONFLICT (center_id, day, hour) DO UPDATE SET revision = excluded.revision, final = excluded.final, seq = excluded.seq,
      received_at = excluded.received_at
    WHERE hub_hours.revision < excluded.revision;
  GET DIAGNOSTICS v_hours = ROW_COUNT;
  INSERT INTO hub_center_status (${STATUS_COLUMNS.join(', ')})
    SELECT ${status.join(', ')} FROM json_populate_record(NULL::hub_center_status, p_status) s
    ${STATUS_CONFLICT};
  SELECT COALESCE(array_agg(c), '{}') INTO v_unknown FROM unnest(p_codes) c
    WHERE NOT EXISTS (SELECT 1 FROM hub_national_services n WHERE n.code = c);`
}

function functionDdl(c: MergeColumns, deferred: boolean): { name: string; ddl: string } {
  const statement = deferred ? storeAndMarkSql : mergeSql
  const params = c.names.map((n, i) => `p_${n} ${c.types[i]}[]`)
  const inputs = {
    arrays: c.names.map((n) => `p_${n}`),
    center: 'p_center',
    days: 'p_days',
    hours: 'p_hours',
    now: 'p_now',
    batchDays: 'p_batch_days',
    batchHours: 'p_batch_hours',
    batchRevisions: 'p_batch_revisions',
  }
  const body = `#variable_conflict use_column
DECLARE
  v_stored bigint;
  v_exact json;
  v_hours bigint;
  v_unknown text[];
BEGIN
  INSERT INTO hub_nonces (center_id, nonce, seen_at) VALUES (p_center, p_nonce, p_now) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT -1::bigint, '[]'::json, 0::bigint, '{}'::text[];
    RETURN;
  END IF;
  -- two copies of a center's batches in flight must not both take the old rows as their base
  PERFORM pg_advisory_xact_lock(hashtext(p_center));
  -- ${FRESH_WHY}
  PERFORM 1 FROM hub_hours h WHERE h.center_id = p_center AND h.day = ANY(p_batch_days) AND h.hour = ANY(p_batch_hours) LIMIT 1;
  IF NOT FOUND THEN
    ${statement(c.names, '', inputs, false)} INTO v_stored, v_exact;
  ELSE
    ${statement(c.names, c.conflict, inputs, true)} INTO v_stored, v_exact;
  END IF;
  ${afterRowsSql()}
  RETURN QUERY SELECT v_stored, v_exact, v_hours, v_unknown;
END`
  const signature = `(p_center text, p_nonce text, p_now bigint, p_days date[], p_hours int[], p_batch_days text[], p_batch_hours int[],
  p_batch_revisions int[], p_batch_finals int[], p_batch_seqs bigint[], p_status json, p_codes text[], ${params.join(', ')})`
  const rest = `RETURNS TABLE (stored bigint, exact json, hours_advanced bigint, unknown_codes text[]) LANGUAGE plpgsql VOLATILE
  SET plan_cache_mode = force_generic_plan AS $fn$\n${body}\n$fn$`
  const name = `hub_ingest_${createHash('sha256')
    .update(signature + rest)
    .digest('hex')
    .slice(0, 12)}`
  return { name, ddl: `CREATE OR REPLACE FUNCTION ${name}${signature} ${rest}` }
}

/** The batch's rows as one array literal per column (pg-array-literal.ts), with what else the call needs. */
export interface MergeCall {
  center: string
  nonce: string
  now: number
  days: string
  hours: string
  /** One per center-hour of the call (its latest batch): the day as text, the hour, the revision. */
  batchDays: string
  batchHours: string
  batchRevisions: string
  batchFinals: string
  batchSeqs: string
  /** The center's status row of this report (centers.ts statusValues) as json. */
  status: string
  /** The call's distinct national codes. */
  codes: string
  arrays: readonly string[]
}

/** What a call answers: the merge's (rows stored, keys to recompute), the center-hours it advanced, the national codes unknown. */
export interface IngestCallResult extends MergeResult {
  hoursAdvanced: number
  unknownCodes: string[]
}

export class IngestFunction {
  private readonly name: string
  private readonly ddl: string
  private made = false

  /** `deferred`: the rows and their days' marks only, the rollups left to the fold (rollup-fold.ts); else the rows and every rollup. */
  constructor(
    private readonly columns: MergeColumns,
    deferred = false,
  ) {
    ;({ name: this.name, ddl: this.ddl } = functionDdl(columns, deferred))
  }

  /** Makes the function unless this database has it (outside the batch's transaction; two hubs racing both end with it). */
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

  /** Runs one call (in the caller's transaction, or as its own): 'replayed' when the nonce was seen before, else what it did. */
  // biome-ignore lint/suspicious/noExplicitAny: the function's tables are outside the typed schema
  async call(db: Kysely<any>, c: MergeCall): Promise<IngestCallResult | 'replayed'> {
    const arrays = c.arrays.map((a, i) => sql`${a}::${sql.raw(this.columns.types[i])}[]`)
    const { rows } = await sql<
      MergeResult & { hours_advanced: string; unknown_codes: string[] }
    >`SELECT * FROM ${sql.raw(this.name)}(${c.center},
      ${c.nonce}, ${c.now}::bigint, ${c.days}::date[], ${c.hours}::int[], ${c.batchDays}::text[], ${c.batchHours}::int[],
      ${c.batchRevisions}::int[], ${c.batchFinals}::int[], ${c.batchSeqs}::bigint[], ${c.status}::json, ${c.codes}::text[],
      ${sql.join(arrays)})`.execute(db)
    const [r] = rows
    // a replay answers stored = -1 (no row is ever -1 rows)
    if (Number(r.stored) < 0) return 'replayed'
    return { stored: Number(r.stored), exact: r.exact, hoursAdvanced: Number(r.hours_advanced), unknownCodes: r.unknown_codes }
  }
}
