import { endsAsServed } from '../protocol/finish-outcomes.ts'
import type { QueueView } from './queue/queue-view.ts'
import { endedByClosing } from './queue/closing-cancellation.ts'
import type { PublicTicket } from '../protocol/entities.ts'
import type { Config } from './config.ts'
import { secondsLeft } from './queue/no-show-rules.ts'
import { closingNoteOf } from '../protocol/closing-note-of.ts'
import { turnNearPeople } from '../protocol/turn-near.ts'
import { callsNow, servesNow } from '../protocol/counter-serving.ts'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** The remote facts of a ticket joined from a phone, as the wire carries them; nothing for any other ticket. */
function remoteOf(view: QueueView, t: Parameters<QueueView['remoteFacts']>[0], timeZone: string): Pick<PublicTicket, 'remote'> {
  const facts = view.remoteFacts(t)
  return facts ? { remote: { ...facts, arrivedAt: iso(facts.arrivedAt), arriveBy: iso(facts.arriveBy), timeZone } } : {}
}

/** The visit's steps, for a ticket whose service has a route (its status page, and the kiosk's answer on issue); nothing for a visit of one step. */
export function visitOf(view: QueueView, t: Parameters<QueueView['visitProgress']>[0]): Pick<PublicTicket, 'visit'> {
  const visit = view.visitProgress(t)
  return visit ? { visit } : {}
}

/**
 * A parked ticket's deadline, the reason's bilingual name and the counter to go back to, as the wire
 * carries them (walk s40: the page said neither, though the citizen must tell a clerk and find the
 * counter); nothing for any other ticket. Never the clerk's note.
 */
function parkedOf(
  view: QueueView,
  t: Parameters<QueueView['parkedFacts']>[0],
  center: PublicTicketCenter,
  now: number,
): Pick<PublicTicket, 'parked'> {
  const facts = view.parkedFacts(t)
  if (facts === null) return {}
  const reason = center.queue.parkReasons.find((r) => r.code === facts.reason)
  const counter = view.counters().find((c) => c.id === facts.counterId)
  return {
    parked: {
      until: new Date(facts.until).toISOString(),
      secondsLeft: Math.max(0, secondsLeft(facts.until, now)),
      timeZone: center.timeZone,
      ...(reason ? { reason: { nameAr: reason.nameAr, nameEn: reason.nameEn } } : {}),
      ...(counter ? { counter: { number: counter.number, name: counter.name } } : {}),
      clockStopped: facts.clockStopped,
    },
  }
}

/** The counter a waiting ticket was sent to, and whether it is open now (calling: not paused, its clerk not away); nothing for a ticket any counter of its service may call. */
function waitsForOf(view: QueueView, t: Parameters<QueueView['standing']>[0]): Pick<PublicTicket, 'waitsFor'> {
  if (t.status !== 'waiting' || t.targetCounterId === null) return {}
  const counter = view.counters().find((c) => c.id === t.targetCounterId)
  return counter ? { waitsFor: { number: counter.number, name: counter.name, open: callsNow(counter) } } : {}
}

/**
 * Why nobody calls a ticket in line (estimate null) that any counter of its service may call (a
 * ticket sent to one counter says that counter's state itself, waitsForOf): how many counters
 * serving its service are paused with their clerk present (servesNow, not callsNow), or that no
 * active counter serves its service at all (weight 0 serves: it calls when nothing else waits), so
 * none will open to call it (walk s53: it said calls start when one opens); nothing otherwise.
 */
function uncalledOf(
  view: QueueView,
  t: Parameters<QueueView['standing']>[0],
  estimatedWaitSeconds: number | null,
): Pick<PublicTicket, 'pausedCounters' | 'noCounterServes'> {
  if ((t.status !== 'waiting' && t.status !== 'remote') || estimatedWaitSeconds !== null || t.targetCounterId !== null) return {}
  const serving = view.counters().filter((c) => c.active && c.services.some((s) => s.serviceId === t.serviceId))
  if (serving.length === 0) return { noCounterServes: true }
  const paused = serving.filter((c) => servesNow(c) && !callsNow(c)).length
  return paused > 0 ? { pausedCounters: paused } : {}
}

