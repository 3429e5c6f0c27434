/**
 * What the staff feed says the center looks like right now, as the console keeps it: the
 * services with their figures, the counters, and the live tickets (waiting, called, serving).
 * Changed only by a snapshot, a push, or a request's answer: never by a click.
 */
import type { Counter, ServiceWithQueue, Ticket } from '../protocol/entities.ts'
import type { CalledTicket, QueueFigures, Snapshot } from '../protocol/events.ts'
import { isActive } from '../protocol/ticket-lifecycle.ts'
import { withFigures } from '../ui-common/queue-figures.ts'

const isLive = (t: Ticket) => t.status === 'waiting' || isActive(t.status)

export class LiveState {
  services: ServiceWithQueue[] = []
  counters: Counter[] = []
  tickets = new Map<string, Ticket>()
  /**
   * When each called ticket's no-show is accepted, in this browser's clock: the time it was told
   * plus the server's `noShowAllowed.inMs`, so a console whose clock is off still waits the right time.
   */
  private readonly noShowFrom = new Map<string, number>()

  /** Replaces everything (first connect, a gap, a reconnect that was not recovered). */
  applySnapshot(s: Snapshot): void {
    this.services = s.services
    this.counters = s.counters
    this.tickets = new Map()
    this.noShowFrom.clear()
    for (const t of s.tickets ?? []) this.upsertTicket(t)
  }

  /** A ticket as the server now holds it; one that left the queue for good is dropped. */
  upsertTicket(ticket: Ticket, told = Date.now()): void {
    if (isLive(ticket)) this.tickets.set(ticket.id, ticket)
    else this.tickets.delete(ticket.id)
    if (ticket.noShowAllowed && isLive(ticket)) this.noShowFrom.set(ticket.id, told + ticket.noShowAllowed.inMs)
    else this.noShowFrom.delete(ticket.id)
  }

  /**
   * A call: staff pushes carry the called ticket whole (`current`); without it (an older server)
   * the waiting one we hold moves to its counter, and a recall comes with its own `ticket:updated`.
   */
  applyCall(e: CalledTicket & { current?: Ticket }): void {
    if (e.current) return this.upsertTicket(e.current)
    const t = this.tickets.get(e.ticket.id)
    if (t && !e.recall) this.upsertTicket({ ...t, status: 'called', counterId: e.counter.id, calledAt: e.at, startedAt: null })
  }

  /** This browser's epoch ms from which the server accepts a no-show of ticket `id`; null when it said nothing (not called). */
  noShowAcceptedFrom(id: string): number | null {
    return this.noShowFrom.get(id) ?? null
  }

  upsertCounter(counter: Counter): void {
    const known = this.counters.some((c) => c.id === counter.id)
    this.counters = known ? this.counters.map((c) => (c.id === counter.id ? counter : c)) : [...this.counters, counter]
  }

  applyFigures(figures: QueueFigures[]): void {
    this.services = withFigures(this.services, figures)
  }

  counter(id: number | null): Counter | null {
    return this.counters.find((c) => c.id === id) ?? null
  }
}
