import { randomBytes } from 'node:crypto'
import type { QueueContext } from './queue-context.ts'
import type { QueueView } from './queue-view.ts'
import type { TicketOrigin, TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { WriteScope } from './queue-context.ts'
import { assertOfferedHere } from './kiosk-offer.ts'
import { MessageConsentRepo } from '../db/repositories/message-consent-repo.ts'
import { messagesOn } from '../messages-on.ts'
import type { Lang } from '../../protocol/common.ts'
import { actorIds, type Actor } from './actor.ts'
import { NO_PRIORITY } from './types.ts'
import { CONTINUOUS_SEQUENCE, CONTINUOUS_WRAP, formatLabel, ticketDayKey, wrapNumber } from './numbering.ts'
import { ticketStatusUrlAt } from './ticket-link.ts'
import { domainError, ErrorCodes, serviceClosedError } from '../errors.ts'
import { isStaffed, kioskMaySell } from './staffing.ts'
import type { ClosedReason, HoursNow } from '../../protocol/calendar.ts'
import { canonicalPhone } from '../../protocol/phone-number.ts'
import { policyHonoursPriority } from '../../protocol/settings.ts'

export interface IssueRequest {
  serviceId: number
  priority?: string
  phone?: string
  lang?: Lang
  idempotencyKey?: string
  /** Where the caller reaches the center's public pages: the printed ticket's QR links there. Default: nothing is printed. */
  publicBase?: string
  /** How the ticket is taken; default walk_in (an appointment's check-in passes 'appointment', with its `slotStart`). */
  origin?: TicketOrigin
  /** A checked-in appointment's slot start (epoch ms): the issued ticket's record carries it, as a read of it does. */
  slotStart?: number
  /** The citizen agreed to messages about this ticket at `phone` (recorded with it); default false. */
  messagesOptIn?: boolean
  /** A join from a phone (remote-join.ts): the first status, and its checks and row, run in the issue's transaction after the insert (a throw undoes the issue). Default: a walk-in. */
  remote?: { status: 'remote' | 'waiting'; withinIssue: (ticket: TicketRecord, tx: WriteScope) => void }
}

export interface IssueResult {
  ticket: TicketRecord
  position: number
  /** Null when no open counter serves the service (unknown). */
  estimatedWaitSeconds: number | null
  /** True when an Idempotency-Key matched a ticket issued earlier: nothing new was created. */
  replayed: boolean
  /** True when the estimated wait runs past the service's closing (issue 18); absent on a replay. */
  mayNotBeServedToday?: boolean
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/

const CLOSED_WHY: Record<ClosedReason, string> = {
  closed: 'is closed now',
  'last-ticket': 'has passed its last-ticket time',
  'wait-past-close': 'would not be served before closing',
}

/** The refusal of a kiosk's ticket for the hours: words for the logs, the hours' facts for the screens (serviceClosedError). */
function closedError(prefix: string, hours: HoursNow & { closedReason: ClosedReason }) {
  return serviceClosedError(
    `service ${prefix} ${CLOSED_WHY[hours.closedReason]}${hours.opensAt ? `; it opens ${hours.opensAt}` : ''}`,
    hours,
  )
}

/** 128 random bits, URL-safe: the public status page is reached by id, so ids must not be guessable. */
const newTicketId = () => randomBytes(16).toString('base64url')

/** Issues tickets: validation, the day's number and the insert happen in one transaction. */
export class TicketIssuer {
  constructor(
    private readonly ctx: QueueContext,
    private readonly view: QueueView,
  ) {}

  issue(actor: Actor, req: IssueRequest): IssueResult {
    if (req.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(req.idempotencyKey)) {
      throw domainError(ErrorCodes.BAD_IDEMPOTENCY_KEY, 'Idempotency-Key must be 1 to 128 printable ASCII characters')
    }
    const priority = req.priority ?? NO_PRIORITY
    if (priority !== NO_PRIORITY && !this.ctx.config.queue.priorityCategories.some((c) => c.code === priority)) {
      throw domainError(ErrorCodes.BAD_PRIORITY, `unknown priority category "${priority}"`)
    }
    return this.ctx.write((tx) => this.issueIn(tx, actor, req))
  }

  /** Issues inside a transaction already open (an appointment's check-in issues and marks the booking in one); checks as `issue`. */
  issueIn(tx: WriteScope, actor: Actor, req: IssueRequest): IssueResult {
    // a kiosk's category counts only where the policy serves it first: under fifo or sla it is not
    // recorded, so no screen or paper claims it (a kiosk page from before the change may still send one);
    // a clerk may still record one on a walk-in ticket (README, call policy)
    const fromKiosk = actor.type === 'device' && actor.kind === 'kiosk'
    const priority = fromKiosk && !policyHonoursPriority(this.ctx.config.queue.policy) ? NO_PRIORITY : (req.priority ?? NO_PRIORITY)
    const issuer = {
      type: actor.type,
      id: actor.type === 'system' ? null : actor.id,
    }
    if (req.idempotencyKey !== undefined) {
      const earlier = this.ctx.tickets.findByIdempotencyKey(issuer.type, issuer.id, req.idempotencyKey)
      if (earlier) {
        if (earlier.issuedServiceId !== req.serviceId) {
          throw domainError(ErrorCodes.IDEMPOTENCY_CONFLICT, 'this Idempotency-Key was already used for another service')
        }
        return { ticket: earlier, ...this.view.standing(earlier), replayed: true }
      }
    }
    const service = this.ctx.services.get(req.serviceId)
    if (!service) throw domainError(ErrorCodes.SERVICE_NOT_FOUND, `service ${req.serviceId} does not exist`)
    assertOfferedHere(this.ctx, actor, service)
    if (!service.active) throw domainError(ErrorCodes.SERVICE_INACTIVE, `service ${service.prefix} is not taking tickets now`)
    const calendar = this.ctx.calendar()
    const day = ticketDayKey(tx.now, this.ctx.config.timeZone, calendar.businessDayStartsAt)
    if (service.dailyCap !== null && this.ctx.tickets.issuedOn(service.id, day) >= service.dailyCap) {
      throw domainError(ErrorCodes.SERVICE_DAILY_CAP, `service ${service.prefix} has reached its daily cap of ${service.dailyCap}`)
    }
    // a kiosk sells only what someone can serve (staffing.ts); staff may issue regardless
    if (fromKiosk && !kioskMaySell(service, isStaffed(this.view.staffing(service.id)))) {
      throw domainError(
        ErrorCodes.SERVICE_UNSTAFFED,
        `no counter is serving service ${service.prefix} now (none open, or their clerks away)`,
      )
    }
    // outside its hours a kiosk does not sell it (the kiosk says why); staff may, and the log says so
    const hours = this.view.hoursOf(service.id, this.view.newTicketEstimate(service.id))
    if (fromKiosk && hours.closedReason !== null) throw closedError(service.prefix, { ...hours, closedReason: hours.closedReason })
    // the day's sequence always counts the day's tickets (daily cap, figures); a center with no daily close numbers continuously
    const dayNumber = this.ctx.tickets.allocateNumber(service.id, day)
    const number = calendar.dailyClose ? dayNumber : this.continuousNumber(service.id, service.prefix, day)
    const ticket: TicketRecord = {
      id: newTicketId(),
      serviceId: service.id,
      issuedServiceId: service.id,
      day,
      number,
      label: formatLabel(service.prefix, number),
      priority,
      phone: req.phone ? canonicalPhone(req.phone, this.ctx.config.messages?.countryCode) : null,
      lang: req.lang ?? 'ar',
      status: req.remote?.status ?? 'waiting',
      issuedAt: tx.now,
      queuedAt: tx.now,
      rejoinedAt: null,
      calledAt: null,
      startedAt: null,
      finishedAt: null,
      counterId: null,
      targetCounterId: null,
      clerkId: null,
      recallCount: 0,
      transferCount: 0,
      outcome: null,
      issuedByType: issuer.type,
      issuedById: issuer.id,
      idempotencyKey: req.idempotencyKey ?? null,
      origin: req.origin ?? (req.remote ? 'remote' : 'walk_in'),
      ...(req.slotStart === undefined ? {} : { slotStart: req.slotStart }),
    }
    this.ctx.tickets.insert(ticket)
    req.remote?.withinIssue(ticket, tx)
    // no provider: nothing can be sent, so a tick (an old kiosk page) records no consent
    if (req.messagesOptIn && ticket.phone && messagesOn(this.ctx.config)) new MessageConsentRepo(this.ctx.db).record(ticket.id, tx.now)
    const standing = this.view.standing(ticket)
    tx.log({
      type: 'ticket.issued',
      ticketId: ticket.id,
      serviceId: service.id,
      ...actorIds(actor),
      data: {
        label: ticket.label,
        number,
        priority,
        estimatedWaitSeconds: standing.estimatedWaitSeconds,
        position: standing.position,
        ...(hours.closedReason === null ? {} : { outsideHours: hours.closedReason }),
        ...(ticket.origin === 'walk_in' ? {} : { origin: ticket.origin }),
      },
    })
    const statusUrl = req.publicBase === undefined ? null : ticketStatusUrlAt(req.publicBase, ticket.id, ticket.lang)
    tx.emit({ type: 'ticket:issued', ticket, standing, statusUrl })
    tx.emit({ type: 'queue:updated', serviceIds: [service.id] })
    const closesAt = hours.closesAt === null ? null : Date.parse(hours.closesAt)
    const mayNotBeServedToday =
      closesAt !== null && standing.estimatedWaitSeconds !== null && tx.now + standing.estimatedWaitSeconds * 1000 > closesAt
    return { ticket, ...standing, replayed: false, mayNotBeServedToday }
  }

  /** The next continuous number of a service (numbering.ts: wraps after 9999, skips a label still in use). */
  private continuousNumber(serviceId: number, prefix: string, day: string): number {
    for (let i = 0; i < CONTINUOUS_WRAP; i++) {
      const n = wrapNumber(this.ctx.tickets.allocateNumber(serviceId, CONTINUOUS_SEQUENCE))
      if (!this.ctx.tickets.numberTaken(serviceId, day, n, formatLabel(prefix, n))) return n
    }
    throw new Error(`service ${prefix} has ${CONTINUOUS_WRAP} tickets in use: no number is free`)
  }
}
