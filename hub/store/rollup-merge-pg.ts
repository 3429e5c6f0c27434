/**
 * PostgreSQL: a center's hourly rows and every rollup in one statement. The rows come in as one
 * array per column (unnest()), the rows they replace are read in the same statement's snapshot
 * (so before the upsert), and the upsert's RETURNING says which rows really changed; those, as
 * +new and −old, are summed into each rollup in the database. No row goes back to the hub, and a
 * backlog of a day costs one round trip. The keys a sum cannot keep exact are returned, and
 * recomputed by the caller (rollup-deltas.ts recomputeExact), as on SQLite.
 *
 * The statement runs inside a PL/pgSQL function (ingest-function-pg.ts) that first takes the
 * batch's nonce and the center's lock: one round trip for the three, and PL/pgSQL keeps the
 * statement's plan for the connection instead of planning its eleven CTEs on every call.
 */
import { FIGURE_COLUMNS } from './figure-columns.ts'
import { rollupConflictSql } from './rollup-deltas.ts'
import { ROLLUPS, type RollupSpec, rollupColumns } from './rollups.ts'

const FIGS = FIGURE_COLUMNS.join(', ')
const SUMS = FIGURE_COLUMNS.map((c) => (c === 'wait_max' ? `MAX(${c}) AS ${c}` : `SUM(${c}) AS ${c}`)).join(', ')

/** A rollup keyed by service reads the changes summed per service and day, the others per hour (24 or 30 rows, not 720). */
const sourceOf = (s: RollupSpec) => (s.keys.includes('service_code') || s.keys.includes('national_key') ? 'by_service' : 'by_hour')

/** The sums of the changed rows for one rollup: its key, names, row count, sums (the maximum of the new rows only). */
function rollupSelect(s: RollupSpec): string {
  const keys = s.keyExprs('postgres')
  const names = s.names ? ["COALESCE(MAX(f.service_name_ar), '')", "COALESCE(MAX(f.service_name_en), '')"] : []
  const sums = FIGURE_COLUMNS.map((c) => (c === 'wait_max' ? `MAX(f.${c})` : `SUM(f.${c})`))
  const positions = keys.map((_, i) => i + 1).join(', ')
  // in key order: two centers' calls take the shared (national) rows' locks in one order, so they never deadlock
  return `SELECT ${[...keys, ...names, 'SUM(f.source_rows)', ...sums].join(', ')} FROM ${sourceOf(s)} f GROUP BY ${positions} ORDER BY ${positions}`
}

/** The keys of one rollup an old row left in a way a sum cannot undo (as rollup-deltas.ts decides on SQLite). */
function exactKeys(s: RollupSpec, i: number): string {
  const keys = s.keyExprs('postgres')
  const why = ['f.lowered', ...(s.names ? ['f.renamed'] : []), ...(s.keys.includes('national_key') ? ['f.moved'] : [])]
  // only a replaced row (source_rows −1) can leave a key inexact: new hours read nothing here
  return `SELECT ${i} AS rollup, json_build_array(${keys.join(', ')}) AS key FROM side f WHERE f.source_rows < 0 AND (${why.join(' OR ')}) GROUP BY ${keys.join(', ')}`
}

/** Where the statement reads its inputs: SQL expressions (the function's parameters) for each. */
export interface MergeInputs {
  /** One array per column of `columns`, in that order. */
  arrays: readonly string[]
  center: string
  days: string
  hours: string
  /** received_at of every row. */
  now: string
  /** The call's center-hours, one per hour (its latest batch): days as 'YYYY-MM-DD' text (hub_hours'), hours, revisions. */
  batchDays: string
  batchHours: string
  batchRevisions: string
}

/**
 * The CTE `input`: the column arrays as rows. unnest() in the select list, one per array, run in step (the arrays are
 * of one length): about half the CPU of the multi-array unnest() in FROM, which first copies every row into a tuple
 * store (measured, 720 rows × 42 columns).
 */
const inputSql = (columns: readonly string[], arrays: readonly string[], name = 'input') =>
  `${name} (${columns.join(', ')}) AS (SELECT ${arrays.map((a) => `unnest(${a})`).join(', ')})`

/**
 * A call touching hours already held (`revised`): a center-hour's batch is the whole truth for that
 * hour. `newer` keeps the call's hours whose revision is above what hub_hours holds (a late older
 * revision or a re-send changes nothing, rows absent from the hub included), `input` only their
 * rows, and `gone` deletes the rows of those hours the batch no longer holds (a service renamed or
 * gone since: counted twice otherwise), answering them for the rollups to subtract. A fresh call
 * (no hour held) is `input` alone: nothing to filter, nothing to delete.
 */
function inputsSql(columns: readonly string[], p: MergeInputs, revised: boolean): string {
  if (!revised) return inputSql(columns, p.arrays)
  return `batch (tday, hour, revision) AS (SELECT unnest(${p.batchDays}), unnest(${p.batchHours}), unnest(${p.batchRevisions})),
    newer AS (SELECT b.tday::date AS day, b.hour, b.revision FROM batch b
      LEFT JOIN hub_hours h ON h.center_id = ${p.center} AND h.day = b.tday AND h.hour = b.hour WHERE h.revision IS NULL OR b.revision > h.revision),
    ${inputSql(columns, p.arrays, 'sent')},
    input AS (SELECT s.* FROM sent s JOIN newer n ON n.day = s.day AND n.hour = s.hour),
    gone AS (DELETE FROM hub_figures f USING newer n
      WHERE f.center_id = ${p.center} AND f.day = ANY(${p.days}) AND f.day = n.day AND f.hour = n.hour AND f.revision < n.revision
        AND NOT EXISTS (SELECT 1 FROM input i WHERE i.day = f.day AND i.hour = f.hour AND i.service_code = f.service_code)
      RETURNING f.center_id, f.day, f.hour, f.service_code, f.national_code, ${FIGURE_COLUMNS.map((c) => `f.${c}`).join(', ')})`
}

