/**
 * `<tabour-booking-page>`: a citizen books an appointment from a phone, no account (issue 19).
 * At `<base>/b/`: service → day → a free time → name and mobile → the code, its QR and the
 * link to manage it. At `<base>/b/<code>` (the QR's address): the booking, to move or cancel.
 * Days and times are the center's (its time zone), whatever the phone's clock says.
 */
import { langQuery } from '../../protocol/lang-query.ts'
import { SEPARATOR } from '../../protocol/messages/separator.ts'
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { BookableService, Booking, BookingCenter, DaySlots, Slot } from '../../protocol/appointments.ts'
import type { RequiredDocument } from '../../protocol/service-menu.ts'
import { appointmentErrorKey, appointmentText, type AppointmentMessageKey } from '../../protocol/messages/appointments.ts'
import { phoneExample } from '../../protocol/phone-number.ts'
import { ApiError } from '../../ui-common/api-client.ts'
import { digitsFor, inDigitStyle, toWesternDigits, type DigitStyle } from '../../ui-common/digits.ts'
import { applyLang, initialLang, type Lang } from '../../ui-common/i18n.ts'
import type { LangChangeEvent } from '../../ui-common/lang-switch.ts'
import { applyPageTheme } from '../../ui-common/theme.ts'
import '../../ui-common/lang-switch.ts'
import '../../ui-common/qr-code.ts'
import { linkPartStyles, linkText } from '../../ui-common/link-breaks.ts'
import { statusPageStyles } from '../status-styles.ts'
import { bookSlot, cancelBooking, fetchBookable, fetchBooking, fetchSlots, moveBooking, parseBookingPath } from './booking-api.ts'
import { bookingPageStyles } from './booking-styles.ts'
import { clockTime, dayIn, dayName } from '../../protocol/messages/clock-time.ts'
import { dayToShow, shutReason } from '../../protocol/booking-days.ts'
import { keepAddress, withLangQuery } from '../lang-in-address.ts'

type View = 'form' | 'done' | 'manage' | 'move'

/** A page come back to after this long reads its services (and days, slots, booking) again. */
const STALE_MS = 5 * 60_000

/** Refusals that say the page's days or times were out of date: it reads them again, the refusal kept on screen. */
const OUT_OF_DATE: readonly AppointmentMessageKey[] = [
  'err.slotFull',
  'err.slotInPast',
  'err.slotNotFound',
  'err.slotTooFar',
  'err.dayClosed',
]

@customElement('tabour-booking-page')
export class BookingPage extends LitElement {
  static override styles = [statusPageStyles, bookingPageStyles, linkPartStyles]

  @state() private language: Lang = 'ar'
  @state() private view: View = 'form'
  @state() private services: BookableService[] | null = null
  @state() private serviceId: number | null = null
  @state() private day = ''
  @state() private slots: DaySlots | null = null
  @state() private slotStart: string | null = null
  @state() private booking: Booking | null = null
  @state() private error: AppointmentMessageKey | null = null
  @state() private busy = false
  @state() private confirmCancel = false
  /** The name typed is shorter than a name can be: said under the field in the page's language, not in the browser's bubble. */
  @state() private nameShort = false
  /** The phone field refused by its pattern: the page's sentence instead of the browser's bubble (as nameShort). */
  @state() private phoneInvalid = false
  /** The code in the address was refused (another center's, mistyped, unknown): the page is the booking form. */
  @state() private codeRefused = false

  private readonly base: string
  private readonly code: string | null
  /** When the services were last read (this phone's clock). */
  private servicesAt = 0
  /** The center's day (this phone's clock, the center's zone) a refresh was last asked for: one per day, however far the phone's clock is off. */
  private refreshedFor = ''
  private dayTimer: ReturnType<typeof setInterval> | undefined
  private readonly onReturn = () => {
    if (document.visibilityState === 'visible') void this.refreshIfStale(true)
  }

