/**
 * The queue panel's figures, computed from the staff feed's live tickets: per service this
 * counter draws from, how many wait, the next labels, the longest wait and the priority ones;
 * plus the tickets transferred to this very counter (called before anything else).
 */
import type { Counter, Service, Ticket } from '../protocol/entities.ts'
import { waitedSecondsAt, waitingSince } from '../protocol/waiting-since.ts'
import type { CallCandidate } from '../protocol/call-candidate.ts'
import { callOrder, DEFAULT_CALL_POLICY_PARAMS } from '../protocol/call-policy.ts'
import { DEFAULT_MAX_APPOINTMENTS_IN_A_ROW } from '../protocol/appointment-blend.ts'

/** One waiting ticket as the panel lists it. */
export interface QueueEntry {
  id: string
  label: string
  priority: string
  serviceId: number
  /** Its wait in this line so far (protocol/waiting-since.ts), whole seconds rounded down: the panel's longest wait. */
  waitedSeconds: number
  /** The same wait rounded as its call will record it (waitedSecondsAt): what "past target" counts by, as the server does. */
  recordedWaitSeconds: number
  /** A booked appointment's ticket: its slot's start (ISO) when the staff ticket carries it, else null; absent for any other ticket. */
  appointment?: { slotStart: string | null }
}

/** One service's line as this counter sees it. */
export interface QueueRow {
  service: Service
  /** The counter's weight for the service; 0 = a backup line, served when nothing else waits. */
  weight: number
  waiting: number
  priorityWaiting: number
  /** The longest wait in the line right now; null when nobody waits. */
  longestWaitSeconds: number | null
  /** How many of the line have waited longer than the service's target, as the dashboard's mark counts them. */
  pastTarget: number
  /** The first `nextCount` waiting tickets, in the order a call takes them (nextByLine). */
  next: QueueEntry[]
}

export interface CounterQueue {
  /** Tickets transferred to this counter: they go before every line. */
  targeted: QueueEntry[]
  rows: QueueRow[]
  /** Every waiting ticket this counter may call, oldest first (for "call a specific ticket"). */
  callable: QueueEntry[]
}

/** How the center's call policy orders the lines (GET /center: callPolicy, priorityAgingSeconds and the caps). */
export interface LineOrder {
  policy: string
  /** With `priority`: an ordinary ticket this long in its place (queuedAt, as the server ages it) is called with the priority ones. */
  priorityAgingSeconds: number
  /** The policy's cap on priority-category calls in a row (queue.maxPriorityInARow). */
  maxPriorityInARow: number
  /** The cap on appointments in a row (queue.maxAppointmentsInARow). */
  maxAppointmentsInARow: number
}

/** Oldest first, which is what `fifo` and `sla` do inside one line (one service: one weight, one target). */
export const OLDEST_FIRST: LineOrder = {
  policy: 'fifo',
  priorityAgingSeconds: Number.POSITIVE_INFINITY,
  maxPriorityInARow: DEFAULT_CALL_POLICY_PARAMS.maxPriorityInARow,
  maxAppointmentsInARow: DEFAULT_MAX_APPOINTMENTS_IN_A_ROW,
}

/** A ticket as the call policy sees it at this counter (CallCandidate: the server's candidatesFor reads the same facts). */
function candidate(t: Ticket, counter: Counter, services: ReadonlyMap<number, Service>): CallCandidate {
  return {
    ticketId: t.id,
    serviceId: t.serviceId,
    priority: t.priority,
    queuedAt: inLineSince(t),
    targetWaitSeconds: services.get(t.serviceId)?.targetWaitSeconds ?? 0,
    weight: counter.services.find((cs) => cs.serviceId === t.serviceId)?.weight ?? 1,
    targetedHere: t.targetCounterId === counter.id,
    number: t.number,
    // a checked-in appointment: once its slot has come, rule f calls it ahead (as candidatesFor reads it from its booking)
    ...(t.slotStart ? { slotStart: Date.parse(t.slotStart) } : {}),
  }
}

/**
 * The first `nextCount` tickets of each line in the order "Call next" takes them at this counter:
 * the server's own call policy (protocol/call-policy.ts) played forward over every ticket this
 * counter may call, its streak fed forward, so the cap on priority calls in a row and the weights
 * between lines are the server's. The walk of 2026-12-06 found an elderly citizen's A-005 missing
 * from the four "next" labels and called first all the same; the console's own copy of the
 * priority rule that fixed it knew no cap (review s44). A checked-in appointment whose slot has come
 * is played as the server calls it (the staff ticket carries its `slotStart`), and so is the cap on
 * appointments in a row: the staff counter carries its appointment streak as it does its priority one.
 */