/**
 * Deferred rollups (rollup-fold.ts): the upsert of the hourly rows and the marks of the days it
 * really changed, nothing else. Answers as mergeSql does (no key to recompute).
 */
export function storeAndMarkSql(columns: readonly string[], conflict: string, p: MergeInputs, revised: boolean): string {
  const changedDays = revised ? 'SELECT day FROM up UNION SELECT day FROM gone' : 'SELECT day FROM up'
  // the marks in day order (two calls of a center lock them in one order); an existing mark keeps its time (the oldest change it stands for)
  return `WITH ${inputsSql(columns, p, revised)},
    up AS (INSERT INTO hub_figures (${columns.join(', ')}, received_at) SELECT input.*, ${p.now} FROM input ${conflict} RETURNING day),
    marked AS (INSERT INTO hub_rollup_marks (center_id, day, marked_at) SELECT DISTINCT ${p.center}, day, ${p.now} FROM (${changedDays}) d ORDER BY 2
      ON CONFLICT (center_id, day) DO UPDATE SET marked_at = hub_rollup_marks.marked_at)
  SELECT (SELECT COUNT(*) FROM up) AS stored, '[]'::json AS exact`
}

/**
 * The statement: `input` unnests the column arrays, `old` reads the center's stored rows of those
 * days and hours, `upsert` is the INSERT … ON CONFLICT of hub_figures (`conflict`) that keeps the
 * highest revision. It answers one row: `stored` (rows changed) and `exact` (keys to recompute).
 */
export function mergeSql(columns: readonly string[], conflict: string, p: MergeInputs, revised: boolean): string {
  const rollups = ROLLUPS.map(
    (s, i) => `r${i} AS (INSERT INTO ${s.table} (${rollupColumns(s).join(', ')}) ${rollupSelect(s)} ${rollupConflictSql(s)})`,
  )
  const minus = (t: string) => FIGURE_COLUMNS.map((c) => (c === 'wait_max' ? '0' : `-${t}.${c}`)).join(', ')
  const oldFigs = minus('o')
  // a deleted row leaves its keys as a replaced one does, its maximum and names recomputed (`lowered`)
  const goneSide = revised
    ? `
      UNION ALL
      SELECT g.center_id, g.day, g.hour, g.service_code, g.national_code, NULL, NULL, -1, ${minus('g')}, true, false, false FROM gone g`
    : ''
  return `WITH ${inputsSql(columns, p, revised)},
    old AS (SELECT f.day, f.hour, f.service_code, f.national_code, f.service_name_ar, f.service_name_en, ${FIGURE_COLUMNS.map((c) => `f.${c}`).join(', ')}
      FROM hub_figures f WHERE f.center_id = ${p.center} AND f.day = ANY(${p.days}) AND f.hour = ANY(${p.hours})),
    up AS (INSERT INTO hub_figures (${columns.join(', ')}, received_at) SELECT input.*, ${p.now} FROM input ${conflict}
      RETURNING center_id, day, hour, service_code, national_code, service_name_ar, service_name_en, ${FIGS}),
    side AS MATERIALIZED (
      SELECT center_id, day, hour, service_code, national_code, service_name_ar, service_name_en, 1 AS source_rows, ${FIGS},
        false AS lowered, false AS renamed, false AS moved FROM up
      UNION ALL
      SELECT u.center_id, u.day, u.hour, u.service_code, o.national_code, NULL, NULL, -1, ${oldFigs},
        o.wait_max > u.wait_max, o.service_name_ar <> u.service_name_ar OR o.service_name_en <> u.service_name_en,
        COALESCE(o.national_code, '') <> COALESCE(u.national_code, '')
      FROM up u JOIN old o ON o.day = u.day AND o.hour = u.hour AND o.service_code = u.service_code${goneSide}),
    by_hour AS MATERIALIZED (SELECT center_id, day, hour, SUM(source_rows) AS source_rows, ${SUMS}
      FROM side GROUP BY center_id, day, hour),
    by_service AS MATERIALIZED (SELECT center_id, day, service_code, national_code, MAX(service_name_ar) AS service_name_ar,
      MAX(service_name_en) AS service_name_en, SUM(source_rows) AS source_rows, ${SUMS} FROM side GROUP BY center_id, day, service_code, national_code),
    ${rollups.join(',\n    ')}
  SELECT (SELECT COUNT(*) FROM up) AS stored,
    COALESCE((SELECT json_agg(x ORDER BY x.rollup) FROM (${ROLLUPS.map(exactKeys).join(' UNION ALL ')}) x), '[]') AS exact`
}

/** What the statement answers: the rows stored, and the rollup keys to recompute ([index in ROLLUPS, key]). */
export interface MergeResult {
  stored: number
  exact: { rollup: number; key: (string | number)[] }[]
}
