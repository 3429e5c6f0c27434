import { afterAll, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../../../server/db/migrate.ts'
import { CountersRepo } from '../../../server/db/repositories/counters-repo.ts'
import { counterDto } from '../../../server/dto.ts'

// GET /counters, the staff feed's snapshot and every push's zones list the counters: with their
// services and their streaks, in a fixed number of reads however many counters there are. It read
// each counter's services, and then each counter's latest calls for its appointment streak, one
// counter at a time (1 + 2 × counters statements).
const dir = mkdtempSync(join(tmpdir(), 'tabour-counters-list-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('lists the counters with their services and streaks in two reads, not one more per counter', () => {
  const statements: string[] = []
  const db = new Database(join(dir, 'tabour.sqlite'), { verbose: (sql) => statements.push(String(sql)) })
  migrate(db)
  db.exec(`INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at)
           VALUES (1, 'A', 'أ', 'A', 600, 1), (2, 'B', 'ب', 'B', 600, 1)`)
  db.exec(`INSERT INTO counters (id, number, name, zone, state, created_at, appointment_streak) VALUES
           (1, 1, 'c1', 'z', 'open', 1, 2), (2, 2, 'c2', 'z', 'closed', 1, 0), (3, 3, 'c3', 'z', 'open', 1, 1), (4, 4, 'c4', 'z', 'open', 1, 0)`)
  db.exec('INSERT INTO counter_services (counter_id, service_id, weight) VALUES (1, 1, 1), (1, 2, 2), (3, 2, 1), (4, 1, 0)')
  const repo = new CountersRepo(db)
  statements.length = 0
  const listed = repo.list().map(counterDto)
  expect(statements).toHaveLength(2)
  expect(listed.map((c) => [c.number, c.services, c.appointmentStreak])).toEqual([
    [
      1,
      [
        { serviceId: 1, weight: 1 },
        { serviceId: 2, weight: 2 },
      ],
      2,
    ],
    [2, [], 0],
    [3, [{ serviceId: 2, weight: 1 }], 1],
    [4, [{ serviceId: 1, weight: 0 }], 0],
  ])
  // one counter reads as in the list
  expect(repo.get(3)).toEqual(repo.list()[2])
  db.close()
})
