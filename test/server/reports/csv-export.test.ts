import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { readCsv, runsAsFormula } from '../../helpers/read-csv.ts'

/**
 * Issue 15 item 6: the center's CSV files (ticket log, reports) read back with a real CSV
 * parser as an analyst's spreadsheet reads them: headers as sentences in the language asked
 * for (Arabic by default), both names of each service, times local to the center with their
 * offset (Cairo, UTC+2 on 2026-03-10), no cell a spreadsheet would run, phone numbers and ids
 * as text (a leading 0, + or "-" kept), the center's zone in the file name, and a cancelled
 * column in every report.
 */

const EVIL_EN = '=HYPERLINK("http://evil.example/","x")'
const EVIL_AR = '\t=1+2'

async function csvDay() {
  const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
  const center = await TestCenter.start({ clock })
  const at = (s: number) => (clock.now = Date.parse('2026-03-10T08:00:00Z') + s * 1000)
  const a = await center.createService({ prefix: 'A', nameAr: 'جوازات السفر', nameEn: EVIL_EN, targetWaitSeconds: 600 })
  const b = await center.createService({ prefix: 'B', nameAr: EVIL_AR, nameEn: '-2+3', targetWaitSeconds: 300 })
  const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk = await center.openCounterAs('clerk1', c1.id)
  const manager = (await center.createUser('boss', 'manager')).token
  await center.issue(kiosk, { serviceId: a.id, phone: '01001234567' })
  const t2 = await center.issue(kiosk, { serviceId: b.id, phone: '+201001234567' })
  const t3 = await center.issue(kiosk, { serviceId: b.id })
  at(100)
  expect((await center.action(clerk, c1.id, 'call-next')).statusCode).toBe(200)
  at(250)
  expect((await center.action(clerk, c1.id, 'start')).statusCode).toBe(200)
  at(400)
  expect((await center.action(clerk, c1.id, 'finish')).statusCode).toBe(200)
  at(500)
  const cancel = await center.request('POST', `/api/v1/tickets/${t3.id}/cancel`, { token: clerk, body: { reason: 'duplicate' } })
  expect(cancel.statusCode, cancel.body).toBe(200)
  // ids are random base64url: give two of them the starts a spreadsheet mangles ("-" runs a formula, "0…" loses its 0);
  // not the called one, whose wait the log reads from its events (append-only, under the id it had)
  const db = center.app.tabour.db
  db.prepare('UPDATE tickets SET id = ? WHERE id = ?').run('-dash-first', t2.id)
  db.prepare('UPDATE tickets SET id = ? WHERE id = ?').run('0123456789', t3.id)
  return { center, manager, admin: await center.admin() }
}

