import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { SocketClients, waitForEvent, waitUntil, type TabourSocket } from '../../helpers/socket-client.ts'
import { FakePrinter } from '../../drivers/printer/fake-printer.ts'
import { decodeJob } from '../../helpers/escpos-decode.ts'
import { ticketJobWorker } from '../../../server/devices/ticket-job-worker.ts'
import type { PrinterStatusReport } from '../../../protocol/device-config.ts'

// the real production printer (openEscPosPrinter, the default): jobs are built on the renderer thread
/**
 * Terminates the renderer thread as the next job is handed to it, before the thread can answer,
 * and resolves once it is gone. Polling for a job in flight missed it on a loaded box: the job
 * was built and answered between two polls (CI-like run, 2026-12-05).
 */
function killOnNextJob(worker: ReturnType<typeof ticketJobWorker>): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = worker.build
    worker.build = (content, options) => {
      worker.build = build
      const built = build.call(worker, content, options)
      worker.current!.terminate().then(() => resolve(), reject)
      return built
    }
  })
}

describe('tickets are rendered off the event loop (one worker thread)', () => {
  const clients = new SocketClients()
  let center: TestCenter | null = null
  let printer: FakePrinter | null = null
  afterEach(async () => {
    clients.closeAll()
    await center?.close()
    await printer?.close()
    center = null
    printer = null
  })

  /** A center listening, a kiosk with a network printer, a clerk at an open counter, and the clerk's socket. */
  async function setUp() {
    printer = await FakePrinter.start()
    center = await TestCenter.start()
    const url = await center.listen()
    const service = await center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    const clerk = await center.openCounterAs('clerk', counter.id)
    const device = (
      await center.request('POST', '/api/v1/devices', {
        token: await center.admin(),
        body: { kind: 'kiosk', name: 'entrance', config: { printer: { type: 'epson', interface: printer.url, widthMm: 80 } } },
      })
    ).json()
    const kiosk = (await center.request('POST', '/api/v1/devices/pair', { body: { pairingCode: device.pairingCode } })).json()
      .token as string
    const staff = await clients.connect(url, clerk)
    return { center, printer, service, counter, clerk, kiosk, staff }
  }

  /** Calls the next ticket over HTTP; resolves when both the answer and the staff push have arrived. */
  async function call(c: TestCenter, staff: TabourSocket, clerk: string, counterId: number) {
    const pushed = waitForEvent(staff, 'ticket:called', 10_000)
    const answer = await c.action(clerk, counterId, 'call-next')
    expect(answer.statusCode, answer.body).toBe(200)
    await pushed
  }

  it('a call during a burst of 20 tickets answers before the 20th job is printed, as it does with no printing', {
    timeout: 30_000,
  }, async () => {
    const { center, printer, service, counter, clerk, kiosk, staff } = await setUp()
    // the first ticket starts the thread and loads the canvas and the fonts there
    await center.issue(kiosk, { serviceId: service.id })
    await printer.waitForJobs(1)
    const worker = ticketJobWorker()
    const builtBefore = worker.built

    // baseline in the same run: a call with nothing printing
    await call(center, staff, clerk, counter.id)
    expect(printer.jobs).toHaveLength(1)
    expect((await center.action(clerk, counter.id, 'no-show')).statusCode).toBe(200)

    for (let i = 0; i < 20; i++) await center.issue(kiosk, { serviceId: service.id })
    await call(center, staff, clerk, counter.id)
    const printedWhenAnswered = printer.jobs.length - 1
    expect(printedWhenAnswered, 'jobs printed when the call had been answered and pushed').toBeLessThan(20)
    await printer.waitForJobs(21)
    expect(worker.built - builtBefore, 'the 20 jobs were built on the renderer thread').toBe(20)
    expect(decodeJob(printer.jobs[20]).images).toHaveLength(1)
  })

  it('a renderer thread that dies is replaced: the job it held is printed; one that dies twice on a job fails it where staff see it', {
    timeout: 30_000,
  }, async () => {
    const { center, printer, service, kiosk, staff } = await setUp()
    await center.issue(kiosk, { serviceId: service.id })
    await printer.waitForJobs(1)
    const worker = ticketJobWorker()

    // killed while it holds a job: the new thread builds it, the ticket is printed
    const first = worker.current!
    const firstKilled = killOnNextJob(worker)
    await center.issue(kiosk, { serviceId: service.id })
    await firstKilled
    await printer.waitForJobs(2)
    expect(worker.restarts).toBe(1)
    expect(worker.current).not.toBe(first)

    // killed twice while holding the same job: the job fails, the printer's last job says why
    const failed = waitForEvent(
      staff,
      'device:status',
      10_000,
      (e) => (e.status.printer as PrinterStatusReport | undefined)?.lastJob?.outcome === 'failed',
    )
    const killed = killOnNextJob(worker)
    const ticket = await center.issue(kiosk, { serviceId: service.id })
    await killed
    await waitUntil(() => worker.restarts === 2 && worker.current !== null && worker.inFlight > 0, 15_000, 'the job sent to a new thread')
    await worker.current!.terminate()
    const report = (await failed).status.printer as PrinterStatusReport
    expect(report.lastJob).toMatchObject({ ticketId: ticket.id, outcome: 'failed' })
    expect(report.lastJob?.reason).toMatch(/ticket renderer stopped .*twice/)
    expect(printer.jobs).toHaveLength(2)

    // and the next ticket prints on a third thread
    await center.issue(kiosk, { serviceId: service.id })
    await printer.waitForJobs(3)
    expect(worker.restarts).toBe(3)
  })
})
