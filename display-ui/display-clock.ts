/**
 * `<tabour-display-clock>`: the time, large, and the date in Arabic and English, Gregorian and
 * (optionally) Hijri by the Umm al-Qura calendar, all in the center's time zone and by the
 * center's clock (ui-common/server-clock.ts, as the console's and the dashboard's): a TV whose own
 * clock is wrong still shows the center's time. Ticks once a second and re-renders only when the
 * minute (or the day) changes.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { ServerClock } from '../ui-common/server-clock.ts'
import { clockText } from './clock-text.ts'
import { legibleZeros, ZERO_STYLES } from '../ui-common/legible-zeros.ts'
import { SEPARATOR } from '../protocol/messages/separator.ts'

@customElement('tabour-display-clock')
export class DisplayClock extends LitElement {
  static override styles = [
    ZERO_STYLES,
    css`
    :host {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 2.2vmin;
      line-height: 1.15;
    }
    .time {
      font-size: 7vmin;
      font-weight: 700;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .dates {
      display: grid;
      gap: 0.4vmin;
      font-size: 2.3vmin;
      white-space: nowrap;
    }
    .en {
      opacity: 0.85;
      font-size: 2vmin;
    }
    .hijri {
      color: var(--display-accent, #ffc20e);
    }
  `,
  ]

  /** The center's IANA time zone; default the TV's own. */
  @property() timeZone: string | undefined
  /** Digits of the Arabic lines; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** Show the Hijri date; default true. */
  @property({ type: Boolean }) hijri = true

  /** The center's clock (the display session's); none: the TV's own. */
  @property({ attribute: false }) clock: ServerClock | null = null

  @state() private now = new Date()
  private timer: ReturnType<typeof setInterval> | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    this.timer = setInterval(() => this.tick(), 1000)
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('clock')) this.now = this.read()
  }

  /** The minute (or the clock's offset, learnt from a snapshot) moved: render the new time. */
  private tick(): void {
    const now = this.read()
    if (Math.floor(now.getTime() / 60_000) !== Math.floor(this.now.getTime() / 60_000)) this.now = now
  }

  private read(): Date {
    return new Date(this.clock ? this.clock.now() : Date.now())
  }

  override disconnectedCallback(): void {
    clearInterval(this.timer)
    super.disconnectedCallback()
  }

  override render(): TemplateResult {
    const c = clockText(this.now, this.timeZone, this.digits)
    return html`
      <span class="time" data-clock>${legibleZeros(c.time)}</span>
      <span class="dates">
        <span lang="ar" dir="rtl">${legibleZeros(c.dateAr)}${this.hijri ? html`${SEPARATOR}<span class="hijri" data-hijri>${c.hijriAr}</span>` : nothing}</span>
        <span class="en" lang="en" dir="ltr">${c.dateEn}${this.hijri ? html`${SEPARATOR}<span class="hijri">${c.hijriEn}</span>` : nothing}</span>
      </span>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-display-clock': DisplayClock
  }
}
