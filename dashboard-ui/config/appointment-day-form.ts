/**
 * `<tabour-appointment-day-form>` (managers and admins): one day of one service — stop bookings
 * on it, or add places to each of its slots (PUT /appointments/days/:id/:day). Bookings already
 * made stay. A refusal is shown next to its field like the configuration forms. Under a service's
 * appointment settings it changes that service's days (`serviceId`), named in its heading, with
 * no service choice of its own: two choices one above the other showed two services, and the
 * day's change went to the lower one (walk s51). Alone (the live view), it picks the service.
 */
import { html, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { ServiceWithQueue } from '../../protocol/entities.ts'
import { staffAppointmentText, type StaffAppointmentKey } from '../../protocol/messages/staff-appointments.ts'
import { appointmentsApi } from '../appointments-api.ts'
import { dayIn } from '../format.ts'
import { ConfigForm, intOrNull, str, type FieldSpec } from './config-form.ts'
import { nameIn } from '../../protocol/name-in-language.ts'

@customElement('tabour-appointment-day-form')
export class AppointmentDayForm extends ConfigForm {
  /** The center's time zone when the page already has it (the live screen); else read from the settings. */
  @property() timeZone = ''
  /** The service whose days the form changes, chosen by the form around it; 0: the form has its own choice. */
  @property({ type: Number }) serviceId = 0
  @state() private services: ServiceWithQueue[] = []
  /** The service and day whose stored values the form shows (`id|YYYY-MM-DD`). */
  private shown = ''

  override connectedCallback(): void {
    super.connectedCallback()
    void this.start()
  }

  private t(key: StaffAppointmentKey, values?: Record<string, string | number>): string {
    return staffAppointmentText(key, this.lang, values)
  }

  private async start(): Promise<void> {
    const [all, timeZone, bookable] = await Promise.all([
      this.api.services(),
      this.timeZone || this.api.settings().then((s) => s.values.timeZone),
      // alone, it offers the services that take bookings (walk s54: all six, though only C did)
      this.serviceId
        ? null
        : appointmentsApi(this.api)
            .bookable()
            .catch(() => null),
    ])
    const takes = new Set((bookable ?? []).map((b) => b.id))
    const services = takes.size > 0 ? all.filter((s) => takes.has(s.id)) : all
    this.services = services
    this.load({
      serviceId: str(this.serviceId || services[0]?.id),
      day: dayIn(this.api.now(), timeZone),
      blocked: false,
      extraPerSlot: '0',
    })
  }

  /** A service or day picked: show what is set for it (GET), so the manager sees the day before changing it. */
  /**
   * The settings form above picked another service: this one follows, its day read again for that
   * service (updated), and a notice of the last one's save goes (it was another service's day).
   */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed)
    if (changed.has('serviceId') && this.loaded && this.serviceId) this.load({ ...this.values, serviceId: String(this.serviceId) })
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed)
    if (!this.loaded) return
    const serviceId = str(this.values.serviceId)
    const day = str(this.values.day)
    const key = `${serviceId}|${day}`
    if (key === this.shown || serviceId === '' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return
    this.shown = key
    void this.showDay(Number(serviceId), day, key)
  }

  private async showDay(serviceId: number, day: string, key: string): Promise<void> {
    try {
      const set = await appointmentsApi(this.api).day(serviceId, day)
      // the manager may have picked another day meanwhile: show only the answer for the one picked
      if (key === this.shown) this.load({ ...this.values, blocked: set.blocked, extraPerSlot: String(set.extraPerSlot) })
    } catch (err) {
      this.showError(err)
    }
  }

  protected fields(): FieldSpec[] {
    const pick: FieldSpec[] = this.serviceId
      ? []
      : [
          {
            name: 'serviceId',
            label: this.t('apptConfig.service'),
            kind: 'select',
            options: this.services.map((s) => ({ value: String(s.id), label: nameIn(s, this.lang) })),
          },
        ]
    return [
      ...pick,
      { name: 'day', label: this.t('apptDay.day'), kind: 'date', ltr: true },
      { name: 'blocked', label: this.t('apptDay.blocked'), kind: 'check' },
      { name: 'extraPerSlot', label: this.t('apptDay.extra'), kind: 'number', min: 0, max: 100 },
    ]
  }

  override render(): TemplateResult {
    if (!this.loaded) return this.loading()
    return html`<form class="card" data-form="appointment-day" aria-labelledby="day-title" novalidate @submit=${this.onSubmit}>
      <h2 id="day-title">${this.heading()}</h2>
      <p class="muted">${this.t('apptDay.intro')}</p>
      ${this.fields().map((f) => this.field(f))} ${this.footer()}
    </form>`
  }

  /** "Change one day", or, under a service's settings, "Change one day of Passports": the service its days are. */
  private heading(): string {
    const service = this.serviceId ? this.services.find((s) => s.id === this.serviceId) : undefined
    return service ? this.t('apptDay.titleFor', { service: nameIn(service, this.lang) }) : this.t('apptDay.title')
  }

  private readonly onSubmit = async (e: Event) => {
    e.preventDefault()
    const v = this.values
    const day = str(v.day)
    const body = { blocked: v.blocked === true, extraPerSlot: intOrNull(v.extraPerSlot) as number }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      this.errors = { day: this.t('apptDay.pickDay') }
      return
    }
    await this.saveWith(async () => {
      await appointmentsApi(this.api).putDay(Number(v.serviceId), day, body)
    })
    if (Object.keys(this.errors).length > 0) return
    this.notice = this.t('apptDay.saved', { blocked: String(body.blocked), day, extra: body.extraPerSlot })
    // the booking card beside it marks a blocked day in its day list: it reads the services again
    this.dispatchEvent(new CustomEvent('day-changed', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-appointment-day-form': AppointmentDayForm
  }
}
