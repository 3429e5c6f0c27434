import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectError } from '../routes/route-helpers.ts'
import { readCsv } from '../../helpers/read-csv.ts'

/**
 * "Served" broken down by finish outcome (server/reports/served-by-outcome.ts), on a day played
 * through the real API on a real SQLite file (Cairo, 2026-03-10). A at counter 1 (clerk1), B at
 * counter 2 (clerk2), C a visit of two steps C → B at counter 1:
 *   A-001 served · A-002 incomplete_papers · A-003 no outcome · A-004 referred
 *   A-005 transferred to B (a transfer is no finish), finished at counter 2 as referred (B's)
 *   A-006 no-show, undone, called again, finished incomplete_papers
 *   A-007 recalled twice, finished served
 *   A-008 other (an outcome removed from the list afterwards)
 *   C-001 step 1 finished (no outcome: ticket.next_step, served in C), step 2 at B finished served
 * By hand: A 7 finishes (served 2, incomplete 2, referred 1, none 1, other 1); B 2 (referred 1,
 * served 1); C 1 (none 1); total 10 = served. Checked against the events table too.
 */
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const DAY = '2026-03-10'

async function playDay() {
  const clock = new TestClock(Date.parse(`${DAY}T08:00:00Z`))
  const center = await TestCenter.start({ clock, config: { queue: { minSecondsBeforeNoShow: 0, noShowGraceMinutes: 30 } } })
  cleanups.push(() => center.close())
  const admin = await center.admin()
  const a = await center.createService({ prefix: 'A' })
  const b = await center.createService({ prefix: 'B' })
  const c = await center.createService({ prefix: 'C' })
  const steps = await center.request('PUT', `/api/v1/services/${c.id}/steps`, { token: admin, body: { steps: [b.id] } })
  expect(steps.statusCode, steps.body).toBe(200)
  const c1 = await center.createCounter({ number: 1, serviceIds: [a.id, c.id] })
  const c2 = await center.createCounter({ number: 2, serviceIds: [b.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk1 = await center.openCounterAs('clerk1', c1.id)
  const clerk2 = await center.openCounterAs('clerk2', c2.id)
  const manager = (await center.createUser('boss', 'manager')).token
  const act = async (token: string, counterId: number, action: string, body?: unknown) => {
    clock.advance(30)
    const res = await center.action(token, counterId, action, body)
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200)
    return res.json()
  }
  const callStartFinish = async (token: string, counterId: number, outcome: string | null) => {
    await act(token, counterId, 'call-next')
    await act(token, counterId, 'start')
    await act(token, counterId, 'finish', outcome ? { outcome } : {})
  }

  const issued = []
  for (let i = 0; i < 8; i++) issued.push(await center.issue(kiosk, { serviceId: a.id }))
  for (const o of ['served', 'incomplete_papers', null, 'referred']) await callStartFinish(clerk1, c1.id, o)
  await act(clerk1, c1.id, 'call-next')
  await act(clerk1, c1.id, 'transfer', { serviceId: b.id })
  await callStartFinish(clerk2, c2.id, 'referred')
  await act(clerk1, c1.id, 'call-next')
  await act(clerk1, c1.id, 'no-show')
  clock.advance(10)
  const back = await center.request('POST', `/api/v1/tickets/${issued[5]!.id}/reinstate`, { token: clerk1 })
  expect(back.statusCode, back.body).toBe(200)
  await callStartFinish(clerk1, c1.id, 'incomplete_papers')
  await act(clerk1, c1.id, 'call-next')
  await act(clerk1, c1.id, 'recall')
  await act(clerk1, c1.id, 'recall')
  await act(clerk1, c1.id, 'start')
  await act(clerk1, c1.id, 'finish', { outcome: 'served' })
  await callStartFinish(clerk1, c1.id, 'other')
  await center.issue(kiosk, { serviceId: c.id })
  await callStartFinish(clerk1, c1.id, null)
  await callStartFinish(clerk2, c2.id, 'served')
  return { center, a, b, c, manager }
}

/** Served per service and outcome ('' for none) straight from the events table: the two events that count as served. */
function fromEvents(center: TestCenter): Map<string, number> {
  const rows = center.app.tabour.db
    .prepare(
      `SELECT service_id AS serviceId, COALESCE(json_extract(data, '$.outcome'), '') AS outcome, COUNT(*) AS n FROM events
       WHERE day = ? AND type IN ('ticket.finished', 'ticket.next_step') GROUP BY 1, 2`,
    )
    .all(DAY) as { serviceId: number; outcome: string; n: number }[]
  return new Map(rows.map((r) => [`${r.serviceId}:${r.outcome}`, r.n]))
}

/** The API's figure as the same map. */
function fromReport(r: { outcomes: { code: string | null }[]; rows: { serviceId: number; counts: number[] }[] }): Map<string, number> {
  const out = new Map<string, number>()
  for (const row of r.rows)
    row.counts.forEach((n, i) => {
      if (n > 0) out.set(`${row.serviceId}:${r.outcomes[i]!.code ?? ''}`, n)
    })
  return out
}

describe('served by finish outcome', () => {
  it('per service and in total, as counted by hand and in the events table, adding up to served', async () => {
    const { center, a, b, c, manager } = await playDay()
    // "other" is taken out of the list and "referred" renamed (a hub bundle does both the same way)
    const outcomes = center.app.tabour.config.queue.finishOutcomes
    center.app.tabour.config.queue.finishOutcomes = outcomes
      .filter((o) => o.code !== 'other')
      .map((o) => (o.code === 'referred' ? { ...o, nameEn: 'Sent to another office', nameAr: 'أُحيل لمكتب آخر' } : o))

    const res = await center.request('GET', `/api/v1/stats/report?from=${DAY}&to=${DAY}&by=service`, { token: manager })
    expect(res.statusCode, res.body).toBe(200)
    const report = res.json()
    const byOutcome = report.servedByOutcome
    // the configured ones in their order (renamed: today's words), then a removed code by its code, then none
    expect(byOutcome.outcomes).toEqual([
      { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' },
      { code: 'referred', nameAr: 'أُحيل لمكتب آخر', nameEn: 'Sent to another office' },
      { code: 'incomplete_papers', nameAr: 'أوراق غير مكتملة', nameEn: 'Incomplete papers' },
      { code: 'other', nameAr: null, nameEn: null },
      { code: null, nameAr: null, nameEn: null },
    ])
    expect(byOutcome.rows.map((r: { serviceId: number; served: number; counts: number[] }) => [r.serviceId, r.served, r.counts])).toEqual([
      [a.id, 7, [2, 1, 2, 1, 1]],
      [b.id, 2, [1, 1, 0, 0, 0]],
      [c.id, 1, [0, 0, 0, 0, 1]],
    ])
    expect(byOutcome.totals).toEqual({ served: 10, counts: [3, 2, 2, 1, 2] })
    expect(fromReport(byOutcome)).toEqual(fromEvents(center))
    // the same "served" as the report's rows and totals
    expect(report.totals.served).toBe(10)
    for (const row of byOutcome.rows) expect(report.rows.find((r: { key: number }) => r.key === row.serviceId).served).toBe(row.served)
    // incomplete papers is one column of it
    expect(report.totals).toMatchObject({ incompletePapers: 2, incompletePapersPercent: 20 })

    // the service CSV: a column per outcome, the same numbers, the total line
    const csv = readCsv(
      (await center.request('GET', `/api/v1/stats/report.csv?from=${DAY}&to=${DAY}&by=service&lang=en`, { token: manager })).body,
    )
    const outcomeHeaders = [
      'Finished with outcome: Served',
      'Finished with outcome: Sent to another office',
      'Finished with outcome: Incomplete papers',
      'Finished with outcome: other (no longer an outcome)',
      'Finished with outcome: No outcome recorded',
    ]
    expect(
      csv.rows.map((r) => [
        r['Service code'],
        r['Finishes at counters (any outcome; a visit of 2 steps counts 2)'],
        ...outcomeHeaders.map((h) => r[h]),
      ]),
    ).toEqual([
      ['A', '7', '2', '1', '2', '1', '1'],
      ['B', '2', '1', '1', '0', '0', '0'],
      ['C', '1', '0', '0', '0', '0', '1'],
      ['Total', '10', '3', '2', '2', '1', '2'],
    ])
    const ar = readCsv(
      (await center.request('GET', `/api/v1/stats/report.csv?from=${DAY}&to=${DAY}&by=service&lang=ar`, { token: manager })).body,
    )
    expect(ar.header).toContain('أُنهيت بنتيجة: دون نتيجة مسجلة')

    // every grouping carries the range's figure; the live figures carry today's total
    const byDay = (await center.request('GET', `/api/v1/stats/report?from=${DAY}&to=${DAY}&by=day`, { token: manager })).json()
    expect(byDay.servedByOutcome).toEqual(byOutcome)
    const today = (await center.request('GET', '/api/v1/stats/today', { token: manager })).json()
    expect(today.servedByOutcome).toEqual({ outcomes: byOutcome.outcomes, counts: [3, 2, 2, 1, 2] })
    expect(today.totals.served).toBe(10)
  })

  it('refolds rollups stored before the outcomes were folded, and a day without finishes is empty', async () => {
    const { center, manager } = await playDay()
    const report = async (from = DAY, to = from) =>
      (await center.request('GET', `/api/v1/stats/report?from=${from}&to=${to}&by=service`, { token: manager })).json()
    const before = (await report()).servedByOutcome
    // rollups as the previous fold left them: no outcome rows, fold version 2
    const db = center.app.tabour.db
    db.exec("DELETE FROM report_outcome_day; UPDATE report_state SET value = '2' WHERE key = 'foldVersion'")
    expect((await report()).servedByOutcome).toEqual(before)
    expect(before.totals.served).toBe(10)

    const empty = (await report('2026-03-09')).servedByOutcome
    expect(empty.rows).toEqual([])
    expect(empty.totals).toEqual({ served: 0, counts: [0, 0, 0, 0] })
    expect(empty.outcomes.map((o: { code: string }) => o.code)).toEqual(['served', 'referred', 'incomplete_papers', 'other'])
  })

  it('answers a bad range with the stable error, never a 500', async () => {
    const clock = new TestClock(Date.parse(`${DAY}T08:00:00Z`))
    const center = await TestCenter.start({ clock })
    cleanups.push(() => center.close())
    const manager = (await center.createUser('boss', 'manager')).token
    for (const q of ['from=2026-03-10&to=2026-03-09&by=service', 'from=2026-02-30&to=2026-03-01&by=day', 'from=x&to=y&by=service']) {
      expectError(await center.request('GET', `/api/v1/stats/report?${q}`, { token: manager }), 400, 'TABOUR_ERR_VALIDATION')
    }
  })
})
