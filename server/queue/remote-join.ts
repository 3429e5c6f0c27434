/**
 * Joining a service's line from a phone (the virtual queue, issue 19). A citizen scans the
 * center's poster (or opens its link), picks a service and optionally gives a mobile number; the
 * ticket is issued like any other (the day's number, the daily cap, `ticket:issued`) with
 * `origin = 'remote'` and a row in remote_joins, and:
 * - `check-in` services: status `remote` — it holds the place of its join time, is never called,
 *   and does not count in anyone's "people ahead" until the citizen arrives (remote-arrival.ts);
 * - `call-ahead` services: status `waiting` from the start, called in turn like a walk-in.
 * Refused outside the service's hours (as a kiosk is), past its daily share of remote joins,
 * and past the limits per mobile number (a day) and per client address (an hour). Every check
 * runs inside the issue's transaction: a refusal leaves no number taken and nothing written.
 */
import { closingNoteOf } from '../../protocol/closing-note-of.ts'
import { createHash } from 'node:crypto'
import type { QueueContext } from './queue-context.ts'
import type { QueueView } from './queue-view.ts'
import type { IssueResult, TicketIssuer } from './ticket-issuer.ts'
import type { Lang } from '../../protocol/common.ts'
import type { RemoteService } from '../../protocol/remote-join.ts'
import { canonicalPhone } from '../../protocol/phone-number.ts'
import type { RemoteJoinMode } from '../db/repositories/remote-joins-repo.ts'
import { domainError, ErrorCodes, serviceClosedError } from '../errors.ts'
import { isStaffed, kioskMaySell } from './staffing.ts'
import { abandonOverdueRemote } from './remote-arrival.ts'

/** One service's remote-join setting (config remoteJoin.services[]). */
export interface RemoteServiceRule {
  prefix: string
  mode: RemoteJoinMode
  dailyCap: number
  arriveMinutes: number
}

/** The remote-join settings (config remoteJoin). */
export interface RemoteJoinRules {
  services: RemoteServiceRule[]
  perPhonePerDay: number
  perAddressPerHour: number
}

export interface RemoteJoinRequest {
  serviceId: number
  /** As typed (01xxxxxxxxx, +201…); kept on the ticket as +20… for the SMS slice's messages. */
  phone?: string
  lang?: Lang
  /** The client's address (request.ip); only its hash is kept, for the per-address limit. */
  address: string
  /** Where the caller reaches the center's public pages (the status link). */
  publicBase: string
}

const HOUR_MS = 3_600_000

/** The address as the limit counts it: a hash, so the table keeps no address. */
export const addressHash = (address: string): string =>
  createHash('sha256').update(`remote-join|${address}`).digest('base64url').slice(0, 22)

/** Joins and lists the services a phone may join; the settings are read at each call, so a config reload applies at once. */
export class RemoteJoin {
  constructor(
    private readonly ctx: QueueContext,
    private readonly view: QueueView,
    private readonly issuer: TicketIssuer,
    private readonly rules: () => RemoteJoinRules,
  ) {}

  /** The rule of a service, or undefined when it takes no remote joins. */
  ruleOf(serviceId: number): RemoteServiceRule | undefined {
    const service = this.ctx.services.get(serviceId)
    return service ? this.rules().services.find((r) => r.prefix === service.prefix) : undefined
  }

  /** The services that take remote joins, in the services' order, each with whether it does now and why not. */
  services(): RemoteService[] {
    const day = this.ctx.dayOf(this.ctx.clock())
    return this.view.serviceQueues().flatMap((s) => {
      const rule = this.rules().services.find((r) => r.prefix === s.prefix)
      if (!rule) return []
      // the service's own cap first: past it the kiosk refuses too, so the page must not send the citizen there
      const serviceCapReached = s.dailyCap !== null && s.issuedToday >= s.dailyCap
      const remoteCapReached = this.ctx.remoteJoins.countForService(s.id, day) >= rule.dailyCap
      const closedReason = !s.active
        ? 'inactive'
        : (s.hours?.closedReason ?? null) !== null
          ? 'closed'
          : serviceCapReached
            ? 'dailyCap'
            : remoteCapReached
              ? 'cap'
              : !s.available
                ? 'unstaffed'
                : null
      return [
        {
          id: s.id,
          nameAr: s.nameAr,
          nameEn: s.nameEn,
          mode: rule.mode,
          arriveMinutes: rule.arriveMinutes,
          waiting: s.waiting,
          ahead: s.ahead,
          estimatedWaitSeconds: s.estimatedWaitSeconds,
          closedReason,
          opensAt: s.hours?.opensAt ?? null,
          closing: s.active && s.hours ? closingNoteOf(s.hours, s.estimatedWaitSeconds, this.ctx.config.timeZone, 'joiner') : null,
        } satisfies RemoteService,
      ]
    })
  }

