import type { DisplaySoundReport } from '../../protocol/device-config.ts'
import type { DeviceHealthReport, PrinterStatusReport } from '../../protocol/device-health.ts'
import type { QueueContext } from './queue-context.ts'

/**
 * A device's health as its driver reports it (a printer out of paper, a serial line that
 * closed). Health is runtime state, not stored (a display's sound is the one exception:
 * reportDisplay); the report is published at once as a `device:status` domain event (the broadcaster pushes it, metrics and reports
 * keep the last one). Drivers' bindings call this rather than emitting themselves, so every
 * event still comes from the domain. The last printer report of each kiosk is kept in memory
 * so a screen that connects later (a snapshot) learns a fault reported before it was there,
 * and the device list reads when each printer was last heard.
 */
export class DeviceStatus {
  private readonly printerReports = new Map<number, PrinterStatusReport>()

  constructor(private readonly ctx: QueueContext) {}

  report(deviceId: number, status: DeviceHealthReport): void {
    if (status.printer) this.printerReports.set(deviceId, status.printer)
    this.ctx.publish([{ type: 'device:status', deviceId, status }])
  }

  /**
   * A printer's report: kept, and pushed only when something a screen shows changed (anything
   * but its times). A push reaches every staff screen and kiosk, and each one re-renders. The
   * driver tells only a changed status (an answered poll moves heardAt: heardPrinter), but
   * Printing reports after every job too, and a test print on a steady printer changes nothing
   * shown (test/server/devices/printer-pushes.test.ts fails without this compare).
   */
  reportPrinter(deviceId: number, report: PrinterStatusReport): void {
    const before = this.printerReports.get(deviceId)
    if (before && shownOf(before) === shownOf(report)) {
      this.printerReports.set(deviceId, report)
      return
    }
    this.report(deviceId, { printer: report })
  }

  /** The printer answered a poll at `at` (ISO): its kept report says so, with no push (nothing a screen shows at once changed). */
  heardPrinter(deviceId: number, at: string): void {
    const report = this.printerReports.get(deviceId)
    if (report) this.printerReports.set(deviceId, { ...report, heardAt: at })
  }

  /** The kiosk no longer has a printer (removed from its config, revoked): its last report is dropped. */
  forgetPrinter(deviceId: number): void {
    this.printerReports.delete(deviceId)
  }

  /** The last printer report of every kiosk that has a printer, by device id. */
  printers(): { deviceId: number; status: PrinterStatusReport }[] {
    return [...this.printerReports].map(([deviceId, status]) => ({ deviceId, status }))
  }

  /** The last report of one device's printer, its `heardAt` as of the last answered poll; undefined when it has none. */
  printer(deviceId: number): PrinterStatusReport | undefined {
    return this.printerReports.get(deviceId)
  }

  /**
   * A display's report about itself (its sound), stamped with the server's clock, and stored: the
   * server learns a printer's or a serial line's state again at its next poll after a restart,
   * but a display's sound only from the display, which says it when it finds out (and again at
   * its reloads). Kept in memory only, a restart left the device list saying "OK" for a mute
   * display until it spoke again (walk s48); the stored report is what it last said, as true as
   * before the restart (the list's silence rule still judges a display that stopped calling).
   */
  reportDisplay(deviceId: number, report: DisplaySoundReport): void {
    const display = { ...report, at: new Date(this.ctx.clock()).toISOString() }
    this.ctx.devices.setSoundReport(deviceId, display)
    this.report(deviceId, { display })
  }
}

/** What of a printer report a screen shows, as one comparable string: all of it but when it was made and last heard. */
function shownOf({ at: _at, heardAt: _heardAt, ...shown }: PrinterStatusReport): string {
  return JSON.stringify(shown)
}
