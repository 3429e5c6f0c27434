import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import { closingCalendar } from '../../helpers/closing-calendar.ts'
import { SocketClients, waitUntil } from '../../helpers/socket-client.ts'
import { decodeJob } from '../../helpers/escpos-decode.ts'
import { FakePrinter, refusedPort } from '../../drivers/printer/fake-printer.ts'
import type { PrinterFactory, PrinterHandle } from '../../../server/devices/printer-handle.ts'
import { openTicketPrinter, ticketText, type TicketContent } from '../../../drivers/printer/index.ts'

/** The real ESC/POS driver, polling fast and retrying briefly so a test need not wait seconds. */
// status asked every 50 ms; a healthy printer's answer given 10 s (the driver's 1 s was passed on a
// loaded CI machine, the printer taken for faulty and a ticket answered 'fault'): no test here has a
// printer that stays silent, a refused port fails at once whatever the wait
const quickPrinter: PrinterFactory = (config) =>
  openTicketPrinter(config, { pollIntervalMs: 50, transport: { statusTimeoutMs: 10_000 }, queue: { retries: 1, backoffMs: 10 } })

const PAPER_OUT = { printer: 0x12, offline: 0x12, paper: 0x12 | 0x60 }

/** The real driver (quickPrinter), keeping what each job was asked to print in `contents`. */
const recordingPrinter =
  (contents: TicketContent[]): PrinterFactory =>
  (config) => {
    const handle = quickPrinter(config)
    return {
      print: (content, done) => (contents.push(content), handle.print(content, done)),
      watch: (listener) => handle.watch(listener),
      close: () => handle.close(),
    } satisfies PrinterHandle
  }

