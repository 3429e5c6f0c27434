import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config.ts'
import type { Queue } from '../queue/queue.ts'
import type { DomainEvent } from '../queue/domain-events.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { DevicesRepo } from '../db/repositories/devices-repo.ts'
import type { PrinterStatusReport, PrintingState, PrintJobReport } from '../../protocol/device-config.ts'
import type { PrinterFactory, PrinterHandle } from './printer-handle.ts'
import type { TicketContent, TicketJobOutcome, TicketPrinterStatus } from '../../drivers/printer/index.ts'
import { isFaulty } from '../../protocol/device-health.ts'
import { issuePrinterOf, printerConfigOf } from '../queue/printer-targets.ts'
import { printerProblemOf } from '../../protocol/printer-problem.ts'
import { closingOf } from '../public-ticket.ts'
import type { VisitProgress } from '../../protocol/visit-steps.ts'

interface KioskPrinter {
  /** The config it was opened with, to notice edits. */
  key: string
  handle: PrinterHandle
  status: TicketPrinterStatus | null
  /** Its last ticket job, kept in the device's row too (a restart does not forget it). */
  lastJob?: PrintJobReport
  /** When it last answered a poll or printed a job (center clock, ms). */
  heardAt?: number
  /** When it was opened: the server's start, or its device's printer added or changed since (center clock, ms). */
  watchedSince: number
}

const faulty = (s: TicketPrinterStatus | null) => isFaulty(s && { printer: s })

/** How many tickets' printing states are kept for `stateOf` (the issuing route reads its own at once). */
const KEPT_STATES = 1000

/**
 * Prints tickets on the printer of the kiosk that issued them, following the domain events
 * `ticket:issued` (a kiosk's ticket) and `ticket:reprint`. Every configured kiosk printer is
 * opened and probed (DLE EOT) when the server starts and whenever a kiosk's config changes
 * (`device:changed`), not on first use, so its fault is known before the first ticket.
 * Issuing never waits on a printer: the ticket's printing state is known at once — its job was
 * sent and its outcome is awaited ('queued'), the kiosk has no printer ('none'), or its printer
 * is known to be faulty ('fault': nothing is queued, so a ticket is not printed minutes later for
 * a citizen who already left). Events are published synchronously after the commit, so the
 * route that issued the ticket reads its state with `stateOf` as soon as the command returns.
 * Outcomes (`lastJob`, naming the ticket) and status changes go out as `device:status`; a poll
 * that changes nothing only moves the printer's `heardAt` in the kept report (DeviceStatus).
 */
export class Printing {
  private readonly printers = new Map<number, KioskPrinter>()
  private readonly devices: DevicesRepo
  /** The last printing state of recent tickets, oldest first. */
  private readonly states = new Map<string, PrintingState>()
  private readonly stopListening: () => void

  constructor(
    private readonly queue: Queue,
    private readonly config: Config,
    private readonly openPrinter: PrinterFactory,
    private readonly log: FastifyBaseLogger,
  ) {
    this.devices = queue.ctx.devices
    this.stopListening = queue.events.on((event) => this.onDomainEvent(event))
    this.probeAll()
  }

  /** Opens (and so probes) every printer of the center: kiosks' and stand-alone ones (printer-targets.ts). */
  private probeAll(): void {
    for (const device of this.devices.list()) if (printerConfigOf(device) !== undefined) this.printerOf(device.id)
  }

  /** What became of the latest print of a ticket: 'none' when it was not sent to a printer. */
  stateOf(ticketId: string): PrintingState {
    return this.states.get(ticketId) ?? 'none'
  }

  private onDomainEvent(event: DomainEvent): void {
    if (event.type === 'ticket:issued') {
      const t = event.ticket
      // a kiosk's ticket on its printer, a walk-in on its counter's (printer-targets.ts), only when its QR has an address
      const target = issuePrinterOf(this.queue.ctx, t)
      if (target === null || event.statusUrl === null) return
      this.remember(t.id, this.printIssued(target, t, event.standing, event.statusUrl))
    } else if (event.type === 'ticket:reprint') {
      this.remember(event.ticket.id, this.reprint(event.deviceId, event.ticket, event.standing, event.statusUrl))
    } else if (event.type === 'device:changed') {
      // a kiosk's printer added, edited or removed: open and probe it now, not at the next ticket
      this.printerOf(event.deviceId)
    }
  }

