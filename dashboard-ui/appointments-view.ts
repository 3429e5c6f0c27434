/**
 * `<tabour-appointments-view>`: the live view's appointments part for reception (managers and
 * admins, issue 19): book a time for a caller on the phone, today's bookings by slot (read again
 * after each booking), and the day editor (stop bookings on a day, or add places). Nothing at all
 * while no service takes bookings (an admin turns them on under Configuration → Appointments).
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles } from './dashboard-styles.ts'
import { appointmentsApi } from './appointments-api.ts'
import './staff-booking-card.ts'
import './day-bookings-list.ts'
import './config/appointment-day-form.ts'
import { minutePassed } from './minute-passed.ts'

@customElement('tabour-appointments-view')
export class AppointmentsView extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 1rem;
        align-items: start;
        margin-block-start: 1rem;
      }
      :host([hidden]) {
        display: none;
      }
      .side {
        display: grid;
        gap: 1rem;
      }
      @media (max-width: 70rem) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ]

  @property({ attribute: false }) api: DashboardApi | null = null
  @property({ attribute: false }) services: ServiceWithQueue[] = []
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  @property() timeZone = 'Africa/Cairo'
  @property({ type: Number }) now = 0
  @state() private bookings = 0
  /** Days changed in the day form: the booking card reads its services (their shut days) again. */
  @state() private dayChanges = 0
  /** Whether some service takes bookings (read when shown, then each minute). */
  @state() private active = false

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || minutePassed(changed, this.now)) void this.check()
  }

  private async check(): Promise<void> {
    if (!this.api) return
    try {
      this.active = (await appointmentsApi(this.api).bookable()).length > 0
    } catch {
      // the dashboard's banner says when the center is unreachable; the part stays as it was
    }
  }

  protected override updated(): void {
    this.hidden = !this.active
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.active) return nothing
    const { api, lang, digits, timeZone } = this
    return html`<section class="card" data-section="staff-booking" @booked=${() => this.bookings++}>
        <tabour-staff-booking-card .api=${api} .lang=${lang} .digits=${digits} .timeZone=${timeZone} .now=${this.now} .refresh=${this.dayChanges}></tabour-staff-booking-card>
      </section>
      <div class="side" @day-changed=${() => this.dayChanges++}>
        <section class="card" data-section="day-bookings">
          <tabour-day-bookings .api=${api} .services=${this.services} .lang=${lang} .digits=${digits} .timeZone=${timeZone} .now=${this.now} .refresh=${this.bookings}></tabour-day-bookings>
        </section>
        <tabour-appointment-day-form .api=${api} .lang=${lang} .digits=${digits} .timeZone=${timeZone}></tabour-appointment-day-form>
      </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-appointments-view': AppointmentsView
  }
}
