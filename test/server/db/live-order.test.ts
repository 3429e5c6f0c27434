import { afterAll, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../../../server/db/migrate.ts'
import { type TicketRecord, TicketsRepo } from '../../../server/db/repositories/tickets-repo.ts'

// The live queue (GET /tickets, the staff feed's snapshot) listed tickets that joined in the same
// millisecond by number only: A-3 and B-3 issued in one millisecond by two kiosks came in whatever
// order SQLite's scan gave (by service here), not a fixed one. It ends with the ticket id, as the
// call policy's own tie-breaker does (protocol/call-policy.ts compareTieBreak).
const dir = mkdtempSync(join(tmpdir(), 'tabour-live-order-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ticket = (id: string, serviceId: number, number: number, queuedAt: number): TicketRecord => ({
  id,
  serviceId,
  issuedServiceId: serviceId,
  day: '2026-12-07',
  number,
  label: `${serviceId === 1 ? 'A' : 'B'}-${number}`,
  priority: 'none',
  phone: null,
  lang: 'ar',
  status: 'waiting',
  issuedAt: queuedAt,
  queuedAt,
  calledAt: null,
  rejoinedAt: null,
  startedAt: null,
  finishedAt: null,
  counterId: null,
  targetCounterId: null,
  clerkId: null,
  recallCount: 0,
  transferCount: 0,
  outcome: null,
  issuedByType: 'system',
  issuedById: null,
  idempotencyKey: null,
  origin: 'walk_in',
})

it('orders tickets of one millisecond and one number by their id, whatever their service or insertion', () => {
  const db = new Database(join(dir, 'tabour.sqlite'))
  migrate(db)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at)
           VALUES (1, 'A', 'أ', 'A', 600, 1), (2, 'B', 'ب', 'B', 600, 1)`)
  const repo = new TicketsRepo(db)
  const at = Date.parse('2026-12-07T08:00:00Z')
  repo.insert(ticket('zA3', 1, 3, at))
  repo.insert(ticket('mA2', 1, 2, at))
  repo.insert(ticket('aB3', 2, 3, at))
  repo.insert(ticket('qB1', 2, 1, at - 1))
  expect(repo.listLive().map((t) => t.id)).toEqual(['qB1', 'mA2', 'aB3', 'zA3'])
  db.close()
})
