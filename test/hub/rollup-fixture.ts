import { expect } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Backend, freshPgDatabase } from './hub-harness.ts'
import { sql } from 'kysely'
import type { HourBatch, HourFigures } from '../../protocol/upstream.ts'
import type { FiguresQuery, HubStore } from '../../hub/store/store.ts'
import { ROLLUPS, rebuildSql } from '../../hub/store/rollups.ts'
import {
  rebuildServiceHourRollup,
  SERVICE_HOUR_KEYS,
  SERVICE_HOUR_ROLLUP,
  serviceHourRollupKept,
} from '../../hub/store/rollup-service-hour.ts'
import { inDefinedOrder } from '../../hub/figure-order.ts'
import { figureColumnsAt } from '../../hub/store/figure-columns.ts'
import { FIGURE_OF } from '../../hub/store/figures-ingest.ts'

/**
 * The national-scale fixture the rollups' tests share (national-scale.test.ts, rollup-refresher.test.ts):
 * three centers in two governorates, services with a catalogue code, without one and with a code the
 * catalogue lacks, figures that vary with a seed, and the two checks that the rollups are exact.
 */

export const CENTERS = [
  { id: 'C1', governorate: 'Cairo' },
  { id: 'C2', governorate: 'Cairo' },
  { id: 'C3', governorate: 'Alexandria' },
]
// PASS is in the catalogue; ZZZ is a code the catalogue lacks (unmapped per center); B has no code
export const SERVICES = [
  { code: 'A', national: 'PASS' },
  { code: 'B', national: undefined },
  { code: 'C', national: 'ZZZ' },
]

/** One service's hour: figures that vary with `seed`, and are plausible (no more calls than tickets, …). */
export function row(service: (typeof SERVICES)[number], seed: number, o: Partial<HourFigures> = {}): HourFigures {
  const n = 3 + (seed % 7)
  return {
    serviceCode: service.code,
    nationalCode: service.national,
    serviceNameAr: `خدمة ${service.code}`,
    serviceNameEn: `Service ${service.code}`,
    issued: n,
    called: n - 1,
    served: n - 2,
    noShow: 1,
    cancelled: seed % 2,
    transferredIn: 0,
    transferredOut: seed % 3,
    waitSumSeconds: 120 * n,
    waitCount: n - 1,
    waitMaxSeconds: 200 + seed,
    waitWithinTarget: n - 2,
    waitMissedUncalled: seed % 2,
    // of those, still waiting in the running hour (at most waitMissedUncalled)
    waitingPastTarget: seed % 4 === 1 ? 1 : 0,
    serviceSumSeconds: 90 * n,
    serviceCount: n - 2,
    counterOpenMinutes: 60,
    openMinutes: 60,
    ratingCount: 1,
    ratingScoreSum: 4,
    parked: seed % 2,
    ...o,
  }
}

/** A center's hour, revision `revision` (its seq too), not final. */
export function batch(center: string, day: string, hour: number, revision: number, rows: HourFigures[]): HourBatch {
  return { centerId: center, seq: revision, day, hour, timeZone: 'Africa/Cairo', revision, final: false, generatedAt: 0, rows }
}

/** The centers and the catalogue's PASS, straight into the tables: the columns every schema version has (migration 11's test seeds at 9). */
export async function seed(store: HubStore): Promise<void> {
  // before migration 17 split the city: the cities are left to their default
  for (const c of CENTERS)
    await store.db
      .insertInto('hub_centers')
      .values({
        id: c.id,
        name_ar: `مركز ${c.id}`,
        name_en: `Center ${c.id}`,
        governorate: c.governorate,
        kind: 'fixed',
        secret: 's',
        created_at: 0,
      })
      .execute()
  // before the catalogue's revision (migration 16) that put() bumps
  await store.db
    .insertInto('hub_national_services')
    .values({ code: 'PASS', name_ar: 'جوازات', name_en: 'Passports', group_ar: '', group_en: '', created_at: 0, updated_at: 0 })
    .execute()
}

/**
 * The rows of `batches` as a hub of schema `version` stored them, straight into hub_figures with the
 * figure columns it had then (the hub's ingest writes today's): of a row sent twice, the highest
 * revision. Then the rollups: `none` (before migration 11 there were none), `marked` (each center's
 * day marked, as a deferring hub, migration 18 on, leaves what it has not folded yet) or `rebuilt`
 * (the rollups of that schema summed from the rows, as an inline hub kept them).
 */
