import { afterEach, describe, expect, it } from 'vitest'
import { noShowPercent } from '../../../server/reports/figures.ts'
import { readCsv } from '../../helpers/read-csv.ts'
import { oneCounterDay } from '../../helpers/one-counter-day.ts'

/**
 * The no-show rate counts only calls whose outcome is known (walk of 2026-12-05): at one counter,
 * A-001 served, A-002 a no-show, A-003 called and still at the counter. The rate is 1 of 2 (50 %)
 * in the live figures, the reports and their CSV; no-shows ÷ calls said 1 of 3 (33.3 %), as if the
 * citizen at the counter had come already.
 */
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('the no-show rate', () => {
  it('is no-shows ÷ the calls that ended (served, transferred or no-show), null before any ended', () => {
    expect(noShowPercent({ served: 1, noShow: 1, transferred: 0 })).toBe(50)
    // a transfer ended the call with the citizen there
    expect(noShowPercent({ served: 0, noShow: 1, transferred: 2 })).toBe(33.3)
    expect(noShowPercent({ served: 0, noShow: 0, transferred: 0 })).toBeNull()
  })

  it('leaves out the ticket still at a counter, as the database has it, in the live figures, the reports and the CSV', async () => {
    const { center, a, counter, kiosk, clerk, manager, at, ok } = await oneCounterDay('2026-12-05T08:00:00Z', {
      minSecondsBeforeNoShow: 60,
    })
    cleanups.push(() => center.close())
    for (let i = 0; i < 3; i++) await center.issue(kiosk, { serviceId: a.id })
    at(60)
    for (const step of ['call-next', 'start', 'finish'] as const) await ok(center.action(clerk, counter.id, step))
    at(120)
    await ok(center.action(clerk, counter.id, 'call-next'))
    at(200)
    await ok(center.action(clerk, counter.id, 'no-show'))
    at(260)
    await ok(center.action(clerk, counter.id, 'call-next'))

    const statuses = center.app.tabour.db.prepare('SELECT status, count(*) AS n FROM tickets GROUP BY status ORDER BY status').all()
    expect(statuses).toEqual([
      { status: 'called', n: 1 },
      { status: 'done', n: 1 },
      { status: 'no_show', n: 1 },
    ])

    const figures = { called: 3, served: 1, noShow: 1, noShowPercent: 50 }
    const today = (await center.request('GET', '/api/v1/stats/today', { token: manager })).json()
    expect(today.totals).toMatchObject(figures)
    expect(today.services[0]).toMatchObject(figures)
    const day = today.day
    for (const by of ['service', 'counter', 'day', 'hour']) {
      const report = (await center.request('GET', `/api/v1/stats/report?from=${day}&to=${day}&by=${by}`, { token: manager })).json()
      expect(report.totals, by).toMatchObject(figures)
      expect(report.rows.filter((r: { called: number }) => r.called > 0)[0], by).toMatchObject(figures)
    }
    const csv = await center.request('GET', `/api/v1/stats/report.csv?from=${day}&to=${day}&by=service&lang=en`, { token: manager })
    const pct = Object.keys(readCsv(csv.body).rows[0]!).find((h) => h.startsWith('No-shows of'))!
    expect(readCsv(csv.body).rows.map((r) => r[pct])).toEqual(['50', '50'])
  })
})