  constructor() {
    super()
    const { base, code } = parseBookingPath(location.pathname)
    this.base = base
    this.code = code
    this.addEventListener('lang-change', (e: LangChangeEvent) => {
      this.setLang(e.detail.lang)
      keepAddress(withLangQuery(location.href, e.detail.lang))
    })
  }

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    this.setLang(initialLang())
    void this.start()
    // a page left open overnight (a phone's tab) offered yesterday's days and times: read again at the
    // center's midnight (checked each minute) and on coming back to the page after a while
    this.dayTimer = setInterval(() => void this.refreshIfStale(false), 60_000)
    document.addEventListener('visibilitychange', this.onReturn)
    window.addEventListener('focus', this.onReturn)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearInterval(this.dayTimer)
    document.removeEventListener('visibilitychange', this.onReturn)
    window.removeEventListener('focus', this.onReturn)
  }

  /**
   * Reads the services again when the center's day (this phone's clock in the center's zone) is
   * past the first day they list, or, `onReturn`, when they were read over STALE_MS ago.
   */
  private async refreshIfStale(onReturn: boolean): Promise<void> {
    const first = this.services?.[0]
    if (this.busy || !first) return
    const today = dayIn(new Date().toISOString(), first.timeZone)
    const dayPassed = today > (first.days[0] ?? today) && today !== this.refreshedFor
    if (!dayPassed && !(onReturn && Date.now() - this.servicesAt > STALE_MS)) return
    this.refreshedFor = today
    await this.refresh()
  }

  /**
   * The services, and what the page shows from them, read again: the day list from the center's
   * today, the day shown kept while it is still open (else the first open one), the slots of that
   * day, a chosen time kept while it is still free; on the booking's page, the booking (moved or
   * begun meanwhile). Quiet: a failed read leaves the page as it was (a booking then says why).
   */
  private async refresh(): Promise<void> {
    try {
      const services = await fetchBookable(this.base)
      const booking = this.view === 'manage' && this.booking ? await fetchBooking(this.base, this.booking.code) : null
      this.services = services
      this.servicesAt = Date.now()
      if (booking) this.booking = booking
      if (this.view !== 'form' && this.view !== 'move') return
      const service = this.service ?? (this.view === 'form' ? services[0] : undefined)
      if (!service) return
      const day = dayToShow(service, this.day)
      const slots = await fetchSlots(this.base, service.id, day)
      this.serviceId = service.id
      this.day = day
      this.slots = slots
      if (!slots.slots.some((x) => x.start === this.slotStart && x.free > 0)) this.slotStart = null
    } catch {
      // the next minute, return or booking tries again
    }
  }

  /**
   * A refusal is drawn at the top of the form, while a phone is scrolled down at the Book button
   * (walk s44: the box was 413 px above the screen and tapping Book seemed to do nothing): each new
   * one is brought into view and focused, so it is seen and read out.
   */
  override updated(changed: PropertyValues<this>): void {
    // booked: the confirmation opens at its heading («تم الحجز» / "You are booked", then the service,
    // day and time), not where Book was tapped, which left them above the screen and showed the code
    // and QR first (walk s53, 390×844)
    if (changed.has('view' as keyof BookingPage) && this.view === 'done') {
      // the card's top (its frame and padding above the heading) at the screen's top
      this.renderRoot.querySelector<HTMLElement>('[data-booking]')?.scrollIntoView({ block: 'start' })
      this.renderRoot.querySelector<HTMLElement>('[data-booking] p.final')?.focus({ preventScroll: true })
    }
    if (!changed.has('error' as keyof BookingPage) || this.error === null) return
    const box = this.renderRoot.querySelector<HTMLElement>('p.error')
    box?.scrollIntoView({ block: 'center' })
    box?.focus({ preventScroll: true })
  }

  private setLang(lang: Lang): void {
    this.language = lang
    applyLang(lang)
    document.title = appointmentText(this.titleKey, lang)
  }

  /** The center the page books at: from the booking shown, else from the services (every service names the same one). */
  private get center(): BookingCenter | undefined {
    return this.booking?.center ?? this.services?.[0]?.center
  }

  /** The digits of this page's text: the center's in Arabic, Western in English (protocol/messages/digits.ts). */
  private get digits(): DigitStyle {
    return digitsFor(this.language, this.center?.digits)
  }

  /** A sentence whose figures are written in the text itself (the example number): in the page's digits too. */
  private inDigits(text: string): string {
    return inDigitStyle(text, this.digits)
  }

  private t(key: AppointmentMessageKey, values?: Record<string, string | number>): string {
    return appointmentText(key, this.language, values, this.digits)
  }

  private async start(): Promise<void> {
    // a code the center refuses (another center's, mistyped, unknown) is said above a form that books
    // here as /b/ does: it showed the form with no day, no time and Book disabled (walk s55)
    let refused: AppointmentMessageKey | null = null
    await this.guard(async () => {
      this.services = await fetchBookable(this.base)
      this.servicesAt = Date.now()
      if (this.code) {
        try {
          this.booking = await fetchBooking(this.base, this.code)
          this.serviceId = this.booking.serviceId
          this.view = 'manage'
          return
        } catch (err) {
          if (!(err instanceof ApiError)) throw err
          refused = appointmentErrorKey(err.code, 'book.failed')
        }
      }
      if (this.services.length > 0) await this.pickService(this.services[0]!.id)
    })
    if (refused) {
      this.error = refused
      this.codeRefused = true
      this.setLang(this.language)
    }
  }

  /** The page's heading: "My booking" at `<base>/b/<code>`, "Book an appointment" at `<base>/b/` and where the code was refused (its page books anew). */
  private get titleKey(): AppointmentMessageKey {
    return this.code && !this.codeRefused ? 'book.manage' : 'book.title'
  }

  /** Runs a call, showing its error in the page's language (and the network's when unreachable). */
  private async guard(work: () => Promise<void>): Promise<void> {
    this.busy = true
    this.error = null
    try {
      await work()
    } catch (err) {
      this.error = err instanceof ApiError ? appointmentErrorKey(err.code, 'book.failed') : 'book.failed'
    } finally {
      this.busy = false
    }
  }

  private get service(): BookableService | undefined {
    return this.services?.find((s) => s.id === this.serviceId)
  }

  private async pickService(id: number): Promise<void> {
    this.serviceId = id
    const service = this.service
    if (!service) return
    // the center's days (its clock, not this phone's), an open one: a shut day is marked in the list, never picked for the citizen
    this.day = dayToShow(service, this.day)
    await this.loadSlots()
  }

  private async loadSlots(): Promise<void> {
    if (this.serviceId === null) return
    this.slotStart = null
    await this.guard(async () => {
      this.slots = await fetchSlots(this.base, this.serviceId!, this.day)
    })
  }

  private time(iso: string, tz: string): string {
    return clockTime(iso, tz, this.language, this.digits)
  }

  private dayName(day: string, tz: string): string {
    return dayName(day, tz, this.language, this.digits)
  }

  override render(): TemplateResult {
    return html`
      <header>
        <div class="titles">
          <h1>${this.t(this.titleKey)}</h1>
          ${this.renderCenter()}
        </div>
        <tabour-lang-switch .lang=${this.language}></tabour-lang-switch>
      </header>
      <main>
        ${this.error ? html`<p class="error" role="alert" tabindex="-1" data-error=${this.error}>${this.t(this.error)}</p>` : nothing}
        ${this.renderView()}
      </main>
    `
  }

  private renderCenter(): TemplateResult | typeof nothing {
    const center = this.center
    if (!center) return nothing
    return html`<p class="center-name" data-center>${this.t('book.center', { center: this.language === 'ar' ? center.nameAr : center.nameEn })}</p>`
  }

  /** What to bring for the service, in the page's language; nothing when the service lists none. */
  private renderDocuments(documents: readonly RequiredDocument[] | undefined): TemplateResult | typeof nothing {
    if (!documents || documents.length === 0) return nothing
    return html`<section class="bring" aria-labelledby="bring-title" data-documents=${documents.length}>
      <h2 id="bring-title">${this.t('book.bring')}</h2>
      <ul>
        ${documents.map((d) => html`<li data-document>${d[this.language]}</li>`)}
      </ul>
    </section>`
  }

  private renderView(): TemplateResult | typeof nothing {
    if (this.services === null) return this.busy ? html`<p>${this.t('common.loading')}</p>` : nothing
    switch (this.view) {
      case 'form':
        return this.renderForm()
      case 'done':
      case 'manage':
        return this.booking ? this.renderBooking(this.booking) : nothing
      case 'move':
        return this.renderMove()
    }
  }

  private renderPicker(): TemplateResult {
    const service = this.service
    const tz = service?.timeZone ?? 'Africa/Cairo'
    const days = service?.days ?? []
    return html`
      <label class="field"
        >${this.t('book.day')}
        <select
          data-field="day"
          .value=${this.day}
          @change=${(e: Event) => {
            this.day = (e.target as HTMLSelectElement).value
            void this.loadSlots()
          }}
        >
          ${days.map((d) => {
            const shut = service ? shutReason(service, d) : null
            const name = this.dayName(d, tz)
            const label = shut === null ? name : this.t('book.dayShut', { day: name, reason: shut })
            return html`<option value=${d} ?selected=${d === this.day} ?disabled=${shut !== null} data-shut=${shut ?? nothing}>${label}</option>`
          })}
        </select>
      </label>
      <fieldset class="slots">
        <legend>${this.t('book.time')}</legend>
        ${this.renderSlots(tz)}
      </fieldset>
    `
  }

  private renderSlots(tz: string): TemplateResult {
    const day = this.slots
    if (!day) return html``
    if (day.slots.length === 0) {
      const why =
        day.reason === null || day.reason === 'off' || day.reason === 'too-far' ? 'book.noSlots' : (`book.reason.${day.reason}` as const)
      return html`<p class="empty" data-empty=${day.reason ?? 'full'}>${this.t(why)}</p>`
    }
    // moving: the citizen's own slot is marked as theirs (its place is their booking, not "full"), and is no target
    const mine = this.view === 'move' ? (this.booking?.slotStart ?? null) : null
    const isMine = (s: Slot) => mine !== null && Date.parse(s.start) === Date.parse(mine)
    const free = (s: Slot) => (isMine(s) ? this.t('book.yourSlot') : s.free > 0 ? this.t('book.free', { n: s.free }) : this.t('book.full'))
    return html`<div class="slot-grid">
      ${day.slots.map(
        (s) => html`<button
          type="button"
          class="slot"
          data-slot=${s.start}
          data-mine=${isMine(s) ? 'true' : nothing}
          aria-pressed=${this.slotStart === s.start ? 'true' : 'false'}
          ?disabled=${s.free === 0 || isMine(s)}
          @click=${() => {
            this.slotStart = s.start
          }}
        >
          <strong>${this.time(s.start, tz)}</strong><span>${free(s)}</span>
        </button>`,
      )}
    </div>`
  }

  private renderForm(): TemplateResult {
    const services = this.services ?? []
    if (services.length === 0) return html`<p class="empty">${this.t('book.noServices')}</p>`
    return html`
      <p class="intro">${this.t('book.intro')}</p>
      <form class="card" @submit=${(e: Event) => this.onBook(e)}>
        <label class="field"
          >${this.t('book.service')}
          <select data-field="service" @change=${(e: Event) => void this.pickService(Number((e.target as HTMLSelectElement).value))}>
            ${services.map((s) => html`<option value=${s.id} ?selected=${s.id === this.serviceId}>${this.language === 'ar' ? s.nameAr : s.nameEn}</option>`)}
          </select>
        </label>
        ${this.renderDocuments(this.service?.documents)}
        ${this.renderPicker()}
        <label class="field"
          >${this.t('book.name')}
          <input
            name="name"
            data-field="name"
            required
            minlength="2"
            maxlength="80"
            autocomplete="name"
            aria-describedby=${this.nameShort ? 'name-hint' : nothing}
            aria-invalid=${this.nameShort ? 'true' : 'false'}
            @invalid=${(e: Event) => {
              // the page's own sentence in its language instead of the browser's bubble in the browser's
              e.preventDefault()
              this.nameShort = true
            }}
            @input=${() => (this.nameShort = false)}
          />
        </label>
        ${this.nameShort ? html`<p class="field-hint warn" id="name-hint" role="alert" data-hint="name">${this.t('book.nameShort')}</p>` : nothing}
        <label class="field"
          >${this.t('book.phone')}
          <input
            name="phone"
            data-field="phone"
            required
            type="tel"
            inputmode="tel"
            dir="ltr"
            autocomplete="tel"
            pattern="[+]?[0-9\u0660-\u0669 \\-]{8,20}"
            placeholder=${phoneExample(this.digits)}
            aria-describedby=${this.phoneInvalid ? 'phone-invalid phone-hint' : 'phone-hint'}
            aria-invalid=${this.phoneInvalid ? 'true' : 'false'}
            @invalid=${(e: Event) => {
              e.preventDefault()
              this.phoneInvalid = true
            }}
            @input=${() => (this.phoneInvalid = false)}
          />
        </label>
        ${
          this.phoneInvalid
            ? html`<p class="field-hint warn" id="phone-invalid" role="alert" data-hint="phone-invalid">${this.t('book.phoneInvalid', { example: phoneExample(this.digits) })}</p>`
            : nothing
        }
        <p class="field-hint" id="phone-hint" data-hint="phone">
          ${this.t(this.services?.some((s) => s.messagesOn) ? 'book.phoneHint' : 'book.phoneHintNoMessages', { example: phoneExample(this.digits) })}
        </p>
        <button class="primary" type="submit" data-action="book" ?disabled=${this.busy || this.slotStart === null}>
          ${this.t(this.busy ? 'book.busy' : 'book.submit')}
        </button>
      </form>
    `
  }

  private async onBook(e: Event): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const data = new FormData(form)
    if (this.serviceId === null || this.slotStart === null) return
    const body = {
      serviceId: this.serviceId,
      slotStart: this.slotStart,
      name: String(data.get('name') ?? '').trim(),
      phone: toWesternDigits(String(data.get('phone') ?? '')).replace(/[\s-]/g, ''),
      lang: this.language,
    }
    await this.guard(async () => {
      this.booking = await bookSlot(this.base, body)
      this.view = 'done'
      history.replaceState(null, '', `${this.base}/b/${encodeURIComponent(this.booking.code)}${location.search}`)
    })
    await this.refreshAfterRefusal()
  }

  /** A refusal that says the page was out of date (a slot taken meanwhile, a day gone past midnight): show the days and times as they are now, the refusal still said. */
  private async refreshAfterRefusal(): Promise<void> {
    if (this.error !== null && OUT_OF_DATE.includes(this.error)) await this.refresh()
  }

  private renderBooking(b: Booking): TemplateResult {
    const tz = b.timeZone
    const service = this.language === 'ar' ? b.serviceNameAr : b.serviceNameEn
    const when = this.t('book.when', {
      service,
      day: this.dayName(dayIn(b.slotStart, tz), tz),
      time: this.time(b.slotStart, tz),
    })
    // a booked slot whose check-in window has passed is over for its holder, like a used or cancelled one
    const live = b.status === 'booked' && b.timing !== 'missed'
    const changeable = live && b.timing === 'ahead'
    return html`
      <section class="card" data-booking=${b.status}>
        ${this.view === 'done' ? html`<p class="final" tabindex="-1" data-booked-heading>${this.t('book.booked')}</p>` : nothing}
        <p class="service">${when}</p>
        ${live && b.movedFrom !== null ? html`<p class="moved" role="status" data-moved=${b.movedFrom}>${this.movedText(b, b.movedFrom)}</p>` : nothing}
        ${live ? this.renderDocuments(b.documents) : nothing}
        <p class="caption">${b.name}${b.phoneHint === '' ? nothing : html`${SEPARATOR}<span dir="ltr" data-phone-hint>${this.inDigits(b.phoneHint)}</span>`}</p>
        ${
          live
            ? html`
                <p class="caption">${this.t('book.code')}</p>
                <p class="code" dir="ltr" data-code>${b.code}</p>
                <tabour-qr-code .value=${b.manageUrl} .label=${`${this.t('book.code')} ${b.code}`}></tabour-qr-code>
                <p>${this.t('book.checkInWindow', { from: this.time(b.checkInFrom, tz), until: this.time(b.checkInUntil, tz) })}</p>
                ${changeable ? this.renderChanges(b) : html`<p class="caption" data-begun>${this.t('book.begun')}</p>`}
              `
            : html`<p class="final" data-final=${b.status === 'booked' ? 'missed' : b.status}>${this.finalText(b)}</p>${this.renderTicket(b)}`
        }
      </section>
      ${live ? nothing : html`<a class="link" href=${`${this.base}/b/${langQuery(this.language)}`}>${this.t('book.another')}</a>`}
    `
  }

  /** "Your appointment was moved from Sunday at 10:00 AM to Monday at 11:30 AM": a link texted before the move now says so. */
  private movedText(b: Booking, from: string): string {
    const at = (iso: string) =>
      this.t('book.at', { day: this.dayName(dayIn(iso, b.timeZone), b.timeZone), time: this.time(iso, b.timeZone) })
    return this.t('book.moved', { from: at(from), to: at(b.slotStart) })
  }

  /** The link to keep and the move and cancel buttons: only while the server would still accept them (timing `ahead`). */
  private renderChanges(b: Booking): TemplateResult {
    return html`<p class="caption">${this.t('book.keepLink')}</p>
      <a class="link" dir="ltr" data-manage href=${b.manageUrl}>${linkText(b.manageUrl)}</a>
      <div class="actions">
        <button type="button" data-action="move" @click=${() => void this.startMove(b)}>${this.t('book.move')}</button>
        <button
          type="button"
          class=${this.confirmCancel ? '' : 'danger'}
          data-action="cancel"
          aria-expanded=${this.confirmCancel ? 'true' : 'false'}
          @click=${() => (this.confirmCancel = !this.confirmCancel)}
        >
          ${this.confirmCancel ? this.t('book.keep') : this.t('book.cancel')}
        </button>
      </div>
      ${this.confirmCancel ? this.renderCancelConfirm(b) : nothing}`
  }

  /**
   * A checked-in booking's ticket: its label and a link to its status page, in this page's language
   * (walk s52: "used on arrival" and no way to the ticket). Only what the ticket's own page shows.
   */
  private renderTicket(b: Booking): TemplateResult | typeof nothing {
    if (!b.ticket) return nothing
    const page = `${b.ticket.statusUrl.split('?')[0]}${langQuery(this.language)}`
    return html`<p class="caption">${this.t('book.yourTicket')}</p>
      <p class="code" dir="ltr" data-ticket-label>${b.ticket.label}</p>
      <a class="link" data-ticket-status href=${page}>${this.t('book.ticketStatus')}</a>`
  }

  /** What an ended booking says: cancelled, used, or its check-in time missed (and to book again). */
  private finalText(b: Booking): string {
    if (b.status === 'cancelled') return this.t('book.cancelled')
    if (b.status === 'checked_in') return this.t('book.used')
    return this.t('book.missed', { until: this.time(b.checkInUntil, b.timeZone) })
  }

  /**
   * The confirm step under the buttons: its button says what it does («نعم، ألغِ الحجز»), and the
   * button that opened it now reads «تراجع» / "Keep the booking" and closes it. It showed two
   * «إلغاء الحجز» buttons and a «رجوع» (walk s55).
   */
  private renderCancelConfirm(b: Booking): TemplateResult {
    return html`<div class="cancel" role="alertdialog" aria-labelledby="cancel-ask">
      <p id="cancel-ask">${this.t('book.cancelConfirm')}</p>
      <button type="button" class="yes" data-action="cancel-yes" @click=${() => void this.onCancel(b)}>${this.t('book.cancelYes')}</button>
    </div>`
  }

  private async onCancel(b: Booking): Promise<void> {
    await this.guard(async () => {
      this.booking = await cancelBooking(this.base, b.code)
      this.confirmCancel = false
      this.view = 'manage'
    })
  }

  private async startMove(b: Booking): Promise<void> {
    this.view = 'move'
    this.day = dayIn(b.slotStart, b.timeZone)
    await this.pickService(b.serviceId)
  }

  private renderMove(): TemplateResult {
    const b = this.booking
    if (!b) return html``
    return html`
      <section class="card">
        ${this.renderPicker()}
        <div class="actions">
          <button
            type="button"
            class="primary"
            data-action="move-to"
            ?disabled=${this.busy || this.slotStart === null}
            @click=${() =>
              void this.guard(async () => {
                this.booking = await moveBooking(this.base, b.code, this.slotStart!)
                this.view = 'manage'
              }).then(() => this.refreshAfterRefusal())}
          >
            ${this.t('book.moveTo')}
          </button>
          <button type="button" data-action="move-back" @click=${() => (this.view = 'manage')}>${this.t('checkIn.back')}</button>
        </div>
      </section>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-booking-page': BookingPage
  }
}