export async function storeAsSchema(
  store: HubStore,
  version: number,
  batches: readonly HourBatch[],
  rollups: 'none' | 'marked' | 'rebuilt' = 'none',
): Promise<void> {
  const latest = new Map<string, { b: HourBatch; r: HourFigures }>()
  for (const b of batches)
    for (const r of b.rows) {
      const key = `${b.centerId} ${b.day} ${b.hour} ${r.serviceCode}`
      const held = latest.get(key)
      if (!held || held.b.revision <= b.revision) latest.set(key, { b, r })
    }
  const figures = figureColumnsAt(version)
  const columns = [
    'center_id',
    'day',
    'hour',
    'service_code',
    'service_name_ar',
    'service_name_en',
    'national_code',
    'revision',
    ...figures,
  ]
  for (const { b, r } of latest.values()) {
    const values = [b.centerId, b.day, b.hour, r.serviceCode, r.serviceNameAr, r.serviceNameEn, r.nationalCode ?? null, b.revision]
    await sql`INSERT INTO hub_figures (${sql.join(columns.map((c) => sql.ref(c)))}, received_at) VALUES (${sql.join([...values, ...figures.map((c) => FIGURE_OF[c](r))])}, 0)`.execute(
      store.db,
    )
  }
  // each center-hour at its latest revision, as the hub's ingest writes it beside the rows (hub_hours exists from migration 1)
  const hours = new Map<string, HourBatch>()
  for (const { b } of latest.values()) {
    const key = `${b.centerId} ${b.day} ${b.hour}`
    if ((hours.get(key)?.revision ?? 0) < b.revision) hours.set(key, b)
  }
  for (const b of hours.values())
    await sql`INSERT INTO hub_hours (center_id, day, hour, revision, final, seq, received_at)
      VALUES (${b.centerId}, ${b.day}, ${b.hour}, ${b.revision}, ${b.final ? 1 : 0}, ${b.seq}, 0)`.execute(store.db)
  if (rollups === 'marked')
    for (const key of new Set([...latest.values()].map(({ b }) => `${b.centerId} ${b.day}`))) {
      const [center_id, day] = key.split(' ')
      await sql`INSERT INTO hub_rollup_marks (center_id, day, marked_at) VALUES (${center_id}, ${day}, 0)`.execute(store.db)
    }
  if (rollups === 'rebuilt')
    for (const s of ROLLUPS.filter((s) => s.migration <= version)) {
      await sql`DELETE FROM ${sql.table(s.table)}`.execute(store.db)
      await sql.raw(rebuildSql(s, store.dialect, '', figures)).execute(store.db)
    }
}

/** A table's rows in key order, numbers as numbers (received_at left out: a re-send may not change it, but nothing else). */
export async function snapshot(store: HubStore, table: string, keys: readonly string[]): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<
    Record<string, unknown>
  >`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.join(keys.map((k) => sql.ref(k)))}`.execute(store.db)
  return rows.map(({ received_at: _, ...r }) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v])),
  )
}

/** The store's figures in the hub's one order (the routes' hub/figure-order.ts): the store leaves all but days and hours unordered. */
export const orderedFigures = async (store: HubStore, q: FiguresQuery) => inDefinedOrder(await store.figures(q), q.by)

/** Every query answered from the rollups as from the hourly rows; resolves with how many answers had figures (so they compared something). */
export async function viewsMatchHourlyRows(store: HubStore, queries: readonly FiguresQuery[]): Promise<number> {
  let nonEmpty = 0
  for (const q of queries) {
    const fromRollups = await orderedFigures(store, q)
    expect(fromRollups, JSON.stringify(q)).toEqual(inDefinedOrder(await store.figuresFromHourlyRows(q), q.by))
    if (fromRollups.some((r) => r.issued > 0)) nonEmpty++
  }
  return nonEmpty
}

/**
 * Every rollup equals what rebuilding it from hub_figures from scratch gives (migration 11's own SQL);
 * the one by hour for a service (migration 19) too, while its flag says the fold keeps it (`serviceHour`: it must).
 */
export async function expectRollupsAsRebuilt(store: HubStore, serviceHour: 'kept' | 'not kept' = 'kept'): Promise<void> {
  expect(await serviceHourRollupKept(store.db)).toBe(serviceHour === 'kept')
  if (serviceHour === 'kept') await expectServiceHourAsRebuilt(store)
  for (const s of ROLLUPS) {
    const kept = await snapshot(store, s.table, s.keys)
    expect(kept.length, s.table).toBeGreaterThan(0)
    await store.db.transaction().execute(async (trx) => {
      await sql`DELETE FROM ${sql.table(s.table)}`.execute(trx)
      await sql.raw(rebuildSql(s, store.dialect)).execute(trx)
    })
    expect(kept, s.table).toEqual(await snapshot(store, s.table, s.keys))
  }
}

/** The rollup by day, hour, governorate and national code (migration 19) equals a rebuild from hub_figures. */
export async function expectServiceHourAsRebuilt(store: HubStore): Promise<void> {
  const kept = await snapshot(store, SERVICE_HOUR_ROLLUP, SERVICE_HOUR_KEYS)
  expect(kept.length, SERVICE_HOUR_ROLLUP).toBeGreaterThan(0)
  await store.db.transaction().execute((trx) => rebuildServiceHourRollup(trx))
  expect(kept, SERVICE_HOUR_ROLLUP).toEqual(await snapshot(store, SERVICE_HOUR_ROLLUP, SERVICE_HOUR_KEYS))
}

/** Where a store's database is: a SQLite file or a fresh PostgreSQL database; what removes it is pushed on `cleanups`. */
export async function databaseFor(
  backend: Backend,
  cleanups: (() => Promise<void>)[],
): Promise<{ sqliteFile: string; databaseUrl?: string }> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-hub-rollups-'))
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
    return { sqliteFile: join(dir, 'hub.sqlite') }
  }
  const db = await freshPgDatabase()
  cleanups.push(db.drop)
  return { sqliteFile: '', databaseUrl: db.url }
}