/** The people placed ahead of a waiting ticket after it joined, by why (placed-ahead.ts); nothing when nobody was. */
function placedAheadOfTicket(view: QueueView, t: Parameters<QueueView['placedAhead']>[0]): Pick<PublicTicket, 'placedAhead'> {
  const placed = view.placedAhead(t)
  return placed ? { placedAhead: placed } : {}
}

/**
 * Who or what cancelled a cancelled ticket, as the public may know it; for an abandoned one only
 * the day's close (a parked ticket or a held place that simply ran out of time says so itself);
 * nothing for any other ticket. The day's close is told apart from the center's: a center open
 * around the clock never closed, its day's line did (walk 2026-12-05).
 */
function cancelledOf(view: QueueView, t: Parameters<QueueView['cancelReason']>[0]): Pick<PublicTicket, 'cancelledBecause'> {
  const reason = view.cancelReason(t)
  if (reason === 'day_closed') return { cancelledBecause: 'day_closed' }
  if (reason === null || t.status !== 'cancelled') return {}
  if (endedByClosing(reason)) return { cancelledBecause: 'center_closed' }
  return { cancelledBecause: reason === 'by_citizen' ? 'citizen' : 'staff' }
}

/** For a ticket ended without service: whether the kiosk sells its service's tickets now (the kiosk's own `available`). */
function newTicketsOf(view: QueueView, t: Pick<PublicTicket, 'status' | 'serviceId'>): Pick<PublicTicket, 'newTicketsNow'> {
  if (t.status !== 'cancelled' && t.status !== 'abandoned' && t.status !== 'no_show') return {}
  return { newTicketsNow: view.serviceQueue(t.serviceId)?.available ?? false }
}

/**
 * For a ticket in line (waiting, or a place held from a phone): the closing note its status page
 * shows (protocol/closing-note.ts), the wait run past closing or the closing within the half hour,
 * as the kiosk's ticket on screen says it (POST /tickets `closing`); once closed, a waiting ticket the calendar still serves says
 * so (walk 2026-12-05: the note vanished at closing, and the board said "Closed"), and one the
 * calendar cancels after a grace says by when (`cancelled-after-close`); nothing otherwise.
 */
export function closingOf(
  view: QueueView,
  t: Parameters<QueueView['standing']>[0],
  estimatedWaitSeconds: number | null,
  timeZone: string,
): Pick<PublicTicket, 'closing'> {
  if (t.status !== 'waiting' && t.status !== 'remote') return {}
  // closed, and the calendar cancels the tickets taken before the closing once its grace runs out:
  // until then they are still called, and the page says by when (s42: it said nothing)
  const grace = t.status === 'waiting' ? view.cancelGraceNow() : null
  if (grace !== null && t.issuedAt < grace.closedAt) {
    return { closing: { kind: 'cancelled-after-close', at: new Date(grace.cancelAt).toISOString(), timeZone, dayClose: false } }
  }
  const hours = view.hoursOf(t.serviceId, estimatedWaitSeconds)
  // this ticket waits, so the line is not empty: the calendar's rule alone decides
  if (!hours.open && t.status === 'waiting' && view.servesLineOut()) {
    return { closing: { kind: 'served-after-close', at: hours.at, timeZone, dayClose: false } }
  }
  const note = closingNoteOf(hours, estimatedWaitSeconds, timeZone, 'holder')
  return note ? { closing: note } : {}
}

/**
 * A finished ticket's outcome when it does not read as served (endsAsServed): its names as the
 * center lists them now (an outcome removed since keeps only its code; a finish that named none,
 * code and names null); nothing for any other ticket, or for `served` and the default.
 */
function endedWithOf(t: Parameters<QueueView['standing']>[0], center: PublicTicketCenter): Pick<PublicTicket, 'endedWith'> {
  const outcomes = center.queue.finishOutcomes
  if (t.status !== 'done' || endsAsServed(t.outcome, outcomes)) return {}
  if (t.outcome === null) return { endedWith: { code: null, nameAr: null, nameEn: null } }
  const listed = outcomes.find((o) => o.code === t.outcome)
  return { endedWith: { code: t.outcome, nameAr: listed?.nameAr ?? null, nameEn: listed?.nameEn ?? null } }
}

