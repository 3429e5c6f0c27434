/**
 * Turns the event log into messages. Why scan the log rather than insert a message in each
 * command's transaction: the `events` row is already written in the same transaction as the
 * change it records (and is append-only), so it is the durable cause; deriving messages from it,
 * in one transaction with the read position (message_state.lastEventId), gives the same
 * guarantee as an insert in the command (a committed change always gets its message, a
 * rolled-back one never does, a kill -9 between commit and scan only delays it) without touching
 * every queue command, and it is what the upstream reporter already does. Each message's
 * idempotency key names its cause (the event id, or the ticket for "N ahead"), so even a scan
 * that ran twice could not queue a second one.
 */
import type { Db } from '../db/connection.ts'
import type { Config } from '../config.ts'
import type { Lang } from '../../protocol/common.ts'
import { type MessageKind, whatsappTemplateOf } from '../../protocol/messages/citizen.ts'
import type { MessageValues } from '../../protocol/messages/format.ts'
import type { Standing } from '../queue/types.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import { localDay } from '../../protocol/center-clock.ts'
import { ticketStatusUrlAt } from '../queue/ticket-link.ts'
import { endedByClosing } from '../queue/closing-cancellation.ts'
import { DomainError } from '../errors.ts'
import { ErrorCodes } from '../../protocol/error-codes.ts'
import { TicketsRepo } from '../db/repositories/tickets-repo.ts'
import { CountersRepo } from '../db/repositories/counters-repo.ts'
import { RemoteJoinsRepo } from '../db/repositories/remote-joins-repo.ts'
import { MessageOutbox, type MessageDraft } from './message-outbox.ts'
import { fillTemplate, MessageTemplates } from './templates.ts'
import { normalizePhone } from './phone-number.ts'
import { quietUntil } from './quiet-hours.ts'
import { type NearRule, turnIsNearBy, turnNearPeople } from '../../protocol/turn-near.ts'
import { waitText, waitValues } from '../../protocol/messages/ticket.ts'
import { digitsFor } from '../../protocol/messages/digits.ts'
import { clockTime } from '../../protocol/messages/clock-time.ts'
import { graceEndsAt } from '../queue/no-show-rules.ts'
import { namePart } from '../../protocol/name-in-language.ts'
import {
  type AppointmentEvent,
  type BookingFacts,
  appointmentMessage,
  queueAppointmentMessage,
  type QueuedMessage,
  REMINDER_KEY_PREFIX,
  reminderMessage,
} from './appointment-messages.ts'

export type MessagesConfig = Config['messages']

export interface ScannerDeps {
  db: Db
  config: Pick<Config, 'timeZone' | 'messages' | 'centerName' | 'queue' | 'screens'>
  /** A ticket's people ahead and estimate now (QueueView.standing). */
  standing: (t: TicketRecord) => Standing
  /** Where phones reach the public pages (the status link in "ticket taken"). */
  publicBase: () => string
}

interface EventRow {
  id: number
  at: number
  type: string
  ticket_id: string | null
  counter_id: number | null
  service_id: number | null
  data: string
}

/** The events that may make a message, and the ones that move a line (and so may make "N ahead"). */
const MOVES_A_LINE = new Set([
  'ticket.called',
  'ticket.cancelled',
  'ticket.no_show',
  'ticket.transferred',
  'ticket.issued',
  'ticket.finished',
])
/** The ticket's own events that text its holder (ticket_taken, ticket_called, ticket_missed, ticket_closed, ticket_day_closed). */
const TEXTS_THE_TICKET = new Set([
  'ticket.issued',
  'ticket.called',
  'ticket.resumed',
  'ticket.no_show',
  'ticket.cancelled',
  'ticket.abandoned',
])
const STATE_LAST_EVENT = 'lastEventId'

/**
 * Live bookings whose reminder is due and not queued yet (see `reminders`). It runs after every
 * committed change, so it must search by the bookings_booked_slot index (migration 22), not the table.
 */
