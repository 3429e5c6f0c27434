import type { DisplaySoundReport } from '../../protocol/device-config.ts'
import type { DeviceHealthReport, PrinterStatusReport } from '../../protocol/device-health.ts'
import type { QueueContext } from './queue-context.ts'

/**
 * A device's health as its driver reports it (a printer out of paper, a serial line that
 * closed). Health is runtime state, not stored: nothing is written, so the report is published
 * at once as a `device:status` domain event (the broadcaster pushes it, metrics and reports
 * keep the last one). Drivers' bindings call this rather than emitting themselves, so every
 * event still comes from the domain. The last printer report of each kiosk is kept in memory
 * so a screen that connects later (a snapshot) learns a fault reported before it was there.
 */
export class DeviceStatus {
  private readonly printerReports = new Map<number, PrinterStatusReport>()

  constructor(private readonly ctx: QueueContext) {}

  report(deviceId: number, status: DeviceHealthReport): void {
    if (status.printer) this.printerReports.set(deviceId, status.printer)
    this.ctx.publish([{ type: 'device:status', deviceId, status }])
  }

  /** The kiosk no longer has a printer (removed from its config, revoked): its last report is dropped. */
  forgetPrinter(deviceId: number): void {
    this.printerReports.delete(deviceId)
  }

  /** The last printer report of every kiosk that has a printer, by device id. */
  printers(): { deviceId: number; status: PrinterStatusReport }[] {
    return [...this.printerReports].map(([deviceId, status]) => ({ deviceId, status }))
  }

  /** A display's report about itself (its sound), stamped with the server's clock. */
  reportDisplay(deviceId: number, report: DisplaySoundReport): void {
    this.report(deviceId, { display: { ...report, at: new Date(this.ctx.clock()).toISOString() } })
  }
}
