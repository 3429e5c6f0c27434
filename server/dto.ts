import type { TicketRecord } from './db/repositories/tickets-repo.ts'
import type { CounterRecord } from './db/repositories/counters-repo.ts'
import type { Counter, Ticket } from '../protocol/entities.ts'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** A ticket as staff see it on the wire: times as ISO strings, no phone number. */
export function ticketDto(t: TicketRecord): Ticket {
  return {
    id: t.id,
    label: t.label,
    number: t.number,
    serviceId: t.serviceId,
    status: t.status,
    priority: t.priority,
    lang: t.lang,
    issuedAt: new Date(t.issuedAt).toISOString(),
    calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.finishedAt),
    counterId: t.counterId,
    targetCounterId: t.targetCounterId,
    recallCount: t.recallCount,
    transferCount: t.transferCount,
    outcome: t.outcome,
  }
}

/** A counter on the wire, without the policy's bookkeeping. */
export function counterDto(c: CounterRecord): Counter {
  const { priorityStreak: _omit, ...counter } = c
  return counter
}