export const DUE_REMINDERS_SQL = `SELECT id, code, service_id AS serviceId, slot_start AS slotStart, name, phone, lang FROM bookings b
  WHERE status = 'booked' AND phone <> '' AND slot_start > @now AND slot_start <= @now + @ahead AND created_at <= slot_start - @ahead
    AND NOT EXISTS (SELECT 1 FROM message_outbox m WHERE m.idempotency_key = @prefix || b.id || ':' || b.slot_start)`
/**
 * The idempotency key of a ticket's "few ahead" in the line of its step (tickets.step, 0 for the
 * line it was issued in): `ticket_ahead:<id>` there, as before visits had steps, and
 * `ticket_ahead:<id>:step<n>` for the n-th step of a visit; AHEAD_KEY_SQL is the same for a row `t`.
 */
export function aheadKey(ticketId: string, step: number): string {
  return step === 0 ? `ticket_ahead:${ticketId}` : `ticket_ahead:${ticketId}:step${step + 1}`
}
const AHEAD_KEY_SQL = `'ticket_ahead:' || t.id || CASE WHEN t.step = 0 THEN '' ELSE ':step' || (t.step + 1) END`
/**
 * The rule for a turn near at issue, one for both texts so a citizen gets exactly one of them:
 * near at issue (few ahead and soon by `near`), "ticket taken" says so and no "few ahead" follows;
 * not near, "ticket taken" gives the people ahead only and "few ahead" comes once it is (aheadIn).
 * On WhatsApp, whose "ticket taken" cannot say it, "few ahead" follows at once (takenSaysNear).
 * An issue event from before estimates were logged: few ahead.
 */
function issuedNear(data: { position?: unknown; estimatedWaitSeconds?: unknown }, near: NearRule): boolean {
  const position = Number(data.position ?? 0)
  if (data.estimatedWaitSeconds === undefined) return position <= near.people
  return turnIsNearBy(position, data.estimatedWaitSeconds as number | null, near)
}
/** Booking changes that text the citizen who booked (the booking page asks for the number to that end); a check-in texts nothing. */
const APPOINTMENT_EVENTS = new Set(['appointment.booked', 'appointment.moved', 'appointment.cancelled'])

export class MessageScanner {
  readonly outbox: MessageOutbox
  readonly templates: MessageTemplates
  private readonly tickets: TicketsRepo
  private readonly counters: CountersRepo
  private readonly remoteJoins: RemoteJoinsRepo
  /**
   * Lines with a consenting ticket few enough ahead whose estimate was still too long to be near
   * (protocol/turn-near.ts): the estimate shortens as the clock runs, with no event in the line, so
   * each scan looks at them again. Kept in memory: after a restart the line's next event does.
   */
  private readonly nearingLines = new Set<number>()

  constructor(private readonly deps: ScannerDeps) {
    this.tickets = new TicketsRepo(deps.db)
    this.counters = new CountersRepo(deps.db)
    this.remoteJoins = new RemoteJoinsRepo(deps.db)
    this.outbox = new MessageOutbox(deps.db)
    this.templates = new MessageTemplates(deps.db)
  }

  private get cfg(): MessagesConfig {
    return this.deps.config.messages
  }

