import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { SocketClients, snapshotOf, waitUntil } from '../../helpers/socket-client.ts'
import { FakePrinter } from '../../drivers/printer/fake-printer.ts'
import type { PrinterFactory } from '../../../server/devices/printer-handle.ts'
import { openTicketPrinter } from '../../../drivers/printer/index.ts'
import type { PrinterStatusReport } from '../../../protocol/device-config.ts'

/**
 * Issue 14, item 3 on the server: every configured kiosk printer is opened and probed (DLE EOT)
 * when the server starts and when a kiosk's printer config changes, so its fault is known
 * before the first ticket; a printer that does not answer, or answers garbage, is a fault with
 * a stable code (never "healthy by default"); and a job is "printed" only when the status read
 * after it is clean. A real TCP fake printer, real SQLite files, a real restart on the same data.
 */

/** The real ESC/POS driver, polling fast so a test need not wait seconds. */
const quickPrinter: PrinterFactory = (config) => openTicketPrinter(config, { pollIntervalMs: 100, queue: { retries: 0 } })

const HEALTHY = { printer: 0x12, offline: 0x12, paper: 0x12 }
const PAPER_OUT = { printer: 0x12, offline: 0x12, paper: 0x12 | 0x60 }
/** 0xff has bit 0 and bit 7 set: no DLE EOT reply looks like that (a wrong baud rate, another device). */
const GARBAGE = { printer: 0xff, offline: 0xff, paper: 0xff }

