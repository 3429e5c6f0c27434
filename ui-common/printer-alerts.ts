/**
 * The kiosk printers' alerts as a staff screen (clerk console, dashboard) keeps them, from the
 * staff feed: the snapshot's `printers` (what was reported before the screen connected) and
 * every `device:status` push. A printer that recovers shows "works again" for a while, then its
 * alert goes. A printer whose last ticket job failed has an alert of its own naming the ticket,
 * even while its status looks healthy (it answers its status check but prints nothing), until a
 * later job on it prints. Pure state: the screen renders `current()` and `failedJobs()`
 * (ui-common/printer-alert-banner.ts).
 */
import type { DeviceHealthReport, PrinterStatusReport } from '../protocol/device-health.ts'
import type { PrintJobReport } from '../protocol/device-config.ts'
import { PRINTER_PROBLEMS, printerProblemOf, type PrinterProblem } from '../protocol/printer-problem.ts'

/** One kiosk printer to tell staff about: its problem, or null when it just came back. */
export interface PrinterAlert {
  deviceId: number
  /** The kiosk's name (the report's `kioskName`, else "#id"). */
  kiosk: string
  /** A kiosk's own printer, or a stand-alone one (the report's `deviceKind`; an older server's: kiosk). */
  kind: PrinterKind
  problem: PrinterProblem | null
  /** When this problem (or the recovery) was first heard, in this browser's clock. */
  since: number
}

/** A printer whose last ticket job failed: which ticket, when (server ISO time) and what stopped it (null: the job itself failed). */
export interface FailedJobAlert {
  deviceId: number
  kiosk: string
  kind: PrinterKind
  label: string
  at: string
  problem: PrintJobReport['problem'] | null
}

/** How long "the printer works again" stays up; 15 s. */
export const BACK_SHOWN_MS = 15_000

export class PrinterAlerts {
  private readonly byDevice = new Map<number, PrinterAlert>()
  private readonly jobs = new Map<number, FailedJobAlert>()

  constructor(private readonly now: () => number = Date.now) {}

  /** A snapshot's printers: replaces everything (no "works again" for what was fixed while away). */
  applySnapshot(printers: readonly { deviceId: number; status: PrinterStatusReport }[] | undefined): void {
    const seen = new Set<number>()
    this.jobs.clear()
    for (const { deviceId, status } of printers ?? []) {
      seen.add(deviceId)
      const problem = printerProblemOf(status)
      if (problem) this.set(deviceId, status, problem)
      else this.byDevice.delete(deviceId)
      this.applyJob(deviceId, status)
    }
    for (const id of [...this.byDevice.keys()]) if (!seen.has(id)) this.byDevice.delete(id)
  }

  /** A `device:status` push; other devices' reports (serial lines) are ignored. */
  apply(deviceId: number, health: DeviceHealthReport): void {
    const status = health.printer
    if (!status) return
    this.applyJob(deviceId, status)
    const problem = printerProblemOf(status)
    if (problem) return this.set(deviceId, status, problem)
    const before = this.byDevice.get(deviceId)
    if (before?.problem)
      this.byDevice.set(deviceId, { ...before, kiosk: kioskOf(deviceId, status), kind: kindOf(status), problem: null, since: this.now() })
  }

  /** The alerts to show, the most serious first; recoveries older than BACK_SHOWN_MS are dropped. */
  current(): PrinterAlert[] {
    const now = this.now()
    for (const [id, a] of this.byDevice) if (a.problem === null && now - a.since >= BACK_SHOWN_MS) this.byDevice.delete(id)
    return [...this.byDevice.values()].sort((a, b) => rank(a.problem) - rank(b.problem) || a.deviceId - b.deviceId)
  }

  /** Printers whose last ticket job failed, in device order. */
  failedJobs(): FailedJobAlert[] {
    return [...this.jobs.values()].sort((a, b) => a.deviceId - b.deviceId)
  }

  /** A report's last job: a failure is (or stays) an alert, a printed ticket clears it; none leaves it. */
  private applyJob(deviceId: number, status: PrinterStatusReport): void {
    const job = status.lastJob
    if (!job) return
    if (job.outcome === 'printed') this.jobs.delete(deviceId)
    else
      this.jobs.set(deviceId, {
        deviceId,
        kiosk: kioskOf(deviceId, status),
        kind: kindOf(status),
        label: job.label ?? job.ticketId,
        at: job.at ?? status.at,
        problem: job.problem ?? null,
      })
  }

  private set(deviceId: number, status: PrinterStatusReport, problem: PrinterProblem): void {
    const before = this.byDevice.get(deviceId)
    const since = before?.problem === problem ? before.since : this.now()
    this.byDevice.set(deviceId, { deviceId, kiosk: kioskOf(deviceId, status), kind: kindOf(status), problem, since })
  }
}

/** Whose printer an alert is about: a kiosk's own or a stand-alone one. */
export type PrinterKind = NonNullable<PrinterStatusReport['deviceKind']>

const kioskOf = (deviceId: number, status: PrinterStatusReport) => status.kioskName ?? `#${deviceId}`
const kindOf = (status: PrinterStatusReport): PrinterKind => status.deviceKind ?? 'kiosk'
const rank = (p: PrinterProblem | null) => (p === null ? PRINTER_PROBLEMS.length : PRINTER_PROBLEMS.indexOf(p))
