/**
 * What is wrong with a ticket printer, as one stable code that every screen, log and test
 * reads the same way: the kiosk's home screen, the consoles' and the dashboard's alerts, and
 * device health. Computed from the printer's status flags (the driver's, or a pushed report).
 */

/** Stable codes, the most serious first; only `paper-near-end` is a warning (tickets still print). */
export const PRINTER_PROBLEMS = [
  'not-answering',
  'bad-status-reply',
  'cover-open',
  'paper-out',
  'printer-error',
  'offline',
  'paper-near-end',
] as const
export type PrinterProblem = (typeof PRINTER_PROBLEMS)[number]

/** The flags a printer's status carries (the driver's status and `PrinterStatusReport` both fit). */
export interface PrinterFlags {
  reachable: boolean
  online: boolean
  coverOpen: boolean
  /** Only a warning; absent counts as false (a fault check needs no more than the rest). */
  paperNearEnd?: boolean
  paperOut: boolean
  error: boolean
  /** The printer answered DLE EOT with bytes that are not a status. Default false. */
  badReply?: boolean
}

/**
 * The one problem to tell people about, or null when the printer is fine. Not reachable or no
 * answer → `not-answering`; garbage to DLE EOT → `bad-status-reply` (never "healthy by
 * default"); then cover, paper, error, offline; paper running low last.
 */
export function printerProblemOf(s: PrinterFlags): PrinterProblem | null {
  if (!s.reachable) return 'not-answering'
  if (s.badReply) return 'bad-status-reply'
  if (s.coverOpen) return 'cover-open'
  if (s.paperOut) return 'paper-out'
  if (s.error) return 'printer-error'
  if (!s.online) return 'offline'
  if (s.paperNearEnd) return 'paper-near-end'
  return null
}

/** Whether a problem stops printing (every one but `paper-near-end`). */
export const stopsPrinting = (problem: PrinterProblem | null | undefined): boolean => !!problem && problem !== 'paper-near-end'
