import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { migrations } from '../../../server/db/migrations.ts'
import { databaseBefore } from '../../helpers/database-before.ts'

// Migration 11 rebuilds tickets and devices to widen their CHECKs: rows, indexes and the
// foreign key from counter_printers must come through, and foreign keys must be on afterwards.

it('widens ticket states and device kinds, keeping every row, index and foreign key', () => {
  const db = databaseBefore(11, { foreignKeys: true })
  db.exec(`
    INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'جوازات', 'Passports', 600, 1);
    INSERT INTO counters (id, number, name, created_at) VALUES (1, 1, 'Counter 1', 1);
    INSERT INTO devices (id, kind, name, created_at, pairing_code_hash) VALUES (7, 'kiosk', 'Hall kiosk', 1, 'digest');
    INSERT INTO counter_printers (counter_id, device_id) VALUES (1, 7);
    INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, issued_by_type)
      VALUES ('t1', 1, 1, '2026-12-04', 1, 'A-001', 'waiting', 1, 1, 'device');
  `)
  // up to 11 only: later migrations (12 on) are not this test's subject
  expect(
    migrate(
      db,
      migrations.filter((m) => m.version <= 11),
    ),
  ).toEqual({ from: 10, to: 11 })
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
  expect(db.prepare('SELECT id, status, origin FROM tickets').all()).toEqual([{ id: 't1', status: 'waiting', origin: 'walk_in' }])
  expect(db.prepare('SELECT id, kind, pairing_code_hash FROM devices').all()).toEqual([
    { id: 7, kind: 'kiosk', pairing_code_hash: 'digest' },
  ])
  // the new values are accepted, unknown ones still refused
  db.prepare("UPDATE tickets SET status = 'parked' WHERE id = 't1'").run()
  db.prepare("INSERT INTO devices (kind, name, created_at) VALUES ('feedback', 'Counter 1 tablet', 1)").run()
  expect(() => db.prepare("UPDATE tickets SET status = 'lost' WHERE id = 't1'").run()).toThrow(/CHECK/)
  expect(() => db.prepare("UPDATE tickets SET origin = 'fax' WHERE id = 't1'").run()).toThrow(/CHECK/)
  // the counter's printer still points at the rebuilt devices table, and is still enforced
  expect(() => db.prepare('DELETE FROM devices WHERE id = 7').run()).toThrow(/FOREIGN KEY/)
  expect(() =>
    db
      .prepare(
        "INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, issued_by_type) VALUES ('t2', 99, 1, 'd', 2, 'A-002', 'waiting', 1, 1, 'device')",
      )
      .run(),
  ).toThrow(/FOREIGN KEY/)
  // the indexes came back, the one-active-ticket-per-counter rule among them
  const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string }[]).map(
    (r) => r.name,
  )
  expect(indexes).toEqual(
    expect.arrayContaining([
      'tickets_waiting',
      'tickets_day',
      'tickets_done',
      'tickets_one_active_per_counter',
      'devices_pairing_code_hash',
    ]),
  )
  db.close()
})
