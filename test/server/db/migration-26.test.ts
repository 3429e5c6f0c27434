import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { databaseBefore } from '../../helpers/database-before.ts'
import { migrations } from '../../../server/db/migrations.ts'

// Migration 26 turns the pause reasons stored as the clerk's label, in either language, into
// their codes (protocol/pause-reasons.ts) on the counter; other text stays, and the append-only
// event log keeps what it recorded.

it('maps the labels the console offered in Arabic and English to codes, and leaves other text', () => {
  const db = databaseBefore(26)
  const labels = ['استراحة', 'Prayer', 'صلاة', 'عطل فني', 'Technical problem', 'سبب آخر', 'Other', 'Break', 'meeting with the director']
  const counter = db.prepare(`INSERT INTO counters (number, name, state, pause_reason, created_at) VALUES (?, ?, 'paused', ?, 1)`)
  const event = db.prepare(`INSERT INTO events (at, day, type, counter_id, data) VALUES (1, '2026-12-04', 'counter.paused', ?, ?)`)
  labels.forEach((label, i) => {
    counter.run(i + 1, `c${i + 1}`, label)
    event.run(i + 1, JSON.stringify({ reason: label }))
  })
  db.prepare(`INSERT INTO events (at, day, type, counter_id, data) VALUES (1, '2026-12-04', 'counter.paused', 1, '{"reason":null}')`).run()
  expect(
    migrate(
      db,
      migrations.filter((m) => m.version <= 26),
    ).to,
  ).toBe(26)
  const want = ['break', 'prayer', 'prayer', 'technical', 'technical', 'other', 'other', 'break', 'meeting with the director']
  expect(db.prepare('SELECT pause_reason FROM counters ORDER BY number').pluck().all()).toEqual(want)
  expect(db.prepare(`SELECT json_extract(data, '$.reason') FROM events ORDER BY id`).pluck().all()).toEqual([...labels, null])
  db.close()
})
