import { afterEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sql, type LogEvent } from 'kysely'
import type { HourBatch } from '../../protocol/upstream.ts'
import { HubStore, type FiguresQuery } from '../../hub/store/store.ts'
import type { GroupCommitOptions } from '../../hub/store/group-commit.ts'
import { openHubDatabase } from '../../hub/store/database.ts'
import { freshPgDatabase, PG_SKIP_REASON, PG_URL } from './hub-harness.ts'
import { batch, CENTERS, expectRollupsAsRebuilt, row, SERVICES, seed, snapshot, viewsMatchHourlyRows } from './rollup-fixture.ts'

/**
 * Group commit (hub/store/group-commit.ts; PostgreSQL with deferred rollups): the calls that arrive
 * together share one transaction, and each caller gets exactly the answer it gets alone: a stale
 * revision ignored, a replayed nonce refused, a bad batch refused alone while the rest are stored;
 * a hub killed (SIGKILL) while groups are in flight loses no acknowledged call and leaves no call half stored.
 */

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

const [A, B, C] = SERVICES as [(typeof SERVICES)[number], (typeof SERVICES)[number], (typeof SERVICES)[number]]

/** A center's day: hours 9 and 14 of services A, B and C at `revision`. */
const dayOf = (center: string, day: string, revision: number, seed: number): HourBatch[] =>
  [9, 14].map((hour) => batch(center, day, hour, revision, [row(A, seed + hour), row(B, seed), row(C, seed + 1)]))

/** A deferring PostgreSQL store on a fresh database, seeded, counting the transactions it begins. */
async function storeOn(url: string, groupCommit?: GroupCommitOptions): Promise<{ store: HubStore; begins: () => number }> {
  let begins = 0
  const log = (e: LogEvent) => {
    if (e.level === 'query' && e.query.sql === 'begin') begins++
  }
  const store = new HubStore(openHubDatabase({ databaseUrl: url, sqliteFile: '', log }), { deferRollups: true, groupCommit })
  cleanups.push(() => store.close())
  await store.migrate()
  return { store, begins: () => begins }
}

async function freshStore(groupCommit?: GroupCommitOptions) {
  const db = await freshPgDatabase()
  cleanups.push(db.drop)
  const s = await storeOn(db.url, groupCommit)
  await seed(s.store)
  return { ...s, url: db.url }
}

/** What ingest leaves: the hourly rows, the hours, the marks, the nonces and each center's status (times left out). */
async function stateOf(store: HubStore) {
  const status = (await snapshot(store, 'hub_center_status', ['center_id'])).map(({ last_report_at: _, ...s }) => s)
  return {
    figures: await snapshot(store, 'hub_figures', ['center_id', 'day', 'hour', 'service_code']),
    hours: await snapshot(store, 'hub_hours', ['center_id', 'day', 'hour']),
    marks: (await snapshot(store, 'hub_rollup_marks', ['center_id', 'day'])).map(({ marked_at: _, ...m }) => m),
    nonces: (await snapshot(store, 'hub_nonces', ['center_id', 'nonce'])).map(({ seen_at: _, ...n }) => n),
    status,
  }
}

/** The calls of the test below: C2's revision 2 and C3's day stored first; then, arriving together, C1's day, C2's stale revision 1, C3's call again (its nonce seen), C1 again. */
const before = [
  { batches: dayOf('C2', '2026-03-10', 2, 4), nonce: 'n-c2-r2' },
  { batches: dayOf('C3', '2026-03-11', 1, 2), nonce: 'n-c3' },
]
const together = [
  { batches: dayOf('C1', '2026-03-10', 1, 1), nonce: 'n-c1' },
  { batches: dayOf('C2', '2026-03-10', 1, 9), nonce: 'n-c2-r1' },
  { batches: dayOf('C3', '2026-03-11', 2, 5), nonce: 'n-c3' },
  { batches: dayOf('C1', '2026-03-10', 2, 3), nonce: 'n-c1-r2' },
]