  /** Queues the messages of every event since the last scan; returns how many were queued. One transaction. */
  scan(now: number): number {
    const db = this.deps.db
    return db.transaction(() => {
      const last = Number(
        (db.prepare('SELECT value FROM message_state WHERE key = ?').get(STATE_LAST_EVENT) as { value: string } | undefined)?.value ?? 0,
      )
      const events = db
        .prepare('SELECT id, at, type, ticket_id, counter_id, service_id, data FROM events WHERE id > ? ORDER BY id LIMIT 5000')
        .all(last) as EventRow[]
      let queued = this.reminders(now)
      const lines = new Set<number>(this.nearingLines)
      if (events.length === 0) {
        for (const serviceId of lines) queued += this.aheadIn(serviceId, now)
        return queued
      }
      // lines with a call: a place held from a phone in them may have just seen its turn come (turnCameIn)
      const called = new Set<number>()
      for (const e of events) {
        if (e.ticket_id) queued += this.fromEvent(e, now)
        else if (APPOINTMENT_EVENTS.has(e.type)) queued += this.fromAppointment(e, now)
        if (MOVES_A_LINE.has(e.type) && e.service_id !== null) lines.add(e.service_id)
        if (e.type === 'ticket.called' && e.service_id !== null) called.add(e.service_id)
      }
      for (const serviceId of lines) queued += this.aheadIn(serviceId, now)
      for (const serviceId of called) queued += this.turnCameIn(serviceId, now)
      db.prepare('INSERT INTO message_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        STATE_LAST_EVENT,
        String(events[events.length - 1].id),
      )
      return queued
    })()
  }

  /** The ticket, when it exists, has a number and the citizen said yes to messages. */
  private consenting(ticketId: string): TicketRecord | null {
    if (!this.deps.db.prepare('SELECT 1 FROM message_consent WHERE ticket_id = ?').get(ticketId)) return null
    const t = this.tickets.get(ticketId)
    return t?.phone ? t : null
  }

  private fromEvent(e: EventRow, now: number): number {
    if (e.type === 'ticket.next_step') return this.noteStepJoined(e)
    if (!TEXTS_THE_TICKET.has(e.type)) return 0
    const t = this.consenting(e.ticket_id!)
    if (!t) return 0
    const data = JSON.parse(e.data) as Record<string, unknown>
    if (e.type === 'ticket.issued') {
      const rule = this.nearRule()
      const values = {
        label: t.label,
        center: this.deps.config.centerName[t.lang],
        ahead: Number(data.position ?? 0),
        link: ticketStatusUrlAt(this.deps.publicBase(), t.id, t.lang),
        // near already: the few-ahead text will not come (aheadIn), so this text says it; on WhatsApp it cannot (takenSaysNear)
        near: rule && this.takenSaysNear() && issuedNear(data, rule) ? 'yes' : 'no',
        // a held place says "check in when you arrive", not people ahead; on WhatsApp too, by its own approved
        // template (WHATSAPP_VARIANTS ticket_taken_held), where `tabour_ticket_taken` said the people ahead (s52)
        held: this.held(t) ? 'yes' : 'no',
      }
      return this.queue('ticket_taken', `ticket_taken:${e.id}`, t, e.id, values, now)
    }
    // a parked ticket resumed is called to the resuming counter (maybe another one): the citizen is told where, as at a first call
    if (e.type === 'ticket.called' || e.type === 'ticket.resumed') {
      const counter = this.deps.db.prepare('SELECT number, name FROM counters WHERE id = ?').get(e.counter_id) as
        | { number: number; name: string }
        | undefined
      if (!counter) return 0
      if (e.type === 'ticket.called' && this.calledStraightBack(e)) return 0
      return this.queue(
        'ticket_called',
        `ticket_called:${e.id}`,
        t,
        e.id,
        // a name typed in both languages («تراخيص · Permits») is sent in the ticket's own: namePart
        { label: t.label, counter: counter.number, counterName: namePart(counter.name, t.lang) },
        now,
      )
    }
    if (e.type === 'ticket.cancelled' || e.type === 'ticket.abandoned') {
      // only the closing's own: a citizen or clerk who cancelled knows, a remote place lost to its turn is the join page's to say
      if (!endedByClosing(data.reason)) return 0
      // the day's close says so: a center open around the clock did not close (walk 2026-12-05)
      const kind = data.reason === 'day_closed' ? 'ticket_day_closed' : 'ticket_closed'
      return this.queue(kind, `${kind}:${e.id}`, t, e.id, { label: t.label, center: this.deps.config.centerName[t.lang] }, now)
    }
    return this.queue('ticket_missed', `ticket_missed:${e.id}`, t, e.id, this.missedValues(e, t), now)
  }

