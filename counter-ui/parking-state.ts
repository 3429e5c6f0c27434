/**
 * What the console knows about parking: the settings the park dialog needs and the parked
 * tickets of this clerk's services, each with its deadline on the center's clock as the console
 * tells it (ConsoleSession.clock; from the server's seconds left), the clock the console's `now` is on.
 */
import type { Ticket } from '../protocol/entities.ts'
import type { ParkReason } from '../protocol/parking.ts'
import { fetchParked } from './parking-api.ts'
import type { ConsoleMessageKey } from '../protocol/messages/console.ts'

/** A parked ticket as the console shows it. */
export interface LocalParked {
  ticket: Ticket
  reason: string
  note: string | null
  /** Epoch ms on the center's clock (as the console tells it); while the clock is stopped, as if it ran on. */
  endsAt: number
  /** The counter that parked it is paused: its time stands still (docs/parking.md), the minutes left are `secondsLeft`'s. */
  clockStopped: boolean
  secondsLeft: number
}

export class ParkingState {
  /** `now`: the center's time as the console tells it. */
  constructor(private readonly now: () => number) {}

  /** At most this many minutes (config queue.maxParkMinutes); 0 until the first answer. */
  maxMinutes = 0
  reasons: ParkReason[] = []
  parked: LocalParked[] = []

  /** Whether a pushed ticket change concerns parking (it was parked, or is on the list): then refresh. */
  concerns(ticket: Ticket): boolean {
    return ticket.status === 'parked' || this.parked.some((p) => p.ticket.id === ticket.id)
  }

  /** Reads the list again; keeps the old one when the server cannot answer (an older server has no such route). */
  async refresh(base: string, token: string): Promise<boolean> {
    try {
      const list = await fetchParked(base, token)
      const received = this.now()
      this.maxMinutes = list.maxMinutes
      this.reasons = list.reasons
      this.parked = list.parked.map((p) => ({
        ticket: p.ticket,
        reason: p.reason,
        note: p.note,
        endsAt: received + p.secondsLeft * 1000,
        clockStopped: p.clockStopped === true,
        secondsLeft: p.secondsLeft,
      }))
      return true
    } catch {
      return false
    }
  }
}

/** A banner the console shows (console-session.ts Notice), as far as parking reads it. */
interface ParkNotice {
  key: ConsoleMessageKey
  values?: Record<string, string | number>
  tone: 'error' | 'info'
}

/**
 * The banner to show at `now`: "Ticket A-002 is parked; the counter is free" turns to "…has lost its
 * place" once its time has run out on the console's clock, when the Parked list drops it (the server's
 * sweep, which follows within seconds, pushes the same: console-session.ts). It stood beside a list
 * the ticket had left (walk s54). Any other banner as it is.
 */
export function parkNoticeNow(notice: ParkNotice | null, parked: readonly LocalParked[], now: number): ParkNotice | null {
  if (notice?.key !== 'park.done') return notice
  const p = parked.find((x) => x.ticket.label === notice.values?.label)
  return p && !p.clockStopped && p.endsAt <= now ? { key: 'parked.givenUp', values: notice.values ?? {}, tone: 'info' } : notice
}
