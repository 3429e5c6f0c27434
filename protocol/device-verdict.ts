/**
 * A device's health as one word and a tone: the one definition the dashboard's live view and
 * the configuration's devices table both show (they used to disagree: the live view called a
 * connected kiosk "Offline" because its printer did not answer, while the devices table said
 * "OK" for it, having only looked at pairing).
 */
import type { DeviceHealth } from './stats.ts'
import type { DeviceKind } from './common.ts'
import { printerProblemOf, stopsPrinting, type PrinterFlags } from './printer-problem.ts'
import { lastTicketFailed } from './device-health.ts'

/** The message keys a verdict names (protocol/messages/dashboard.ts). */
export type DeviceVerdictKey =
  | 'health.ok'
  | 'health.revoked'
  | 'health.unpaired'
  | 'health.soundBlocked'
  | 'health.paperOut'
  | 'health.paperLow'
  | 'health.cover'
  | 'health.printerFault'
  | 'health.offline'
  | 'health.fault'
  | 'health.silent'
  | 'health.notWired'
  | 'health.noReport'

/** What the device list says beside a device when it has no time to show (protocol/messages/dashboard.ts). */
export type HeardKey = 'health.never' | 'health.notHeard'

export interface DeviceVerdict {
  key: DeviceVerdictKey
  tone: 'ok' | 'warn' | 'bad'
}

/**
 * The kinds that pair with a code (a browser holding a device token). A ticket printer, an LED
 * board and a call keypad are opened by the server itself and never pair: "not paired" would be
 * true of them for ever and hid a board whose serial line was gone (walk s46, finding 2).
 */
export const PAIRING_KINDS: ReadonlySet<string> = new Set<DeviceKind>(['kiosk', 'display', 'feedback'])

/** Screens poll the server; one silent this long is probably switched off. */
export const SCREEN_SILENT_MS = 10 * 60_000

/**
 * The verdict on one device at `now` (epoch ms). Only screens pair; a printer, board or keypad
 * is judged by what the server's own link to it reports. A kiosk whose printer does not answer is a
 * kiosk with a printer fault, not an offline kiosk: the kiosk itself still issues tickets. Only
 * a stand-alone printer or a serial line that cannot be reached is "offline", and a kiosk or
 * display is "silent" when it has not been seen for `SCREEN_SILENT_MS`. A printer's and a serial
 * line's statuses come from the server's own polling, so they stay true while a screen is off;
 * what a screen reports of itself does not, so silence comes before it.
 */
export function deviceVerdict(d: DeviceHealth, now: number): DeviceVerdict {
  if (d.revoked) return { key: 'health.revoked', tone: 'warn' }
  if (!d.paired && PAIRING_KINDS.has(d.kind)) return { key: 'health.unpaired', tone: 'warn' }
  // a board or keypad whose line the server has never reported on is not wired yet (no path): nothing is known
  if ((d.kind === 'board' || d.kind === 'keypad') && !d.status) return { key: 'health.notWired', tone: 'warn' }
  // nor of a printer the server has had no report from yet (just added or reactivated, not polled yet; a Star
  // printer is never polled, so until its first job): "OK" said it worked before anything was known
  if (d.kind === 'printer' && !d.status) return { key: 'health.noReport', tone: 'warn' }
  const status = (d.status ?? {}) as {
    printer?: Partial<PrinterFlags> & { lastJob?: { outcome?: string } }
    serial?: { open?: boolean }
    display?: { sound?: string }
  }
  if (status.printer) {
    const p = status.printer
    const problem = printerProblemOf({
      reachable: p.reachable !== false,
      online: p.online !== false,
      coverOpen: p.coverOpen === true,
      paperOut: p.paperOut === true,
      error: p.error === true,
      paperNearEnd: p.paperNearEnd === true,
      badReply: p.badReply === true,
    })
    if (problem === 'paper-out') return { key: 'health.paperOut', tone: 'bad' }
    if (problem === 'cover-open') return { key: 'health.cover', tone: 'bad' }
    if (problem === 'not-answering' && d.kind === 'printer') return { key: 'health.offline', tone: 'bad' }
    if (stopsPrinting(problem)) return { key: 'health.printerFault', tone: 'bad' }
    // it answers its status check but its last ticket did not print: not "OK" (the device list says which and why)
    if (lastTicketFailed(p)) return { key: 'health.printerFault', tone: 'bad' }
  }
  if (status.serial?.open === false) return { key: 'health.offline', tone: 'bad' }
  // what a screen said of itself (its sound) is only as fresh as the screen: one silent for ten
  // minutes is probably switched off, and "sound blocked" from hours ago is no longer known
  if ((d.kind === 'kiosk' || d.kind === 'display') && d.lastSeenAt && now - Date.parse(d.lastSeenAt) > SCREEN_SILENT_MS)
    return { key: 'health.silent', tone: 'warn' }
  if (status.display?.sound === 'blocked') return { key: 'health.soundBlocked', tone: 'bad' }
  if (d.faulty) return { key: 'health.fault', tone: 'bad' }
  if (status.printer?.paperNearEnd === true) return { key: 'health.paperLow', tone: 'warn' }
  return { key: 'health.ok', tone: 'ok' }
}

/** When the server made a device's last report (its `at`, whatever the kind), or null when there is none. */
export function reportedAt(status: DeviceHealth['status']): string | null {
  const report = status && Object.values(status)[0]
  const at = report && typeof report === 'object' ? (report as { at?: unknown }).at : undefined
  return typeof at === 'string' ? at : null
}

/**
 * When the device list says a device was last heard from: a screen when it last called the
 * server; a printer (kind printer) when it last answered, kept fresh on every poll though a poll
 * that changes nothing is not pushed (its report's `at` is when it last *changed*: a printer
 * working all day said "8:02 AM"), or `health.notHeard` when it has not answered since the server
 * started; a board or keypad when the server last reported on its line. `health.never`: nothing.
 */
export function lastHeard(d: DeviceHealth): string | HeardKey {
  if (PAIRING_KINDS.has(d.kind)) return d.lastSeenAt ?? 'health.never'
  const printer = d.status?.printer as { heardAt?: unknown } | undefined
  if (d.kind === 'printer' && printer) return typeof printer.heardAt === 'string' ? printer.heardAt : 'health.notHeard'
  return d.lastSeenAt ?? reportedAt(d.status) ?? 'health.never'
}

/** Since when a printer that has not answered has been watched (its report's `watchedSince`), or null (an older server's report). */
export function watchedSince(d: DeviceHealth): string | null {
  const since = (d.status?.printer as { watchedSince?: unknown } | undefined)?.watchedSince
  return typeof since === 'string' ? since : null
}
