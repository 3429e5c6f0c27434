/**
 * `<tabour-month-calendar>`: one month of the center's calendar as a grid, each day marked
 * open as usual, a holiday, special hours (Ramadan) or a weekly day off, with the deciding
 * exception's name (the same rule as the kiosk's: opening-hours.ts), and one service's own
 * holiday or hours on its day with its own mark, naming the service (calendar-day.ts); a key
 * under the grid says what each mark is. Weeks start on Saturday,
 * as CLDR has it for Egypt, in both languages (the calendar is the center's, not the reader's);
 * right to left in Arabic. A WAI-ARIA grid: one day is tabbable, the arrows move by day and
 * week (mirrored right to left), Page Up / Page Down by month, Home / End to the week's ends.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { CenterCalendar, HoursException } from '../protocol/calendar.ts'
import { addDays, type LocalDate } from '../protocol/center-clock.ts'
import { hoursEditorText as t } from '../protocol/messages/hours-editor.ts'
import { weekdayOf } from '../protocol/opening-hours.ts'
import { serviceLabel, type NamedService } from '../ui-common/service-label.ts'
import { calendarDay, type CalendarDay } from './calendar-day.ts'
import { isAllDay } from './hours-lines.ts'
import { timeRanges } from '../ui-common/time-range.ts'
import { digitsFor, formatNumber, intlLocale, type DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { deskStyles } from './dashboard-styles.ts'
import { exceptionName } from './exception-name.ts'
import { listComma } from '../protocol/messages/list-comma.ts'
import { SEPARATOR } from '../protocol/messages/separator.ts'

/** Saturday = 0 … Friday = 6. */
const column = (day: LocalDate) => ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'].indexOf(weekdayOf(day))
const utc = (day: LocalDate) => new Date(`${day}T12:00:00Z`)

