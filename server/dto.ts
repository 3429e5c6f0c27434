import type { TicketRecord } from './db/repositories/tickets-repo.ts'
import type { CounterRecord } from './db/repositories/counters-repo.ts'
import type { Counter, Ticket } from '../protocol/entities.ts'
import type { NoShowDue } from './queue/no-show-rules.ts'

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
    // only a ticket back from parking: calledAt stays its first call (the wait), this is since when it is at the counter again
    ...(t.resumedAt != null ? { resumedAt: new Date(t.resumedAt).toISOString() } : {}),
    // only when the line places it elsewhere than its issue time (the call policy's queuedAt)
    ...(t.queuedAt !== t.issuedAt ? { queuedAt: new Date(t.queuedAt).toISOString() } : {}),
    // only a ticket that joined a line again: its wait began then (wait-facts.ts)
    ...(t.rejoinedAt != null ? { rejoinedAt: new Date(t.rejoinedAt).toISOString() } : {}),
    // a walk-in's shape is unchanged; the console marks the others (issue 19)
    ...(t.origin === 'walk_in' ? {} : { origin: t.origin }),
    // only a checked-in appointment: the console plays the call policy forward, whose rule f calls it once its slot has come
    ...(t.slotStart != null ? { slotStart: new Date(t.slotStart).toISOString() } : {}),
  }
}

/**
 * A ticket as the clerk at its counter gets it (action answers, the staff feed and its snapshot):
 * a called one also says when a no-show of it is accepted, as of `view.now()`; the call after an
 * undone no-show, which call ended its wait (Ticket.waitEnded).
 */
export function staffTicketDto(
  t: TicketRecord,
  view: {
    noShowDue(t: TicketRecord): NoShowDue | null
    waitEndedEarlier(t: TicketRecord): { calledAt: number; waitedSeconds: number } | undefined
    now(): number
  },
): Ticket {
  const due = view.noShowDue(t)
  const ended = view.waitEndedEarlier(t)
  const inMs = due ? Math.max(0, due.allowedAt - view.now()) : 0
  return {
    ...ticketDto(t),
    ...(due ? { noShowAllowed: { at: new Date(due.allowedAt).toISOString(), inMs, recallLifts: due.recallLifts } } : {}),
    ...(ended ? { waitEnded: { calledAt: new Date(ended.calledAt).toISOString(), waitedSeconds: ended.waitedSeconds } } : {}),
  }
}

/**
 * A counter on the wire as staff see it, with its streaks: the console lists each line's next
 * tickets in the order the call policy takes them, and the policy's caps on priority calls and on
 * appointments in a row depend on them (protocol/call-policy.ts). Both are kept on the counter's
 * row and counted at each call, so a list of counters is one read, not one more per counter.
 */
export function counterDto(c: CounterRecord): Counter {
  return c
}

/**
 * A counter as public screens (displays) see it: who works it and why and since when it paused
 * are staff matters (a username is half of a login), so `clerk` and `pauseReason` are always
 * null here and `pausedSince` absent; so are the policy's streaks.
 */
export function publicCounterDto(c: CounterRecord): Counter {
  const { pausedSince: _staffOnly, priorityStreak: _policyOnly, appointmentStreak: _policyToo, ...counter } = c
  return { ...counter, clerk: null, pauseReason: null }
}
