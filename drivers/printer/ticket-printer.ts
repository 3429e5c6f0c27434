import type { TicketContent } from './ticket-content.ts'
import type { JobOptions } from './escpos-job.ts'
import { openPrinterTransport } from './open-transport.ts'
import type { PrinterTransport, TransportOptions } from './transport.ts'
import { PrintQueue, type PrintQueueOptions } from './print-queue.ts'
import { describeError } from './transport-error.ts'
import { printerProblemOf, stopsPrinting, type PrinterProblem } from '../../protocol/printer-problem.ts'
import { PAPER_WIDTHS_MM, PRINTER_TYPES, type PaperWidthMm, type PrinterType } from '../../protocol/printer-settings.ts'

/** Which printer and how it is attached (the kiosk's `printer` config). */
export interface TicketPrinterConfig {
  type: PrinterType
  /** `tcp://host:9100`, `/dev/usb/lp0`, `serial:/dev/ttyUSB0?baudRate=19200` or `memory`. */
  interface: string
  widthMm: PaperWidthMm
}

/** Tuning for `openTicketPrinter`; every field is optional. */
export interface TicketPrinterOptions {
  /** Status poll period once `watch` is called. Default 5000 ms for epson; 0 (no polling) for star, whose Star Line Mode does not answer DLE EOT. */
  pollIntervalMs?: number
  transport?: TransportOptions
  queue?: PrintQueueOptions
  /** Use this transport instead of opening `config.interface` (tests, custom links). */
  transportOverride?: PrinterTransport
  /** Builds a job's bytes; default `buildTicketJob` on this thread. The server passes a `TicketJobWorker`'s `build` (off the event loop). */
  buildJob?: BuildJob
}

/** Builds one ticket's bytes (escpos-job.ts's `buildTicketJob`, here or on a worker thread). */
export type BuildJob = (content: TicketContent, options: JobOptions) => Promise<Buffer>

// loaded at the first job: a server that builds jobs on a worker thread never loads the canvas itself
const buildHere: BuildJob = async (content, options) => (await import('./escpos-job.ts')).buildTicketJob(content, options)

/**
 * A job's outcome as the server records it. A failure names the printer's problem when the job
 * itself met one (`problem`: the status read before or after it, or `not-answering` when the
 * printer could not be reached); absent, the printer was reached and the job still failed.
 */
export type TicketJobOutcome = { outcome: 'printed' } | { outcome: 'failed'; reason: string; problem?: PrinterProblem }

/** A printer's condition as the server shows it. */
export interface TicketPrinterStatus {
  reachable: boolean
  online: boolean
  coverOpen: boolean
  paperNearEnd: boolean
  paperOut: boolean
  error: boolean
  /** It answered DLE EOT with bytes that are not a status; absent when it did not. */
  badReply?: boolean
  /** The link problem in the driver's words, when there is one. */
  detail?: string
}

/** One ticket printer: a transport, its print queue, and the ticket layout. */
export class TicketPrinter {
  constructor(
    private readonly config: TicketPrinterConfig,
    private readonly queue: PrintQueue,
    private readonly pollIntervalMs: number,
    private readonly buildJob: BuildJob = buildHere,
  ) {}

  /**
   * Queues a ticket and returns at once; rendering happens when its turn comes. `done` is called
   * once: 'printed' only when every byte was accepted and (on a printer that answers DLE EOT) the
   * status read right after the job shows nothing that stops printing; otherwise 'failed' with why.
   */
  print(content: TicketContent, done: (outcome: TicketJobOutcome) => void = () => {}): void {
    const { type, widthMm } = this.config
    this.queue.enqueue(
      () => this.buildJob(content, { type, widthMm }),
      (o) => {
        if (o.outcome === 'failed') return done({ outcome: 'failed', reason: o.reason, ...(o.problem ? { problem: o.problem } : {}) })
        const problem = o.statusAfter ? printerProblemOf(o.statusAfter) : null
        if (stopsPrinting(problem))
          return done({ outcome: 'failed', reason: `sent, but the printer then reported ${problem}`, problem: problem! })
        done({ outcome: 'printed' })
      },
    )
  }

  /**
   * Starts status polling; `changed` gets the first status and every change, `answered` hears of
   * every poll the printer answered (changed or not). Does nothing when polling is off.
   */
  watch(changed: (status: TicketPrinterStatus) => void, answered?: () => void): void {
    if (this.pollIntervalMs <= 0) return
    this.queue.pollStatus(
      this.pollIntervalMs,
      (h) =>
        changed({
          reachable: h.reachable,
          online: h.online,
          coverOpen: h.coverOpen,
          paperNearEnd: h.paperNearEnd,
          paperOut: h.paperOut,
          error: h.error,
          ...(h.badReply ? { badReply: true } : {}),
          ...(h.detail ? { detail: h.detail } : {}),
        }),
      answered,
    )
  }

  /** Stops polling, fails queued jobs, waits up to 2 s for the current one, closes the link. */
  close(): Promise<void> {
    return this.queue.close()
  }
}

/**
 * Opens a ticket printer. Never throws: a malformed interface gives a printer whose jobs fail
 * and whose status is unreachable, both naming the problem, so one bad kiosk config cannot
 * break ticket issuing.
 */
export function openTicketPrinter(config: TicketPrinterConfig, options: TicketPrinterOptions = {}): TicketPrinter {
  let transport: PrinterTransport
  try {
    // a config stored by hand or by an older version is not trusted: an unknown type must not print as Epson
    const unknown = unknownSetting(config)
    if (unknown) throw new Error(unknown)
    transport = options.transportOverride ?? openPrinterTransport(config.interface, options.transport)
  } catch (err) {
    transport = brokenTransport(describeError(err))
  }
  const pollIntervalMs = options.pollIntervalMs ?? (config.type === 'star' ? 0 : 5000)
  // a printer that answers DLE EOT is asked before and after each job: "printed" must mean on paper
  const queue = new PrintQueue(transport, { checkStatus: pollIntervalMs > 0, ...options.queue })
  return new TicketPrinter(config, queue, pollIntervalMs, options.buildJob)
}

/** What is wrong with the type or the paper width, naming the field; null when both are known. */
function unknownSetting(config: TicketPrinterConfig): string | null {
  if (!(PRINTER_TYPES as readonly unknown[]).includes(config.type))
    return `printer/type ${JSON.stringify(config.type)} is not a printer type: ${PRINTER_TYPES.join(' or ')}`
  if (!(PAPER_WIDTHS_MM as readonly unknown[]).includes(config.widthMm))
    return `printer/widthMm ${JSON.stringify(config.widthMm)} is not a paper width: ${PAPER_WIDTHS_MM.join(' or ')}`
  return null
}

function brokenTransport(reason: string): PrinterTransport {
  const fail = async (): Promise<never> => {
    throw new Error(reason)
  }
  return { write: fail, queryStatus: fail, close: async () => {} }
}
