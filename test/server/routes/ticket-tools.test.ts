/**
 * The staff ticket tools over real HTTP handling and a real SQLite file: find a ticket by a
 * loosely typed label or its status link, read its history, cancel it with a reason, list the
 * center's printers, reprint on any of them, and bind a counter to one so its walk-ins print.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { STAFF_PASSWORD, TestCenter, TestClock } from '../../helpers/test-center.ts'
import { decodeJob } from '../../helpers/escpos-decode.ts'
import { FakePrinter } from '../../drivers/printer/fake-printer.ts'
import type { PrinterFactory } from '../../../server/devices/printer-handle.ts'
import { openTicketPrinter } from '../../../drivers/printer/index.ts'
import { finishedText } from '../../../protocol/messages/ticket-tools.ts'
import { expectAuthRequired, expectError, expectForbidden, makeCallers } from './route-helpers.ts'

const quickPrinter: PrinterFactory = (config) => openTicketPrinter(config, { pollIntervalMs: 50, queue: { retries: 1, backoffMs: 10 } })
const TICKETS = '/api/v1/tickets'

describe('finding a ticket (GET /tickets/search)', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('reads a label however it is typed, Arabic-Indic digits too, and a pasted status link', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const kiosk = (await center.createDevice('kiosk')).token
    let clerk = (await center.createUser('clerk1')).token
    const issued = []
    for (let i = 0; i < 15; i++) issued.push(await center.issue(kiosk, { serviceId: a.id }))
    const b1 = await center.issue(kiosk, { serviceId: b.id })
    const a15 = issued[14]
    const search = async (q: string) => {
      const res = await center.request('GET', `${TICKETS}/search?q=${encodeURIComponent(q)}`, { token: clerk })
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200)
      return res.json() as { ticket: { id: string; label: string }; position: number | null; service: { prefix: string } }[]
    }
    for (const q of ['A-15', 'a15', 'A-015', 'a 015', 'A-١٥', 'a۰۱۵', ' A-0015 ']) {
      expect(
        (await search(q)).map((m) => m.ticket.id),
        q,
      ).toEqual([a15.id])
    }
    const [match] = await search('A-15')
    expect(match).toMatchObject({ position: 14, service: { prefix: 'A' }, counter: null, kioskId: expect.any(Number) })
    expect((match as unknown as { statusUrl: string }).statusUrl).toMatch(new RegExp(`/t/${a15.id}$`))
    // a bare number: every service's ticket with it
    expect((await search('١')).map((m) => m.ticket.label)).toEqual(['A-001', 'B-001'])
    // the QR link, pasted or typed by a scanner, whatever host it names
    expect((await search(`https://center.example/t/${b1.id}`)).map((m) => m.ticket.label)).toEqual(['B-001'])
    expect((await search(b1.statusUrl)).map((m) => m.ticket.label)).toEqual(['B-001'])
    expect(await search('C-1')).toEqual([])
    expect(await search('A-99')).toEqual([])
    expectError(
      await center.request('GET', `${TICKETS}/search?q=${encodeURIComponent('مرحبا')}`, { token: clerk }),
      400,
      'TABOUR_ERR_VALIDATION',
    )
    expectError(await center.request('GET', `${TICKETS}/search`, { token: clerk }), 400, 'TABOUR_ERR_VALIDATION')
    // the next day, A-15 is today's A-15 (none yet); the link still finds yesterday's paper
    clock.advance(24 * 3600)
    clerk = await center.login('clerk1', STAFF_PASSWORD)
    expect(await search('A-15')).toEqual([])
    expect((await search(a15.statusUrl)).map((m) => m.ticket.label)).toEqual(['A-015'])
  })

  it('says since when a transferred ticket waits: the transfer (its current wait), beside its issue time', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c1.id)
    const t = await center.issue(kiosk, { serviceId: a.id })
    const found = async () => {
      const res = await center.request('GET', `${TICKETS}/search?q=A-1`, { token: clerk })
      expect(res.statusCode, res.body).toBe(200)
      return (res.json() as { ticket: { issuedAt: string }; waitingSince: string | null }[])[0]!
    }
    expect((await found()).waitingSince).toBe(t.issuedAt)
    clock.advance(300)
    await center.action(clerk, c1.id, 'call-next')
    expect((await found()).waitingSince).toBeNull()
    clock.advance(180)
    await center.action(clerk, c1.id, 'transfer', { serviceId: b.id })
    const moved = await found()
    expect(moved.ticket.issuedAt).toBe(t.issuedAt)
    expect(moved.waitingSince).toBe('2026-03-10T08:08:00.000Z')
  })

  it('is for staff only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const call = { method: 'GET' as const, url: `${TICKETS}/search?q=A-1` }
    await expectAuthRequired(center, call)
    await expectForbidden(center, callers, ['kiosk', 'display', 'printer', 'board', 'keypad'], call)
  })
})

describe("a ticket's history (GET /tickets/:id/history) and cancelling with a reason", () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('lists every step with who, where and when, the cancel reason and note included', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B', nameEn: 'Licences', nameAr: 'رخص' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [b.id] })
    const kiosk = await center.createDevice('kiosk')
    const clerk1 = await center.openCounterAs('clerk1', c1.id)
    const clerk2 = await center.openCounterAs('clerk2', c2.id)
    const t = await center.issue(kiosk.token, { serviceId: a.id })
    await center.action(clerk1, c1.id, 'call-next')
    await center.action(clerk1, c1.id, 'recall')
    await center.action(clerk1, c1.id, 'transfer', { serviceId: b.id })
    await center.action(clerk2, c2.id, 'call-next')
    await center.action(clerk2, c2.id, 'no-show')
    expect((await center.request('POST', `${TICKETS}/${t.id}/reinstate`, { token: clerk2 })).statusCode).toBe(200)
    const cancel = await center.request('POST', `${TICKETS}/${t.id}/cancel`, {
      token: clerk2,
      body: { reason: 'other', note: 'left with a friend' },
    })
    expect(cancel.statusCode, cancel.body).toBe(200)

    const res = await center.request('GET', `${TICKETS}/${t.id}/history`, { token: clerk1 })
    expect(res.statusCode, res.body).toBe(200)
    const history = res.json()
    expect(history.label).toBe('A-001')
    expect(history.entries.map((e: { step: string }) => e.step)).toEqual([
      'issued',
      'called',
      'recalled',
      'transferred',
      'called',
      'no_show',
      'reinstated',
      'cancelled',
    ])
    const [issued, called, , transferred, , noShow, , cancelled] = history.entries
    expect(issued).toMatchObject({ by: { kind: 'device', name: 'kiosk' }, counter: null })
    expect(called).toMatchObject({ by: { kind: 'user', name: 'clerk1' }, counter: { number: 1 } })
    expect(transferred.details).toMatchObject({ toServiceEn: 'Licences', toServiceAr: 'رخص' })
    expect(noShow).toMatchObject({ by: { name: 'clerk2' }, counter: { number: 2 } })
    expect(cancelled).toMatchObject({ by: { kind: 'user', name: 'clerk2' }, details: { reason: 'other', note: 'left with a friend' } })
    for (const e of history.entries) expect(Date.parse(e.at)).not.toBeNaN()
    expectError(await center.request('GET', `${TICKETS}/nope/history`, { token: clerk1 }), 404, 'TABOUR_ERR_TICKET_NOT_FOUND')
  })

  it('a transfer to a counter that keeps the service names the counter only (walk s55: "to Building permits — to counter 2")', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A', nameEn: 'Building permits', nameAr: 'تراخيص البناء' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk1 = await center.openCounterAs('clerk1', c1.id)
    const t = await center.issue(kiosk, { serviceId: a.id })
    await center.action(clerk1, c1.id, 'call-next')
    await center.action(clerk1, c1.id, 'transfer', { counterId: c2.id })
    const history = (await center.request('GET', `${TICKETS}/${t.id}/history`, { token: clerk1 })).json()
    const transferred = history.entries.find((e: { step: string }) => e.step === 'transferred')
    expect(transferred.details).toEqual({ toCounter: 2 })
  })

  it('a reason is required (other needs a note); a served ticket → 409; an unknown one → 404', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c.id)
    const served = await center.issue(kiosk, { serviceId: a.id })
    const waiting = await center.issue(kiosk, { serviceId: a.id })
    await center.action(clerk, c.id, 'call-next')
    await center.action(clerk, c.id, 'start')
    await center.action(clerk, c.id, 'finish', { outcome: 'done' })
    const cancel = (id: string, body?: unknown) => center.request('POST', `${TICKETS}/${id}/cancel`, { token: clerk, body })
    expectError(await cancel(waiting.id), 400, 'TABOUR_ERR_VALIDATION')
    expectError(await cancel(waiting.id, {}), 400, 'TABOUR_ERR_VALIDATION')
    expectError(await cancel(waiting.id, { reason: 'bored' }), 400, 'TABOUR_ERR_VALIDATION')
    expectError(await cancel(waiting.id, { reason: 'other' }), 400, 'TABOUR_ERR_VALIDATION')
    expectError(await cancel(waiting.id, { reason: 'other', note: '   ' }), 400, 'TABOUR_ERR_VALIDATION')
    expect((await center.request('GET', `${TICKETS}/${waiting.id}`)).json().status).toBe('waiting')
    expectError(await cancel(served.id, { reason: 'duplicate' }), 409, 'TABOUR_ERR_ILLEGAL_TRANSITION')
    expectError(await cancel('AAAAAAAAAAAAAAAAAAAAAA', { reason: 'duplicate' }), 404, 'TABOUR_ERR_TICKET_NOT_FOUND')
    const ok = await cancel(waiting.id, { reason: 'citizen_left' })
    expect(ok.json()).toMatchObject({ status: 'cancelled' })
    const history = (await center.request('GET', `${TICKETS}/${waiting.id}/history`, { token: clerk })).json()
    expect(history.entries.at(-1)).toMatchObject({ step: 'cancelled', details: { reason: 'citizen_left' } })
  })
})

describe('a finished ticket says how it ended', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  // walk s50: C-002, finished "incomplete papers", showed a green "Served" and a history ending
  // "Served — Counter 3", while its citizen's page said "Your visit has ended: Incomplete papers"
  it('names its outcome in the match and its finished step (none recorded: "Finished")', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c.id)
    const papers = await center.issue(kiosk, { serviceId: a.id })
    const plain = await center.issue(kiosk, { serviceId: a.id })
    const waiting = await center.issue(kiosk, { serviceId: a.id })
    for (const body of [{ outcome: 'incomplete_papers' }, {}]) {
      await center.action(clerk, c.id, 'call-next')
      await center.action(clerk, c.id, 'start')
      expect((await center.action(clerk, c.id, 'finish', body)).statusCode).toBe(200)
    }
    const match = async (id: string) =>
      (await center.request('GET', `${TICKETS}/search?q=${encodeURIComponent(id)}`, { token: clerk })).json()[0]
    const finishedStep = async (id: string) =>
      (await center.request('GET', `${TICKETS}/${id}/history`, { token: clerk }))
        .json()
        .entries.find((e: { step: string }) => e.step === 'finished')
    const papersOutcome = { code: 'incomplete_papers', nameAr: 'أوراق غير مكتملة', nameEn: 'Incomplete papers' }
    expect(await match(papers.id)).toMatchObject({ finishedWith: papersOutcome, endedAsServed: false })
    expect((await finishedStep(papers.id)).finishedWith).toEqual(papersOutcome)
    // a finish naming no outcome: the ticket and its event both hold none (s51: the ticket held
    // 'served', so the badge said "Served" and the step "Finished"); the badge is not the served green
    const none = { code: null, nameAr: null, nameEn: null }
    expect(await match(plain.id)).toMatchObject({ finishedWith: none, endedAsServed: false })
    expect((await finishedStep(plain.id)).finishedWith).toEqual(none)
    expect(await match(waiting.id)).not.toHaveProperty('finishedWith')
    // what the badge and the step read
    expect(finishedText(papersOutcome, 'en')).toBe('Incomplete papers')
    expect(finishedText(papersOutcome, 'ar')).toBe('أوراق غير مكتملة')
    expect(finishedText({ code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' }, 'en')).toBe('Served')
    expect(finishedText(none, 'en')).toBe('Finished')
    expect(finishedText(undefined, 'ar')).toBe('أُنهيت')
  })
})

describe('printers: the list, reprinting on any of them, a counter bound to one', () => {
  const centers: TestCenter[] = []
  const printers: FakePrinter[] = []
  afterEach(async () => {
    await Promise.all(centers.splice(0).map((c) => c.close()))
    await Promise.all(printers.splice(0).map((p) => p.close()))
  })

  async function setUp() {
    const center = await TestCenter.start({ deps: { openPrinter: quickPrinter } })
    centers.push(center)
    const admin = await center.admin()
    const kioskPrinter = await FakePrinter.start()
    const receptionPrinter = await FakePrinter.start()
    printers.push(kioskPrinter, receptionPrinter)
    const device = async (kind: string, name: string, config: unknown) => {
      const res = await center.request('POST', '/api/v1/devices', { token: admin, body: { kind, name, config } })
      expect(res.statusCode, res.body).toBe(201)
      return res.json()
    }
    const printerConfig = (url: string) => ({ printer: { type: 'epson', interface: url, widthMm: 80 } })
    const kiosk = await device('kiosk', 'Entrance kiosk', printerConfig(kioskPrinter.url))
    const kioskToken = (await center.request('POST', '/api/v1/devices/pair', { body: { pairingCode: kiosk.pairingCode } })).json().token
    const bare = await device('kiosk', 'Bare kiosk', {})
    const reception = await device('printer', 'Reception printer', printerConfig(receptionPrinter.url))
    const display = await device('display', 'Hall TV', {})
    const service = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    return { center, admin, kioskPrinter, receptionPrinter, kiosk, kioskToken, bare, reception, display, service, counter }
  }

  it('lists kiosks with a printer and stand-alone printers, with their health', async () => {
    const { center, admin, kiosk, reception, kioskToken, service, kioskPrinter } = await setUp()
    const clerk = (await center.createUser('clerk1')).token
    // every printer is probed (DLE EOT) as soon as it is configured: its health is known before any ticket
    const list = async () => (await center.request('GET', '/api/v1/printers', { token: clerk })).json()
    // a guard against a hang, not a limit: the probe answers when the machine gets to it (it failed at
    // expect.poll's default 1 s with three other test runs on two cores)
    await expect.poll(list, { timeout: 20_000 }).toEqual([
      { deviceId: kiosk.id, kind: 'kiosk', name: 'Entrance kiosk', zone: null, health: 'ok' },
      { deviceId: reception.id, kind: 'printer', name: 'Reception printer', zone: null, health: 'ok' },
    ])
    // once the kiosk's printer has printed (and been polled), its health is known
    await center.issue(kioskToken, { serviceId: service.id })
    await kioskPrinter.waitForJobs(1)
    const healthOf = async () =>
      (await center.request('GET', '/api/v1/printers', { token: admin })).json().find((p: { deviceId: number }) => p.deviceId === kiosk.id)
        .health
    await expect.poll(healthOf, { timeout: 20_000 }).toBe('ok')
    // a printer device's config is checked like a kiosk's
    const bad = await center.request('POST', '/api/v1/devices', {
      token: admin,
      body: { kind: 'printer', name: 'x', config: { printer: { type: 'epson', interface: 'lpt1', widthMm: 80 } } },
    })
    expectError(bad, 400, 'TABOUR_ERR_VALIDATION')
    expect(bad.json().message).toContain('/printer/interface')
  })

  it("reprints on the ticket's kiosk or any printer; an unknown ticket, device or a non-printer is refused with its code", async () => {
    const { center, kioskToken, kioskPrinter, receptionPrinter, reception, bare, display, service } = await setUp()
    const clerk = (await center.createUser('clerk1')).token
    const t = await center.issue(kioskToken, { serviceId: service.id })
    await kioskPrinter.waitForJobs(1)
    const reprint = (id: string, body?: unknown) => center.request('POST', `${TICKETS}/${id}/reprint`, { token: clerk, body })
    expect((await reprint(t.id, { deviceId: reception.id })).json()).toEqual({ printing: 'queued' })
    await receptionPrinter.waitForJobs(1)
    const job = decodeJob(receptionPrinter.jobs[0])
    expect(job.qrPayloads).toEqual([expect.stringMatching(new RegExp(`/t/${t.id}$`))])
    expect(job.cuts).toBe(1)
    // no target: the issuing kiosk, as before
    expect((await reprint(t.id)).json()).toEqual({ printing: 'queued' })
    await kioskPrinter.waitForJobs(2)
    expectError(await reprint(t.id, { deviceId: 9999 }), 404, 'TABOUR_ERR_DEVICE_NOT_FOUND')
    expectError(await reprint(t.id, { deviceId: display.id }), 422, 'TABOUR_ERR_NO_PRINTER')
    expectError(await reprint(t.id, { deviceId: bare.id }), 422, 'TABOUR_ERR_NO_PRINTER')
    expectError(await reprint('AAAAAAAAAAAAAAAAAAAAAA', { deviceId: reception.id }), 404, 'TABOUR_ERR_TICKET_NOT_FOUND')
    expectError(await reprint(t.id, { deviceId: 'x' }), 400, 'TABOUR_ERR_VALIDATION')
  })

  it('a counter bound to a printer prints its walk-ins there (audited); unbound, the walk-in is on screen only', async () => {
    const { center, admin, counter, reception, receptionPrinter, display, service } = await setUp()
    const clerk = await center.openCounterAs('reception1', counter.id)
    const unbound = await center.issue(clerk, { serviceId: service.id })
    expect(unbound.printing).toBe('none')

    const bind = (printerDeviceId: unknown) =>
      center.request('PATCH', `/api/v1/counters/${counter.id}`, { token: admin, body: { printerDeviceId } })
    expectError(await bind(9999), 404, 'TABOUR_ERR_DEVICE_NOT_FOUND')
    expectError(await bind(display.id), 422, 'TABOUR_ERR_NO_PRINTER')
    const bound = await bind(reception.id)
    expect(bound.statusCode, bound.body).toBe(200)
    expect(bound.json()).toMatchObject({ id: counter.id, printerDeviceId: reception.id })
    const audit = (await center.request('GET', '/api/v1/settings/audit', { token: admin })).json()
    expect(JSON.stringify(audit)).toContain(`"printerDeviceId":${reception.id}`)
    // a clerk reads the binding with the counter
    const counters = (await center.request('GET', '/api/v1/counters', { token: clerk })).json()
    expect(counters.find((c: { id: number }) => c.id === counter.id).printerDeviceId).toBe(reception.id)

    const walkIn = await center.issue(clerk, { serviceId: service.id })
    expect(walkIn.printing).toBe('queued')
    await receptionPrinter.waitForJobs(1)
    expect(decodeJob(receptionPrinter.jobs[0]).qrPayloads).toEqual([expect.stringMatching(new RegExp(`/t/${walkIn.id}$`))])
    // a walk-in reprints on the counter's printer when named
    expect(
      (await center.request('POST', `${TICKETS}/${unbound.id}/reprint`, { token: clerk, body: { deviceId: reception.id } })).json(),
    ).toEqual({
      printing: 'queued',
    })
    await receptionPrinter.waitForJobs(2)

    const unbind = await bind(null)
    expect(unbind.json().printerDeviceId).toBeUndefined()
    expect((await center.issue(clerk, { serviceId: service.id })).printing).toBe('none')
    // an edit that does not name the printer keeps the binding
    await bind(reception.id)
    const renamed = await center.request('PATCH', `/api/v1/counters/${counter.id}`, { token: admin, body: { name: 'Reception' } })
    expect(renamed.json().printerDeviceId).toBe(reception.id)
  })
})