export function nextByLine(
  waiting: readonly Ticket[],
  counter: Counter,
  services: ReadonlyMap<number, Service>,
  now: number,
  order: LineOrder,
  nextCount: number,
): Map<number, string[]> {
  const next = new Map<number, string[]>(counter.services.map((cs) => [cs.serviceId, []]))
  // what the server's candidatesFor reads: the tickets sent to this counter and the lines it serves, no other
  const callable = waiting.filter((t) => t.targetCounterId === counter.id || (t.targetCounterId === null && next.has(t.serviceId)))
  const ctx = {
    now,
    policy: order.policy === 'priority' || order.policy === 'sla' ? order.policy : 'fifo',
    params: {
      maxPriorityInARow: order.maxPriorityInARow,
      priorityAgingSeconds: order.priorityAgingSeconds,
      maxAppointmentsInARow: order.maxAppointmentsInARow,
    },
    // the staff counter's streaks (an older server sends none: as if it had called none in a row)
    priorityStreak: counter.priorityStreak ?? 0,
    appointmentStreak: counter.appointmentStreak ?? 0,
  } as const
  // labels still to find, so the play stops once every line has its own (a short line would otherwise play all)
  let left = 0
  for (const serviceId of next.keys())
    left += Math.min(nextCount, callable.filter((t) => t.targetCounterId === null && t.serviceId === serviceId).length)
  if (left === 0) return next
  for (const c of callOrder(
    callable.map((t) => candidate(t, counter, services)),
    ctx,
  )) {
    const line = c.targetedHere ? undefined : next.get(c.serviceId)
    if (!line || line.length >= nextCount) continue
    line.push(c.ticketId)
    if (--left === 0) break
  }
  return next
}

/** Where the ticket stands in its line, as the server's call policy orders it: its issue, or a later place at the end (Ticket.queuedAt). */
const inLineSince = (t: Ticket): number => Date.parse(t.queuedAt ?? t.issuedAt)

/** Its wait's start (protocol/waiting-since.ts) from the wire's ISO times. */
const waitTimes = (t: Ticket) => ({ issuedAt: Date.parse(t.issuedAt), rejoinedAt: t.rejoinedAt ? Date.parse(t.rejoinedAt) : null })

const entry = (t: Ticket, now: number): QueueEntry => ({
  id: t.id,
  label: t.label,
  priority: t.priority,
  serviceId: t.serviceId,
  // whole seconds rounded down, as wholeMinutes then rounds down: one rule with the current ticket's
  // "issue to call" (current-ticket.ts), where rounding to the nearest second made a 1:59.6 wait
  // read 2 min in the line and 1 min once the same ticket was called
  waitedSeconds: Math.max(0, Math.floor((now - waitingSince(waitTimes(t))) / 1000)),
  recordedWaitSeconds: waitedSecondsAt(waitTimes(t), now),
  // the chips mark it as the current ticket's card does (ticket-origin.ts)
  ...(t.origin === 'appointment' ? { appointment: { slotStart: t.slotStart ?? null } } : {}),
})

/** The queue of `counter` at `now` (epoch ms); `nextCount` labels per line (default 4), in the call policy's `order` (default oldest first). */
export function counterQueue(
  counter: Counter,
  services: readonly Service[],
  tickets: Iterable<Ticket>,
  now: number,
  { nextCount = 4, order = OLDEST_FIRST }: { nextCount?: number; order?: LineOrder } = {},
): CounterQueue {
  const waiting = [...tickets]
    .filter((t) => t.status === 'waiting' && (t.targetCounterId === null || t.targetCounterId === counter.id))
    .sort((a, b) => inLineSince(a) - inLineSince(b) || a.number - b.number)
  const byId = new Map(services.map((s) => [s.id, s]))
  const nextIds = nextByLine(waiting, counter, byId, now, order, nextCount)
  const targeted = waiting.filter((t) => t.targetCounterId === counter.id).map((t) => entry(t, now))
  const rows: QueueRow[] = []
  for (const cs of counter.services) {
    const service = byId.get(cs.serviceId)
    if (!service) continue
    const line = waiting.filter((t) => t.serviceId === service.id && t.targetCounterId === null).map((t) => entry(t, now))
    // a service deactivated since, with nobody left in its line, is no line of this counter's any more (walk s52: the
    // panel listed it at 0); one still holding tickets stays, they are still to be called
    if (!service.active && line.length === 0) continue
    rows.push({
      service,
      weight: cs.weight,
      waiting: line.length,
      priorityWaiting: line.filter((t) => t.priority !== 'none').length,
      // the longest wait, not the first in line's: a place kept from earlier can come with a short wait
      longestWaitSeconds: line.length > 0 ? Math.max(...line.map((t) => t.waitedSeconds)) : null,
      pastTarget: line.filter((t) => t.recordedWaitSeconds > service.targetWaitSeconds).length,
      next: (nextIds.get(service.id) ?? []).map((id) => line.find((e) => e.id === id)!),
    })
  }
  // backup lines (weight 0) after the lines this counter really serves
  rows.sort((a, b) => Number(a.weight === 0) - Number(b.weight === 0))
  const served = new Set(counter.services.map((s) => s.serviceId))
  const callable = waiting.filter((t) => t.targetCounterId === counter.id || served.has(t.serviceId)).map((t) => entry(t, now))
  return { targeted, rows, callable }
}