/** A called ticket's recalls since its call, and the service a waiting one was moved out of; nothing otherwise. */
function movesOf(view: QueueView, t: Parameters<QueueView['standing']>[0]): Pick<PublicTicket, 'recalls' | 'movedFrom'> {
  const recalls = view.recallsNow(t)
  const from = view.movedFromService(t)
  return { ...(recalls > 0 ? { recalls } : {}), ...(from ? { movedFrom: { nameAr: from.nameAr, nameEn: from.nameEn } } : {}) }
}

/** The booked slot of a ticket a booking's check-in gave; nothing for any other ticket. */
function appointmentOf(view: QueueView, t: Parameters<QueueView['standing']>[0], timeZone: string): Pick<PublicTicket, 'appointment'> {
  const slot = view.appointmentSlot(t)
  return slot === null ? {} : { appointment: { slotStart: new Date(slot).toISOString(), timeZone } }
}

/** What a public ticket shows of the center: the live config, read at each call, so an admin's change of name or digits shows at once. */
export type PublicTicketCenter = Pick<Config, 'centerName' | 'screens' | 'timeZone' | 'queue' | 'messages'>

/**
 * A no-show still within its undo window: until when, and the counters whose clerk may reinstate
 * it (open or paused, serving its service: ticket-reinstatement.ts), the calling one first. A
 * window already over, or a no-show of another day, gives nothing: the page says to take a new ticket.
 */
function noShowOf(
  view: QueueView,
  t: Parameters<QueueView['standing']>[0],
  center: PublicTicketCenter,
  now: number,
): Pick<PublicTicket, 'noShow'> {
  const until = view.reinstatableUntil(t)
  if (until === null) return {}
  const counters = view
    .counters()
    .filter((c) => servesNow(c) && c.services.some((s) => s.serviceId === t.serviceId))
    .sort((a, b) => Number(b.id === t.counterId) - Number(a.id === t.counterId) || a.number - b.number)
    .map((c) => ({ number: c.number, name: c.name }))
  return { noShow: { until: new Date(until).toISOString(), secondsLeft: secondsLeft(until, now), timeZone: center.timeZone, counters } }
}

/**
 * A ticket as anyone holding its id may see it (GET /tickets/:id and the `ticket:status` push):
 * label, service, status, position, estimate, counter when called, the center's name and digits. Never the
 * phone or anything else personal. Throws TICKET_NOT_FOUND for an unknown id.
 */
export function publicTicketOf(view: QueueView, center: PublicTicketCenter, ticketId: string): PublicTicket {
  const { ticket: t, service, counter } = view.publicTicket(ticketId)
  const standing = view.standing(t)
  return {
    id: t.id,
    label: t.label,
    serviceId: t.serviceId,
    serviceNameAr: service.nameAr,
    serviceNameEn: service.nameEn,
    status: t.status,
    ...standing,
    issuedAt: new Date(t.issuedAt).toISOString(),
    counter: counter ? { number: counter.number, name: counter.name } : null,
    center: {
      nameAr: center.centerName.ar,
      nameEn: center.centerName.en,
      digits: center.screens.digits,
      turnNearPeople: turnNearPeople(center.messages.aheadAt),
      turnNearMinutes: center.queue.turnNearMinutes,
    },
    ...remoteOf(view, t, center.timeZone),
    ...visitOf(view, t),
    ...waitsForOf(view, t),
    ...uncalledOf(view, t, standing.estimatedWaitSeconds),
    ...placedAheadOfTicket(view, t),
    ...parkedOf(view, t, center, view.now()),
    ...noShowOf(view, t, center, view.now()),
    ...cancelledOf(view, t),
    ...newTicketsOf(view, t),
    ...endedWithOf(t, center),
    ...(view.isRated(t) ? { rated: true as const } : {}),
    ...movesOf(view, t),
    ...appointmentOf(view, t, center.timeZone),
    ...closingOf(view, t, standing.estimatedWaitSeconds, center.timeZone),
  }
}
