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

  /** Replaces everything (first connect, a gap, a reconnect that was not recovered). */
  applySnapshot(s: Snapshot): void {
    this.services = s.services
    this.counters = s.counters
    this.tickets = new Map((s.tickets ?? []).map((t) => [t.id, t]))
  }

  /** A ticket as the server now holds it; one that left the queue for good is dropped. */
  upsertTicket(ticket: Ticket): void {
    if (isLive(ticket)) this.tickets.set(ticket.id, ticket)
    else this.tickets.delete(ticket.id)
  }

  /** `ticket:called` carries no full ticket: the waiting one we hold moves to its counter. A recall comes with its own `ticket:updated`. */
  applyCall(e: CalledTicket): void {
    const t = this.tickets.get(e.ticket.id)
    if (t && !e.recall) this.upsertTicket({ ...t, status: 'called', counterId: e.counter.id, calledAt: e.at, startedAt: null })
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
