import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TestCenter, TestClock } from '../helpers/test-center.ts'
import { openDatabase } from '../../server/db/connection.ts'

/**
 * Ticket numbering through the real engine (HTTP → issuer → SQLite) with a controlled clock:
 * one sequence per service per local day of the center, restarting at local midnight, DST
 * included, never reusing a number.
 */

interface Scene {
  center: TestCenter
  clock: TestClock
  kiosk: string
  a: { id: number }
  b: { id: number }
  /** Issues a ticket for the service at the given instant; returns its label. */
  issueAt: (iso: string, serviceId?: number) => Promise<string>
  /** The local day stored with a ticket. */
  dayOf: (label: string) => string
}

async function scene(startIso: string, config: Record<string, unknown> = {}): Promise<Scene> {
  const clock = new TestClock(Date.parse(startIso))
  const center = await TestCenter.start({ clock, config })
  const a = await center.createService({ prefix: 'A' })
  const b = await center.createService({ prefix: 'B' })
  const kiosk = (await center.createDevice('kiosk')).token
  return {
    center,
    clock,
    kiosk,
    a,
    b,
    issueAt: async (iso, serviceId = a.id) => {
      clock.set(iso)
      const t = await center.issue(kiosk, { serviceId })
      expect(t.issuedAt).toBe(new Date(Date.parse(iso)).toISOString())
      return t.label
    },
    dayOf: (label) => {
      const rows = center.app.tabour.db.prepare('SELECT day FROM tickets WHERE label = ? ORDER BY issued_at DESC LIMIT 1').all(label) as {
        day: string
      }[]
      return rows[0].day
    },
  }
}

