/**
 * `<tabour-console-check-in>`: a clerk checks a citizen in by their booking code (issue 19),
 * e.g. when the kiosk is out of order or the citizen reads the code aloud. The same check-in as
 * the kiosk's (POST /check-in): a ticket marked as an appointment, or "too early" / "too late".
 */
import { clockTime } from '../protocol/messages/clock-time.ts'
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { CheckInResult } from '../protocol/appointments.ts'
import { appointmentErrorKey, appointmentText } from '../protocol/messages/appointments.ts'
import { ApiError } from '../ui-common/api-client.ts'
import { apiUrl } from '../ui-common/base-path.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import type { StaffSession } from '../ui-common/staff-session.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import { consoleStyles } from './console-styles.ts'

@customElement('tabour-console-check-in')
export class ConsoleCheckIn extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      /* the console's own type and sizes, like the ticket tools card above it */
      h2 {
        margin: 0 0 0.6rem;
        font-size: 0.95rem;
        font-weight: 700;
        color: var(--console-soft);
        letter-spacing: 0.02em;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tabour-space-1);
        align-items: center;
      }
      input {
        flex: 1;
        min-inline-size: 12rem;
        min-block-size: 2.9rem;
        box-sizing: border-box;
        padding-inline: 0.7rem;
        border: 2px solid var(--console-line);
        border-radius: 8px;
        font: inherit;
        text-transform: uppercase;
      }
      p {
        margin: 0.4rem 0 0;
      }
      .hint {
        color: var(--console-soft);
        font-size: 0.9rem;
      }
      .said {
        font-weight: 700;
      }
      .bad {
        color: var(--tabour-danger);
      }
    `,
  ]

  /** The center's base path; default '' (root). */
  @property() base = ''
  /** The clerk's session (its token and re-login); required. */
  @property({ attribute: false }) staff: StaffSession | null = null
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /** The center's time zone; default Africa/Cairo. */
  @property() timeZone = 'Africa/Cairo'
  /** Digits for times: `digitsFor(lang, the center's setting)` (protocol/messages/digits.ts); default 'western'. */
  @property() digits: DigitStyle = 'western'

  @state() private said: { text: string; bad: boolean } | null = null
  @state() private busy = false

  override render(): TemplateResult {
    const t = (k: Parameters<typeof appointmentText>[0]) => appointmentText(k, this.lang)
    return html`<section aria-labelledby="check-in-title">
      <h2 id="check-in-title">${t('console.checkIn.title')}</h2>
      <form @submit=${(e: Event) => void this.onSubmit(e)}>
        <input
          name="code"
          data-field="console-booking-code"
          dir="ltr"
          autocomplete="off"
          required
          aria-labelledby="check-in-title"
          aria-describedby="check-in-hint"
        />
        <button type="submit" class="primary" data-action="console-check-in" ?disabled=${this.busy}>${t('checkIn.submit')}</button>
      </form>
      <p class="hint" id="check-in-hint">${t('console.checkIn.hint')}</p>
      ${this.said ? html`<p class=${this.said.bad ? 'said bad' : 'said'} role="status" data-said>${this.said.text}</p>` : nothing}
    </section>`
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const text = String(new FormData(form).get('code') ?? '').trim()
    if (!this.staff || text === '') return
    this.busy = true
    const lang = this.lang
    try {
      const result = await this.staff.request<CheckInResult>(apiUrl(this.base, '/check-in'), { method: 'POST', body: { text, lang } })
      if (result.outcome === 'ticket') {
        this.said = { text: appointmentText('console.checkIn.done', lang, { label: result.ticket.label }), bad: false }
        form.reset()
      } else if (result.outcome === 'too_early') {
        const time = clockTime(result.comeBackAt, result.timeZone, lang, this.digits)
        this.said = { text: appointmentText('console.checkIn.tooEarly', lang, { time }), bad: true }
      } else this.said = { text: appointmentText('console.checkIn.tooLate', lang), bad: true }
    } catch (err) {
      this.said = {
        text: appointmentText(err instanceof ApiError ? appointmentErrorKey(err.code, 'checkIn.failed') : 'checkIn.failed', lang),
        bad: true,
      }
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-console-check-in': ConsoleCheckIn
  }
}
