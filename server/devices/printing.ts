import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config.ts'
import type { Queue } from '../queue/queue.ts'
import type { DomainEvent } from '../queue/domain-events.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { DevicesRepo } from '../db/repositories/devices-repo.ts'
import type { KioskConfig, PrinterStatusReport, PrintingState } from '../../protocol/device-config.ts'
import type { PrinterFactory, PrinterHandle } from './printer-handle.ts'
import type { TicketJobOutcome, TicketPrinterStatus } from '../../drivers/printer/index.ts'
import { isFaulty } from '../../protocol/device-health.ts'

interface KioskPrinter {
  /** The config it was opened with, to notice edits. */
  key: string
  handle: PrinterHandle
  status: TicketPrinterStatus | null
  lastJob?: PrinterStatusReport['lastJob']
}

const faulty = (s: TicketPrinterStatus | null) => isFaulty(s && { printer: s })

/** How many tickets' printing states are kept for `stateOf` (the issuing route reads its own at once). */
const KEPT_STATES = 1000

/**
 * Prints tickets on the printer of the kiosk that issued them, following the domain events
 * `ticket:issued` (a kiosk's ticket) and `ticket:reprint`. Issuing never waits on a printer: the
 * job is queued and the ticket's printing state is known at once — the kiosk should expect
 * paper ('queued'), has no printer ('none'), or has one known to be faulty ('fault': nothing is
 * queued, so a ticket is not printed minutes later for a citizen who already left). Events are
 * published synchronously after the commit, so the route that issued the ticket reads its
 * state with `stateOf` as soon as the command returns. Outcomes and status changes go out as
 * `device:status`.
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
  }

  /** What became of the latest print of a ticket: 'none' when it was not sent to a printer. */
  stateOf(ticketId: string): PrintingState {
    return this.states.get(ticketId) ?? 'none'
  }

  private onDomainEvent(event: DomainEvent): void {
    if (event.type === 'ticket:issued') {
      const t = event.ticket
      // only a kiosk's own ticket is printed, and only when its QR has an address to link to
      if (t.issuedByType !== 'device' || t.issuedById === null || event.statusUrl === null) return
      this.remember(t.id, this.printIssued(t.issuedById, t, event.standing, event.statusUrl))
    } else if (event.type === 'ticket:reprint') {
      this.remember(event.ticket.id, this.reprint(event.deviceId, event.ticket, event.standing, event.statusUrl))
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
    if (faulty(printer.status)) return 'fault'
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

  async close(): Promise<void> {
    this.stopListening()
    await Promise.all([...this.printers.values()].map((p) => p.handle.close().catch(() => {})))
    this.printers.clear()
  }

  /** The kiosk's printer, opened on first use and reopened when its config changed. */
  private printerOf(deviceId: number): KioskPrinter | null {
    const device = this.devices.get(deviceId)
    const printerConfig = device && device.kind === 'kiosk' && !device.revoked ? (device.config as KioskConfig).printer : undefined
    const existing = this.printers.get(deviceId)
    const key = JSON.stringify(printerConfig ?? null)
    if (existing && existing.key === key) return existing
    if (existing) {
      void existing.handle.close().catch(() => {})
      this.printers.delete(deviceId)
    }
    if (!printerConfig) return null
    const printer: KioskPrinter = { key, handle: this.openPrinter(printerConfig), status: null }
    this.printers.set(deviceId, printer)
    printer.handle.watch((status) => {
      const wasFaulty = faulty(printer.status)
      printer.status = status
      if (wasFaulty !== faulty(status)) this.log.warn({ deviceId, status }, faulty(status) ? 'printer fault' : 'printer back')
      this.publish(deviceId, printer)
    })
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
    const kiosk = this.devices.get(deviceId)?.config as KioskConfig | undefined
    const category = this.config.queue.priorityCategories.find((c) => c.code === ticket.priority)
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
        // the kiosk's own setting, else the center's (config screens.digits or the admin's)
        digits: kiosk?.digits ?? this.config.screens.digits,
      },
      (outcome: TicketJobOutcome) => {
        printer.lastJob = { ticketId: ticket.id, ...outcome }
        if (outcome.outcome === 'failed') this.log.warn({ deviceId, ticket: ticket.label, reason: outcome.reason }, 'ticket not printed')
        this.publish(deviceId, printer)
      },
    )
  }

  private report(p: KioskPrinter): PrinterStatusReport {
    const s = p.status ?? { reachable: true, online: true, coverOpen: false, paperNearEnd: false, paperOut: false, error: false }
    return { ...s, ...(p.lastJob ? { lastJob: p.lastJob } : {}), at: new Date(this.queue.ctx.clock()).toISOString() }
  }

  private publish(deviceId: number, printer: KioskPrinter): void {
    this.queue.deviceStatus.report(deviceId, { printer: this.report(printer) })
  }
}
