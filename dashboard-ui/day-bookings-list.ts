/**
 * `<tabour-day-bookings>`: today's bookings by slot for reception (issue 19): time, service, name,
 * the phone's last digits, and whether the citizen has checked in (with their ticket). Read from
 * GET /appointments/staff/bookings when shown, each minute, and when `refresh` changes (a booking
 * just made).
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import { staffAppointmentText, type StaffAppointmentKey } from '../protocol/messages/staff-appointments.ts'
import type { DayBookings } from '../protocol/staff-booking.ts'
import { inDigitStyle, type DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { appointmentsApi, centerFormats } from './appointments-api.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles, tableScroll } from './dashboard-styles.ts'
import { dayIn } from './format.ts'
import { minutePassed } from './minute-passed.ts'
import { nameIn } from '../protocol/name-in-language.ts'

@customElement('tabour-day-bookings')
export class DayBookingsList extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      /* a time and a phone hint on one line; the service and the name wrap between words (the
         service's name on one line made the table wider than its card at 1366 px, walk 2026-12-05) */
      td.time,
      td[dir='ltr'] {
        white-space: nowrap;
      }
      /* a mark («Booked by staff», «Not arrived yet») wraps between its words too: on one line each, the
         English table was still 18 px wider than its card at 1366 px */
      td .pill {
        white-space: normal;
      }
    `,
  ]

  @property({ attribute: false }) api: DashboardApi | null = null
  @property({ attribute: false }) services: ServiceWithQueue[] = []
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  @property() timeZone = 'Africa/Cairo'
  /** The dashboard's clock (epoch ms): read again when its minute changes. */
  @property({ type: Number }) now = 0
  /** Bumped by the page after a booking: read again. */
  @property({ type: Number }) refresh = 0
  @state() private list: DayBookings | null = null

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('refresh') || minutePassed(changed, this.now)) void this.load()
  }

  private async load(): Promise<void> {
    if (!this.api) return
    try {
      this.list = await appointmentsApi(this.api).dayBookings(dayIn(this.api.now(), this.timeZone))
    } catch {
      // the dashboard's banner says when the center is unreachable; the last list stays
    }
  }

  private t(key: StaffAppointmentKey, values?: Record<string, string | number>): string {
    return staffAppointmentText(key, this.lang, values, this.digits)
  }

  override render(): TemplateResult {
    const heading = html`<h2>${this.t('today.title')}</h2>`
    const list = this.list
    if (!list) return html`${heading}<p class="muted">${this.t('common.loading')}</p>`
    if (list.bookings.length === 0) return html`${heading}<p class="muted" data-day-bookings="empty">${this.t('today.empty')}</p>`
    const fmt = centerFormats(this.lang, this.digits, list.timeZone)
    const serviceName = (id: number) => {
      const s = this.services.find((x) => x.id === id)
      return s ? nameIn(s, this.lang) : String(id)
    }
    return html`${heading}${tableScroll(
      this.t('today.title'),
      html`<table data-day-bookings>
        <thead>
          <tr>
            <th scope="col">${this.t('today.time')}</th>
            <th scope="col">${this.t('today.service')}</th>
            <th scope="col">${this.t('today.name')}</th>
            <th scope="col">${this.t('today.phone')}</th>
            <th scope="col">${this.t('today.state')}</th>
          </tr>
        </thead>
        <tbody>
          ${list.bookings.map(
            (b) => html`<tr data-booking=${b.code} data-status=${b.status}>
              <td class="time">${fmt.time(b.slotStart)}</td>
              <td>${serviceName(b.serviceId)}</td>
              <td class="name">${b.name}${b.bookedBy === 'user' ? html` <span class="pill">${this.t('today.byStaff')}</span>` : nothing}</td>
              <td dir="ltr" data-phone-hint>${inDigitStyle(b.phoneHint, this.digits)}</td>
              <td>
                ${
                  b.status === 'checked_in'
                    ? html`<span class="pill" data-tone="ok">${this.t('today.arrived', { label: b.ticketLabel ?? '' })}</span>`
                    : html`<span class="pill">${this.t('today.waiting')}</span>`
                }
              </td>
            </tr>`,
          )}
        </tbody>
      </table>`,
    )}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-day-bookings': DayBookingsList
  }
}