const VIEWS: FiguresQuery[] = (['governorate', 'center', 'service', 'day'] as const).map((by) => ({
  from: '2026-03-01',
  to: '2026-03-31',
  by,
}))

if (!PG_URL) describe.skip(`PostgreSQL: ${PG_SKIP_REASON}`, () => it('group commit', () => {}))
else
  describe('group commit on PostgreSQL (deferred rollups)', () => {
    it('calls arriving together share a transaction; each gets the answer it gets alone (a stale revision ignored, a replay refused)', async () => {
      const grouped = await freshStore()
      const alone = await freshStore({ maxCalls: 1 })
      const answers = async ({ store, begins }: { store: HubStore; begins: () => number }) => {
        for (const c of before) await store.ingestHours(c.batches, c.nonce, 1000)
        const from = begins()
        const r = await Promise.all(together.map((c, i) => store.ingestHours(c.batches, c.nonce, 2000 + i)))
        return { answers: r, transactions: begins() - from }
      }
      const g = await answers(grouped)
      const a = await answers(alone)
      expect(g.answers).toEqual(a.answers)
      // C3's nonce seen before: refused (nothing of it stored); C2's stale revision: every row ignored, a duplicate
      expect(g.answers[2]).toBe('replayed')
      expect(g.answers[1]).toEqual({ stored: 0, ignored: 6, duplicate: true, unknownNationalCodes: ['ZZZ'] })
      expect(g.answers[3]).toMatchObject({ stored: 6, ignored: 0, duplicate: false })
      // three centers' calls, C1 twice: two groups (C1's second call waits for the next), against one transaction a call
      expect(a.transactions).toBe(together.length)
      expect(g.transactions).toBeGreaterThanOrEqual(2)
      expect(g.transactions).toBeLessThan(together.length)
      expect(await stateOf(grouped.store)).toEqual(await stateOf(alone.store))
      await grouped.store.flushRollups()
      expect(await viewsMatchHourlyRows(grouped.store, VIEWS)).toBeGreaterThan(0)
      await expectRollupsAsRebuilt(grouped.store)
    })

    it('a bad batch in a group is refused alone, with its own error; the others are stored', async () => {
      const { store, begins } = await freshStore()
      // an hour PostgreSQL cannot hold (the routes refuse it before the store; here it fails inside the group's transaction)
      const bad = dayOf('C2', '2026-03-10', 1, 7).map((b) => ({ ...b, hour: 3_000_000_000 }))
      const calls = [dayOf('C1', '2026-03-10', 1, 1), bad, dayOf('C3', '2026-03-10', 1, 2)]
      // the month's partition and the group's function made (a call's first look-ups would spread the calls over several groups)
      await store.ingestHours(dayOf('C1', '2026-03-09', 1, 1), 'warm-up', 1000)
      const from = begins()
      const settled = await Promise.allSettled(calls.map((b, i) => store.ingestHours(b, `n${i}`, 1000)))
      expect(settled[0]).toMatchObject({ status: 'fulfilled', value: { stored: 6, ignored: 0 } })
      expect(settled[1]).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/out of range/) } })
      expect(settled[2]).toMatchObject({ status: 'fulfilled', value: { stored: 6, ignored: 0 } })
      // the group, then each call alone
      expect(begins() - from).toBe(1 + calls.length)
      const held = await sql<{ center_id: string }>`SELECT DISTINCT center_id FROM hub_figures ORDER BY 1`.execute(store.db)
      expect(held.rows.map((r) => r.center_id)).toEqual(['C1', 'C3'])
      // the refused call's nonce was not taken: the center may send it again
      expect(await store.ingestHours(dayOf('C2', '2026-03-10', 1, 7), 'n1', 1000)).toMatchObject({ stored: 6 })
    })

    it('killed (SIGKILL) while groups are in flight, the hub loses no acknowledged call and leaves none half stored', async () => {
      const { store, url } = await freshStore()
      const extra = Array.from({ length: 9 }, (_, i) => `K${i}`)
      for (const id of extra) await store.addCenter({ id, nameAr: id, nameEn: id, governorate: 'Giza', kind: 'fixed', secret: 's' }, 0)
      await store.close()
      cleanups.pop()
      const centers = [...CENTERS.map((c) => c.id), ...extra]
      const days = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`)
      // every center's days, 12 senders at once; each call's answer written as it comes, then more calls until killed
      const calls = days.flatMap((day, d) =>
        centers.map((center, c) => ({ batches: dayOf(center, day, 1, c + d), nonce: `n-${center}-${day}` })),
      )
      const root = resolve(import.meta.dirname, '../..')
      const dir = mkdtempSync(join(tmpdir(), 'tabour-group-kill-'))
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
      const callsFile = join(dir, 'calls.json')
      writeFileSync(callsFile, JSON.stringify(calls))
      const script = `
        import { readFileSync } from 'node:fs'
        import { HubStore } from '${root}/hub/store/store.ts'
        import { openHubDatabase } from '${root}/hub/store/database.ts'
        const store = new HubStore(openHubDatabase({ databaseUrl: ${JSON.stringify(url)}, sqliteFile: '' }), { deferRollups: true })
        await store.migrate()
        const calls = JSON.parse(readFileSync(${JSON.stringify(callsFile)}, 'utf8'))
        let next = 0
        await Promise.all(Array.from({ length: 12 }, async () => {
          while (next < calls.length) {
            const call = calls[next++]
            const r = await store.ingestHours(call.batches, call.nonce, 1000)
            process.stdout.write(call.nonce + ' ' + r.stored + '\\n')
          }
        }))
        process.stdout.write('all\\n')`
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      const acked = new Map<string, number>()
      await new Promise<void>((done, fail) => {
        let buffered = ''
        child.stdout.on('data', (d: Buffer) => {
          buffered += d.toString()
          const lines = buffered.split('\n')
          buffered = lines.pop()!
          for (const line of lines) {
            const [nonce, stored] = line.split(' ')
            if (nonce === 'all') return fail(new Error('every call was stored before the kill'))
            acked.set(nonce!, Number(stored))
          }
          // killed once some calls are acknowledged and most are still to come (groups in flight)
          if (acked.size >= 40) {
            child.kill('SIGKILL')
            done()
          }
        })
        child.on('exit', (code) => fail(new Error(`the hub process exited ${code}`)))
      })
      await new Promise((done) => child.once('exit', done))

      const reopened = (await storeOn(url)).store
      const { rows } = await sql<{ center_id: string; day: string; n: number }>`
        SELECT center_id, day::text AS day, COUNT(*)::int AS n FROM hub_figures GROUP BY 1, 2`.execute(reopened.db)
      const rowsOf = new Map(rows.map((r) => [`n-${r.center_id}-${r.day}`, r.n]))
      const nonces = new Set((await sql<{ nonce: string }>`SELECT nonce FROM hub_nonces`.execute(reopened.db)).rows.map((r) => r.nonce))
      for (const [nonce, stored] of acked) {
        expect(stored, nonce).toBe(6)
        expect(rowsOf.get(nonce), nonce).toBe(6)
      }
      // every call is whole or absent: its nonce taken with its six rows, or neither
      for (const { nonce } of calls) expect([nonce, rowsOf.get(nonce) ?? 0], nonce).toEqual([nonce, nonces.has(nonce) ? 6 : 0])
      expect(nonces.size).toBeGreaterThanOrEqual(acked.size)
      expect(nonces.size).toBeLessThan(calls.length)
      await reopened.flushRollups()
      expect(await viewsMatchHourlyRows(reopened, [{ from: '2026-02-01', to: '2026-02-28', by: 'center' }])).toBe(1)
      await expectRollupsAsRebuilt(reopened)
    })
  })
