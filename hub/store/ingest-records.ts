/**
 * What ingest records besides the hourly rows, for calls whose rows are stored (one call alone, or
 * a group of calls of different centers, group-commit.ts): the hours each call advances, each
 * center's status, and the national codes the catalogue lacks. One statement of each kind for the
 * whole group, in the group's transaction.
 */
import type { Kysely } from 'kysely'
import type { HourBatch } from '../../protocol/upstream.ts'
import { touchStatuses } from './centers.ts'
import type { IngestCall } from './figures-ingest.ts'
import type { NationalServicesStore } from './national-services.ts'
import type { HubDatabase } from './schema.ts'

export interface IngestResult {
  stored: number
  ignored: number
  duplicate: boolean
  /** National codes of the batch the catalogue does not hold (their rows are kept, unmapped). */
  unknownNationalCodes: string[]
}

/** Per hour of a call the batch of the latest revision sent (of equal ones, the first). */
function latestPerHour(batches: readonly HourBatch[]): HourBatch[] {
  const hours = new Map<string, HourBatch>()
  for (const b of batches) {
    const key = `${b.day}|${b.hour}`
    const held = hours.get(key)
    if (!held || held.revision < b.revision) hours.set(key, b)
  }
  return [...hours.values()]
}

/** The national codes a call's rows name (a day is 720 rows: one set, no array per row). */
function codesOf(call: IngestCall): Set<string> {
  const codes = new Set<string>()
  for (const b of call.batches) for (const r of b.rows) if (r.nationalCode) codes.add(r.nationalCode)
  return codes
}

/**
 * Records the calls whose rows `stored` says were stored (the rows each changed; 'replayed': its
 * nonce was seen, nothing of it is recorded) and answers each call. The calls are of different centers.
 */
export async function recordCalls(
  trx: Kysely<HubDatabase>,
  calls: readonly IngestCall[],
  stored: readonly (number | 'replayed')[],
  nationalServices: NationalServicesStore,
): Promise<(IngestResult | 'replayed')[]> {
  const kept = calls.filter((_, i) => stored[i] !== 'replayed')
  if (kept.length === 0) return calls.map(() => 'replayed')
  // the hours the batches advance; a batch that advances none is a duplicate
  const advanced = await trx
    .insertInto('hub_hours')
    .values(
      kept.flatMap((c) =>
        latestPerHour(c.batches).map((b) => ({
          center_id: b.centerId,
          day: b.day,
          hour: b.hour,
          revision: b.revision,
          final: b.final ? 1 : 0,
          seq: b.seq,
          received_at: c.now,
        })),
      ),
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
    .returning('center_id')
    .execute()
  const hoursOf = new Map<string, number>()
  for (const { center_id } of advanced) hoursOf.set(center_id, (hoursOf.get(center_id) ?? 0) + 1)
  const duplicatesOf = (c: IngestCall) => c.batches.length - (hoursOf.get(c.batches[0]!.centerId) ?? 0)
  await touchStatuses(
    trx,
    kept.map((c) => ({
      centerId: c.batches[0]!.centerId,
      now: c.now,
      seq: Math.max(...c.batches.map((b) => b.seq)),
      timeZone: c.batches.at(-1)!.timeZone,
      batches: c.batches.length,
      duplicates: duplicatesOf(c),
      health: c.batches.findLast((b) => b.health)?.health,
    })),
  )
  const codes = new Map(kept.map((c) => [c, codesOf(c)]))
  const unknown = new Set(await nationalServices.unknownOf([...new Set([...codes.values()].flatMap((s) => [...s]))], trx))
  return calls.map((c, i) => {
    const changed = stored[i]!
    if (changed === 'replayed') return 'replayed'
    const rows = c.batches.reduce((n, b) => n + b.rows.length, 0)
    return {
      stored: changed,
      ignored: rows - changed,
      duplicate: duplicatesOf(c) === c.batches.length,
      unknownNationalCodes: [...codes.get(c)!].filter((code) => unknown.has(code)).sort(),
    }
  })
}