  /**
   * A no-show's text: until when it can be put back in line (marked at the event, as the status
   * page's `noShow.until`: ticket-reinstatement.ts) in the ticket's language and the center's
   * digits, and the counter that called it (0: none), which its clerk may undo it at.
   */
  private missedValues(e: EventRow, t: TicketRecord): MessageValues {
    const grace = this.deps.config.queue.noShowGraceMinutes
    const digits = digitsFor(t.lang, this.deps.config.screens.digits)
    const time = clockTime(graceEndsAt(e.at, grace), this.deps.config.timeZone, t.lang, digits)
    const counter = e.counter_id === null ? undefined : this.counters.get(e.counter_id)
    return { label: t.label, grace, time, counter: counter?.number ?? 0 }
  }

  /**
   * A consenting visit has joined its next step's line: how many were ahead then, the start its
   * "few ahead" for that line is measured from (aheadIn). A scan may come after more of that line
   * was called (the scanner batches events), so the start is the people ahead now plus those
   * called from the line since the step began; a ticket no longer waiting in that step by then
   * counts as joined close: it is not told "few ahead" about a line it has left. Texts nothing.
   */
  private noteStepJoined(e: EventRow): number {
    const t = this.consenting(e.ticket_id!)
    if (!t) return 0
    const { step, toServiceId } = JSON.parse(e.data) as { step?: number; toServiceId?: number }
    const current = this.deps.db.prepare('SELECT step FROM tickets WHERE id = ?').get(t.id) as { step: number }
    // a later next step in the same scan speaks for the line the ticket is in now
    if (step !== current.step + 1) return 0
    let ahead = 0
    if (t.status === 'waiting' && t.serviceId === toServiceId) {
      const calledSince = this.deps.db
        .prepare(
          `SELECT COUNT(DISTINCT ticket_id) AS n FROM events WHERE type = 'ticket.called' AND service_id = ? AND id > ? AND ticket_id <> ?`,
        )
        .get(toServiceId, e.id, t.id) as { n: number }
      ahead = this.deps.standing(t).position + calledSince.n
    }
    this.deps.db.prepare('UPDATE message_consent SET step_joined_ahead = ? WHERE ticket_id = ?').run(ahead, t.id)
    return 0
  }

  /**
   * True when a call is the next step of a visit called at the counter that has just finished its
   * step, with nothing at that counter in between (a clerk serving both steps who finishes and
   * calls next): the citizen never left the counter, and "go to counter 2" again, word for word,
   * reads as a duplicate (walk finding). Once the counter did anything else (served someone,
   * paused), the citizen may be in the hall and the call is texted.
   */
  private calledStraightBack(call: EventRow): boolean {
    const db = this.deps.db
    const before = db
      .prepare('SELECT id, type, counter_id AS counterId FROM events WHERE ticket_id = ? AND id < ? ORDER BY id DESC LIMIT 1')
      .get(call.ticket_id, call.id) as { id: number; type: string; counterId: number | null } | undefined
    if (before?.type !== 'ticket.next_step' || before.counterId !== call.counter_id) return false
    // by id between the two (the primary key): the events_ticket index alone cannot say what the counter did meanwhile
    return !db.prepare('SELECT 1 FROM events WHERE id > ? AND id < ? AND counter_id = ? LIMIT 1').get(before.id, call.id, call.counter_id)
  }