  private remember(ticketId: string, state: PrintingState): void {
    this.states.delete(ticketId)
    this.states.set(ticketId, state)
    if (this.states.size > KEPT_STATES) this.states.delete(this.states.keys().next().value!)
  }

  /** Queues the ticket on its kiosk's printer; `statusUrl` is what the QR opens. */
  private printIssued(
    deviceId: number,
    ticket: TicketRecord,
    standing: { position: number; estimatedWaitSeconds: number | null },
    statusUrl: string,
  ): PrintingState {
    const printer = this.printerOf(deviceId)
    if (!printer) return 'none'
    if (faulty(printer.status)) {
      // nothing is sent: the ticket's history says why it has no paper
      const problem = printerProblemOf(printer.status!)
      this.queue.notPrinted(ticket.id, deviceId, problem, `not sent: the printer reported ${problem}`)
      return 'fault'
    }
    this.send(deviceId, printer, ticket, standing, statusUrl)
    return 'queued'
  }

  /** Prints a ticket again on a kiosk's printer (staff, when the first one failed). */
  private reprint(
    deviceId: number,
    ticket: TicketRecord,
    standing: { position: number; estimatedWaitSeconds: number | null },
    statusUrl: string,
  ): PrintingState {
    const printer = this.printerOf(deviceId)
    if (!printer) return 'none'
    this.send(deviceId, printer, ticket, standing, statusUrl)
    return faulty(printer.status) ? 'fault' : 'queued'
  }

  /**
   * Prints `content` on a device's printer now (the test print: even when it is known to be
   * faulty, since that is what is being checked) and resolves with the job's outcome and the
   * printer's last status; null when the device has no printer configured.
   */
  printNow(deviceId: number, content: TicketContent): Promise<{ outcome: TicketJobOutcome; status: TicketPrinterStatus | null }> | null {
    const printer = this.printerOf(deviceId)
    if (!printer) return null
    return new Promise((resolve) =>
      printer.handle.print(content, (outcome) => {
        if (outcome.outcome === 'failed') this.log.warn({ deviceId, reason: outcome.reason }, 'test print failed')
        else printer.heardAt = this.queue.ctx.clock()
        this.publish(deviceId, printer)
        resolve({ outcome, status: printer.status })
      }),
    )
  }

  async close(): Promise<void> {
    this.stopListening()
    await Promise.all([...this.printers.values()].map((p) => p.handle.close().catch(() => {})))
    this.printers.clear()
  }

  /**
   * The kiosk's printer: opened (and its status watched, the first poll at once: the probe) at
   * start-up or when its config changes, reopened when the config differs, closed when removed.
   */
  private printerOf(deviceId: number): KioskPrinter | null {
    const device = this.devices.get(deviceId)
    const printerConfig = device ? printerConfigOf(device) : undefined
    const existing = this.printers.get(deviceId)
    const key = JSON.stringify(printerConfig ?? null)
    if (existing && existing.key === key) return existing
    if (existing) {
      void existing.handle.close().catch(() => {})
      this.printers.delete(deviceId)
      this.queue.deviceStatus.forgetPrinter(deviceId)
      // another printer (or none): the old one's last ticket says nothing about it
      this.devices.setLastPrintJob(deviceId, null)
    }
    if (!printerConfig) return null
    const lastJob = existing ? undefined : this.devices.lastPrintJob(deviceId)
    const printer: KioskPrinter = {
      key,
      handle: this.openPrinter(printerConfig),
      status: null,
      watchedSince: this.queue.ctx.clock(),
      ...(lastJob ? { lastJob } : {}),
    }
    this.printers.set(deviceId, printer)
    printer.handle.watch(
      (status) => {
        if (this.printers.get(deviceId) !== printer) return // replaced or closed meanwhile
        const wasFaulty = faulty(printer.status)
        printer.status = status
        if (wasFaulty !== faulty(status)) this.log.warn({ deviceId, status }, faulty(status) ? 'printer fault' : 'printer back')
        this.publish(deviceId, printer)
      },
      // every answered poll, changed or not (told before the change, so a report's heardAt is this poll's)
      () => {
        if (this.printers.get(deviceId) !== printer) return
        printer.heardAt = this.queue.ctx.clock()
        this.queue.deviceStatus.heardPrinter(deviceId, new Date(printer.heardAt).toISOString())
      },
    )
    return printer
  }

