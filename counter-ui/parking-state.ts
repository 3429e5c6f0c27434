/**
 * What the console knows about parking: the settings the park dialog needs and the parked
 * tickets of this clerk's services, each with its deadline on the center's clock as the console
 * tells it (ConsoleSession.clock; from the server's seconds left), the clock the console's `now` is on.
 */
import type { Ticket } from '../protocol/entities.ts'
import type { ParkReason } from '../protocol/parking.ts'
import { fetchParked } from './parking-api.ts'

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
