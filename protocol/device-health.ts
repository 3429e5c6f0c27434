import type { DisplayStatusReport, PrinterStatusReport, SerialStatusReport } from './device-config.ts'
import { type PrinterFlags, printerProblemOf, stopsPrinting } from './printer-problem.ts'

export type { DisplayStatusReport, PrinterStatusReport, SerialStatusReport } from './device-config.ts'

/**
 * What a device reports in `device:status`, by what it is: a kiosk reports its ticket printer
 * (`{printer: …}`), an LED board or a call keypad its serial line (`{serial: …}`), a display its
 * sound (`{display: …}`, sent by the display itself). The key is the discriminant (the wire
 * shape screens already read); the other keys are never present.
 * Type aliases, not interfaces, so a report still fits where a plain JSON object is expected.
 */
export type PrinterHealth = { printer: PrinterStatusReport; serial?: never; display?: never }
export type SerialHealth = { serial: SerialStatusReport; printer?: never; display?: never }
export type DisplayHealth = { display: DisplayStatusReport; printer?: never; serial?: never }
export type DeviceHealthReport = PrinterHealth | SerialHealth | DisplayHealth

/** The flags of a printer report that decide a fault (printer-problem.ts); the driver's own status has them too. */
export type PrinterFaultFlags = PrinterFlags

/** What `isFaulty` reads: any `DeviceHealthReport`, or just the flags that decide it. */
export type FaultFlags =
  | { printer: PrinterFaultFlags; serial?: never; display?: never }
  | { serial: Pick<SerialStatusReport, 'open'>; printer?: never; display?: never }
  | { display: Pick<DisplayStatusReport, 'sound'>; printer?: never; serial?: never }

/**
 * Whether a printer's last ticket job did not print: it may answer its status check as healthy
 * (not `isFaulty`, so tickets are still sent to it and the next one that prints clears this), but
 * staff must not read it as working: the device list says "Printer fault", a reprint picker "fault".
 */
export function lastTicketFailed(printer: { lastJob?: { outcome?: string } } | undefined): boolean {
  return printer?.lastJob?.outcome === 'failed'
}

/**
 * Whether a device's last report is a fault (the dashboard marks it red, metrics and the
 * upstream heartbeat count it, printing stops queueing tickets on it). A printer is faulty when
 * it cannot be reached, answers DLE EOT with garbage, is offline, has its cover open, is out of
 * paper or reports an error (printer-problem.ts);
 * paper running low is a warning, not a fault. A serial line is faulty while its port is closed.
 * A display is faulty while the browser blocks its sound (the hall hears no calls).
 * No report yet (null) is not a fault.
 */
export function isFaulty(health: FaultFlags | null | undefined): boolean {
  if (!health) return false
  // the one printer rule: a problem that stops printing (every one but paper running low)
  if (health.printer) return stopsPrinting(printerProblemOf(health.printer))
  if (health.serial) return !health.serial.open
  if (health.display) return health.display.sound === 'blocked'
  return false
}