  private send(
    deviceId: number,
    printer: KioskPrinter,
    ticket: TicketRecord,
    standing: { position: number; estimatedWaitSeconds: number | null },
    statusUrl: string,
  ): void {
    const service = this.queue.ctx.services.get(ticket.issuedServiceId) ?? this.queue.ctx.services.get(ticket.serviceId)!
    const category = this.config.queue.priorityCategories.find((c) => c.code === ticket.priority)
    // a checked-in booking's ticket is marked with its slot (docs/appointments.md)
    const slot = ticket.origin === 'appointment' ? this.queue.ctx.bookings.slotOfTicket(ticket.id) : null
    printer.handle.print(
      {
        centerName: this.config.centerName,
        serviceName: { ar: service.nameAr, en: service.nameEn },
        label: ticket.label,
        issuedAt: ticket.issuedAt,
        timeZone: this.config.timeZone,
        peopleAhead: standing.position,
        estimatedWaitSeconds: standing.estimatedWaitSeconds,
        statusUrl,
        ...(category ? { priorityCategory: { ar: category.nameAr, en: category.nameEn } } : {}),
        ...(slot === null ? {} : { appointmentSlot: slot }),
        ...routeOf(this.queue.view.visitProgress(ticket)),
        ...(service.documents ? { documents: service.documents } : {}),
        // the note the kiosk's screen ticket and the status page show (POST /tickets `closing`): the paper says it too
        ...closingOf(this.queue.view, ticket, standing.estimatedWaitSeconds, this.config.timeZone),
        // the center's one setting (config screens.digits or the admin's); a kiosk's own `digits` is ignored
        digits: this.config.screens.digits,
      },
      (outcome: TicketJobOutcome) => {
        const now = this.queue.ctx.clock()
        printer.lastJob = { ticketId: ticket.id, label: ticket.label, ...outcome, at: new Date(now).toISOString() }
        if (this.printers.get(deviceId) === printer) this.devices.setLastPrintJob(deviceId, printer.lastJob)
        if (outcome.outcome === 'printed') printer.heardAt = now
        else {
          this.log.warn({ deviceId, ticket: ticket.label, reason: outcome.reason }, 'ticket not printed')
          // what this job met (a refused connection: not answering), never what an earlier poll happened to say
          this.queue.notPrinted(ticket.id, deviceId, outcome.problem ?? null, outcome.reason)
        }
        this.publish(deviceId, printer)
      },
    )
  }

  /** The printer's report: its last status (before any, e.g. a Star printer that does not answer DLE EOT, the flags of a working printer), its problem code, the kiosk's name and the last job. */
  private report(deviceId: number, p: KioskPrinter): PrinterStatusReport {
    const s = p.status ?? { reachable: true, online: true, coverOpen: false, paperNearEnd: false, paperOut: false, error: false }
    const problem = printerProblemOf(s)
    const device = this.devices.get(deviceId)
    const kioskName = device?.name
    return {
      ...s,
      ...(problem ? { problem } : {}),
      ...(kioskName !== undefined ? { kioskName } : {}),
      deviceKind: device?.kind === 'printer' ? 'printer' : 'kiosk',
      ...(p.lastJob ? { lastJob: p.lastJob } : {}),
      ...(p.heardAt !== undefined ? { heardAt: new Date(p.heardAt).toISOString() } : {}),
      watchedSince: new Date(p.watchedSince).toISOString(),
      at: new Date(this.queue.ctx.clock()).toISOString(),
    }
  }

  private publish(deviceId: number, printer: KioskPrinter): void {
    if (this.printers.get(deviceId) !== printer) return
    // pushed only when something but its times changed (DeviceStatus.reportPrinter)
    this.queue.deviceStatus.reportPrinter(deviceId, this.report(deviceId, printer))
  }
}

/** The paper's visit line: every step's service, the ticket's own first; nothing for a visit of one step. */
function routeOf(visit: VisitProgress | null): { route?: { ar: string; en: string }[] } {
  return visit ? { route: visit.route.map((s) => ({ ar: s.nameAr, en: s.nameEn })) } : {}
}
