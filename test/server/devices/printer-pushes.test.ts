import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { SocketClients, snapshotOf, waitUntil } from '../../helpers/socket-client.ts'
import { FakePrinter } from '../../drivers/printer/fake-printer.ts'
import { openTicketPrinter } from '../../../drivers/printer/index.ts'
import type { PrinterFactory } from '../../../server/devices/printer-handle.ts'
import type { PrinterStatusReport } from '../../../protocol/device-config.ts'
import type { DeviceHealth } from '../../../protocol/stats.ts'
import { PrinterAlerts } from '../../../ui-common/printer-alerts.ts'

/**
 * What staff screens are told about a ticket printer, over real sockets, a real TCP fake printer
 * and a real restart (session 47): a steady printer pushes nothing poll after poll while the
 * device list still reads when it was last heard; a change pushes once; a job that fails while the
 * printer's status looks healthy is an alert naming the ticket until a later job prints; the
 * printer's last job survives a restart; a refused connection reads "not answering" whatever the
 * last poll said.
 */

/** The real driver polling every 50 ms: ten polls in half a second. */
const POLL_MS = 50
const quickPrinter: PrinterFactory = (config) =>
  openTicketPrinter(config, { pollIntervalMs: POLL_MS, transport: { statusTimeoutMs: 10_000 }, queue: { retries: 0 } })

const PAPER_OUT = { printer: 0x12, offline: 0x12, paper: 0x12 | 0x60 }