describe('kiosk printers are probed before the first ticket', () => {
  const closers: (() => Promise<unknown>)[] = []
  const clients = new SocketClients()
  afterEach(async () => {
    clients.closeAll()
    for (const close of closers.splice(0).reverse()) await close().catch(() => {})
  })

  async function fakePrinter(status: typeof HEALTHY): Promise<FakePrinter> {
    const printer = await FakePrinter.start()
    printer.status = status
    closers.push(() => printer.close())
    return printer
  }

  function center(dataDir: string): TestCenter {
    const c = new TestCenter({ config: { dataDir }, deps: { openPrinter: quickPrinter } })
    closers.push(() => c.close())
    return c
  }

  /** A center on a fresh data dir with one service and one paired kiosk printing on `iface`. */
  async function firstRun(iface: string) {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-probe-'))
    closers.push(async () => rmSync(dataDir, { recursive: true, force: true }))
    const first = center(dataDir)
    const service = await first.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
    const created = await first.request('POST', '/api/v1/devices', {
      token: await first.admin(),
      body: { kind: 'kiosk', name: 'Entrance', config: { printer: { type: 'epson', interface: iface, widthMm: 80 } } },
    })
    expect(created.statusCode, created.body).toBe(201)
    const pair = await first.request('POST', '/api/v1/devices/pair', { body: { pairingCode: created.json().pairingCode } })
    return { dataDir, first, service, kiosk: { id: created.json().id as number, token: pair.json().token as string } }
  }

  /** A manager's socket on the staff feed of `c` (listening once). */
  async function staffSocket(c: TestCenter) {
    const url = c.app.server.listening ? `http://127.0.0.1:${(c.app.server.address() as { port: number }).port}` : await c.listen()
    const manager = await c.createUser(`manager${Math.random().toString(36).slice(2, 8)}`, 'manager')
    return { url, staff: await clients.connect(url, manager.token) }
  }

  /** The kiosk's printer as a staff screen that connects now learns it (the snapshot), once it matches `until`. */
  async function printerInSnapshot(
    c: TestCenter,
    kioskId: number,
    until: (r: PrinterStatusReport) => boolean = () => true,
  ): Promise<PrinterStatusReport> {
    const { staff } = await staffSocket(c)
    const deadline = Date.now() + 5_000
    for (;;) {
      const report = (await snapshotOf(staff)).printers?.find((p) => p.deviceId === kioskId)?.status
      if (report && until(report)) return report
      if (Date.now() > deadline) throw new Error(`no matching printer report in the snapshot within 5 s: ${JSON.stringify(report)}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  it('a TCP printer out of paper: after a restart its fault is known before any ticket, and the first ticket is issued on screen only', async () => {
    const printer = await fakePrinter(HEALTHY)
    const { dataDir, first, service, kiosk } = await firstRun(printer.url)
    await first.close()
    printer.status = PAPER_OUT

    const restarted = center(dataDir)
    const report = await printerInSnapshot(restarted, kiosk.id)
    expect(report).toMatchObject({ reachable: true, paperOut: true, problem: 'paper-out', kioskName: 'Entrance' })
    // no job has been sent: the status came from the probe, not from a first ticket
    expect(printer.jobConnections).toBe(0)

    const issued = await restarted.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })
    expect(issued.statusCode, issued.body).toBe(201)
    expect(issued.json()).toMatchObject({ label: 'A-001', printing: 'fault' })
    expect((await restarted.request('GET', `/api/v1/tickets/${issued.json().id}`)).json()).toMatchObject({
      label: 'A-001',
      status: 'waiting',
    })
    await new Promise((r) => setTimeout(r, 300))
    expect(printer.jobConnections).toBe(0)
  })

  it('garbage to DLE EOT is a fault with the stable code bad-status-reply (device health shows it); the ticket is still issued', async () => {
    const printer = await fakePrinter(GARBAGE)
    const { first, service, kiosk } = await firstRun(printer.url)
    const report = await printerInSnapshot(first, kiosk.id)
    expect(report).toMatchObject({ reachable: true, badReply: true, error: true, problem: 'bad-status-reply' })
    expect(report.detail).toMatch(/not a reply to DLE EOT 1/)

    const manager = await first.createUser('boss', 'manager')
    const health = (await first.request('GET', '/api/v1/stats/devices', { token: manager.token })).json()
    const row = (Array.isArray(health) ? health : health.devices).find((d: { id: number }) => d.id === kiosk.id)
    expect(row).toMatchObject({ faulty: true, status: { printer: { problem: 'bad-status-reply' } } })

    const issued = await first.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })
    expect(issued.statusCode, issued.body).toBe(201)
    expect(issued.json()).toMatchObject({ label: 'A-001', printing: 'fault' })
    expect(printer.jobConnections).toBe(0)
  })

  it('a printer that does not answer DLE EOT is "not-answering", never healthy by default', async () => {
    const printer = await fakePrinter(HEALTHY)
    printer.answersStatus = false
    const { first, kiosk } = await firstRun(printer.url)
    const report = await printerInSnapshot(first, kiosk.id)
    expect(report).toMatchObject({ reachable: false, problem: 'not-answering' })
    expect(report.detail).toMatch(/did not answer DLE EOT/)
  })

  it('a kiosk printer config change is probed at once: the new printer is known before its first ticket', async () => {
    const healthy = await fakePrinter(HEALTHY)
    const { first, kiosk } = await firstRun(healthy.url)
    expect((await printerInSnapshot(first, kiosk.id)).problem).toBeUndefined()
    const empty = await fakePrinter(PAPER_OUT)
    const patched = await first.request('PATCH', `/api/v1/devices/${kiosk.id}`, {
      token: await first.admin(),
      body: { config: { printer: { type: 'epson', interface: empty.url, widthMm: 80 } } },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    const problem = (await printerInSnapshot(first, kiosk.id, (r) => r.problem === 'paper-out')).problem
    expect(problem).toBe('paper-out')
    expect(empty.jobConnections).toBe(0)
  })

  it('"printed" only when the status read after the job is clean: paper out right after the job reports the job failed', async () => {
    const printer = await fakePrinter(HEALTHY)
    const { first, service, kiosk } = await firstRun(printer.url)
    await printerInSnapshot(first, kiosk.id)
    const { url } = await staffSocket(first)
    const kioskSocket = await clients.connect(url, kiosk.token)
    const heard: PrinterStatusReport[] = []
    kioskSocket.on('device:status', (e) => e.status.printer && heard.push(e.status.printer))

    // the first ticket prints on a clean printer
    const one = (await first.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })).json()
    expect(one.printing).toBe('queued')
    await waitUntil(() => heard.some((r) => r.lastJob?.ticketId === one.id), 10_000, 'the first outcome')
    expect(heard.find((r) => r.lastJob?.ticketId === one.id)?.lastJob).toEqual({
      ticketId: one.id,
      label: one.label,
      outcome: 'printed',
      at: expect.any(String),
    })

    // the paper ends with the second ticket: every byte went out, but the status after it says paper out
    void printer.waitForJobs(2).then(() => {
      printer.status = PAPER_OUT
    })
    const two = (await first.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })).json()
    expect(two.printing).toBe('queued')
    await waitUntil(() => heard.some((r) => r.lastJob?.ticketId === two.id), 10_000, 'the second outcome')
    expect(printer.jobs).toHaveLength(2)
    expect(heard.find((r) => r.lastJob?.ticketId === two.id)?.lastJob).toMatchObject({
      ticketId: two.id,
      outcome: 'failed',
      reason: expect.stringContaining('paper-out'),
      problem: 'paper-out',
    })
  })
})
