import type { Queue } from '../queue/queue.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import type { PastCallRecord } from '../db/repositories/events-repo.ts'
import type { CalledTicket, Snapshot } from '../../protocol/events.ts'
import { counterDto, publicCounterDto, staffTicketDto } from '../dto.ts'
import { FEEDBACK_FEED, KIOSK_FEED, STAFF_FEED, zoneOfFeed } from './feeds.ts'
import { atCounterSince } from '../../protocol/at-counter-since.ts'
import { MAX_LISTED_CALLS } from '../../protocol/listed-calls.ts'

/** Calls still at a counter that a snapshot carries: the big call and a full list under it. */
const CURRENT_CALLS = MAX_LISTED_CALLS + 1

/** The payload of a call, as displays show and announce it. */
export function calledTicket(
  ticket: TicketRecord,
  counter: CounterRecord,
  recall: boolean,
  at: number = atCounterSince(ticket)!,
): CalledTicket {
  return callAt({ id: ticket.id, label: ticket.label, serviceId: ticket.serviceId }, counter, recall, at)
}

/** A call gone from its counter (EventsRepo.pastCalls), in the shape of a live one. */
const pastCall = (p: PastCallRecord, counter: CounterRecord): CalledTicket =>
  callAt({ id: p.ticketId, label: p.label, serviceId: p.serviceId }, counter, p.recall, p.at)

function callAt(ticket: CalledTicket['ticket'], counter: CounterRecord, recall: boolean, at: number): CalledTicket {
  return {
    ticket,
    counter: { id: counter.id, number: counter.number, name: counter.name, zone: counter.zone },
    at: new Date(at).toISOString(),
    recall,
  }
}

/**
 * Everything a client of this feed may see, for a fresh start after a gap or a reload. Public
 * feeds see no clerk (publicCounterDto); kiosks get only what their screen uses: the services
 * and the news, no counters and no calls.
 */
export function buildSnapshot(queue: Queue, feed: string, seq: number): Snapshot {
  // the feeds that get `device:status` pushes get the last printer reports too (none: no key)
  const printers = feed === STAFF_FEED || feed === KIOSK_FEED ? queue.deviceStatus.printers() : []
  const printerReports = printers.length > 0 ? { printers } : {}
  const serverTime = queue.view.now()
  // a feedback tablet needs nothing of the queue: its asks come as `feedback:ask`, its counter over HTTP
  if (feed === FEEDBACK_FEED)
    return { seq, feed, serverTime, services: [], counters: [], recentCalls: [], pastCalls: [], news: queue.view.news() }
  if (feed === KIOSK_FEED) {
    const services = queue.view.serviceQueues({ activeOnly: true })
    return { seq, feed, serverTime, services, counters: [], recentCalls: [], pastCalls: [], news: queue.view.news(), ...printerReports }
  }
  const zone = zoneOfFeed(feed)
  const counters = queue.view.counters(zone)
  const byId = new Map(counters.map((c) => [c.id, c]))
  // the zone's own calls first, then the first few: a quiet zone's call is never behind a busy zone's
  const recentCalls = queue.view
    .currentCalls()
    .filter((t) => t.counterId !== null && byId.has(t.counterId))
    .slice(0, CURRENT_CALLS)
    .map((t) => {
      // recalled and not yet started: the mark the displays that saw the recall show (issue: a
      // TV that reconnected showed the same call as a first call)
      const { recall, at } = queue.view.boardCall(t)
      return calledTicket(t, byId.get(t.counterId!)!, recall, at)
    })
  // what a display's live board lists after its current calls (walk finding 19), so a reload shows it too
  const pastCalls =
    feed === STAFF_FEED
      ? []
      : queue.view
          .pastCalls(
            counters.map((c) => c.id),
            MAX_LISTED_CALLS,
          )
          .map((p) => pastCall(p, byId.get(p.counterId)!))
  return {
    seq,
    feed,
    serverTime,
    services: queue.view.lineQueues(),
    counters: counters.map((c) => (feed === STAFF_FEED ? counterDto(c) : publicCounterDto(c))),
    recentCalls,
    pastCalls,
    news: queue.view.news(),
    ...(feed === STAFF_FEED ? { tickets: queue.view.liveTickets().map((t) => staffTicketDto(t, queue.view)) } : {}),
    ...printerReports,
  }
}