describe('CSV an analyst opens without surprises (issue 15 item 6)', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('the ticket log: sentences as headers in the language asked for, both names, local times with the offset, phones and ids as text, nothing a spreadsheet runs', async () => {
    const day = await csvDay()
    center = day.center
    const res = await center.request('GET', '/api/v1/stats/tickets.csv?from=2026-03-10&to=2026-03-10&lang=en', { token: day.admin })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toBe('attachment; filename="tabour-tickets-2026-03-10-2026-03-10-Africa_Cairo.csv"')
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    const { header, rows, cells } = readCsv(res.body)
    expect(header).toEqual([
      'Ticket id',
      'Day',
      'Ticket number',
      'Service code',
      'Service (Arabic)',
      'Service (English)',
      'Service code when issued',
      'Priority category code',
      'Priority category',
      'Phone number',
      'Status code',
      'Status',
      'Outcome code',
      'Outcome',
      'Issued at (local time)',
      'Called at in the current line (local time)',
      'Service started at in the current line (local time)',
      'Finished at (local time)',
      'Waited in line until called (seconds; every line it was called from)',
      'Counter',
      'Clerk',
      'Recalls',
      'Transfers',
    ])
    expect(rows).toHaveLength(3)
    const [a1, b1, b2] = rows as [Record<string, string>, Record<string, string>, Record<string, string>]
    expect(a1).toMatchObject({
      'Ticket number': 'A-001',
      'Service (Arabic)': 'جوازات السفر',
      'Service (English)': `'${EVIL_EN}`,
      'Phone number': "'+201001234567", // stored in one form (protocol/phone-number.ts)
      'Priority category code': 'none',
      'Priority category': '',
      'Status code': 'done',
      Status: 'Finished',
      // finished naming none (the keypad's Finish): as the reports say it
      'Outcome code': '',
      Outcome: 'No outcome recorded',
      'Issued at (local time)': '2026-03-10T10:00:00+02:00',
      'Called at in the current line (local time)': '2026-03-10T10:01:40+02:00',
      'Service started at in the current line (local time)': '2026-03-10T10:04:10+02:00',
      'Finished at (local time)': '2026-03-10T10:06:40+02:00',
      'Waited in line until called (seconds; every line it was called from)': '100',
      Counter: '1',
      Clerk: 'clerk1',
    })
    expect(b1).toMatchObject({
      'Ticket id': "'-dash-first",
      'Service (Arabic)': `'${EVIL_AR}`,
      'Service (English)': "'-2+3",
      'Phone number': "'+201001234567",
      'Called at in the current line (local time)': '',
    })
    expect(b2).toMatchObject({
      'Ticket id': "'0123456789",
      'Status code': 'cancelled',
      Status: 'Cancelled',
      Outcome: '',
      'Finished at (local time)': '2026-03-10T10:08:20+02:00',
      'Phone number': '',
    })
    for (const c of cells) expect(runsAsFormula(c), JSON.stringify(c)).toBe(false)

    // Arabic by default; a manager gets no phone column
    const ar = readCsv(
      (await center.request('GET', '/api/v1/stats/tickets.csv?from=2026-03-10&to=2026-03-10', { token: day.manager })).body,
    )
    expect(ar.header.slice(0, 6)).toEqual(['معرّف التذكرة', 'اليوم', 'رقم التذكرة', 'رمز الخدمة', 'الخدمة بالعربية', 'الخدمة بالإنجليزية'])
    expect(ar.header).not.toContain('رقم الهاتف')
    expect(ar.rows[0]!['وقت الإصدار (محلي)']).toBe('2026-03-10T10:00:00+02:00')
    expect(
      (await center.request('GET', '/api/v1/stats/tickets.csv?from=2026-03-10&to=2026-03-10&lang=fr', { token: day.manager })).statusCode,
    ).toBe(400)
  })

  it("the ticket log in Arabic names its codes in words beside them: status as the ticket tools say it, outcome as the reports, priority by the center's category (s51)", async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A', nameAr: 'أ', nameEn: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c1.id)
    await center.issue(kiosk, { serviceId: a.id, priority: 'elderly' })
    await center.issue(kiosk, { serviceId: a.id })
    await center.issue(kiosk, { serviceId: a.id })
    expect((await center.action(clerk, c1.id, 'call-next')).statusCode).toBe(200)
    expect((await center.action(clerk, c1.id, 'start')).statusCode).toBe(200)
    expect((await center.action(clerk, c1.id, 'finish', { outcome: 'incomplete_papers' })).statusCode).toBe(200)
    expect((await center.action(clerk, c1.id, 'call-next')).statusCode).toBe(200)
    expect((await center.action(clerk, c1.id, 'no-show')).statusCode).toBe(200)
    const gone = await center.issue(kiosk, { serviceId: a.id, priority: 'pregnant' })
    // a category the center has since removed: its name went with the configuration
    center.app.tabour.db.prepare('UPDATE tickets SET priority = ? WHERE id = ?').run('veteran', gone.id)
    const token = await center.admin()
    const log = async (lang: string) =>
      readCsv((await center.request('GET', `/api/v1/stats/tickets.csv?from=2026-03-10&to=2026-03-10&lang=${lang}`, { token })).body)
    const ar = await log('ar')
    const h = ar.header
    // each code column keeps its codes for scripts, its name column beside it
    expect(h.slice(h.indexOf('رمز فئة الأولوية'), h.indexOf('رمز فئة الأولوية') + 2)).toEqual(['رمز فئة الأولوية', 'فئة الأولوية'])
    expect(h.slice(h.indexOf('رمز الحالة'), h.indexOf('رمز الحالة') + 4)).toEqual([
      'رمز الحالة',
      'الحالة',
      'رمز نتيجة الخدمة',
      'نتيجة الخدمة',
    ])
    const cells = (rows: Record<string, string>[], keys: string[]) => rows.map((r) => keys.map((k) => r[k]))
    expect(
      cells(ar.rows, ['رقم التذكرة', 'رمز فئة الأولوية', 'فئة الأولوية', 'رمز الحالة', 'الحالة', 'رمز نتيجة الخدمة', 'نتيجة الخدمة']),
    ).toEqual([
      ['A-001', 'elderly', 'كبار السن', 'done', 'أُنهيت', 'incomplete_papers', 'أوراق غير مكتملة'],
      ['A-002', 'none', '', 'no_show', 'لم يحضر صاحبها', '', ''],
      ['A-003', 'none', '', 'waiting', 'في الانتظار', '', ''],
      ['A-004', 'veteran', 'veteran (لم تعد ضمن فئات الأولوية)', 'waiting', 'في الانتظار', '', ''],
    ])
    const en = await log('en')
    expect(cells(en.rows, ['Priority category', 'Status', 'Outcome'])).toEqual([
      ['Elderly', 'Finished', 'Incomplete papers'],
      ['', 'No-show', ''],
      ['', 'Waiting', ''],
      ['veteran (no longer a priority category)', 'Waiting', ''],
    ])
  })

  it("the ticket log's wait is the reports' wait: a transferred visit waits in each line, not while it was served in between", async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const at = (s: number) => (clock.now = Date.parse('2026-03-10T08:00:00Z') + s * 1000)
    const a = await center.createService({ prefix: 'A', nameAr: 'أ', nameEn: 'A' })
    const c = await center.createService({ prefix: 'C', nameAr: 'ج', nameEn: 'C' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id, c.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c1.id)
    await center.issue(kiosk, { serviceId: a.id })
    const token = await center.admin()
    const ticketLog = async () =>
      readCsv((await center.request('GET', '/api/v1/stats/tickets.csv?from=2026-03-10&to=2026-03-10&lang=en', { token })).body).rows
    at(76)
    expect((await center.action(clerk, c1.id, 'call-next')).statusCode).toBe(200)
    at(80)
    expect((await center.action(clerk, c1.id, 'start')).statusCode).toBe(200)
    at(100)
    expect((await center.action(clerk, c1.id, 'transfer', { serviceId: c.id })).statusCode).toBe(200)
    // waiting in C's line: A's call (08:01:16) and start (08:01:20) are not this line's (walk 2026-12-06,
    // finding 11: they read as a service in progress); A's 76 s of wait stays, as the header says
    expect(
      (await ticketLog()).map((r) => [
        r['Ticket number'],
        r['Status code'],
        r['Called at in the current line (local time)'],
        r['Service started at in the current line (local time)'],
        r['Waited in line until called (seconds; every line it was called from)'],
      ]),
    ).toEqual([['A-001', 'waiting', '', '', '76']])
    at(107)
    expect((await center.action(clerk, c1.id, 'call-next')).statusCode).toBe(200)
    const rows = await ticketLog()
    // called in C's line: this line's call, no start yet
    expect([
      rows[0]!['Called at in the current line (local time)'],
      rows[0]!['Service started at in the current line (local time)'],
    ]).toEqual(['2026-03-10T10:01:47+02:00', ''])
    // 76 s in A's line and 7 s in C's; "called at − issued at" said 107
    expect(rows.map((r) => [r['Ticket number'], r['Waited in line until called (seconds; every line it was called from)']])).toEqual([
      ['A-001', '83'],
    ])
    const report = (await center.request('GET', '/api/v1/stats/report?from=2026-03-10&to=2026-03-10&by=service', { token })).json()
    const waitSum = report.rows.reduce(
      (sum: number, r: { called: number; avgWaitSeconds: number | null }) => sum + r.called * (r.avgWaitSeconds ?? 0),
      0,
    )
    expect(waitSum).toBe(83)
  })

  it('a report: the service code and both names, a cancelled column by service and by hour, a total line, in Arabic or English', async () => {
    const day = await csvDay()
    center = day.center
    const get = (q: string) => center.request('GET', `/api/v1/stats/report.csv?from=2026-03-10&to=2026-03-10&${q}`, { token: day.manager })
    const res = await get('by=service&lang=en')
    expect(res.headers['content-disposition']).toBe('attachment; filename="tabour-service-2026-03-10-2026-03-10-Africa_Cairo.csv"')
    const en = readCsv(res.body)
    expect(en.header.slice(0, 10)).toEqual([
      'Service code',
      'Service (Arabic)',
      'Service (English)',
      'Tickets issued',
      'Tickets called',
      'Finishes at counters (any outcome; a visit of 2 steps counts 2)',
      'No-shows',
      'Tickets cancelled',
      'Of which cancelled at closing',
      'Tickets transferred',
    ])
    expect(
      en.rows.map((r) => [r['Service code'], r['Service (Arabic)'], r['Service (English)'], r['Tickets issued'], r['Tickets cancelled']]),
    ).toEqual([
      ['A', 'جوازات السفر', `'${EVIL_EN}`, '1', '0'],
      ['B', `'${EVIL_AR}`, "'-2+3", '2', '1'],
      ['Total', '', '', '3', '1'],
    ])
    expect(en.rows[0]).toMatchObject({
      'Average wait (seconds)': '100',
      'Average service time (seconds)': '300',
      'Within target wait (%)': '100',
    })
    for (const c of en.cells) expect(runsAsFormula(c), JSON.stringify(c)).toBe(false)

    const hours = readCsv((await get('by=hour')).body)
    expect(hours.header.slice(0, 2)).toEqual(['الساعة (محلية)', 'التذاكر الصادرة'])
    const ten = hours.rows.find((r) => r['الساعة (محلية)'] === '10:00')!
    expect(ten).toMatchObject({
      'التذاكر الصادرة': '3',
      'مرات الإنهاء عند الشبابيك (كل النتائج؛ الزيارة ذات الخطوتين تُحسب مرتين)': '1',
      'التذاكر الملغاة': '1',
    })
    expect(hours.rows.at(-1)).toMatchObject({ 'الساعة (محلية)': 'الإجمالي', 'التذاكر الملغاة': '1' })

    const counters = readCsv((await get('by=counter&lang=en')).body)
    expect(counters.header).toContain('Tickets cancelled')
    // a counter or clerk issues nothing: no figure on their rows, the total keeps every issue (walk 2026-12-06: "Issued 0" on each row)
    expect(counters.rows.map((r) => r['Tickets issued'])).toEqual([...counters.rows.slice(1).map(() => ''), '3'])
    const clerks = readCsv((await get('by=clerk&lang=en')).body)
    // the clerk cancelled the duplicate: it counts on their row
    expect(clerks.rows.find((r) => r.Clerk === 'clerk1')).toMatchObject({
      'Finishes at counters (any outcome; a visit of 2 steps counts 2)': '1',
      'Tickets cancelled': '1',
    })
    expect(clerks.rows.map((r) => r['Tickets issued'])).toEqual([...clerks.rows.slice(1).map(() => ''), '3'])
    const deskTime = ['Busy with a ticket (seconds)', 'Open without a ticket (seconds)', 'Paused (seconds)', 'Open time with a ticket (%)']
    expect(clerks.header.slice(-4)).toEqual(deskTime)
    // a counter's open time goes the same way (server/reports/clerk-time.ts)
    expect(counters.header.slice(-4)).toEqual(deskTime)
  })
})