describe('printing the tickets a kiosk issues', () => {
  const centers: TestCenter[] = []
  const printers: FakePrinter[] = []
  const clients = new SocketClients()
  afterEach(async () => {
    clients.closeAll()
    await Promise.all(centers.splice(0).map((c) => c.close()))
    await Promise.all(printers.splice(0).map((p) => p.close()))
  })

  async function setUp(
    printerInterface: string | null,
    openPrinter: PrinterFactory = quickPrinter,
    beforeKiosk: (center: TestCenter) => Promise<void> = async () => {},
    clock?: TestClock,
  ) {
    const center = await TestCenter.start({ deps: { openPrinter }, ...(clock ? { clock } : {}) })
    centers.push(center)
    const service = await center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
    await beforeKiosk(center)
    const device = (
      await center.request('POST', '/api/v1/devices', {
        token: await center.admin(),
        body: {
          kind: 'kiosk',
          name: 'entrance',
          config: printerInterface ? { printer: { type: 'epson', interface: printerInterface, widthMm: 80 } } : {},
        },
      })
    ).json()
    const pair = (await center.request('POST', '/api/v1/devices/pair', { body: { pairingCode: device.pairingCode } })).json()
    return { center, service, kiosk: { id: device.id as number, token: pair.token as string } }
  }

  const issue = async (center: TestCenter, token: string, serviceId: number, priority?: string) => {
    const res = await center.request('POST', '/api/v1/tickets', { token, body: { serviceId, ...(priority ? { priority } : {}) } })
    expect(res.statusCode, res.body).toBe(201)
    return res.json()
  }

  it('sends exactly one job per ticket: an 80 mm raster, the status page in a native QR, one cut', async () => {
    const printer = await FakePrinter.start()
    printers.push(printer)
    const { center, service, kiosk } = await setUp(printer.url)
    const first = await issue(center, kiosk.token, service.id)
    const second = await issue(center, kiosk.token, service.id)
    expect([first.printing, second.printing]).toEqual(['queued', 'queued'])
    await printer.waitForJobs(2)
    expect(printer.jobs).toHaveLength(2)
    const jobs = printer.jobs.map((bytes) => decodeJob(bytes))
    for (const [i, ticket] of [first, second].entries()) {
      expect(jobs[i].images).toHaveLength(1)
      expect(jobs[i].images[0].width).toBe(576)
      expect(jobs[i].qrPayloads).toEqual([expect.stringMatching(new RegExp(`/t/${ticket.id}$`))])
      expect(jobs[i].cuts).toBe(1)
    }
    // nothing else arrives later: one ticket, one job
    await new Promise((r) => setTimeout(r, 200))
    expect(printer.jobConnections).toBe(2)
  })

  it('a priority ticket is printed with its category (both languages) under the label; an ordinary one without', async () => {
    const printer = await FakePrinter.start()
    printers.push(printer)
    const contents: TicketContent[] = []
    const { center, service, kiosk } = await setUp(printer.url, recordingPrinter(contents))
    const ordinary = await issue(center, kiosk.token, service.id)
    const pregnant = await issue(center, kiosk.token, service.id, 'pregnant')
    expect(pregnant).toMatchObject({ priority: 'pregnant', printing: 'queued' })
    await printer.waitForJobs(2)
    expect(contents.map((c) => [c.label, c.priorityCategory])).toEqual([
      [ordinary.label, undefined],
      [pregnant.label, { ar: 'الحوامل', en: 'Pregnant women' }],
    ])
    expect(ticketText(contents[1])).toMatchObject({ priorityAr: 'أولوية\u00a0— الحوامل', priorityEn: 'Priority\u00a0— Pregnant women' })
    // on paper: the same ticket with a star and two more lines, so a taller image, the top (center, service, label) unchanged
    const [plain, starred] = printer.jobs.map((bytes) => decodeJob(bytes).images[0])
    expect(starred.width).toBe(plain.width)
    expect(starred.height - plain.height).toBeGreaterThan(60)
    writeFileSync(join(tmpdir(), 'tabour-priority-ticket.png'), starred.png)
  })

  it("the paper's people ahead are the call policy's play, as the kiosk's and the status page's; at 0 it says nobody is ahead now, never 'next'", async () => {
    const printer = await FakePrinter.start()
    printers.push(printer)
    const contents: TicketContent[] = []
    const { center, service: a, kiosk } = await setUp(printer.url, recordingPrinter(contents))
    // nobody waits and no counter serves: nobody ahead, the wait unknown (walk 2026-12-05, finding 1)
    const first = await issue(center, kiosk.token, a.id)
    expect([first.position, first.estimatedWaitSeconds]).toEqual([0, null])
    // counter 1 serves A and B: the two B tickets taken before the next A ticket are called before it
    const b = await center.createService({ prefix: 'B' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    // taken at a kiosk without a printer: only the two A tickets are printed
    const plainKiosk = (await center.createDevice('kiosk')).token
    await issue(center, plainKiosk, b.id)
    await issue(center, plainKiosk, b.id)
    await center.openCounterAs('clerk1', counter.id)
    const second = await issue(center, kiosk.token, a.id)
    // A-001, B-001 and B-002 ahead: not 1, the count of A's lower numbers
    expect(second.position).toBe(3)
    expect((await center.request('GET', `/api/v1/tickets/${second.id}`)).json().position).toBe(3)
    await printer.waitForJobs(2)
    const printed = (label: string) => contents.find((c) => c.label === label)!
    expect(printed(first.label)).toMatchObject({ peopleAhead: 0, estimatedWaitSeconds: null })
    expect(ticketText(printed(first.label))).toMatchObject({ aheadAr: 'لا أحد أمامك الآن', aheadEn: 'Nobody ahead of you now' })
    expect(printed(second.label).peopleAhead).toBe(3)
    expect(ticketText(printed(second.label))).toMatchObject({ aheadEn: '3 people ahead of you' })
  })

  it('a ticket taken in the half hour before closing is printed with the closing note the kiosk is answered; one taken at noon without', async () => {
    const printer = await FakePrinter.start()
    printers.push(printer)
    const contents: TicketContent[] = []
    // Sunday 6 December 2026, noon in Cairo; the center closes at 15:00 (test/helpers/closing-calendar.ts)
    const clock = new TestClock(Date.parse('2026-12-06T12:00:00+02:00'))
    const { center, service, kiosk } = await setUp(printer.url, recordingPrinter(contents), undefined, clock)
    const other = await center.createService({ prefix: 'B' })
    const put = await center.request('PUT', '/api/v1/calendar', {
      token: await center.admin(),
      body: closingCalendar(service.id, other.id),
    })
    expect(put.statusCode, put.body).toBe(200)
    const noon = await issue(center, kiosk.token, service.id)
    clock.set('2026-12-06T12:40:00Z') // 14:40 in Cairo
    const late = await issue(center, kiosk.token, service.id)
    const note = { kind: 'closing-soon', at: '2026-12-06T13:00:00.000Z', timeZone: 'Africa/Cairo', dayClose: false }
    expect([noon.closing, late.closing]).toEqual([undefined, note])
    await printer.waitForJobs(2)
    const printed = (label: string) => contents.find((c) => c.label === label)!
    expect(printed(noon.label).closing).toBeUndefined()
    expect(printed(late.label).closing).toEqual(note)
    expect(ticketText(printed(late.label))).toMatchObject({
      closingAr: 'يغلق المركز الساعة 3:00\u00a0م',
      closingEn: 'The center closes at 3:00\u00a0PM',
    })
    // on paper: two more lines under the wait, so a taller image
    const [plain, noted] = printer.jobs.map((bytes) => decodeJob(bytes).images[0])
    expect(noted.height - plain.height).toBeGreaterThan(40)
  })

  it('a booking checked in at the kiosk is printed marked with its slot, in both languages; a walk-in is not', async () => {
    const printer = await FakePrinter.start()
    printers.push(printer)
    const contents: TicketContent[] = []
    // Tuesday 10 March 2026, 08:00 in Cairo
    const clock = new TestClock(Date.parse('2026-03-10T06:00:00Z'))
    const { center, service, kiosk } = await setUp(printer.url, recordingPrinter(contents), undefined, clock)
    // slots need a counter serving the service (their capacity); 30 minutes of 10-minute visits, half for walk-ins
    await center.createCounter({ number: 1, serviceIds: [service.id] })
    const settings = { ...APPOINTMENT_DEFAULTS, enabled: true, slotMinutes: 30, serviceMinutes: 10 }
    const put = await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, { token: await center.admin(), body: settings })
    expect(put.statusCode, put.body).toBe(200)
    const slotStart = '2026-03-10T08:30:00.000Z' // 10:30 in Cairo
    const booked = await center.request('POST', '/api/v1/appointments', {
      body: { serviceId: service.id, slotStart, name: 'Mona Ali', phone: '01000000001' },
    })
    expect(booked.statusCode, booked.body).toBe(201)
    const walkIn = await issue(center, kiosk.token, service.id)
    clock.set('2026-03-10T08:20:00Z') // within the check-in window
    const checkedIn = await center.request('POST', '/api/v1/check-in', { token: kiosk.token, body: { text: booked.json().code } })
    expect(checkedIn.json()).toMatchObject({ outcome: 'ticket', kind: 'appointment', slotStart, ticket: { printing: 'queued' } })
    await printer.waitForJobs(2)
    const printed = (label: string) => contents.find((c) => c.label === label)!
    expect(printed(checkedIn.json().ticket.label).appointmentSlot).toBe(Date.parse(slotStart))
    expect(ticketText(printed(checkedIn.json().ticket.label))).toMatchObject({
      appointmentAr: 'موعد محجوز 10:30\u00a0ص\u00a0— تم تسجيل الوصول',
      appointmentEn: 'Appointment 10:30\u00a0AM\u00a0— checked in',
    })
    expect(printed(walkIn.label).appointmentSlot).toBeUndefined()
    expect(ticketText(printed(walkIn.label))).toMatchObject({ appointmentAr: '', appointmentEn: '' })
    // on paper: two more lines under the label, so a taller image
    const [plain, marked] = printer.jobs.map((bytes) => decodeJob(bytes).images[0])
    expect(marked.height - plain.height).toBeGreaterThan(50)
  })

  it('a refused printer port: the ticket is still issued (201) and the failed job is reported as device:status', async () => {
    const port = await refusedPort()
    const reports: any[] = []
    // staff are watching before the kiosk exists: its printer is probed as soon as it is configured
    const { center, service, kiosk } = await setUp(`tcp://127.0.0.1:${port}`, quickPrinter, async (c) => {
      const manager = await c.createUser('manager', 'manager')
      const staff = await clients.connect(await c.listen(), manager.token)
      staff.on('device:status', (e) => reports.push(e))
    })
    const ticket = await issue(center, kiosk.token, service.id)
    expect(['queued', 'fault']).toContain(ticket.printing)
    expect((await center.request('GET', `/api/v1/tickets/${ticket.id}`)).json().label).toBe('A-001')
    await waitUntil(
      () => reports.some((r) => r.deviceId === kiosk.id && r.status.printer.reachable === false),
      5_000,
      'an unreachable report',
    )
    // once the fault is known, a new ticket is not queued for a printer that cannot print it
    const next = await issue(center, kiosk.token, service.id)
    expect(next.printing).toBe('fault')
    expect(next.label).toBe('A-002')
  })

  it('a printer answering "paper out": issuing goes on, no job is sent, staff and kiosks hear it, and it prints again once refilled', async () => {
    const printer = await FakePrinter.start()
    printers.push(printer)
    const { center, service, kiosk } = await setUp(printer.url)
    const url = await center.listen()
    const kioskSocket = await clients.connect(url, kiosk.token)
    const heard: any[] = []
    kioskSocket.on('device:status', (e) => heard.push(e))
    // the paper runs out once the kiosk listens (its printer was probed when it was configured)
    printer.status = PAPER_OUT
    await issue(center, kiosk.token, service.id)
    await waitUntil(() => heard.some((e) => e.deviceId === kiosk.id && e.status.printer.paperOut === true), 15_000, 'paper out pushed')
    const jobsBefore = printer.jobConnections
    const ticket = await issue(center, kiosk.token, service.id)
    expect(ticket.printing).toBe('fault')
    expect(printer.jobConnections).toBe(jobsBefore)

    // the clerk reads it in the ticket's history, after the alert has gone and after a restart: from the log (walk s46, finding 4)
    const clerk = await center.createUser('clerk1')
    const history = async (id: string) =>
      (await center.request('GET', `/api/v1/tickets/${id}/history`, { token: clerk.token })).json().entries as any[]
    const notPrinted = (entries: any[]) => entries.filter((e) => e.step === 'not_printed')
    expect(notPrinted(await history(ticket.id))).toEqual([
      {
        step: 'not_printed',
        at: expect.any(String),
        by: { kind: 'device', name: 'entrance' },
        counter: null,
        details: { problem: 'paper-out' },
      },
    ])
    const row = center.app.tabour.db
      .prepare("SELECT device_id AS deviceId, data FROM events WHERE type = 'ticket.not_printed' AND ticket_id = ?")
      .get(ticket.id) as any
    expect(row.deviceId).toBe(kiosk.id)
    expect(JSON.parse(row.data)).toEqual({ problem: 'paper-out', detail: 'not sent: the printer reported paper-out' })

    printer.status = { printer: 0x12, offline: 0x12, paper: 0x12 }
    await waitUntil(() => heard.at(-1)?.status.printer.paperOut === false, 15_000, 'paper back pushed')
    const printed = await issue(center, kiosk.token, service.id)
    expect(printed.printing).toBe('queued')
    await waitUntil(() => heard.some((e) => e.status.printer.lastJob?.ticketId === printed.id), 15_000, 'the job outcome')
    expect(heard.find((e) => e.status.printer.lastJob?.ticketId === printed.id).status.printer.lastJob.outcome).toBe('printed')
    expect(notPrinted(await history(printed.id))).toEqual([])
  })

  it('a job sent whole, after which the printer says paper out, is written in its ticket as not printed, with the problem', async () => {
    const printer = await FakePrinter.start()
    printers.push(printer)
    const { center, service, kiosk } = await setUp(printer.url)
    // the roll ends during this ticket: the printer takes its bytes whole, then answers "paper out"
    const record = printer.jobs.push.bind(printer.jobs)
    printer.jobs.push = (...jobs: Buffer[]) => {
      printer.status = PAPER_OUT
      return record(...jobs)
    }
    const ticket = await issue(center, kiosk.token, service.id)
    expect(ticket.printing).toBe('queued')
    await printer.waitForJobs(1)
    const clerk = await center.createUser('clerk1')
    await waitUntil(
      () => !!center.app.tabour.db.prepare("SELECT 1 FROM events WHERE type = 'ticket.not_printed' AND ticket_id = ?").get(ticket.id),
      15_000,
      'the failure logged',
    )
    const entries = (await center.request('GET', `/api/v1/tickets/${ticket.id}/history`, { token: clerk.token })).json().entries as any[]
    expect(entries.map((e) => e.step)).toEqual(['issued', 'not_printed'])
    expect(entries[1].details).toEqual({ problem: 'paper-out' })
  })

  it('staff reprint a ticket on the kiosk that issued it; a ticket issued at reception has no printer', async () => {
    const printer = await FakePrinter.start()
    printers.push(printer)
    const { center, service, kiosk } = await setUp(printer.url)
    const ticket = await issue(center, kiosk.token, service.id)
    await printer.waitForJobs(1)
    const clerk = await center.createUser('clerk1')
    const res = await center.request('POST', `/api/v1/tickets/${ticket.id}/reprint`, { token: clerk.token })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ printing: 'queued' })
    await printer.waitForJobs(2)
    expect(decodeJob(printer.jobs[1]).qrPayloads[0]).toMatch(new RegExp(`/t/${ticket.id}$`))

    const walkIn = await issue(center, clerk.token, service.id)
    expect(walkIn.printing).toBe('none')
    const refused = await center.request('POST', `/api/v1/tickets/${walkIn.id}/reprint`, { token: clerk.token })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().code).toBe('TABOUR_ERR_NO_PRINTER')
    const onKiosk = await center.request('POST', `/api/v1/tickets/${walkIn.id}/reprint`, {
      token: clerk.token,
      body: { deviceId: kiosk.id },
    })
    expect(onKiosk.json()).toEqual({ printing: 'queued' })
    const kioskCannot = await center.request('POST', `/api/v1/tickets/${ticket.id}/reprint`, { token: kiosk.token })
    expect(kioskCannot.statusCode).toBe(403)
  })

  it('a kiosk without a printer says so; a kiosk reads its own config; bad printer settings are refused with the field named', async () => {
    const { center, service, kiosk } = await setUp(null)
    expect((await issue(center, kiosk.token, service.id)).printing).toBe('none')
    const me = await center.request('GET', '/api/v1/devices/me', { token: kiosk.token })
    expect(me.json()).toMatchObject({ id: kiosk.id, kind: 'kiosk', config: {} })
    const admin = await center.admin()
    for (const [config, field] of [
      [{ printer: { type: 'epson', interface: 'lpt1', widthMm: 80 } }, '/printer/interface'],
      [{ printer: { type: 'epson', interface: 'tcp://10.0.0.5:9100', widthMm: 72 } }, '/printer/widthMm'],
      [{ printer: { type: 'zebra', interface: 'tcp://10.0.0.5:9100', widthMm: 80 } }, '/printer/type'],
      [{ digits: 'roman' }, '/digits'],
      [{ phonePattern: '([' }, 'phonePattern'],
      [{ idleSeconds: 1 }, '/idleSeconds'],
    ] as const) {
      const res = await center.request('PATCH', `/api/v1/devices/${kiosk.id}`, { token: admin, body: { config } })
      expect(res.statusCode, JSON.stringify(config)).toBe(400)
      expect(res.json().code).toBe('TABOUR_ERR_VALIDATION')
      expect(res.json().message).toContain(field)
    }
    const ok = await center.request('PATCH', `/api/v1/devices/${kiosk.id}`, {
      token: admin,
      body: { config: { printer: { type: 'star', interface: 'serial:/dev/ttyUSB0?baudRate=19200', widthMm: 58 }, digits: 'arabic-indic' } },
    })
    expect(ok.statusCode, ok.body).toBe(200)
    const displays = await center.createDevice('display')
    expect((await center.request('GET', '/api/v1/devices/me', { token: displays.token })).json().kind).toBe('display')
    expect((await center.request('GET', '/api/v1/devices/me', { token: admin })).statusCode).toBe(403)
  })
})