  /** Takes a place in the service's line; see the file's comment for the rules and their codes. */
  join(req: RemoteJoinRequest): IssueResult {
    abandonOverdueRemote(this.ctx)
    const service = this.ctx.services.get(req.serviceId)
    if (!service) throw domainError(ErrorCodes.SERVICE_NOT_FOUND, `service ${req.serviceId} does not exist`)
    const rule = this.ruleOf(service.id)
    if (!rule) throw domainError(ErrorCodes.REMOTE_JOIN_OFF, `service ${service.prefix} does not take joins from a phone`)
    if (!service.active) throw domainError(ErrorCodes.SERVICE_INACTIVE, `service ${service.prefix} is not taking tickets now`)
    // the same hours and staffing a kiosk obeys: a phone cannot join a line the kiosk would not sell
    const hours = this.view.hoursOf(service.id, this.view.newTicketEstimate(service.id))
    if (hours.closedReason !== null) {
      throw serviceClosedError(
        `service ${service.prefix} takes no joins now (${hours.closedReason})${hours.opensAt ? `; it opens ${hours.opensAt}` : ''}`,
        { ...hours, closedReason: hours.closedReason },
      )
    }
    if (!kioskMaySell(service, isStaffed(this.view.staffing(service.id)))) {
      throw domainError(
        ErrorCodes.SERVICE_UNSTAFFED,
        `no counter is serving service ${service.prefix} now (none open, or their clerks away)`,
      )
    }
    const limits = this.rules()
    const phone = req.phone === undefined ? undefined : canonicalPhone(req.phone, this.ctx.config.messages?.countryCode)
    const hash = addressHash(req.address)
    return this.issuer.issue(
      { type: 'system' },
      {
        serviceId: service.id,
        phone,
        // the join page asks for the number "so we can text you" (only said while messages are on): giving it is the consent
        messagesOptIn: phone !== undefined,
        lang: req.lang,
        publicBase: req.publicBase,
        remote: {
          status: rule.mode === 'check-in' ? 'remote' : 'waiting',
          withinIssue: (ticket, tx) => {
            // counted before this join's own row is written
            if (this.ctx.remoteJoins.countForService(service.id, ticket.day) >= rule.dailyCap) {
              throw domainError(ErrorCodes.REMOTE_JOIN_CAP, `service ${service.prefix} has taken its ${rule.dailyCap} remote joins today`)
            }
            if (phone !== undefined && this.ctx.remoteJoins.countForPhone(phone, ticket.day) >= limits.perPhonePerDay) {
              throw domainError(ErrorCodes.REMOTE_PHONE_LIMIT, `this mobile number has joined ${limits.perPhonePerDay} times today`)
            }
            if (this.ctx.remoteJoins.countForAddress(hash, tx.now - HOUR_MS) >= limits.perAddressPerHour) {
              throw domainError(
                ErrorCodes.REMOTE_ADDRESS_LIMIT,
                `this address has joined ${limits.perAddressPerHour} times in the last hour`,
              )
            }
            this.ctx.remoteJoins.insert({
              ticketId: ticket.id,
              serviceId: service.id,
              day: ticket.day,
              mode: rule.mode,
              arriveMinutes: rule.arriveMinutes,
              addressHash: hash,
              joinedAt: tx.now,
              arrivedAt: null,
            })
          },
        },
      },
    )
  }
}
