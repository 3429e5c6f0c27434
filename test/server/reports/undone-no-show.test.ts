import { afterEach, describe, expect, it } from 'vitest'
import { oneCounterDay } from '../../helpers/one-counter-day.ts'

/**
 * One definition of a ticket's wait and of a no-show, on the walk of 2026-12-05 (Cairo). Service A,
 * target 600 s, one counter:
 *
 *   A-001 issued t0, called t0+403 (waited 403 ✓), no-show t0+463, undone t0+470, called again
 *         t0+476 (the call after an undone no-show: no new call, no wait, no no-show), finished
 *   A-002 issued t0+10, called t0+516 (waited 506 ✓), finished
 *
 * Every figure: 2 calls, 0 no-shows, average wait (403 + 506) / 2 = 454.5 s, within target
 * 2 of 2 tickets. Before the fix the services table said (403 + 6 + 506) / 3, 1 no-show of 3
 * calls (33.3 %), "of 3" tickets, while the arrival-mode table said 454.5.
 */
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('an undone no-show and the call after it', () => {
  it('count as one call, one wait and no no-show in the live figures, the clerk’s day, the reports and the waits by origin', async () => {
    const { center, a, counter, kiosk, clerk, manager, at, ok } = await oneCounterDay('2026-12-05T06:00:00Z', {
      minSecondsBeforeNoShow: 60,
      noShowGraceMinutes: 30,
    })
    cleanups.push(() => center.close())
    const t0 = Date.parse('2026-12-05T06:00:00Z')
    const first = await center.issue(kiosk, { serviceId: a.id })
    at(10)
    await center.issue(kiosk, { serviceId: a.id })
    at(403)
    await ok(center.action(clerk, counter.id, 'call-next'))
    at(463)
    await ok(center.action(clerk, counter.id, 'no-show'))
    at(470)
    await ok(center.request('POST', `/api/v1/tickets/${first.id}/reinstate`, { token: clerk }))

    // back in line: not a miss waiting past its target, its wait was counted at its first call;
    // no call has an outcome yet (figures.ts noShowPercent), so no rate
    at(1100)
    const live = (await center.request('GET', '/api/v1/stats/today', { token: manager })).json()
    expect(live.totals).toMatchObject({ noShow: 0, noShowPercent: null, called: 1, avgWaitSeconds: 403, slaCounted: 2 })

    at(476)
    const again = await center.action(clerk, counter.id, 'call-next')
    // the console's card shows the wait its first call recorded, not the 6 s since the undo (walk s54)
    expect(again.json().ticket).toMatchObject({
      label: 'A-001',
      waitEnded: { calledAt: new Date(t0 + 403_000).toISOString(), waitedSeconds: 403 },
    })
    const live2 = (await center.request('GET', '/api/v1/tickets', { token: clerk })).json()
    expect(live2.find((t: { id: string }) => t.id === first.id).waitEnded).toEqual({
      calledAt: new Date(t0 + 403_000).toISOString(),
      waitedSeconds: 403,
    })
    // its event row holds no wait a reader of the log (webhooks, metrics) could count as a hit
    const calls = center.app.tabour.queue.ctx.events.forTicket(first.id).filter((e) => e.type === 'ticket.called')
    expect(calls.map((e) => e.data)).toEqual([
      expect.objectContaining({ waitedSeconds: 403, withinTarget: true }),
      // its place in the line when called (the line's calls, remote-joins-repo.ts), and no wait
      { how: 'policy', afterUndo: true, priority: 'none', policy: expect.any(String), queuedAt: expect.any(Number) },
    ])
    for (const step of ['start', 'finish'] as const) await ok(center.action(clerk, counter.id, step))
    at(516)
    for (const step of ['call-next', 'start', 'finish'] as const) await ok(center.action(clerk, counter.id, step))

    const figures = { called: 2, noShow: 0, noShowPercent: 0, avgWaitSeconds: 454.5, maxWaitSeconds: 506, slaPercent: 100, slaCounted: 2 }
    const today = (await center.request('GET', '/api/v1/stats/today', { token: manager })).json()
    expect(today.totals).toMatchObject(figures)
    expect(today.services[0]).toMatchObject(figures)
    expect(today.counters[0]).toMatchObject({ called: 2, noShow: 0 })
    expect((await center.request('GET', '/api/v1/stats/me', { token: clerk })).json()).toMatchObject({ called: 2, noShow: 0 })
    const day = today.day
    const report = (await center.request('GET', `/api/v1/stats/report?from=${day}&to=${day}&by=service`, { token: manager })).json()
    expect(report.rows[0]).toMatchObject(figures)
    const hourly = (await center.request('GET', `/api/v1/stats/report?from=${day}&to=${day}&by=hour`, { token: manager })).json()
    // 06:00Z is 08:00 in Cairo
    expect(hourly.rows.find((r: { key: number }) => r.key === 8)).toMatchObject({ called: 2, noShow: 0, avgWaitSeconds: 454.5 })
    const origins = (await center.request('GET', `/api/v1/stats/appointments?from=${day}&to=${day}`, { token: manager })).json()
    expect(origins.waitsTotal.walk_in).toMatchObject({ called: 2, meanWaitSeconds: 454.5 })
    // the printable shift report: the first call ended with the citizen back in line, the second ended no wait
    const { userId } = (await center.request('GET', '/api/v1/stats/me', { token: clerk })).json()
    const shift = (await center.request('GET', `/api/v1/stats/shift?day=${day}&userId=${userId}`, { token: manager })).json()
    expect(shift.figures).toMatchObject({ called: 2, noShow: 0 })
    expect(shift.tickets.map((t: Record<string, unknown>) => [t.label, t.outcome, t.waitedSeconds])).toEqual([
      ['A-001', 'back_in_line', 403],
      ['A-001', 'finished', null],
      ['A-002', 'finished', 506],
    ])
  })

  it('re-folds rollups stored under the old rules', async () => {
    const { center, a, counter, kiosk, clerk, manager } = await oneCounterDay('2026-12-05T06:00:00Z', {
      minSecondsBeforeNoShow: 0,
      noShowGraceMinutes: 30,
    })
    cleanups.push(() => center.close())
    const t = await center.issue(kiosk, { serviceId: a.id })
    await center.action(clerk, counter.id, 'call-next')
    await center.action(clerk, counter.id, 'no-show')
    await center.request('POST', `/api/v1/tickets/${t.id}/reinstate`, { token: clerk })
    expect((await center.request('GET', '/api/v1/stats/today', { token: manager })).json().totals.noShow).toBe(0)
    // rollups as an older server folded them (a no-show counted, no fold version)
    const db = center.app.tabour.db
    db.exec("UPDATE report_day SET no_show = 1; UPDATE report_hour SET no_show = 1; DELETE FROM report_state WHERE key = 'foldVersion'")
    expect((await center.request('GET', '/api/v1/stats/today', { token: manager })).json().totals.noShow).toBe(0)
  })
})