@customElement('tabour-month-calendar')
export class MonthCalendar extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      .head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
      }
      table {
        inline-size: 100%;
        border-collapse: collapse;
        table-layout: fixed;
      }
      th {
        font-weight: 600;
        font-size: 0.85rem;
        padding: 0.2rem;
      }
      td {
        vertical-align: top;
        block-size: 3.6rem;
        padding: 0.2rem;
        border: 1px solid #d5dae1;
        font-size: 0.8rem;
        color: #1d2430;
        background: #fff;
      }
      td:focus {
        outline: 3px solid #1f5fbf;
        outline-offset: -3px;
      }
      td.other {
        color: #5a6472;
        background: #f7f8fa;
      }
      td[data-state='holiday'] {
        background: #fbe3e1;
        color: #5c1510;
      }
      td[data-state='special'] {
        background: #fff1c2;
        color: #4a3700;
      }
      td[data-state='closed'] {
        background: #e9ecf0;
        color: #333b47;
      }
      .n {
        font-weight: 700;
      }
      /* A name wraps at its spaces, never inside a word: «Stocktaki» over «ng» read as two words at
         1366 px (walk s51). A word wider than the cell ends in «…», and the cell's title and
         accessible name hold it whole. Not hyphens: auto: Chromium fetches its dictionaries
         online (none on an offline center's PC, none for Arabic), and without one it broke bare. */
      .name,
      .svc {
        display: block;
        overflow: hidden;
        overflow-wrap: normal;
        text-overflow: ellipsis;
      }
      /* one service's exception: a striped chip on whatever the center's day is, never the center holiday's solid fill */
      .svc,
      .key .swatch[data-mark='service'] {
        background: repeating-linear-gradient(135deg, #efe6fb 0 5px, #fff 5px 10px);
        border: 1px dashed #5b2d91;
        color: #3d1a66;
      }
      /* smaller than the center's name: a cell is about 80 px wide at 1366 px */
      .svc {
        margin-block-start: 0.15rem;
        padding-inline: 0.15rem;
        border-radius: 4px;
        font-size: 0.7rem;
        font-weight: 600;
      }
      .key {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 1rem;
        margin: 0.5rem 0 0;
        padding: 0;
        list-style: none;
        font-size: 0.8rem;
      }
      .key li {
        display: flex;
        align-items: center;
        gap: 0.35rem;
      }
      .swatch {
        display: inline-block;
        inline-size: 1.1rem;
        block-size: 1.1rem;
        border: 1px solid #d5dae1;
        border-radius: 3px;
      }
      .swatch[data-mark='holiday'] {
        background: #fbe3e1;
      }
      .swatch[data-mark='special'] {
        background: #fff1c2;
      }
      .swatch[data-mark='closed'] {
        background: #e9ecf0;
      }
    `,
  ]

  /** The calendar to show (edited or saved). */
  @property({ attribute: false }) cal: CenterCalendar | null = null
  /** Current language; default 'ar'. */
  @property() override lang: Lang = 'ar'
  /** The center's digits (settings): Arabic-Indic ones in Arabic when it uses them; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /**
   * The center's date (YYYY-MM-DD, GET /calendar/now `today`): the day that starts focused and sets
   * the month shown; default none, and nothing is drawn until it is given (never the PC's or UTC's date).
   */
  @property() today: LocalDate = ''
  /** The services, to name the one a service's own exception is for; default none (named by number). */
  @property({ attribute: false }) services: readonly (NamedService & { id: number })[] = []

  @state() private focusDay: LocalDate | null = null

  private get day(): LocalDate {
    return this.focusDay ?? this.today
  }

  /** The month shown, `YYYY-MM`. */
  get month(): string {
    return this.day.slice(0, 7)
  }

  override render(): TemplateResult | typeof nothing {
    if (this.day === '') return nothing
    const lang = this.lang
    const first = `${this.month}-01`
    const start = addDays(first, -column(first))
    const weeks: LocalDate[][] = []
    for (let d = start; weeks.length === 0 || d.slice(0, 7) === this.month; ) {
      const week: LocalDate[] = []
      for (let i = 0; i < 7; i++, d = addDays(d, 1)) week.push(d)
      weeks.push(week)
    }
    const title = new Intl.DateTimeFormat(intlLocale(lang, this.digits), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      utc(first),
    )
    const weekday = new Intl.DateTimeFormat(intlLocale(lang, this.digits), { weekday: 'short', timeZone: 'UTC' })
    const weekdayLong = new Intl.DateTimeFormat(intlLocale(lang, this.digits), { weekday: 'long', timeZone: 'UTC' })
    return html`<div class="head">
        <button type="button" class="secondary" data-action="prev-month" @click=${() => this.moveMonth(-1)}>${t('calendar.prev', lang)}</button>
        <h3 id="month-title" data-month=${this.month} aria-live="polite">${title}</h3>
        <button type="button" class="secondary" data-action="next-month" @click=${() => this.moveMonth(1)}>${t('calendar.next', lang)}</button>
      </div>
      <table role="grid" aria-labelledby="month-title" data-grid="month" @keydown=${(e: KeyboardEvent) => this.onKey(e)}>
        <thead>
          <tr role="row">
            ${weeks[0]!.map((d) => html`<th role="columnheader" scope="col" abbr=${weekdayLong.format(utc(d))}>${weekday.format(utc(d))}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map((w) => html`<tr role="row">${w.map((d) => this.cell(d))}</tr>`)}
        </tbody>
      </table>
      ${this.key()}`
  }

  /** What each mark of the grid is, in the page's language. */
  private key(): TemplateResult {
    const lang = this.lang
    const marks = [
      ['holiday', t('calendar.state', lang, { state: 'holiday' })],
      ['special', t('calendar.state', lang, { state: 'special' })],
      ['closed', t('calendar.state', lang, { state: 'closed' })],
      ['service', t('calendar.keyService', lang)],
    ] as const
    return html`<ul class="key" aria-label=${t('calendar.key', lang)} data-key>
      ${marks.map(([mark, words]) => html`<li data-key-mark=${mark}><span class="swatch" data-mark=${mark} aria-hidden="true"></span>${words}</li>`)}
    </ul>`
  }

  /** A service by its label («A — الجوازات»), or by its number when it is no longer listed. */
  private serviceName(id: number): string {
    const s = this.services.find((x) => x.id === id)
    return s
      ? serviceLabel(s, this.lang)
      : t('hoursTab.serviceNo', this.lang, { id: formatNumber(id, { digits: digitsFor(this.lang, this.digits) }) })
  }

  /** An exception's hours for the day's label: none for a holiday, "open all day" (one service's: while the center is), or its intervals. */
  private hoursWords(e: HoursException | undefined, reach: 'center' | 'service' = 'center'): string {
    if (!e || e.hours.length === 0) return ''
    return isAllDay(e.hours) ? t('hoursTab.openAllDay', this.lang, { reach }) : timeRanges(e.hours, digitsFor(this.lang, this.digits))
  }

  /** An exception's name in the page's language ('' when none: the label already holds the date). */
  private exceptionName(e: HoursException | undefined): string {
    return e ? exceptionName(e, this.lang) : ''
  }

  /** Each one-service exception of the day in words: what it is, for whom, its name. */
  private serviceWords(day: CalendarDay): string[] {
    const lang = this.lang
    return day.services.map((s) => {
      const services = s.serviceIds.map((id) => this.serviceName(id)).join(listComma(lang))
      const words = t('calendar.serviceState', lang, { state: s.state, services })
      const named = [this.exceptionName(s.exception), this.hoursWords(s.exception, 'service')].filter((x) => x !== '').join(SEPARATOR)
      return named === '' ? words : `${words}: ${named}`
    })
  }

  private cell(day: LocalDate): TemplateResult {
    const lang = this.lang
    const marks: CalendarDay = this.cal ? calendarDay(this.cal, day) : { state: 'open', exception: undefined, services: [] }
    const { state, exception } = marks
    const name = this.exceptionName(exception)
    const date = new Intl.DateTimeFormat(intlLocale(lang, this.digits), { dateStyle: 'full', timeZone: 'UTC' }).format(utc(day))
    const words = t('calendar.state', lang, { state })
    const services = this.serviceWords(marks)
    const label = [date, words, name, this.hoursWords(exception), ...services].filter((x) => x !== '').join(SEPARATOR)
    const shown = name || (state === 'open' ? '' : words)
    return html`<td
      role="gridcell"
      data-day=${day}
      data-state=${state}
      data-service-exception=${marks.services.length ? marks.services.flatMap((s) => s.serviceIds).join(' ') : nothing}
      class=${day.slice(0, 7) === this.month ? '' : 'other'}
      tabindex=${day === this.day ? '0' : '-1'}
      aria-label=${label}
      title=${shown !== '' || services.length ? label : nothing}
      aria-selected=${day === this.day ? 'true' : 'false'}
      @click=${() => this.go(day)}
    >
      <span class="n" aria-hidden="true">${formatNumber(Number(day.slice(8)), { digits: digitsFor(lang, this.digits) })}</span>
      <span class="name" aria-hidden="true">${shown}</span>
      ${marks.services.map(
        (s) =>
          html`<span class="svc" aria-hidden="true" data-service-state=${s.state}>${this.exceptionName(s.exception) || s.serviceIds.map((id) => this.serviceName(id)).join(listComma(lang))}</span>`,
      )}
    </td>`
  }

  private moveMonth(by: number): void {
    const [y, m] = this.month.split('-').map(Number)
    const target = new Date(Date.UTC(y!, m! - 1 + by, 1))
    const month = target.toISOString().slice(0, 7)
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
    this.focusDay = `${month}-${String(Math.min(Number(this.day.slice(8)), lastDay)).padStart(2, '0')}`
  }

  private go(day: LocalDate, focus = false): void {
    this.focusDay = day
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`td[data-day="${day}"]`)?.focus())
  }

  private onKey(e: KeyboardEvent): void {
    const rtl = this.lang === 'ar'
    const col = column(this.day)
    const moves: Record<string, () => void> = {
      ArrowRight: () => this.go(addDays(this.day, rtl ? -1 : 1), true),
      ArrowLeft: () => this.go(addDays(this.day, rtl ? 1 : -1), true),
      ArrowDown: () => this.go(addDays(this.day, 7), true),
      ArrowUp: () => this.go(addDays(this.day, -7), true),
      Home: () => this.go(addDays(this.day, -col), true),
      End: () => this.go(addDays(this.day, 6 - col), true),
      PageUp: () => {
        this.moveMonth(-1)
        this.go(this.day, true)
      },
      PageDown: () => {
        this.moveMonth(1)
        this.go(this.day, true)
      },
    }
    const move = moves[e.key]
    if (!move) return
    e.preventDefault()
    move()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-month-calendar': MonthCalendar
  }
}
