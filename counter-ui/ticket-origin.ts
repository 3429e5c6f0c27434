/**
 * `<tabour-ticket-origin>`: on the console's current ticket, how it came (issue 19): an
 * appointment with its slot time (from today's bookings, GET /appointments/staff/bookings, found
 * by the ticket's id), or a place joined from a phone. Nothing for a walk-in.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Ticket } from '../protocol/entities.ts'
import { staffAppointmentText } from '../protocol/messages/staff-appointments.ts'
import type { DayBookings } from '../protocol/staff-booking.ts'
import { apiUrl } from '../ui-common/base-path.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import type { StaffSession } from '../ui-common/staff-session.ts'
import { consoleStyles } from './console-styles.ts'
import { clockTime } from '../protocol/messages/clock-time.ts'

@customElement('tabour-ticket-origin')
export class TicketOrigin extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      :host {
        display: contents;
      }
      .badge[data-origin='appointment'] {
        background: #e6f4ea;
        color: #1e5631;
        border-color: #a8d5b5;
      }
      .badge[data-origin='remote'] {
        background: #eef1fb;
        color: #2a3f8f;
        border-color: #b9c4ea;
      }
    `,
  ]

  @property() override lang: Lang = DEFAULT_LANG
  @property() digits: DigitStyle = 'western'
  @property() timeZone = 'Africa/Cairo'
  @property() base = ''
  @property({ attribute: false }) staff: StaffSession | null = null
  @property({ attribute: false }) ticket: Ticket | null = null
  /** The slot of the appointment ticket `slotFor` names. */
  @state() private slotStart: string | null = null
  private slotFor = ''

  protected override willUpdate(changed: PropertyValues<this>): void {
    const t = this.ticket
    if (changed.has('ticket') && t?.origin === 'appointment' && t.id !== this.slotFor) void this.findSlot(t.id)
  }

  private async findSlot(ticketId: string): Promise<void> {
    this.slotFor = ticketId
    this.slotStart = null
    if (!this.staff) return
    try {
      const day = await this.staff.request<DayBookings>(apiUrl(this.base, '/appointments/staff/bookings'))
      if (this.slotFor === ticketId) this.slotStart = day.bookings.find((b) => b.ticketId === ticketId)?.slotStart ?? null
    } catch {
      // the badge says "appointment" without its time
    }
  }

  override render(): TemplateResult | typeof nothing {
    const origin = this.ticket?.origin
    if (!origin) return nothing
    if (origin === 'remote')
      return html`<span class="badge" data-origin="remote">${staffAppointmentText('origin.remote', this.lang)}</span>`
    const time = this.slotStart ? clockTime(this.slotStart, this.timeZone, this.lang, this.digits) : null
    return html`<span class="badge" data-origin="appointment" data-slot=${this.slotStart ?? ''}
      >${time ? staffAppointmentText('origin.appointment', this.lang, { time }) : staffAppointmentText('origin.appointmentNoTime', this.lang)}</span
    >`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-ticket-origin': TicketOrigin
  }
}