describe('what staff are told about a ticket printer', () => {
  const closers: (() => Promise<unknown>)[] = []
  const clients = new SocketClients()
  afterEach(async () => {
    clients.closeAll()
    for (const close of closers.splice(0).reverse()) await close().catch(() => {})
  })

  async function fakePrinter(): Promise<FakePrinter> {
    const printer = await FakePrinter.start()
    closers.push(() => printer.close())
    return printer
  }

  async function center(dataDir?: string, openPrinter: PrinterFactory = quickPrinter): Promise<TestCenter> {
    const c = await TestCenter.start({ ...(dataDir ? { config: { dataDir } } : {}), deps: { openPrinter } })
    closers.push(() => c.close())
    return c
  }

  /** A manager's socket on the staff feed, recording every printer report pushed for `deviceId()`. */
  async function staffHearing(c: TestCenter, name = 'manager') {
    const manager = await c.createUser(name, 'manager')
    const url = c.app.server.listening ? `http://127.0.0.1:${(c.app.server.address() as { port: number }).port}` : await c.listen()
    const socket = await clients.connect(url, manager.token)
    const heard: { deviceId: number; report: PrinterStatusReport }[] = []
    socket.on('device:status', (e) => e.status.printer && heard.push({ deviceId: e.deviceId, report: e.status.printer }))
    return { socket, heard, token: manager.token }
  }

  async function addDevice(c: TestCenter, kind: 'kiosk' | 'printer', name: string, iface: string): Promise<{ id: number; token?: string }> {
    const created = await c.request('POST', '/api/v1/devices', {
      token: await c.admin(),
      body: { kind, name, config: { printer: { type: 'epson', interface: iface, widthMm: 80 } } },
    })
    expect(created.statusCode, created.body).toBe(201)
    if (kind === 'printer') return { id: created.json().id }
    const pair = await c.request('POST', '/api/v1/devices/pair', { body: { pairingCode: created.json().pairingCode } })
    return { id: created.json().id, token: pair.json().token }
  }

  const deviceList = async (c: TestCenter, token: string): Promise<DeviceHealth[]> =>
    (await c.request('GET', '/api/v1/stats/devices', { token })).json()
  const printerOf = (d: DeviceHealth | undefined) => d?.status?.printer as PrinterStatusReport | undefined
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

  it('a steady printer pushes nothing across its polls or a test print, yet the device list says it was heard just now; a change pushes exactly once', async () => {
    const printer = await fakePrinter()
    const c = await center()
    const staff = await staffHearing(c)
    const addedFrom = Date.now()
    const reception = await addDevice(c, 'printer', 'Reception', printer.url)
    await waitUntil(() => staff.heard.length > 0, 5_000, 'the probe')
    const first = staff.heard[0]!.report
    expect(first).toMatchObject({ reachable: true, kioskName: 'Reception', heardAt: expect.any(String) })
    // watched since it was added, after the server started: "no answer since the server started" was untrue of it (walk s52)
    expect(Date.parse(first.watchedSince!)).toBeGreaterThanOrEqual(addedFrom)
    expect(Date.parse(first.watchedSince!)).toBeLessThanOrEqual(Date.parse(first.at))

    // ten polls and more: the printer answers each one, nothing a screen shows changes, nothing is
    // pushed (the driver tells Printing of a changed status only; an answered poll moves heardAt alone)
    const connectionsBefore = printer.connections
    await sleep(POLL_MS * 12)
    expect(printer.connections - connectionsBefore, 'polls answered meanwhile').toBeGreaterThanOrEqual(5)
    expect(staff.heard).toHaveLength(1)
    // the device list reads the kept report: heard at the latest poll, not when the printer last changed
    const listed = printerOf((await deviceList(c, staff.token)).find((d) => d.id === reception.id))
    expect(Date.parse(listed!.heardAt!)).toBeGreaterThan(Date.parse(first.heardAt!))
    expect(listed!.at).toBe(first.at)

    // a test print on the steady printer does report it (Printing.printNow publishes after every
    // job), with nothing a screen shows changed: DeviceStatus.reportPrinter's compare keeps it
    // from the screens, only its heardAt moves in the list. Without the compare, a push here
    // lands before the paper-out one below, which the last assertion sees.
    const tested = await c.request('POST', `/api/v1/devices/${reception.id}/test-print`, { token: await c.admin() })
    expect(tested.json(), tested.body).toMatchObject({ printed: true })
    const afterTest = printerOf((await deviceList(c, staff.token)).find((d) => d.id === reception.id))
    expect(Date.parse(afterTest!.heardAt!)).toBeGreaterThanOrEqual(Date.parse(listed!.heardAt!))

    // the paper runs out: one push, and no other across the polls after it
    printer.status = PAPER_OUT
    await waitUntil(() => staff.heard.length > 1, 5_000, 'the paper-out push')
    await sleep(POLL_MS * 10)
    expect(staff.heard.map((h) => h.report.problem ?? null)).toEqual([null, 'paper-out'])
  })

  it('a job that fails while the status looks healthy: an alert naming the kiosk and the ticket, kept over a restart, cleared by the next printed ticket', async () => {
    const printer = await fakePrinter()
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-pushes-'))
    closers.push(async () => rmSync(dataDir, { recursive: true, force: true }))
    let c = await center(dataDir)
    const service = await c.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
    const staff = await staffHearing(c)
    const kiosk = await addDevice(c, 'kiosk', 'Entrance', printer.url)
    await waitUntil(() => staff.heard.length > 0, 5_000, 'the probe')
    // the console's alerts, fed the real pushes
    const alerts = new PrinterAlerts()
    alerts.applySnapshot((await snapshotOf(staff.socket)).printers)
    staff.socket.on('device:status', (e) => alerts.apply(e.deviceId, e.status))

    // the printer answers its status check "all well" and breaks every job off
    printer.behaviour = 'reset-mid-job'
    const issue = async (c: TestCenter) =>
      (await c.request('POST', '/api/v1/tickets', { token: kiosk.token!, body: { serviceId: service.id } })).json()
    const lost = await issue(c)
    expect(lost.printing).toBe('queued')
    await waitUntil(() => alerts.failedJobs().length > 0, 10_000, 'the failed-job alert')
    expect(alerts.current(), 'the status alone says nothing is wrong').toEqual([])
    expect(alerts.failedJobs()).toEqual([
      { deviceId: kiosk.id, kiosk: 'Entrance', kind: 'kiosk', label: 'A-001', at: expect.any(String), problem: null },
    ])
    expect(staff.heard.at(-1)!.report).toMatchObject({ reachable: true, lastJob: { ticketId: lost.id, label: 'A-001', outcome: 'failed' } })
    expect(staff.heard.at(-1)!.report.lastJob).not.toHaveProperty('problem')

    // the device list says so too, and so does it after a restart (the last job is in the devices table)
    const beforeRestart = printerOf((await deviceList(c, staff.token)).find((d) => d.id === kiosk.id))!.lastJob
    expect(beforeRestart).toMatchObject({ label: 'A-001', outcome: 'failed' })
    // and the reprint picker does not offer it as working
    const pickerHealth = async (c: TestCenter, token: string) =>
      ((await c.request('GET', '/api/v1/printers', { token })).json() as { deviceId: number; health: string }[]).find(
        (p) => p.deviceId === kiosk.id,
      )!.health
    expect(await pickerHealth(c, staff.token)).toBe('fault')
    await c.close()
    c = await center(dataDir)
    const again = await staffHearing(c, 'manager2')
    // probed as the center started, before this socket connected: the device list has its report
    let listed: PrinterStatusReport | undefined
    for (const deadline = Date.now() + 5_000; !listed && Date.now() < deadline; await sleep(20))
      listed = printerOf((await deviceList(c, again.token)).find((d) => d.id === kiosk.id))
    expect(listed?.lastJob).toEqual(beforeRestart)
    // a console that connects now learns it from its snapshot
    const late = new PrinterAlerts()
    late.applySnapshot((await snapshotOf(again.socket)).printers)
    expect(late.failedJobs()).toMatchObject([{ deviceId: kiosk.id, label: 'A-001', problem: null }])
    again.socket.on('device:status', (e) => late.apply(e.deviceId, e.status))

    // the printer is fixed: the next ticket prints and the alert goes
    printer.behaviour = 'print'
    const next = await issue(c)
    await waitUntil(() => late.failedJobs().length === 0, 10_000, 'the alert cleared')
    expect(again.heard.at(-1)!.report.lastJob).toMatchObject({ ticketId: next.id, label: 'A-002', outcome: 'printed' })
    expect(printerOf((await deviceList(c, again.token)).find((d) => d.id === kiosk.id))!.lastJob).toMatchObject({ outcome: 'printed' })
    expect(await pickerHealth(c, again.token)).toBe('ok')
  })

  it('a refused connection is "not answering" even when the last poll found the printer healthy', async () => {
    // polled once (the probe), then not for a minute: the job finds the refused port before any poll does
    const slowPoll: PrinterFactory = (config) =>
      openTicketPrinter(config, { pollIntervalMs: 60_000, transport: { statusTimeoutMs: 10_000 }, queue: { retries: 0 } })
    const printer = await fakePrinter()
    const port = printer.port
    const c = await center(undefined, slowPoll)
    const service = await c.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
    const staff = await staffHearing(c)
    const kiosk = await addDevice(c, 'kiosk', 'Entrance', `tcp://127.0.0.1:${port}`)
    await waitUntil(() => staff.heard.some((h) => h.report.reachable), 5_000, 'a healthy probe')
    // the printer goes away (its port now refuses connections); no poll has seen it yet
    await printer.close()

    const ticket = (await c.request('POST', '/api/v1/tickets', { token: kiosk.token!, body: { serviceId: service.id } })).json()
    expect(ticket.printing).toBe('queued')
    await waitUntil(() => staff.heard.some((h) => h.report.lastJob?.ticketId === ticket.id), 10_000, 'the job outcome')
    const pushed = staff.heard.find((h) => h.report.lastJob?.ticketId === ticket.id)!.report
    // the status still says what the last poll found; the job's own words say why it failed
    expect(pushed.reachable).toBe(true)
    expect(pushed.lastJob).toMatchObject({ outcome: 'failed', problem: 'not-answering', reason: expect.stringContaining('ECONNREFUSED') })
    // and the ticket's history says the same (the ticket tools' "Not printed · the printer is not answering")
    const clerk = await c.createUser('clerk1')
    const history = (await c.request('GET', `/api/v1/tickets/${ticket.id}/history`, { token: clerk.token })).json().entries as {
      step: string
      details: Record<string, unknown>
    }[]
    expect(history.find((e) => e.step === 'not_printed')?.details).toMatchObject({ problem: 'not-answering' })
  })
})
