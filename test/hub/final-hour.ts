import { randomBytes } from 'node:crypto'
import type { HourBatch, HourFigures } from '../../protocol/upstream.ts'
import type { HubStore } from '../../hub/store/store.ts'

/** A center's closed hour as its reporter sends it: revision 1, final, Cairo time, 10:00 unless told. */
export function finalHour(centerId: string, day: string, rows: HourFigures[], at: { seq?: number; hour?: number } = {}): HourBatch {
  return {
    centerId,
    seq: at.seq ?? 1,
    day,
    hour: at.hour ?? 10,
    timeZone: 'Africa/Cairo',
    revision: 1,
    final: true,
    generatedAt: Date.now(),
    rows,
  }
}

/** Stores `batches` as one signed request would, with a fresh nonce. */
export function ingestNow(store: HubStore, ...batches: HourBatch[]) {
  return store.ingestHours(batches, randomBytes(12).toString('hex'), Date.now())
}
