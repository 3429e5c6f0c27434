/**
 * `<tabour-hours-banner>`: the center's opening hours on the board (issue 18). Outside hours a
 * band says "Closed — opens Sunday at 08:00"; in the last half hour before closing, "The
 * center closes at 15:00". Both languages at once, like the rest of the board; nothing when the
 * center is open and not about to close (or has no hours configured). Closed while tickets taken
 * before the closing still wait to be served (serve-until-empty, or cancel-after's grace), it says
 * the center takes no new tickets but serves those, not "Closed" (walk 2026-12-05). It asks the
 * center every minute, at the moment the band's words change with the clock (the warning, the
 * closing, the opening: no event says so), and, while closed, whenever the board's line lengths
 * change: the last waiting ticket called (or the grace's cancelling) ends "serving those already
 * taken" then, not up to a minute later. With a daily close where the hours go on (a 24-hour
 * center), the last half hour of the business day says the day's line closes instead.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { CalendarNow, HoursNow } from '../protocol/calendar.ts'
import { hoursText } from '../protocol/messages/hours.ts'
import { closesSoonText, opensText } from '../ui-common/opening-words.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { fetchHoursNow } from './display-api.ts'
import { CLOSING_NOTICE_MS, DAY_TURNED, dayMayHaveTurned, nextBandChangeMs } from './hours-band-moments.ts'

const POLL_MS = 60_000

/** What the band says in `lang`, or null for nothing. */
export function hoursNotice(hours: HoursNow, timeZone: string | undefined, lang: Lang, digits: DigitStyle): string | null {
  const at = Date.parse(hours.at)
  // closed, but the line is served out: "Closed — opens tomorrow" would send ticket holders home
  if (!hours.open && hours.servingOn) return hoursText('hours.closedServingOn', lang, {}, digits)
  if (!hours.open) {
    const opens = hours.opensAt ? opensText(hours.opensAt, at, timeZone, lang, digits) : null
    return opens ? hoursText('hours.closedOpens', lang, { opens }, digits) : hoursText('hours.closed', lang, {}, digits)
  }
  if (hours.closesAt && Date.parse(hours.closesAt) - at <= CLOSING_NOTICE_MS) return closesSoonText(hours, timeZone, lang, digits)
  return null
}

/** The band's state, for its colour and for tests: closing soon (the hours' or the day's), closed, or closed but serving the line out. */
function bandState(hours: HoursNow): string {
  if (hours.open) return hours.dayClose ? 'day-closing-soon' : 'closing-soon'
  return hours.servingOn ? 'closed-serving' : 'closed'
}

@customElement('tabour-hours-banner')
export class HoursBanner extends LitElement {
  static override styles = css`
    .band {
      margin: 0;
      padding: 0.5rem 1.5rem;
      background: #7a1f1f;
      color: #fff;
      font-size: 2.25rem;
      font-weight: 700;
      text-align: center;
    }
    .band.soon {
      background: #8a5a00;
    }
    .en {
      display: block;
      font-size: 1.5rem;
      font-weight: 600;
    }
  `

  /** The server's base path. */
  @property() base = ''
  /** The display's device token; null: nothing is asked. */
  @property() token: string | null = null
  /** The center's IANA zone; default the browser's. */
  @property() timeZone: string | undefined
  /** Digits of the Arabic line; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** How many wait in the center's lines, as the board's pushes tell it; null: not known. */
  @property({ type: Number }) waiting: number | null = null
  @state() private hours: CalendarNow | null = null
  private timer: ReturnType<typeof setInterval> | undefined
  /** The next moment the band's words change with the clock, when it comes before the next minute's ask. */
  private edge: ReturnType<typeof setTimeout> | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    void this.refresh()
    this.timer = setInterval(() => void this.refresh(), POLL_MS)
  }

  override disconnectedCallback(): void {
    clearInterval(this.timer)
    clearTimeout(this.edge)
    super.disconnectedCallback()
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('token') && this.token) void this.refresh()
    // closed, a line's length decides between "serving those already taken" and "closed": ask again
    // (open, the band follows the clock only; the first value is not a change)
    else if (changed.has('waiting') && changed.get('waiting') != null && this.hours && !this.hours.open) void this.refresh()
  }

  override render(): TemplateResult | typeof nothing {
    const hours = this.hours
    if (!hours) return nothing
    const ar = hoursNotice(hours, this.timeZone, 'ar', this.digits)
    if (ar === null) return nothing
    return html`<p class="band ${hours.open || hours.servingOn ? 'soon' : 'closed'}" role="status" data-hours=${bandState(hours)}>
      <span lang="ar">${ar}</span><span class="en" lang="en" dir="ltr">${hoursNotice(hours, this.timeZone, 'en', 'western')}</span>
    </p>`
  }

  private async refresh(): Promise<void> {
    if (!this.token) return
    try {
      const before = this.hours
      this.hours = await fetchHoursNow(this.base, this.token)
      this.watchEdge(this.hours)
      // the board's list of past calls is the day's: the host asks for a snapshot (display-app.ts)
      if (before && dayMayHaveTurned(before, this.hours)) this.dispatchEvent(new Event(DAY_TURNED, { bubbles: true, composed: true }))
    } catch {
      // the board's own offline notice covers a lost center; keep what was shown
    }
  }

  /** Asks again just after the band's next change with the clock, if it comes before the minute's ask (the center's clock: `hours.at`). */
  private watchEdge(hours: HoursNow): void {
    clearTimeout(this.edge)
    const inMs = nextBandChangeMs(hours)
    // a second late: the center, asked at the very moment, must already be past it
    if (inMs !== null && inMs < POLL_MS) this.edge = setTimeout(() => void this.refresh(), inMs + 1000)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hours-banner': HoursBanner
  }
}
