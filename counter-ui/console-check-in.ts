/**
 * `<tabour-console-check-in>`: a clerk checks a citizen in by their booking code (issue 19),
 * e.g. when the kiosk is out of order or the citizen reads the code aloud. The same check-in as
 * the kiosk's (POST /check-in): a ticket marked as an appointment, or "too early" / "too late".
 * The outcome is said in the screen's current language (check-in-said.ts) until the clerk types
 * the next code or NEWS_MS pass.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { CheckInResult } from '../protocol/appointments.ts'
import { appointmentErrorKey, appointmentText } from '../protocol/messages/appointments.ts'
import { isRefusal, NEWS_MS, saidOf, saidText, type CheckInSaid } from './check-in-said.ts'
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

  @state() private said: CheckInSaid | null = null
  @state() private busy = false
  /** Drops `said` once it is no longer news. */
  private newsTimer: ReturnType<typeof setTimeout> | undefined

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.tell(null)
  }

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
          @input=${() => this.tell(null)}
        />
        <button type="submit" class="primary" data-action="console-check-in" ?disabled=${this.busy}>${t('checkIn.submit')}</button>
      </form>
      <p class="hint" id="check-in-hint">${t('console.checkIn.hint')}</p>
      ${this.said ? html`<p class=${isRefusal(this.said) ? 'said bad' : 'said'} role="status" data-said>${saidText(this.said, this.lang, this.digits)}</p>` : nothing}
    </section>`
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const text = String(new FormData(form).get('code') ?? '').trim()
    if (await this.checkIn(text)) form.reset()
  }

  /** Checks `text` in and says the outcome; true when a ticket came of it (the code box is then emptied). */
  private async checkIn(text: string): Promise<boolean> {
    if (!this.staff || text === '') return false
    this.busy = true
    try {
      const result = await this.staff.request<CheckInResult>(apiUrl(this.base, '/check-in'), {
        method: 'POST',
        body: { text, lang: this.lang },
      })
      this.tell(saidOf(result))
      return result.outcome === 'ticket'
    } catch (err) {
      this.tell({ kind: 'failed', key: err instanceof ApiError ? appointmentErrorKey(err.code, 'checkIn.failed') : 'checkIn.failed' })
      return false
    } finally {
      this.busy = false
    }
  }

  /** Says `said` (null: nothing) for NEWS_MS at most. */
  private tell(said: CheckInSaid | null): void {
    clearTimeout(this.newsTimer)
    this.said = said
    if (said) this.newsTimer = setTimeout(() => this.tell(null), NEWS_MS)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-console-check-in': ConsoleCheckIn
  }
}