  /**
   * A booking's change as its message (appointment-messages.ts), keyed by the event: a booking
   * moved away and back is told both times. The slot is the event's (the booking may have moved
   * again since), the number and language the booking's.
   */
  private fromAppointment(e: EventRow, now: number): number {
    const data = JSON.parse(e.data) as { booking?: number; slotStart?: number }
    const b = this.deps.db
      .prepare('SELECT code, service_id AS serviceId, name, phone, lang FROM bookings WHERE id = ?')
      .get(data.booking ?? -1) as { code: string; serviceId: number; name: string; phone: string; lang: Lang } | undefined
    // '' is a number erased after the appointment (booking-number-retention.ts): nothing to send to
    if (!b || b.phone === '' || typeof data.slotStart !== 'number') return 0
    const booking = { ...b, slotStart: data.slotStart }
    const type = e.type.replace('.', ':') as AppointmentEvent['type']
    const message = appointmentMessage({ type, booking }, this.appointmentContext())
    if (!message) return 0
    return queueAppointmentMessage(this, { ...message, key: `${message.kind}:${e.id}` }, booking, now) ? 1 : 0
  }

  /** What an appointment's message names: the center's zone and name, a service's name in a language. */
  private appointmentContext(): Parameters<typeof appointmentMessage>[1] {
    return {
      timeZone: this.deps.config.timeZone,
      centerName: this.deps.config.centerName,
      digits: this.deps.config.screens.digits,
      publicBase: this.deps.publicBase(),
      serviceName: (id, lang) => {
        const s = this.deps.db.prepare('SELECT name_ar AS ar, name_en AS en FROM services WHERE id = ?').get(id) as
          | Record<Lang, string>
          | undefined
        return s?.[lang] ?? ''
      },
    }
  }

  /**
   * Reminders: a live booking whose slot is within `reminderHoursBefore` hours gets one, once per
   * booking and slot (key `appointment_reminder:b<booking id>:<slot>`), if it was booked earlier
   * than that (one booked an hour ahead has just been told). Expires at the slot's start.
   */
  private reminders(now: number): number {
    const hours = this.cfg.reminderHoursBefore
    if (hours === 0) return 0
    const ahead = hours * 3_600_000
    const due = this.deps.db.prepare(DUE_REMINDERS_SQL).all({ now, ahead, prefix: REMINDER_KEY_PREFIX }) as ({
      id: number
    } & BookingFacts)[]
    let queued = 0
    const context = this.appointmentContext()
    for (const { id, ...booking } of due) {
      if (queueAppointmentMessage(this, reminderMessage(id, booking, context), booking, now)) queued++
    }
    return queued
  }

  /**
   * "N ahead" for every consenting ticket of the line whose turn is now near (within `aheadAt` and
   * `queue.turnNearMinutes`: protocol/turn-near.ts) and was not when it joined, once per ticket
   * and line: a visit of several steps waits in a new line at each step, and is told again when its
   * turn is near there (walk s46: step 2's line, three ahead, said nothing). The start is the issue's
   * position and estimate for the first line (issuedNear: one near then was told so by "ticket
   * taken", and gets no second text), and the place the scanner saw the ticket join a later step's
   * line at (noteStepJoined). Worded for where the citizen is: a phone joiner not checked in is
   * told to head to the center, one in the building to stay close to the counters.
   */
  private aheadIn(serviceId: number, now: number): number {
    this.nearingLines.delete(serviceId)
    const near = this.nearRule()
    if (!near) return 0
    const at = near.people
    // a phone joiner's held place ('remote') too: its page says "head to the center now" as its turn nears
    const waiting = this.deps.db
      .prepare(
        `SELECT t.id, t.step, c.step_joined_ahead AS joinedAhead FROM tickets t JOIN message_consent c ON c.ticket_id = t.id
         WHERE t.service_id = ? AND t.status IN ('waiting', 'remote') AND t.phone IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM message_outbox m WHERE m.idempotency_key = ${AHEAD_KEY_SQL})`,
      )
      .all(serviceId) as { id: string; step: number; joinedAhead: number | null }[]
    let queued = 0
    for (const { id, step, joinedAhead } of waiting) {
      const t = this.tickets.get(id)
      if (!t) continue
      const standing = this.deps.standing(t)
      if (standing.position > at) continue
      // "ticket taken" already said the turn was near (or the clerk sending the visit on, how few were ahead)
      if (this.startedNear(id, step, joinedAhead, near)) continue
      const seconds = standing.estimatedWaitSeconds
      if (seconds === null || !turnIsNearBy(standing.position, seconds, near)) {
        // few ahead but not soon (or no counter serving): looked at again as the clock shortens the estimate
        this.nearingLines.add(serviceId)
        continue
      }
      const values = {
        label: t.label,
        ahead: standing.position,
        // {minutes} as the approved WhatsApp template says it ("about N minutes", never 0); {wait} as the status page says it
        minutes: Math.max(1, waitValues(seconds).minutes),
        wait: waitText(seconds, t.lang, digitsFor(t.lang, this.deps.config.screens.digits)),
        where: this.where(t),
      }
      queued += this.queue('ticket_ahead', aheadKey(id, step), t, null, values, now)
    }
    return queued
  }

