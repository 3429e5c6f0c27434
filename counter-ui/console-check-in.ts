/**
 * `<tabour-console-check-in>`: a clerk checks a citizen in by their booking code (issue 19),
 * e.g. when the kiosk is out of order or the citizen reads the code aloud. The same check-in as
 * the kiosk's (POST /check-in): a ticket marked as an appointment, or "too early" / "too late".
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { CheckInResult } from '../protocol/appointments.ts'
import { appointmentErrorKey, appointmentText } from '../protocol/messages/appointments.ts'
import { ApiError } from '../ui-common/api-client.ts'
import { apiUrl } from '../ui-common/base-path.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import type { StaffSession } from '../ui-common/staff-session.ts'
import { themeStyles } from '../ui-common/theme.ts'

@customElement('tabour-console-check-in')
export class ConsoleCheckIn extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        font-family: var(--tabour-font-family);
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tabour-space-1);
        align-items: end;
      }
      label {
        display: grid;
        flex: 1;
        gap: 0.25rem;
        font-weight: 700;
      }
      input,
      button {
        min-block-size: 2.75rem;
        border-radius: var(--tabour-radius);
        font: inherit;
      }
      input {
        padding-inline: var(--tabour-space-1);
        border: 2px solid var(--tabour-muted);
        text-transform: uppercase;
      }
      button {
        padding-inline: var(--tabour-space-2);
        border: 2px solid var(--tabour-primary);
        background: var(--tabour-primary);
        color: var(--tabour-on-primary);
        font-weight: 700;
      }
      p {
        margin: var(--tabour-space-1) 0 0;
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

  @state() private said: { text: string; bad: boolean } | null = null
  @state() private busy = false

  override render(): TemplateResult {
    const t = (k: Parameters<typeof appointmentText>[0]) => appointmentText(k, this.lang)
    return html`<form @submit=${(e: Event) => void this.onSubmit(e)}>
        <label>${t('console.checkIn.title')}<input name="code" data-field="console-booking-code" dir="ltr" autocomplete="off" required /></label>
        <button type="submit" data-action="console-check-in" ?disabled=${this.busy}>${t('checkIn.submit')}</button>
      </form>
      ${this.said ? html`<p class=${this.said.bad ? 'bad' : ''} role="status" data-said>${this.said.text}</p>` : nothing}`
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
        const locale = lang === 'ar' ? 'ar-EG' : 'en-GB'
        const time = new Intl.DateTimeFormat(locale, { timeZone: result.timeZone, hour: 'numeric', minute: '2-digit' }).format(
          new Date(result.comeBackAt),
        )
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
