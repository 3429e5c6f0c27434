/**
 * Whether the citizen in front of the kiosk has a paper ticket, judged from the printer status
 * the server pushes (`device:status` → status.printer, see protocol/device-config.ts).
 */
import type { PrinterStatusReport } from '../protocol/device-config.ts'

/** The printer report inside a `device:status` payload, if there is one. */
export function printerReportOf(status: Record<string, unknown>): PrinterStatusReport | null {
  const p = status.printer
  return p && typeof p === 'object' ? (p as PrinterStatusReport) : null
}

/**
 * True when ticket `ticketId` did not or will not come out: its job failed, or (before its
 * job's outcome is known) the printer is offline, open, out of paper or in error.
 */
export function printFailedFor(report: PrinterStatusReport, ticketId: string): boolean {
  if (report.lastJob?.ticketId === ticketId) return report.lastJob.outcome === 'failed'
  return !report.reachable || !report.online || report.coverOpen || report.paperOut || report.error
}