  /**
   * "Your turn has come: check in before {time}" to every consenting place held from a phone in
   * check-in mode in the line, not checked in, whose turn has come (someone queued after it was
   * called in its line: RemoteJoinsRepo.turnCameAt), once per ticket: the moment its status page switches to
   * that sentence, with the same deadline, which the citizen away from the page would not see
   * (walk s52). It expires at the deadline: after it the place is lost, and the text would be untrue.
   */
  private turnCameIn(serviceId: number, now: number): number {
    const held = this.deps.db
      .prepare(
        `SELECT t.id FROM tickets t JOIN message_consent c ON c.ticket_id = t.id JOIN remote_joins r ON r.ticket_id = t.id
         WHERE t.service_id = ? AND t.status = 'remote' AND t.phone IS NOT NULL AND r.mode = 'check-in' AND r.arrived_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM message_outbox m WHERE m.idempotency_key = 'ticket_turn_came:' || t.id)`,
      )
      .all(serviceId) as { id: string }[]
    let queued = 0
    for (const { id } of held) {
      const t = this.tickets.get(id)
      const join = this.remoteJoins.get(id)
      // the status page's deadline (QueueView.remoteFacts), to the minute
      const arriveBy = join ? this.remoteJoins.arriveByAfterTurn(join) : null
      if (arriveBy === null || arriveBy <= now || !t?.phone) continue
      const digits = digitsFor(t.lang, this.deps.config.screens.digits)
      const values = { label: t.label, time: clockTime(arriveBy, this.deps.config.timeZone, t.lang, digits) }
      const message = { kind: 'ticket_turn_came' as const, key: `ticket_turn_came:${id}`, phone: t.phone, lang: t.lang, values }
      if (this.enqueueMessage({ ...message, ticketId: id, eventId: null, expiresAt: arriveBy }, now)) queued++
    }
    return queued
  }

  /**
   * Whether the ticket's turn was already near when it joined the line of its step: at its issue
   * (issuedNear: its "ticket taken" said so); at a later step, few ahead when it joined (a step
   * never seen joined counts as near).
   */
  private startedNear(ticketId: string, step: number, joinedAhead: number | null, near: NearRule): boolean {
    if (step > 0) return (joinedAhead ?? 0) <= near.people
    // a WhatsApp "ticket taken" did not say it (takenSaysNear): the few-ahead message does, at once
    if (!this.takenSaysNear()) return false
    const issued = this.deps.db.prepare(`SELECT data FROM events WHERE ticket_id = ? AND type = 'ticket.issued'`).get(ticketId) as
      | { data: string }
      | undefined
    return issuedNear(issued ? JSON.parse(issued.data) : {}, near)
  }

