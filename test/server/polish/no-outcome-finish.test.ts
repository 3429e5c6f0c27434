import { afterEach, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { readCsv } from '../../helpers/read-csv.ts'
import { doneText } from '../../../protocol/messages/status.ts'
import { finishedText } from '../../../protocol/messages/ticket-tools.ts'

/**
 * A finish that names no outcome (a keypad's Finish key, `POST .../finish` without one) says the
 * same thing everywhere (s51). Its event recorded none, but the ticket's row held 'served': the
 * citizen's page and the ticket tools' badge said "Served" while the reports, the ticket's
 * history and the CSV's per-outcome columns said "No outcome recorded" / "Finished", and the
 * rating copied "served". Now the row, the wire, the citizen's page, the tools, the ticket log,
 * the report and the rating all hold none; "served" in throughput still counts it (README).
 * A finish as `served` beside it keeps saying served.
 */
const DAY = '2026-03-10'
let center: TestCenter | undefined
afterEach(async () => center?.close())

it('a finish without an outcome holds none in the row, the DTO, the page, the tools, the CSV, the report and the rating', async () => {
  const clock = new TestClock(Date.parse(`${DAY}T08:00:00Z`))
  center = await TestCenter.start({ clock })
  const c = center
  const a = await c.createService({ prefix: 'A' })
  const counter = await c.createCounter({ number: 1, serviceIds: [a.id] })
  const kiosk = (await c.createDevice('kiosk')).token
  const clerk = await c.openCounterAs('clerk1', counter.id)
  const manager = (await c.createUser('boss', 'manager')).token
  const finish = async (body: Record<string, string>) => {
    const t = await c.issue(kiosk, { serviceId: a.id })
    for (const action of ['call-next', 'start']) {
      clock.advance(30)
      expect((await c.action(clerk, counter.id, action)).statusCode).toBe(200)
    }
    clock.advance(30)
    const res = await c.action(clerk, counter.id, 'finish', body)
    expect(res.statusCode, res.body).toBe(200)
    return { id: t.id as string, label: t.label as string, dto: res.json().ticket }
  }
  const plain = await finish({})
  const served = await finish({ outcome: 'served' })

  // the finish's answer (the wire's Ticket), the row and the event
  expect(plain.dto).toMatchObject({ status: 'done', outcome: null })
  expect(served.dto).toMatchObject({ status: 'done', outcome: 'served' })
  const db = c.app.tabour.db
  const row = (id: string) => (db.prepare('SELECT outcome FROM tickets WHERE id = ?').get(id) as { outcome: string | null }).outcome
  const event = (id: string) =>
    (
      db
        .prepare(`SELECT json_extract(data, '$.outcome') AS outcome FROM events WHERE ticket_id = ? AND type = 'ticket.finished'`)
        .get(id) as {
        outcome: string | null
      }
    ).outcome
  expect([row(plain.id), event(plain.id)]).toEqual([null, null])
  expect([row(served.id), event(served.id)]).toEqual(['served', 'served'])

  // the citizen's page: the visit ended, not "served"
  const shown = async (id: string) => (await c.request('GET', `/api/v1/tickets/${id}`)).json()
  const plainPage = await shown(plain.id)
  expect(plainPage.endedWith).toEqual({ code: null, nameAr: null, nameEn: null })
  expect(doneText(plainPage.endedWith, 'en')).toBe('Your visit has ended. Thank you for coming.')
  expect(doneText(plainPage.endedWith, 'ar')).toBe('انتهت زيارتك. شكرًا لحضورك.')
  const servedPage = await shown(served.id)
  expect(servedPage.endedWith).toBeUndefined()
  expect(doneText(servedPage.endedWith, 'en')).toBe('You have been served. Thank you for your visit.')
  expect(doneText(servedPage.endedWith, 'ar')).toBe('تمت خدمتك. شكرًا لزيارتك.')

  // the staff's ticket tools: the badge and the history's finished step say the same word
  const none = { code: null, nameAr: null, nameEn: null }
  const match = async (id: string) =>
    (await c.request('GET', `/api/v1/tickets/search?q=${encodeURIComponent(id)}`, { token: clerk })).json()[0]
  const finishedStep = async (id: string) =>
    (await c.request('GET', `/api/v1/tickets/${id}/history`, { token: clerk }))
      .json()
      .entries.find((e: { step: string }) => e.step === 'finished')
  expect(await match(plain.id)).toMatchObject({ finishedWith: none, endedAsServed: false })
  expect((await finishedStep(plain.id)).finishedWith).toEqual(none)
  expect([finishedText(none, 'en'), finishedText(none, 'ar')]).toEqual(['Finished', 'أُنهيت'])
  expect(await match(served.id)).toMatchObject({ finishedWith: { code: 'served' }, endedAsServed: true })

  // the ticket log: no outcome in the outcome column, "served" for the other
  const log = readCsv((await c.request('GET', `/api/v1/stats/tickets.csv?from=${DAY}&to=${DAY}&lang=en`, { token: manager })).body)
  const outcomeOf = (label: string) => {
    const r = log.rows.find((r) => r['Ticket number'].endsWith(label))
    return [r?.['Outcome code'], r?.Outcome]
  }
  // its name beside the code, as the report below says it
  expect([outcomeOf(plain.label), outcomeOf(served.label)]).toEqual([
    ['', 'No outcome recorded'],
    ['served', 'Served'],
  ])

  // the report: one "No outcome recorded", one "Served"; both in served (every finish, README)
  const report = (await c.request('GET', `/api/v1/stats/report?from=${DAY}&to=${DAY}&by=service`, { token: manager })).json()
  const byOutcome = report.servedByOutcome
  const count = (code: string | null) =>
    byOutcome.totals.counts[byOutcome.outcomes.findIndex((o: { code: string | null }) => o.code === code)]
  expect([count(null), count('served'), byOutcome.totals.served, report.totals.served]).toEqual([1, 1, 2, 2])

  // the rating copies the ticket's outcome: none
  for (const t of [plain, served]) {
    const rated = await c.request('POST', `/api/v1/feedback/tickets/${t.id}`, { body: { score: 4 } })
    expect(rated.statusCode, rated.body).toBe(201)
  }
  const rating = (id: string) =>
    (db.prepare('SELECT outcome FROM ratings WHERE ticket_id = ?').get(id) as { outcome: string | null }).outcome
  expect([rating(plain.id), rating(served.id)]).toEqual([null, 'served'])
})
