/**
 * `<tabour-staff-booking-card>`: reception books a time for a caller on the phone (issue 19).
 * Service → day (the center's days, in its zone) → a free time (GET /appointments/slots) → name
 * and mobile → POST /appointments/staff, booked as the logged-in user. The code is shown large
 * to read out, with the slot, the check-in window and the manage link. A refusal is worded by
 * its stable code in the screen's language (the booking page's sentences). Fires `booked`.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { BookableService, Booking, DaySlots } from '../protocol/appointments.ts'
import { appointmentErrorKey, appointmentText } from '../protocol/messages/appointments.ts'
import { staffAppointmentText, type StaffAppointmentKey } from '../protocol/messages/staff-appointments.ts'
import { ApiError } from '../ui-common/api-client.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { appointmentsApi, centerFormats } from './appointments-api.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles } from './dashboard-styles.ts'
import { minutePassed } from './minute-passed.ts'
import { phoneExample } from '../protocol/phone-number.ts'
import { dayToShow, shutReason } from '../protocol/booking-days.ts'
import { linkPartStyles, linkText } from '../ui-common/link-breaks.ts'
import { nameIn } from '../protocol/name-in-language.ts'

@customElement('tabour-staff-booking-card')
export class StaffBookingCard extends LitElement {
  static override styles = [
    ...deskStyles,
    linkPartStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
      form {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.7rem 1rem;
        align-items: start;
      }
      fieldset {
        grid-column: 1 / -1;
        border: 1px solid var(--line);
        border-radius: 8px;
        margin: 0;
        padding: 0.5rem 0.7rem;
      }
      legend {
        font-weight: 700;
        color: var(--tabour-primary);
      }
      .slots {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      .slots button {
        min-block-size: 2.75rem;
        display: flex;
        flex-direction: column;
        align-items: center;
        line-height: 1.2;
      }
      .slots button[aria-pressed='false'] {
        background: #fff;
        color: var(--tabour-primary);
      }
      .slots small {
        font-weight: 400;
        font-size: 0.75rem;
      }
      .actions {
        grid-column: 1 / -1;
      }
      /* the code whole on one line (walk s48: it broke at a hyphen), as large as the card's width lets 19 characters be */
      .code {
        white-space: nowrap;
        font-family: ui-monospace, monospace;
        font-size: min(2.4rem, 6.5cqi);
        letter-spacing: 0.12em;
        font-weight: 700;
        color: var(--tabour-primary);
        margin: 0.25rem 0;
      }
      .done p {
        margin: 0.3rem 0;
      }
      /* the link breaks between its parts only (link-breaks.ts), never inside the code */
      .done a {
        overflow-wrap: break-word;
      }
    `,
  ]

  @property({ attribute: false }) api: DashboardApi | null = null
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  @property() timeZone = 'Africa/Cairo'
  /**
   * The dashboard's clock (epoch ms): the services are read again when the minute changes, so the
   * day list follows the center's (a new day at midnight, today's end, a holiday added meanwhile).
   */
  @property({ type: Number }) now = 0
  /** Bumped when a day of a service was changed beside the card (appointment-day-form.ts): its services are read again. */
  @property({ type: Number }) refresh = 0
  /** The services that take bookings; null until read (and while the read fails: "loading", not "none"). */
  @state() private services: BookableService[] | null = null
  @state() private serviceId = 0
  @state() private day = ''
  @state() private slots: DaySlots | null = null
  @state() private slotStart: string | null = null
  @state() private name = ''
  @state() private phone = ''
  @state() private booking: Booking | null = null
  /** A sentence of this card, or one of the appointment catalogue for a refusal (by its code). */
  @state() private error: { own?: StaffAppointmentKey; code?: string; field?: 'name' | 'phone' } | null = null
  @state() private busy = false

  private get calls() {
    return appointmentsApi(this.api!)
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.api && (changed.has('api') || changed.has('refresh') || minutePassed(changed, this.now))) void this.loadServices()
  }

  private t(key: StaffAppointmentKey, values?: Record<string, string | number>): string {
    return staffAppointmentText(key, this.lang, values, this.digits)
  }

  private async loadServices(): Promise<void> {
    try {
      this.services = await this.calls.bookable()
    } catch {
      // not "no service takes bookings" for the whole session: the list stays as it was, and the next minute asks again
      return
    }
    const service = this.services.find((s) => s.id === this.serviceId) ?? this.services[0]
    // the time picked stays picked while its service and day still take bookings
    if (service && (service.id !== this.serviceId || dayToShow(service, this.day) !== this.day)) await this.pickService(service.id)
  }

  /**
   * The service and a day it is open on: the day picked while it still is, else its first open
   * one (the center's days, its clock, not this PC's; a shut day is marked in the list, not picked).
   */
  private async pickService(id: number): Promise<void> {
    const service = this.services?.find((s) => s.id === id)
    if (!service) return
    this.serviceId = id
    this.day = dayToShow(service, this.day)
    await this.loadSlots()
  }

  private async loadSlots(): Promise<void> {
    this.slotStart = null
    this.slots = null
    try {
      this.slots = await this.calls.slots(this.serviceId, this.day)
    } catch (err) {
      this.error = { code: err instanceof ApiError ? err.code : 'network' }
    }
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault()
    if (this.busy) return
    if (!this.slotStart) {
      this.error = { own: 'staffBook.pickTime' }
      return
    }
    this.busy = true
    this.error = null
    try {
      const body = {
        serviceId: this.serviceId,
        slotStart: this.slotStart,
        name: this.name.trim(),
        phone: this.phone.trim(),
        lang: this.lang,
      }
      this.booking = await this.calls.book(body)
      this.dispatchEvent(new CustomEvent('booked', { bubbles: true, composed: true }))
    } catch (err) {
      const field = err instanceof ApiError ? err.detail?.field : undefined
      this.error = {
        code: err instanceof ApiError ? err.code : 'network',
        ...(field === 'name' || field === 'phone' ? { field } : {}),
      }
      // a slot taken meanwhile: show the day as it is now
      if (err instanceof ApiError && err.code === 'TABOUR_ERR_SLOT_FULL') await this.loadSlots()
    } finally {
      this.busy = false
    }
  }

  private again(): void {
    this.booking = null
    this.name = ''
    this.phone = ''
    this.error = null
    void this.loadSlots()
  }

  override render(): TemplateResult {
    const heading = html`<h2>${this.t('staffBook.title')}</h2>`
    if (this.services === null) return html`${heading}<p class="muted">${this.t('common.loading')}</p>`
    if (this.services.length === 0) return html`${heading}<p class="muted" data-staff-book="none">${this.t('staffBook.none')}</p>`
    return html`${heading}${this.booking ? this.done(this.booking) : this.form()}`
  }

  private errorText(): string {
    const e = this.error
    if (!e) return ''
    if (e.own) return this.t(e.own)
    return appointmentText(appointmentErrorKey(e.code ?? '', 'book.failed'), this.lang, {}, this.digits)
  }

  private form(): TemplateResult {
    const services = this.services ?? []
    const service = services.find((s) => s.id === this.serviceId)
    const tz = service?.timeZone ?? this.timeZone
    const fmt = centerFormats(this.lang, this.digits, tz)
    const days = service?.days ?? []
    const err = this.error
    const fieldErr = (f: 'name' | 'phone') =>
      err?.field === f ||
      (err?.code === 'TABOUR_ERR_VALIDATION' && !err.field) ||
      (f === 'phone' && err?.code === 'TABOUR_ERR_BOOKING_LIMIT_PHONE')
    return html`<p class="muted">${this.t('staffBook.intro')}</p>
      <form data-form="staff-booking" @submit=${(e: Event) => void this.submit(e)}>
        <label
          >${this.t('staffBook.service')}
          <select
            name="service"
            @change=${(e: Event) => void this.pickService(Number((e.target as HTMLSelectElement).value))}
          >
            ${services.map((s) => html`<option value=${s.id} ?selected=${s.id === this.serviceId}>${nameIn(s, this.lang)}</option>`)}
          </select>
        </label>
        <label
          >${this.t('staffBook.day')}
          <select
            name="day"
            @change=${(e: Event) => {
              this.day = (e.target as HTMLSelectElement).value
              void this.loadSlots()
            }}
          >
            ${days.map((d) => {
              const shut = service ? shutReason(service, d) : null
              const label =
                shut === null ? fmt.day(d) : appointmentText('book.dayShut', this.lang, { day: fmt.day(d), reason: shut }, this.digits)
              return html`<option value=${d} ?selected=${d === this.day} ?disabled=${shut !== null} data-shut=${shut ?? nothing}>${label}</option>`
            })}
          </select>
        </label>
        <fieldset>
          <legend>${this.t('staffBook.time')}</legend>
          ${this.slotButtons(fmt.time)}
        </fieldset>
        <label
          >${this.t('staffBook.name')}
          <input
            name="name"
            autocomplete="off"
            required
            minlength="2"
            maxlength="80"
            aria-invalid=${String(fieldErr('name'))}
            .value=${this.name}
            @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
          />
        </label>
        <label
          >${this.t('staffBook.phone')}
          <input
            name="phone"
            type="tel"
            dir="ltr"
            inputmode="tel"
            autocomplete="off"
            required
            aria-invalid=${String(fieldErr('phone'))}
            aria-describedby="phone-hint"
            .value=${this.phone}
            @input=${(e: Event) => (this.phone = (e.target as HTMLInputElement).value)}
          />
          <span class="muted" id="phone-hint">${this.t('staffBook.phoneHint', { example: phoneExample(this.digits) })}</span>
        </label>
        <div class="actions">
          ${err ? html`<p class="error" role="alert" data-error=${err.code ?? err.own ?? ''}>${this.errorText()}</p>` : nothing}
          <button type="submit" data-action="staff-book" ?disabled=${this.busy}>${this.t(this.busy ? 'staffBook.busy' : 'staffBook.submit')}</button>
        </div>
      </form>`
  }

  private slotButtons(time: (iso: string) => string): TemplateResult {
    const day = this.slots
    if (!day) return html`<p class="muted">${this.t('common.loading')}</p>`
    const free = day.slots.filter((s) => s.free > 0)
    if (free.length === 0) {
      const why: StaffAppointmentKey =
        day.reason === null || day.reason === 'off' || day.reason === 'too-far' ? 'staffBook.noSlots' : `staffBook.reason.${day.reason}`
      return html`<p class="muted" data-empty=${day.reason ?? 'full'}>${this.t(why)}</p>`
    }
    return html`<div class="slots">
      ${free.map(
        (s) =>
          html`<button type="button" data-slot=${s.start} aria-pressed=${String(s.start === this.slotStart)} @click=${() => (this.slotStart = s.start)}>
            <span>${time(s.start)}</span><small>${this.t('staffBook.free', { n: s.free })}</small>
          </button>`,
      )}
    </div>`
  }

  private done(b: Booking): TemplateResult {
    const fmt = centerFormats(this.lang, this.digits, b.timeZone)
    const service = this.lang === 'ar' ? b.serviceNameAr : b.serviceNameEn
    return html`<div class="done" data-staff-booked=${b.code} role="status">
      <p>${this.t('staffBook.done')}</p>
      <p class="code" dir="ltr" data-code>${b.code}</p>
      <p data-when>${this.t('staffBook.when', { service, day: fmt.dayOf(b.slotStart), time: fmt.time(b.slotStart) })}</p>
      <p>${this.t('staffBook.checkIn', { from: fmt.time(b.checkInFrom), until: fmt.time(b.checkInUntil) })}</p>
      <p>${this.t('staffBook.manage')} <a href=${b.manageUrl} target="_blank" rel="noopener" dir="ltr" data-manage>${linkText(b.manageUrl)}</a></p>
      <button type="button" class="secondary" data-action="book-another" @click=${() => this.again()}>${this.t('staffBook.another')}</button>
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-staff-booking-card': StaffBookingCard
  }
}
