import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { databaseBefore } from '../../helpers/database-before.ts'

// Migration 27 adds counters.paused_at (since when a paused counter is paused); a counter paused
// when it runs takes from the event log the time its pause began, every other counter none.

it('gives a counter paused now the time its pause began in the log (a new reason does not start it over), and no other counter a time', () => {
  const db = databaseBefore(27)
  const counter = db.prepare(`INSERT INTO counters (number, name, state, pause_reason, created_at) VALUES (?, ?, ?, ?, 1)`)
  counter.run(1, 'paused twice', 'paused', 'prayer')
  counter.run(2, 'paused, then resumed', 'open', null)
  counter.run(3, 'paused before the log was kept', 'paused', 'break')
  counter.run(4, 'paused, then a new reason', 'paused', 'meeting')
  const event = db.prepare(`INSERT INTO events (at, day, type, counter_id) VALUES (?, '2026-12-04', ?, ?)`)
  event.run(1_000, 'counter.paused', 1)
  event.run(2_000, 'counter.resumed', 1)
  event.run(3_000, 'counter.paused', 1)
  event.run(4_000, 'counter.paused', 2)
  event.run(5_000, 'counter.resumed', 2)
  event.run(6_000, 'counter.opened', 4)
  event.run(7_000, 'counter.paused', 4)
  event.run(8_000, 'counter.paused', 4)
  migrate(db)
  expect(db.prepare('SELECT number, paused_at FROM counters ORDER BY number').all()).toEqual([
    { number: 1, paused_at: 3_000 },
    { number: 2, paused_at: null },
    { number: 3, paused_at: null },
    { number: 4, paused_at: 7_000 },
  ])
  db.close()
})
