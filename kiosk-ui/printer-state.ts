/**
 * Whether the citizen in front of the kiosk has a paper ticket, judged from the printer status
 * the server pushes (`device:status` → status.printer, see protocol/device-config.ts). The
 * kiosk never says "take your printed ticket" before the server reported that ticket's job
 * printed (every byte accepted and the status read after it clean).
 */
import type { PrinterStatusReport } from '../protocol/device-config.ts'
import { printerProblemOf, stopsPrinting, type PrinterProblem } from '../protocol/printer-problem.ts'

/** How long the ticket screen says "printing…" before it gives up and shows the ticket as the one to keep; 20 s (a raster ticket takes ~0.3 s over TCP, ~4.5 s over serial at 115200). */
export const PRINT_OUTCOME_WAIT_MS = 20_000

/**
 * What the ticket screen says about paper: still printing, printed, photograph this screen (the
 * print failed: staff can reprint it), or this kiosk prints nothing ('none': photograph or scan,
 * with no promise of a reprint the center may have no printer for), or nothing is printed because
 * the ticket is the page on the citizen's phone ('phone': a place joined from a phone, checked in).
 */
export type PrintView = 'printing' | 'printed' | 'problem' | 'none' | 'phone'

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
  return stopsPrinting(printerProblemOf(report))
}

/** What a report says of ticket `ticketId`: 'printed' (its job's outcome), 'problem' (failed, or a fault now), or null (not known yet). */
export function printViewFor(report: PrinterStatusReport | null, ticketId: string): Exclude<PrintView, 'printing'> | null {
  if (!report) return null
  if (report.lastJob?.ticketId === ticketId) return report.lastJob.outcome === 'printed' ? 'printed' : 'problem'
  return printFailedFor(report, ticketId) ? 'problem' : null
}

/** The problem that stops the kiosk's printer now (shown on the home screen), or null. */
export function printerDownBecause(report: PrinterStatusReport | null): PrinterProblem | null {
  const problem = report && printerProblemOf(report)
  return problem && stopsPrinting(problem) ? problem : null
}

/**
 * True when some printer of the center could print ticket `ticketId` again now: its last report
 * shows no fault that stops printing, and it is not the one whose job for this very ticket just
 * failed. Only then may the screen say staff can reprint (walk finding 2: the only printer was
 * the one not answering, and the console's reprint had nowhere to send it). A printer never
 * heard from is not counted: nobody knows that it works.
 */
export function reprintPossible(reports: Iterable<PrinterStatusReport>, ticketId: string): boolean {
  for (const report of reports) {
    const failedThisTicket = report.lastJob?.ticketId === ticketId && report.lastJob.outcome === 'failed'
    if (!failedThisTicket && !stopsPrinting(printerProblemOf(report))) return true
  }
  return false
}
