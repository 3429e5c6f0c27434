/**
 * `<tabour-appointments-config>` (admins): a service's appointment settings as a form of real
 * fields (enabled, slot length, walk-in share in percent, service time, check-in window,
 * release, days ahead, the hoarding limits), written whole with PUT /appointments/settings/:id;
 * then the day editor for the same service. A refusal is shown next to its field like the other configuration forms.
 * A service that takes bookings but whose slots hold no place (no active counter serves it) says
 * so above the form: otherwise the manager turns bookings on and the booking page stays empty.
 * So does a slot length longer than every open stretch of the days open to booking (slot-fit.ts),
 * as it is typed: no day of the booking page then holds a slot.
 */
import { css, html, nothing, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { FALLBACK_SERVICE_MINUTES, SERVICE_TIME_SAMPLE, type AppointmentSettings } from '../../protocol/appointments.ts'
import type { ServiceWithQueue } from '../../protocol/entities.ts'
import { staffAppointmentText, type StaffAppointmentKey } from '../../protocol/messages/staff-appointments.ts'
import { appointmentsApi } from '../appointments-api.ts'
import { addDays } from '../../protocol/center-clock.ts'
import { dayIn } from '../format.ts'
import { ConfigForm, intOrNull, str, type FieldSpec } from './config-form.ts'
import type { CenterCalendar } from '../../protocol/calendar.ts'
import { longestStretchMinutes } from '../../protocol/slot-fit.ts'
import './appointment-day-form.ts'
import { nameIn } from '../../protocol/name-in-language.ts'

/** Days looked at for an open one, to see whether its slots hold places (a week: every weekday once). */
const CAPACITY_LOOK_DAYS = 7

/** The walk-in share's field is a percent; the API's limit is its fraction (0.95, protocol/appointments.ts). */
const WALK_IN_MAX_PERCENT = 95

/** The most days ahead a booking may be for (protocol/appointments.ts `bookAheadDays`). */
const MAX_BOOK_AHEAD_DAYS = 90

const NUMBERS: [keyof AppointmentSettings, StaffAppointmentKey, number, number][] = [
  ['slotMinutes', 'apptConfig.slotMinutes', 5, 240],
  ['serviceMinutes', 'apptConfig.serviceMinutes', 1, 240],
  ['bookAheadDays', 'apptConfig.bookAhead', 1, MAX_BOOK_AHEAD_DAYS],
  ['checkInBeforeMinutes', 'apptConfig.checkInBefore', 0, 240],
  ['checkInAfterMinutes', 'apptConfig.checkInAfter', 0, 240],
  ['releaseAfterMinutes', 'apptConfig.release', 0, 240],
  ['maxPerPhonePerDay', 'apptConfig.perPhoneDay', 1, 100],
  ['maxPerPhonePerWeek', 'apptConfig.perPhoneWeek', 1, 500],
  ['maxPerAddressPerHour', 'apptConfig.perAddress', 1, 100_000],
]

@customElement('tabour-appointments-config')
export class AppointmentsConfig extends ConfigForm {
  static override styles = [
    ...ConfigForm.styles,
    css`
      form {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.8rem 1.5rem;
        max-inline-size: 75rem;
      }
      form > h2,
      form > .actions,
      form > p,
      form > [data-field='serviceId'],
      form > [data-field='enabled'] {
        grid-column: 1 / -1;
      }
      /* a sentence, not a tag: it wraps inside the card */
      [data-no-capacity],
      [data-slot-too-long] {
        white-space: normal;
        border-radius: 0.5rem;
        line-height: 1.5;
      }
      tabour-appointment-day-form {
        display: block;
        margin-block-start: 1rem;
      }
    `,
  ]

  @state() private services: ServiceWithQueue[] = []
  @state() private serviceId = 0
  /** The open service takes bookings yet its first open day has no place (GET slots said `no-capacity`). */
  @state() private noCapacity = false
  /** The center's hours, zone and today, read once: what the slot length typed is checked against. */
  @state() private hours: { calendar: CenterCalendar; timeZone: string; today: string } | null = null

  override connectedCallback(): void {
    super.connectedCallback()
    void this.start()
  }

  /** `key` in the screen's language, its figures (the walk-in share's range, the sample) in the screen's digits. */
  private t(key: StaffAppointmentKey): string {
    return staffAppointmentText(
      key,
      this.lang,
      { min: 0, max: WALK_IN_MAX_PERCENT, n: SERVICE_TIME_SAMPLE, fallback: FALLBACK_SERVICE_MINUTES },
      this.digits,
    )
  }

  private async start(): Promise<void> {
    this.services = await this.api.services()
    // the warning is a help: a calendar that cannot be read leaves the form as it was, without it
    const [calendar, timeZone] = await Promise.all([this.api.calendar().catch(() => null), this.timeZone()])
    this.hours = calendar && { calendar, timeZone, today: dayIn(this.api.now(), timeZone) }
    const first = this.services[0]
    if (first) await this.open(first.id)
    else this.load({})
  }

  /** Loads one service's settings into the form. */
  private async open(serviceId: number): Promise<void> {
    this.serviceId = serviceId
    const s = await appointmentsApi(this.api).settings(serviceId)
    this.noCapacity = s.enabled && (await this.holdsNoPlace(serviceId))
    this.load(
      {
        serviceId: String(serviceId),
        enabled: s.enabled,
        walkInShare: String(Math.round(s.walkInShare * 100)),
        ...Object.fromEntries(NUMBERS.map(([name]) => [name, str(s[name])])),
      },
      serviceId,
    )
  }

  /**
   * Whether the service's first open day in the coming week has no place at all: the booking
   * page's own answer (GET slots, reason `no-capacity`), so the warning and the page agree.
   */
  private async holdsNoPlace(serviceId: number): Promise<boolean> {
    const timeZone = await this.timeZone()
    const today = dayIn(this.api.now(), timeZone)
    for (let i = 0; i < CAPACITY_LOOK_DAYS; i++) {
      const day = await appointmentsApi(this.api).slots(serviceId, addDays(today, i))
      if (day.reason === 'no-capacity') return true
      if (day.slots.length > 0) return false
    }
    return false
  }

  private async timeZone(): Promise<string> {
    return (await this.api.settings()).values.timeZone
  }

  /**
   * The warning that the slot length typed is longer than the service's longest open stretch in
   * the days open to booking (as typed too): the booking page would offer no time at all.
   */
  private slotTooLong(): TemplateResult | typeof nothing {
    const slot = intOrNull(this.values.slotMinutes) ?? Number.NaN
    const ahead = intOrNull(this.values.bookAheadDays) ?? Number.NaN
    // a figure the server would refuse says so under its field: no warning made of it
    if (!this.hours || this.values.enabled !== true || !Number.isInteger(slot) || !Number.isInteger(ahead) || ahead < 1) return nothing
    const { calendar, timeZone, today } = this.hours
    const longest = longestStretchMinutes(calendar, this.serviceId, today, Math.min(ahead, MAX_BOOK_AHEAD_DAYS), timeZone)
    if (longest === null || slot <= longest) return nothing
    const text = staffAppointmentText('apptConfig.slotTooLong', this.lang, { slot, longest }, this.digits)
    return html`<p class="pill" data-tone="warn" role="status" data-slot-too-long=${longest}>${text}</p>`
  }

  protected fields(): FieldSpec[] {
    return [
      {
        name: 'serviceId',
        label: this.t('apptConfig.service'),
        kind: 'select',
        options: this.services.map((s) => ({ value: String(s.id), label: nameIn(s, this.lang) })),
      },
      { name: 'enabled', label: this.t('apptConfig.enabled'), kind: 'check' },
      this.numberField(NUMBERS[0]!),
      {
        name: 'walkInShare',
        label: this.t('apptConfig.walkInShare'),
        kind: 'number',
        min: 0,
        max: WALK_IN_MAX_PERCENT,
        hint: this.t('apptConfig.walkInShareHint'),
      },
      ...NUMBERS.slice(1).map((n) => this.numberField(n)),
    ]
  }

  private numberField([name, key, min, max]: (typeof NUMBERS)[number]): FieldSpec {
    const hint = name === 'serviceMinutes' ? { hint: this.t('apptConfig.serviceMinutesHint') } : {}
    return { name, label: this.t(key), kind: 'number', min, max, ...hint }
  }

  override render(): TemplateResult {
    if (!this.loaded) return this.loading()
    if (this.services.length === 0) return html`<p class="muted">${this.t('staffBook.none')}</p>`
    return html`<form class="card" data-form="appointments" aria-labelledby="appt-title" novalidate @submit=${this.onSubmit} @change=${this.onPick}>
        <h2 id="appt-title">${this.t('apptConfig.title')}</h2>
        ${this.noCapacity ? html`<p class="pill" data-tone="warn" role="status" data-no-capacity>${this.t('apptConfig.noCapacity')}</p>` : nothing}
        ${this.slotTooLong()}
        ${this.fields().map((f) => this.field(f))} ${this.footer()}
      </form>
      ${this.serviceId ? html`<tabour-appointment-day-form .api=${this.api} .lang=${this.lang} .digits=${this.digits} .serviceId=${this.serviceId}></tabour-appointment-day-form>` : nothing}`
  }

  /** Picking another service loads its settings (what was typed for the last one is dropped). */
  private readonly onPick = (e: Event) => {
    const el = e.target as HTMLSelectElement
    if (el.name === 'serviceId' && Number(el.value) !== this.serviceId) void this.open(Number(el.value))
  }

  private readonly onSubmit = async (e: Event) => {
    e.preventDefault()
    const v = this.values
    const share = str(v.walkInShare).trim()
    const body = {
      enabled: v.enabled === true,
      walkInShare: share === '' ? Number.NaN : Number(share) / 100,
      ...Object.fromEntries(NUMBERS.map(([name]) => [name, intOrNull(v[name])])),
    } as AppointmentSettings
    // the server's limit is a fraction (0.95): its refusal would name the wrong unit for a percent field
    if (!(body.walkInShare >= 0 && body.walkInShare <= WALK_IN_MAX_PERCENT / 100)) {
      this.errors = { walkInShare: this.t('apptConfig.walkInShareRange') }
      this.notice = null
      return
    }
    const serviceId = this.serviceId
    await this.saveWith(async () => {
      await appointmentsApi(this.api).putSettings(serviceId, body)
      const notice = this.notice
      await this.open(serviceId)
      this.notice = notice
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-appointments-config': AppointmentsConfig
  }
}