  /**
   * Whether "ticket taken" can say that the turn is near already ({near}): an SMS text can, Tabour
   * writes it; a WhatsApp message is its approved template, `tabour_ticket_taken` with {label}
   * {center} {ahead} {link} only (WHATSAPP_PARAMETERS), which cannot. So on WhatsApp a ticket near
   * at issue gets the few-ahead message (`tabour_ticket_ahead`, approved) right after it: both
   * channels tell it the turn is near, where WhatsApp said nothing (s50), and its outbox body says
   * "Follow your turn" as its message does.
   */
  private takenSaysNear(): boolean {
    return this.cfg.provider !== 'whatsapp'
  }

  /** When a turn is near for the texts (`messages.aheadAt` people, `queue.turnNearMinutes`); null: aheadAt 0, no "near" texts. */
  private nearRule(): NearRule | null {
    // the status page's count too (public-ticket.ts), so the text and the page it links to say "near" at once
    return this.cfg.aheadAt === 0 ? null : { people: turnNearPeople(this.cfg.aheadAt), minutes: this.deps.config.queue.turnNearMinutes }
  }

  /** Where the citizen is, as the status page tells them apart: a phone joiner not checked in yet is 'away', anyone else 'here'. */
  private where(t: TicketRecord): 'away' | 'here' {
    return this.remoteJoins.get(t.id)?.arrivedAt === null ? 'away' : 'here'
  }

  /** A place joined from a phone in check-in mode whose citizen has not checked in: not called before they do (remote-arrival.ts). */
  private held(t: TicketRecord): boolean {
    const join = this.remoteJoins.get(t.id)
    return join?.mode === 'check-in' && join.arrivedAt === null
  }

  private queue(kind: MessageKind, key: string, t: TicketRecord, eventId: number | null, values: MessageValues, now: number): number {
    return this.enqueueMessage(
      { kind, key, phone: t.phone!, lang: t.lang, values, ticketId: t.id, eventId, expiresAt: now + this.cfg.ticketExpiryMinutes * 60_000 },
      now,
    )
      ? 1
      : 0
  }

  /**
   * What the outbox records as sent: the kind's text (the admin's or the default); on WhatsApp, the
   * template's own words (whatsappTemplateOf), which are what the citizen gets, not the SMS text
   * (until s53 the log showed the SMS text for every WhatsApp message but a held join's).
   */
  private bodyOf(m: QueuedMessage): string {
    const digits = this.deps.config.screens.digits
    if (this.cfg.provider !== 'whatsapp') return this.templates.render(m.kind, m.lang, m.values, digits)
    return fillTemplate(whatsappTemplateOf(m.kind, m.values).body[m.lang], m.lang, m.values, digitsFor(m.lang, digits))
  }

  /**
   * Renders and queues one message: an invalid number, or a number over its daily cap, is
   * recorded as failed with its code (never sent, never lost from the record); quiet hours delay it.
   */
  enqueueMessage(m: QueuedMessage, now: number): boolean {
    const day = localDay(now, this.deps.config.timeZone)
    const body = this.bodyOf(m)
    const draft: MessageDraft = {
      idempotencyKey: m.key,
      kind: m.kind,
      ticketId: m.ticketId,
      eventId: m.eventId,
      phone: m.phone,
      lang: m.lang,
      body,
      params: m.values,
      notBefore: quietUntil(now, this.cfg, this.deps.config.timeZone),
      expiresAt: m.expiresAt,
      day,
    }
    try {
      draft.phone = normalizePhone(m.phone, this.cfg.countryCode)
    } catch (err) {
      if (err instanceof DomainError) return this.outbox.enqueue(draft, now, 'failed', `${err.code}: ${err.message}`)
      throw err
    }
    if (this.outbox.sentToday(draft.phone, day) >= this.cfg.dailyCapPerNumber)
      return this.outbox.enqueue(draft, now, 'failed', `${ErrorCodes.MESSAGE_DAILY_CAP}: ${this.cfg.dailyCapPerNumber} messages today`)
    return this.outbox.enqueue(draft, now)
  }
}