describe('ticket numbering', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('keeps one sequence per service: A-001, A-002 and B-001 are independent', async () => {
    const s = await scene('2026-03-10T08:00:00Z')
    center = s.center
    const labels = [
      await s.issueAt('2026-03-10T08:00:00Z', s.a.id),
      await s.issueAt('2026-03-10T08:01:00Z', s.a.id),
      await s.issueAt('2026-03-10T08:02:00Z', s.b.id),
      await s.issueAt('2026-03-10T08:03:00Z', s.a.id),
      await s.issueAt('2026-03-10T08:04:00Z', s.b.id),
    ]
    expect(labels).toEqual(['A-001', 'A-002', 'B-001', 'A-003', 'B-002'])
    const seq = center.app.tabour.db.prepare('SELECT service_id, day, last_number FROM ticket_sequences ORDER BY service_id').all()
    expect(seq).toEqual([
      { service_id: s.a.id, day: '2026-03-10', last_number: 3 },
      { service_id: s.b.id, day: '2026-03-10', last_number: 2 },
    ])
  })

  it('restarts at local midnight in Africa/Cairo: 22:00Z in winter, not 00:00Z', async () => {
    const s = await scene('2024-01-15T20:00:00Z')
    center = s.center
    expect(await s.issueAt('2024-01-15T21:00:00Z')).toBe('A-001')
    expect(await s.issueAt('2024-01-15T21:59:59Z')).toBe('A-002')
    expect(s.dayOf('A-002')).toBe('2024-01-15')
    expect(await s.issueAt('2024-01-15T22:00:00Z')).toBe('A-001')
    expect(s.dayOf('A-001')).toBe('2024-01-16')
    // UTC midnight is nothing special
    expect(await s.issueAt('2024-01-15T23:59:59Z')).toBe('A-002')
    expect(await s.issueAt('2024-01-16T00:00:00Z')).toBe('A-003')
    // each service restarts on its own
    expect(await s.issueAt('2024-01-16T00:01:00Z', s.b.id)).toBe('B-001')
  })

  it('spring-forward day (2024-04-26): the local day starts at 2024-04-25T22:00Z, which is 01:00 local', async () => {
    const s = await scene('2024-04-25T20:00:00Z')
    center = s.center
    expect(await s.issueAt('2024-04-25T21:00:00Z')).toBe('A-001')
    expect(await s.issueAt('2024-04-25T21:59:59Z')).toBe('A-002')
    expect(s.dayOf('A-002')).toBe('2024-04-25')
    expect(await s.issueAt('2024-04-25T22:00:00Z')).toBe('A-001')
    expect(s.dayOf('A-001')).toBe('2024-04-26')
    // a 23-hour day: summer time, so the next midnight is at 21:00Z
    expect(await s.issueAt('2024-04-26T20:59:59Z')).toBe('A-002')
    expect(s.dayOf('A-002')).toBe('2024-04-26')
    expect(await s.issueAt('2024-04-26T21:00:00Z')).toBe('A-001')
    expect(s.dayOf('A-001')).toBe('2024-04-27')
  })

  it('fall-back day (2024-10-31): 21:30Z is still Oct 31 (number continues), 22:00Z is Nov 1 (001)', async () => {
    const s = await scene('2024-10-30T20:00:00Z')
    center = s.center
    // Oct 31 starts at 21:00Z on Oct 30 (summer time)
    expect(await s.issueAt('2024-10-30T20:59:59Z')).toBe('A-001')
    expect(s.dayOf('A-001')).toBe('2024-10-30')
    expect(await s.issueAt('2024-10-30T21:00:00Z')).toBe('A-001')
    expect(s.dayOf('A-001')).toBe('2024-10-31')
    expect(await s.issueAt('2024-10-31T20:30:00Z')).toBe('A-002') // 23:30 summer time
    expect(await s.issueAt('2024-10-31T21:00:00Z')).toBe('A-003') // 23:00 again, winter time
    expect(await s.issueAt('2024-10-31T21:30:00Z')).toBe('A-004')
    expect(s.dayOf('A-004')).toBe('2024-10-31')
    expect(await s.issueAt('2024-10-31T21:59:59Z')).toBe('A-005')
    expect(await s.issueAt('2024-10-31T22:00:00Z')).toBe('A-001')
    expect(s.dayOf('A-001')).toBe('2024-11-01')
  })

  it('never reuses a number after a cancel (even of the latest ticket) or a no-show', async () => {
    const s = await scene('2026-03-10T08:00:00Z')
    center = s.center
    const clerk = (await center.createUser('clerk1')).token
    const t1 = await center.issue(s.kiosk, { serviceId: s.a.id })
    const t2 = await center.issue(s.kiosk, { serviceId: s.a.id })
    expect([t1.label, t2.label]).toEqual(['A-001', 'A-002'])
    expect(
      (await center.request('POST', `/api/v1/tickets/${t2.id}/cancel`, { token: clerk, body: { reason: 'duplicate' } })).statusCode,
    ).toBe(200)
    expect((await center.issue(s.kiosk, { serviceId: s.a.id })).label).toBe('A-003')
    expect(
      (await center.request('POST', `/api/v1/tickets/${t1.id}/cancel`, { token: clerk, body: { reason: 'duplicate' } })).statusCode,
    ).toBe(200)
    expect((await center.issue(s.kiosk, { serviceId: s.a.id })).label).toBe('A-004')

    const counter = await center.createCounter({ number: 1, serviceIds: [s.a.id] })
    const clerk2 = await center.openCounterAs('clerk2', counter.id)
    await center.action(clerk2, counter.id, 'call-next')
    await center.action(clerk2, counter.id, 'no-show')
    expect((await center.issue(s.kiosk, { serviceId: s.a.id })).label).toBe('A-005')

    const numbers = center.app.tabour.db.prepare('SELECT number FROM tickets WHERE service_id = ? ORDER BY number').all(s.a.id) as {
      number: number
    }[]
    expect(numbers.map((n) => n.number)).toEqual([1, 2, 3, 4, 5])
  })

  it('a transferred ticket keeps its number; the target service does not skip or repeat one', async () => {
    const s = await scene('2026-03-10T08:00:00Z')
    center = s.center
    const counter = await center.createCounter({ number: 1, serviceIds: [s.a.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    await center.issue(s.kiosk, { serviceId: s.a.id })
    expect((await center.issue(s.kiosk, { serviceId: s.b.id })).label).toBe('B-001')
    await center.action(clerk, counter.id, 'call-next')
    const moved = await center.action(clerk, counter.id, 'transfer', { serviceId: s.b.id })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json().ticket).toMatchObject({ label: 'A-001', number: 1, serviceId: s.b.id })
    expect((await center.issue(s.kiosk, { serviceId: s.b.id })).label).toBe('B-002')
    expect((await center.issue(s.kiosk, { serviceId: s.a.id })).label).toBe('A-002')
  })

  it('a configured other zone (Asia/Riyadh, UTC+3) restarts at its own midnight, 21:00Z', async () => {
    const s = await scene('2024-01-15T18:00:00Z', { timeZone: 'Asia/Riyadh' })
    center = s.center
    expect(await s.issueAt('2024-01-15T20:59:59Z')).toBe('A-001')
    expect(s.dayOf('A-001')).toBe('2024-01-15')
    expect(await s.issueAt('2024-01-15T21:00:00Z')).toBe('A-001')
    expect(s.dayOf('A-001')).toBe('2024-01-16')
    // in Cairo this instant would still be Jan 15; in Riyadh it is well into Jan 16
    expect(await s.issueAt('2024-01-15T22:00:00Z')).toBe('A-002')
    expect(s.dayOf('A-002')).toBe('2024-01-16')
  })

  it('UTC centers restart at 00:00Z', async () => {
    const s = await scene('2024-01-15T20:00:00Z', { timeZone: 'UTC' })
    center = s.center
    expect(await s.issueAt('2024-01-15T22:00:00Z')).toBe('A-001')
    expect(await s.issueAt('2024-01-15T23:59:59Z')).toBe('A-002')
    expect(await s.issueAt('2024-01-16T00:00:00Z')).toBe('A-001')
  })

  it('grows past 999 instead of wrapping', async () => {
    const s = await scene('2026-03-10T08:00:00Z')
    center = s.center
    // jump the sequence rather than issue a thousand tickets
    center.app.tabour.db.prepare("INSERT INTO ticket_sequences (service_id, day, last_number) VALUES (?, '2026-03-10', 998)").run(s.a.id)
    expect(await s.issueAt('2026-03-10T08:00:00Z')).toBe('A-999')
    expect(await s.issueAt('2026-03-10T08:00:01Z')).toBe('A-1000')
  })
})

describe('the numbering guard in the database', () => {
  it('a number is unique per issuing service and day, so a transferred A-001 may wait beside B-001', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-numbering-'))
    try {
      const db = openDatabase(join(dir, 'tabour.sqlite'))
      db.exec(`
        INSERT INTO services (id, prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (1, 'A', 'أ', 'A', 600, 0), (2, 'B', 'ب', 'B', 600, 0);
        INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, issued_by_type)
          VALUES ('t-a1', 1, 1, '2026-03-10', 1, 'A-001', 'waiting', 1, 1, 'system'), ('t-b1', 2, 2, '2026-03-10', 1, 'B-001', 'waiting', 2, 2, 'system');`)
      // A-001 may now wait in B's line next to B-001
      db.prepare("UPDATE tickets SET service_id = 2 WHERE id = 't-a1'").run()
      // but a second A-001 for the same day is refused by the database itself
      expect(() =>
        db
          .prepare(
            "INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, issued_by_type) VALUES ('dup', 1, 1, '2026-03-10', 1, 'A-001', 'waiting', 3, 3, 'system')",
          )
          .run(),
      ).toThrow(/UNIQUE/)
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
