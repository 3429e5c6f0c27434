/**
 * `<tabour-hours-view>` (admins): the center's calendar (issue 18). The weekly hours as one line
 * per weekday ("08:00-15:00, 17:00-20:00", empty: a day off), each service's last-ticket
 * cut-off, the business day and what happens at closing, the holidays and special hours
 * (Ramadan) as a list, and the .ics import with a preview of what it changes before anything
 * is stored, and the export; each service's own weekly hours (or the center's), and a month
 * grid of the exceptions (month-calendar.ts) next to their sorted table. An exception added or
 * removed is saved at once (the rest waits for "Save the hours"). The server validates the whole
 * calendar and stores it all or nothing; its refusal names the field and a reason, worded here
 * in the screen's language next to the day, service or exception at fault (hours-errors.ts).
 * While the hub's running bundle sets the weekly hours they are shown, not edited, under the line
 * that says so (the server refuses a change: server/config/hub-weekly-hours.ts).
 * Fires `config-changed`.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { WEEKDAYS, type CenterCalendar, type HoursException, type Weekday, type WeeklyHours } from '../protocol/calendar.ts'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import { hoursEditorText as t, type HoursEditorMessageKey } from '../protocol/messages/hours-editor.ts'
import { ApiError } from '../ui-common/api-client.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import { FIGURE_PATTERN, figureText, typedWholeFigure } from '../ui-common/figure-box.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi, IcsPreview } from './dashboard-api.ts'
import { deskStyles } from './dashboard-styles.ts'
import { placeRefusal, SETTING_ANCHORS, type PlacedError } from './hours-errors.ts'
import { exceptionOverlaps, type ExceptionOverlap } from '../protocol/calendar-overlaps.ts'
import { isolate } from '../ui-common/bilingual.ts'
import { rangeComma, timeRange, timeRanges } from '../ui-common/time-range.ts'
import { exceptionSavedNote } from './exception-saved-note.ts'
import { reachField, reachLine, reachOf, walkInsOnlyField, walkInsOnlyLine, walkInsOnlyOf } from './exception-reach.ts'
import {
  EXAMPLE_LINE,
  EXAMPLE_TIME,
  isAllDay,
  linesOf,
  redigit,
  redigitLines,
  NINE_TO_THREE,
  parseHours,
  WEEK_ORDER,
  type Lines,
} from './hours-lines.ts'
import { dayInWords, inDigits } from './format.ts'
import { dateEcho } from '../ui-common/date-echo.ts'
import { calendarDate } from '../ui-common/calendar-date.ts'
import { parseTimeOfDay } from '../ui-common/time-of-day.ts'
import './month-calendar.ts'
import { serviceLabel } from '../ui-common/service-label.ts'
import { SEPARATOR } from '../protocol/messages/separator.ts'
import { nameIn } from '../protocol/name-in-language.ts'
import { exceptionCalled } from './exception-name.ts'
import { setByHub, type CenterBundleState } from '../protocol/config-bundle.ts'
import { noBundleRoute, weeklyHoursBundle } from './config/hub-bundle-note.ts'

type Where = 'hours' | 'ics' | 'exception'
/** What the tab says after an action, worded at render time so a language switch rewords it. */
type Note =
  | { where: Where; ok: HoursEditorMessageKey }
  | { where: Where; refusal: ApiError; sent: CenterCalendar | null }
  | { where: Where; anchor: string | null; badHours: string }
  | { where: Where; anchor: typeof DAY_START; badTime: string }

/** The anchor of the business day's start: its field and its error. */
const DAY_START = SETTING_ANCHORS.businessDayStartsAt

/** The id of the error shown at `anchor`, for its field's aria-describedby. */
const errorIdOf = (anchor: string) => `error-${anchor.replaceAll('/', '-')}`

@customElement('tabour-hours-view')
export class HoursView extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr));
        align-items: start;
        container-type: inline-size;
      }
      form,
      .rows {
        display: grid;
        gap: 0.6rem;
      }
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
        gap: 0.5rem;
        align-items: end;
      }
      section[data-section='exceptions'] {
        overflow-x: auto;
      }
      /* two columns' room where three fit (three 26rem columns and their gaps: 80rem of this view, 1366 px and
         wider at the page's 16 px): in one of three an overlap note wrapped a word a line and the table ran past
         the card, its Remove buttons behind a scroll (walks s51, s55); where only two fit it keeps its column
         beside the weekly hours, which would stand alone otherwise. The view's own width, not the window's: a
         media query at 90rem, written for the 22 px root font of before s54, left 1366 px with three columns */
      @container (min-width: 80rem) {
        section[data-section='exceptions'] {
          grid-column: span 2;
        }
      }
      p.hub {
        margin: 0.2rem 0 0;
      }
      /* the hub's week, shown not edited: a day and its hours on a line */
      dl.hub-week {
        display: grid;
        gap: 0.3rem;
        margin: 0;
      }
      dl.hub-week > div {
        display: grid;
        grid-template-columns: 8rem 1fr;
        gap: 0.5rem;
      }
      dl.hub-week dt {
        font-weight: 600;
      }
      dl.hub-week dd {
        margin: 0;
      }
      p.reach {
        margin: 0.2rem 0 0;
        font-size: 0.85rem;
        font-weight: 600;
      }
      p.overlap {
        margin: 0.2rem 0 0;
        font-size: 0.85rem;
        color: var(--warn);
      }
      table {
        inline-size: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        padding: 0.3rem;
        text-align: start;
        border-block-end: 1px solid #e2e6ec;
      }
      /* a date whole on its line: never «2027-» over «02-08» where the name takes the row's room */
      td button,
      td[data-date],
      td .range {
        white-space: nowrap;
      }
      /* what is typed, in the order typed, left to right: «٠٨:٠٠-١٥:٠٠» drew as «١٥:٠٠-٠٨:٠٠» (Arabic-Indic
         digits are right-to-left numbers to the bidi algorithm, and took the hyphen with them), while
         «08:00-15:00» read start first; only digits, colons, dashes and commas are meant to be typed here */
      input.hours-line {
        direction: ltr;
        unicode-bidi: bidi-override;
      }
      .wide {
        grid-column: 1 / -1;
      }
      .day-error {
        display: block;
      }
      fieldset {
        display: grid;
        gap: 0.4rem;
        grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
        border: 1px solid #d5dae1;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        align-items: center;
      }
      .date-echo {
        min-block-size: 1.3em;
      }
      /* the file field as a button in the page's language, the chosen file named beside it */
      .file-row {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .file-button {
        font-weight: 600;
        padding-block: 0.4rem;
        padding-inline: 0.9rem;
        border-radius: 8px;
        border: 1px solid var(--tabour-primary);
        background: #fff;
        color: var(--tabour-primary);
        cursor: pointer;
      }
      .file-pick:focus-within .file-button {
        outline: 4px solid var(--tabour-focus);
        outline-offset: 3px;
      }
    `,
  ]

  /** The dashboard's API client. */
  @property({ attribute: false }) api: DashboardApi | null = null
  /** Current language; default 'ar'. */
  @property() override lang: Lang = 'ar'
  /** The center's digits (settings), for the month grid; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** The services, for their cut-offs; default none. */
  @property({ attribute: false }) services: ServiceWithQueue[] = []

  @state() private cal: CenterCalendar | null = null
  /** Weekly lines as typed, by weekday. */
  @state() private lines: Lines = Object.fromEntries(WEEKDAYS.map((d) => [d, ''])) as Lines
  /** Each service's own weekly lines as typed, for services with their own hours. */
  @state() private serviceLines: Record<number, Lines> = {}
  /** The business day's start as typed; null: as saved, written in the screen's digits. */
  @state() private dayStart: string | null = null
  @state() private note: Note | null = null
  /** The center's date (GET /calendar/now `today`: its clock and zone, not the browser's nor UTC): the month the grid opens on. */
  @state() private today = ''
  @state() private preview: IcsPreview | null = null
  /** The exception form's days as picked, for their echo in the page's words. */
  @state() private exceptionDays = { from: '', to: '' }
  /** What the hub's bundles manage here (GET /center/config-bundle); null: none, or an older center. */
  @state() private bundle: CenterBundleState | null = null
  /** The .ics file chosen, named beside its button (the browser's own said "Choose File" on an Arabic page). */
  @state() private icsName: string | null = null
  private icsText = ''

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load(): Promise<void> {
    if (!this.api) return
    const [cal, now, bundle] = await Promise.all([
      this.api.calendar(),
      this.api.calendarNow(),
      this.api.configBundle().catch(noBundleRoute),
    ])
    this.today = now.today
    this.bundle = bundle
    this.use(cal)
  }

  private use(cal: CenterCalendar): void {
    this.cal = cal
    this.dayStart = null
    // always open: the week typed before it was ticked stays, hidden, for when it is unticked
    const typed = WEEKDAYS.some((d) => this.lines[d].trim() !== '')
    this.lines = cal.weekly === null && typed ? this.lines : linesOf(cal.weekly ?? NINE_TO_THREE, this.digits)
    this.serviceLines = Object.fromEntries(
      cal.services.filter((s) => s.weekly !== null).map((s) => [s.serviceId, linesOf(s.weekly!, this.digits)]),
    )
  }

  /** The screen's digits changed (its language did): what is typed follows, digits only. */
  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('digits') || changed.get('digits') === undefined) return
    this.lines = redigitLines(this.lines, this.digits)
    this.serviceLines = Object.fromEntries(Object.entries(this.serviceLines).map(([id, lines]) => [id, redigitLines(lines, this.digits)]))
    if (this.dayStart !== null) this.dayStart = redigit(this.dayStart, this.digits)
  }

  /** The note in the current language, with the line it belongs to. */
  private worded(): (PlacedError & { where: Where; kind: 'ok' | 'error' }) | null {
    const n = this.note
    if (!n) return null
    if ('ok' in n) return { where: n.where, kind: 'ok', anchor: null, text: t(n.ok, this.lang) }
    if ('badTime' in n) {
      const example = inDigits(EXAMPLE_TIME, this.digits)
      return { where: n.where, kind: 'error', anchor: n.anchor, text: t('hoursTab.badDayStart', this.lang, { example, text: n.badTime }) }
    }
    if ('badHours' in n)
      return { where: n.where, kind: 'error', anchor: n.anchor, text: t('hoursTab.badHours', this.lang, { text: n.badHours }) }
    return { where: n.where, kind: 'error', ...placeRefusal(n.refusal, n.sent, this.lang, this.digits) }
  }

  /** The error shown at `anchor` (a day, a service, an exception), if the last refusal names it. */
  private errorAt(anchor: string): TemplateResult | typeof nothing {
    const w = this.worded()
    if (w?.kind !== 'error' || w.anchor !== anchor) return nothing
    return html`<span class="error day-error" role="alert" id=${errorIdOf(anchor)} data-message="error" data-error-for=${anchor}>${w.text}</span>`
  }

  /**
   * What a field tells a screen reader about itself: invalid while the last refusal is at
   * `anchor`, described by its hint (if any) and then by that refusal.
   */
  private aria(anchor: string, hint?: string): { invalid: 'true' | 'false'; describedBy: string | typeof nothing } {
    const w = this.worded()
    const invalid = w?.kind === 'error' && w.anchor === anchor
    const ids = [hint, invalid ? errorIdOf(anchor) : undefined].filter(Boolean).join(' ')
    return { invalid: invalid ? 'true' : 'false', describedBy: ids || nothing }
  }

  override render(): TemplateResult {
    const cal = this.cal
    const lang = this.lang
    if (!cal) return html`<p>…</p>`
    const closing = this.closingInputs(cal)
    return html`
      <section class="card" data-section="weekly">
        <h2>${t('hoursTab.weekly', lang)}</h2>
        <form class="rows" data-form="hours" novalidate @submit=${(e: Event) => this.onSave(e)}>
          ${this.weekInputs(cal)}
          <h3>${t('hoursTab.services', lang)}</h3>
          ${
            // the services' own lines are still typed in: their hint, which the week's lines have otherwise
            this.hubWeek(cal) === null ? nothing : this.dayHint()
          }
          ${this.services.map((s) => this.serviceLine(s))}
          <h3>${t('hoursTab.businessDay', lang)}</h3>
          <div class="row">
            ${this.dayStartInput(cal)}
            ${closing.dailyClose}
          </div>
          <div class="row">${closing.atClosing} ${closing.cancelMinutes}</div>
          <div class="actions">
            <button type="submit" data-action="save-hours">${t('hoursTab.save', lang)}</button>
            ${this.messageFor('hours')}
          </div>
        </form>
      </section>
      ${this.exceptionsCard(cal)} ${this.icsCard()}
    `
  }

  /** The week's lines to type in, or, while the hub's bundle sets them, its hours shown with the line that says so. */
  private weekInputs(cal: CenterCalendar): TemplateResult {
    const lang = this.lang
    const hub = this.hubWeek(cal)
    if (hub !== null)
      return html`<p class="muted hub" id="weekly-hub" data-hub-managed>${t('hoursTab.weeklyByHub', lang, { version: hub }, this.digits)}</p>
        <dl class="hub-week" data-locked="weekly" aria-describedby="weekly-hub">
          ${WEEK_ORDER.map((d) => html`<div data-day=${d}><dt>${t('hoursTab.day', lang, { day: d })}</dt>${this.dayHours(cal.weekly![d])}</div>`)}
        </dl>`
    return html`<label class="check"
        ><input type="checkbox" name="alwaysOpen" .checked=${cal.weekly === null} @change=${(e: Event) => this.setAlwaysOpen((e.target as HTMLInputElement).checked)} />
        ${t('hoursTab.alwaysOpen', lang)}</label
      >
      ${this.dayHint()} ${this.weekReplaced(cal)}
      ${cal.weekly === null ? nothing : WEEK_ORDER.map((d) => this.dayLine(d))}`
  }

  /**
   * The center-wide holidays and special hours in force today, said over the week they replace: a week
   * changed under the demo's ten-year "always open" said "Saved" and nothing else, while the kiosk kept
   * issuing around the clock (walk s55).
   */
  private weekReplaced(cal: CenterCalendar): TemplateResult | typeof nothing {
    const today = this.today
    const inForce = today ? cal.exceptions.filter((e) => e.serviceIds === undefined && e.from <= today && today <= e.to) : []
    if (inForce.length === 0) return nothing
    return html`${inForce.map(
      (e) =>
        html`<p class="muted" data-week-replaced=${e.from}>${t(
          'hoursTab.weekReplaced',
          this.lang,
          {
            name: isolate(exceptionCalled(e, this.lang, this.digits)),
            to: dayInWords(e.to, this.lang, this.digits),
            walkIns: e.walkInsOnly ? 'yes' : 'no',
          },
          this.digits,
        )}</p>`,
    )}`
  }

  /** The version of the hub's running bundle when it sets this week (shown, not edited), else null. */
  private hubWeek(cal: CenterCalendar): number | null {
    return cal.weekly === null ? null : weeklyHoursBundle(this.bundle)
  }

  /** How a day's line is typed (every day line's aria-describedby names it). */
  private dayHint(): TemplateResult {
    return html`<p class="muted" id="day-hint">${t('hoursTab.dayHint', this.lang, { example: timeRanges(parseHours(EXAMPLE_LINE)!, this.digits) })}</p>`
  }

  /** A day's hours as the hub's bundle set them: closed, or its stretches left to right in the screen's digits. */
  private dayHours(hours: WeeklyHours[Weekday]): TemplateResult {
    if (hours.length === 0) return html`<dd data-hours="closed">${t('hoursTab.closedAllDay', this.lang)}</dd>`
    return html`<dd data-hours>${timeRanges(hours, this.digits)}</dd>`
  }

  /**
   * The business day's start: a text field in the page's language and digits (parseTimeOfDay),
   * checked at "Save the hours", its error under it in the screen's language.
   */
  private dayStartInput(cal: CenterCalendar): TemplateResult {
    const lang = this.lang
    const aria = this.aria(DAY_START, 'day-start-hint')
    return html`<label
      >${t('hoursTab.dayStarts', lang)}
      <input
        name="businessDayStartsAt"
        dir="ltr"
        inputmode="numeric"
        autocomplete="off"
        size="6"
        aria-describedby=${aria.describedBy}
        aria-invalid=${aria.invalid}
        .value=${this.dayStart ?? inDigits(cal.businessDayStartsAt, this.digits)}
        @input=${(e: Event) => {
          this.dayStart = (e.target as HTMLInputElement).value
        }}
      /><span class="muted" id="day-start-hint">${t('hoursTab.dayStartHint', lang, { example: inDigits(EXAMPLE_TIME, this.digits) })}</span
      >${this.errorAt(DAY_START)}</label
    >`
  }

  /** The daily close, what happens at closing and the minutes after it, each with its refusal under it. */
  private closingInputs(cal: CenterCalendar): Record<'dailyClose' | 'atClosing' | 'cancelMinutes', TemplateResult> {
    const lang = this.lang
    const a = SETTING_ANCHORS
    const daily = this.aria(a.dailyClose)
    const at = this.aria(a.atClosing)
    const minutes = this.aria(a.cancelAfterMinutes)
    return {
      dailyClose: html`<label class="check"
        ><input type="checkbox" name="dailyClose" aria-invalid=${daily.invalid} aria-describedby=${daily.describedBy} .checked=${cal.dailyClose} @change=${(e: Event) => this.patch({ dailyClose: (e.target as HTMLInputElement).checked })} />
        ${t('hoursTab.dailyClose', lang)}${this.errorAt(a.dailyClose)}</label
      >`,
      atClosing: html`<label
        >${t('hoursTab.atClosing', lang)}
        <select name="atClosing" aria-invalid=${at.invalid} aria-describedby=${at.describedBy} @change=${(e: Event) => this.patch({ atClosing: (e.target as HTMLSelectElement).value as CenterCalendar['atClosing'] })}>
          <option value="serve-until-empty" ?selected=${cal.atClosing === 'serve-until-empty'}>${t('hoursTab.serveUntilEmpty', lang)}</option>
          <option value="cancel-after" ?selected=${cal.atClosing === 'cancel-after'}>${t('hoursTab.cancelAfter', lang)}</option>
        </select>${this.errorAt(a.atClosing)}</label
      >`,
      cancelMinutes: html`<label
        >${t('hoursTab.cancelMinutes', lang)}<input type="text" data-figure inputmode="numeric" pattern=${FIGURE_PATTERN.whole} autocomplete="off" name="cancelAfterMinutes" aria-invalid=${minutes.invalid} aria-describedby=${minutes.describedBy} .value=${figureText(cal.cancelAfterMinutes, this.digits)} @change=${(e: Event) => this.patch({ cancelAfterMinutes: typedWholeFigure((e.target as HTMLInputElement).value) })} />${this.errorAt(a.cancelAfterMinutes)}</label
      >`,
    }
  }

  private dayLine(d: Weekday): TemplateResult {
    return this.dayInput(`weekly/${d}`, d, this.lines[d], { name: `day-${d}`, day: d }, (v) => {
      this.lines = { ...this.lines, [d]: v }
    })
  }

  /** One weekday's intervals, with the refusal worded under it when it is at fault. */
  private dayInput(
    anchor: string,
    d: Weekday,
    value: string,
    attrs: { name: string; day?: string },
    set: (v: string) => void,
  ): TemplateResult {
    const aria = this.aria(anchor, 'day-hint')
    return html`<label
      >${t('hoursTab.day', this.lang, { day: d })}
      <input
        name=${attrs.name}
        data-day=${attrs.day ?? nothing}
        class="hours-line"
        dir="ltr"
        aria-describedby=${aria.describedBy}
        aria-invalid=${aria.invalid}
        .value=${value}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />${this.errorAt(anchor)}</label
    >`
  }

  private serviceLine(s: ServiceWithQueue): TemplateResult {
    const own = this.cal!.services.find((x) => x.serviceId === s.id)
    const name = nameIn(s, this.lang)
    const set = (change: { lastTicketMinutes?: number; stopWhenWaitPastClose?: boolean; weekly?: WeeklyHours | null }) => {
      const base = own ?? { serviceId: s.id, weekly: null, lastTicketMinutes: 0, stopWhenWaitPastClose: false }
      const others = this.cal!.services.filter((x) => x.serviceId !== s.id)
      this.patch({ services: [...others, { ...base, ...change }] })
    }
    const cutoff = this.aria(`service/${s.id}/cutoff`)
    return html`<div class="row" data-service=${s.id}>
      <label>${serviceLabel(s, this.lang)}${SEPARATOR}${t('hoursTab.cutoff', this.lang)}<input type="text" data-figure inputmode="numeric" pattern=${FIGURE_PATTERN.whole} autocomplete="off" name=${`cutoff-${s.id}`} aria-invalid=${cutoff.invalid} aria-describedby=${cutoff.describedBy} .value=${figureText(own?.lastTicketMinutes ?? 0, this.digits)} @change=${(e: Event) => set({ lastTicketMinutes: typedWholeFigure((e.target as HTMLInputElement).value) })} />${this.errorAt(`service/${s.id}/cutoff`)}</label>
      <label class="check"
        ><input type="checkbox" name=${`late-${s.id}`} .checked=${own?.stopWhenWaitPastClose ?? false} @change=${(e: Event) => set({ stopWhenWaitPastClose: (e.target as HTMLInputElement).checked })} />
        ${t('hoursTab.stopWhenLate', this.lang)}</label
      >
      <label class="check"
        ><input type="checkbox" name=${`same-${s.id}`} .checked=${!own?.weekly} @change=${(e: Event) => this.setOwnWeek(s.id, !(e.target as HTMLInputElement).checked, set)} />
        ${t('hoursTab.sameAsCenter', this.lang)}</label
      >
      ${this.errorAt(`service/${s.id}`)}
      ${
        own?.weekly && this.serviceLines[s.id]
          ? html`<fieldset class="wide" data-service-week=${s.id}>
            <legend>${t('hoursTab.serviceHours', this.lang, { name })}</legend>
            ${WEEK_ORDER.map((d) =>
              this.dayInput(`service/${s.id}/${d}`, d, this.serviceLines[s.id]![d], { name: `service-${s.id}-${d}` }, (v) => {
                this.serviceLines = { ...this.serviceLines, [s.id]: { ...this.serviceLines[s.id]!, [d]: v } }
              }),
            )}
          </fieldset>`
          : nothing
      }
    </div>`
  }

  /** A service takes its own weekly hours (starting from the center's lines) or the center's again. */
  private setOwnWeek(id: number, own: boolean, set: (change: { weekly: WeeklyHours | null }) => void): void {
    if (!own) return set({ weekly: null })
    const start = Object.fromEntries(WEEKDAYS.map((d) => [d, parseHours(this.lines[d]) ?? []])) as WeeklyHours
    this.serviceLines = { ...this.serviceLines, [id]: linesOf(start, this.digits) }
    set({ weekly: start })
  }

  private exceptionsCard(cal: CenterCalendar): TemplateResult {
    const lang = this.lang
    const sorted = cal.exceptions.map((e, i) => ({ e, i })).sort((a, b) => a.e.from.localeCompare(b.e.from))
    const overlaps = exceptionOverlaps(cal.exceptions)
    return html`<section class="card" data-section="exceptions">
      <h2>${t('hoursTab.exceptions', lang)}</h2>
      <p class="muted">${t('hoursTab.exceptionsSavedAtOnce', lang)}</p>
      <tabour-month-calendar .cal=${cal} .lang=${lang} .digits=${this.digits} .today=${this.today} .services=${this.services}></tabour-month-calendar>
      ${
        sorted.length === 0
          ? html`<p class="muted">${t('hoursTab.none', lang)}</p>`
          : html`<table data-table="exceptions">
            <thead><tr><th>${t('hoursTab.from', lang)}</th><th>${t('hoursTab.to', lang)}</th><th>${t(lang === 'ar' ? 'hoursTab.nameAr' : 'hoursTab.nameEn', lang)}</th><th>${t('hoursTab.hours', lang)}</th><th></th></tr></thead>
            <tbody>
              ${sorted.map(
                ({ e, i }) => html`<tr data-exception=${e.from}>
                  <td dir="ltr" data-date>${calendarDate(e.from, this.digits)}</td>
                  <td dir="ltr" data-date>${calendarDate(e.to, this.digits)}</td>
                  <td>${nameIn(e, lang)}${setByHub(e) ? html`<p class="muted hub" data-hub-managed>${t('hoursTab.setByHub', lang)}</p>` : nothing}${reachLine(e, this.services, lang, this.digits)}${walkInsOnlyLine(e, lang)}${this.overlapLines(cal, overlaps, i)}</td>
                  ${this.hoursCell(e)}
                  <td>${
                    // the hub's: removed at the hub (the server refuses it here; the next bundle put it back)
                    setByHub(e)
                      ? nothing
                      : html`<button type="button" class="secondary" data-action="remove-exception" @click=${() => void this.saveExceptions(cal.exceptions.filter((_, k) => k !== i))}>${t('hoursTab.remove', lang)}</button>`
                  }${this.errorAt(`exceptions/${i}`)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
      <form class="row" data-form="exception" @submit=${(e: Event) => this.onAddException(e)}>
        ${this.dayField('from')} ${this.dayField('to')}
        <label>${t('hoursTab.nameAr', lang)}<input name="nameAr" lang="ar" dir="rtl" /></label>
        <label>${t('hoursTab.nameEn', lang)}<input name="nameEn" lang="en" dir="ltr" /></label>
        <label>${t('hoursTab.hours', lang)}<input name="hours" dir="ltr" /></label>
        ${reachField(this.services, lang)} ${walkInsOnlyField(lang)}
        <button type="submit" data-action="add-exception">${t('hoursTab.add', lang)}</button>
        ${this.errorAt(`exceptions/${cal.exceptions.length}`)} ${this.messageFor('exception')}
      </form>
    </section>`
  }

  /**
   * An exception's hours in its row: closed, open all day, or its intervals, each kept whole on
   * its line (walk s48: «00:00-» over «24:00»), the screen's digits and comma between them.
   */
  private hoursCell(e: HoursException): TemplateResult {
    const lang = this.lang
    if (e.hours.length === 0) return html`<td data-hours="closed">${t('hoursTab.closedAllDay', lang)}</td>`
    if (isAllDay(e.hours))
      return html`<td data-hours="all-day">${t('hoursTab.openAllDay', lang, { reach: e.serviceIds ? 'service' : 'center' })}</td>`
    const ranges = e.hours.map((h) => html`<span class="range">${timeRange(h, this.digits)}</span>`)
    return html`<td dir="ltr" data-hours>${ranges.map((r, i) => (i === 0 ? r : html`${rangeComma(this.digits)}${r}`))}</td>`
  }

  /**
   * A day of the exception form: the browser's date field (its calendar, its keyboard entry), the day
   * it holds written under it in the page's words and digits (it shows mm/dd/yyyy on an Arabic page).
   */
  private dayField(key: 'from' | 'to'): TemplateResult {
    const echo = `exception-${key}-echo`
    const set = (e: Event) => {
      this.exceptionDays = { ...this.exceptionDays, [key]: (e.target as HTMLInputElement).value }
    }
    return html`<label
      >${t(key === 'from' ? 'hoursTab.from' : 'hoursTab.to', this.lang)}<input type="date" name=${key} required aria-describedby=${echo} @input=${set} @change=${set} />${dateEcho(this.exceptionDays[key], (day) => dayInWords(day, this.lang, this.digits), echo)}</label
    >`
  }

  /**
   * Under exception `i`'s name, each overlap with another and which of the two applies on the
   * shared days (calendar-overlaps.ts: overlaps are accepted, so the list must say who wins).
   */
  private overlapLines(cal: CenterCalendar, overlaps: readonly ExceptionOverlap[], i: number): TemplateResult | typeof nothing {
    const mine = overlaps.filter((o) => o.winner === i || o.loser === i)
    if (mine.length === 0) return nothing
    const lang = this.lang
    return html`${mine.map((o) => {
      const other = cal.exceptions[o.winner === i ? o.loser : o.winner]!
      const from = calendarDate(o.from, this.digits)
      const to = calendarDate(o.to, this.digits)
      const values = {
        other: isolate(exceptionCalled(other, lang, this.digits)),
        days: t('hoursTab.overlapDays', lang, { one: o.from === o.to ? 'yes' : 'no', from, to }),
        why: o.why,
      }
      return html`<p class="overlap" data-overlap=${o.winner === i ? 'applies' : 'yields'}>
        ${t(o.winner === i ? 'hoursTab.overlapApplies' : 'hoursTab.overlapYields', lang, values)}
      </p>`
    })}`
  }

  private icsCard(): TemplateResult {
    const lang = this.lang
    const p = this.preview
    return html`<section class="card" data-section="ics">
      <h2>${t('hoursTab.ics', lang)}</h2>
      <div class="actions">
        <label class="file-pick"
          >${t('hoursTab.icsFile', lang)}
          <span class="file-row"
            ><input type="file" class="visually-hidden" name="ics" accept=".ics,text/calendar" @change=${(e: Event) => void this.onFile(e)} /><span class="file-button" aria-hidden="true">${t('hoursTab.icsChoose', lang)}</span
            ><span data-file-name>${this.icsName ?? t('hoursTab.icsNone', lang)}</span></span
          ></label
        >
        <button type="button" class="secondary" data-action="export-ics" @click=${() => void this.api?.download('/calendar/ics', 'center-calendar.ics')}>${t('hoursTab.export', lang)}</button>
        ${this.messageFor('ics')}
      </div>
      ${
        p
          ? html`<div data-preview>
            <p role="status">
              <span data-added=${p.added.length}>${t('hoursTab.added', lang, { n: p.added.length })}</span> ·
              <span data-changed=${p.changed.length}>${t('hoursTab.changed', lang, { n: p.changed.length })}</span> ·
              <span>${t('hoursTab.unchanged', lang, { n: p.unchanged.length })}</span>
            </p>
            <ul>
              ${[...p.added, ...p.changed.map((c) => c.after)].map((e) => html`<li data-preview-item=${e.from}><span dir="ltr">${calendarDate(e.from, this.digits)} → ${calendarDate(e.to, this.digits)}</span> ${nameIn(e, lang)}</li>`)}
            </ul>
            <button type="button" data-action="import-ics" @click=${() => void this.onImport()}>${t('hoursTab.import', lang)}</button>
          </div>`
          : nothing
      }
    </section>`
  }

  /** The note for `where` when it is not shown at a line of its own. */
  private messageFor(where: Where): TemplateResult | typeof nothing {
    const m = this.worded()
    if (!m || m.where !== where || (m.anchor !== null && m.anchor !== 'ics')) return nothing
    return html`<span class=${m.kind === 'error' ? 'error' : 'muted'} role=${m.kind === 'error' ? 'alert' : 'status'} data-message=${m.kind}>${m.text}</span>`
  }

  /**
   * Only hides or shows the week: what was typed meanwhile (the business day's start, the week's
   * lines, the services' own) stays as typed until "Save the hours" (the walk of 2026-12-06 lost a
   * typed day start here: this re-read the saved calendar). The week saved is the lines shown.
   */
  private setAlwaysOpen(always: boolean): void {
    this.patch({ weekly: always ? null : NINE_TO_THREE })
  }

  private patch(change: Partial<CenterCalendar>): void {
    this.cal = { ...this.cal!, ...change }
  }

  /** The calendar with the weekly lines typed; null (and a message naming the day) when a line is not understood. */
  private edited(): CenterCalendar | null {
    const cal = this.cal!
    const businessDayStartsAt = this.dayStart === null ? cal.businessDayStartsAt : parseTimeOfDay(this.dayStart)
    if (businessDayStartsAt === null) {
      this.note = { where: 'hours', anchor: DAY_START, badTime: this.dayStart! }
      return null
    }
    const week = (lines: Lines, anchor: string): WeeklyHours | null => {
      const weekly = {} as WeeklyHours
      for (const d of WEEKDAYS) {
        const hours = parseHours(lines[d])
        if (hours === null) {
          this.note = { where: 'hours', anchor: `${anchor}/${d}`, badHours: lines[d] }
          return null
        }
        weekly[d] = hours
      }
      return weekly
    }
    // the hub's week goes back as the bundle set it (the server refuses any change of it)
    const weekly = cal.weekly === null || this.hubWeek(cal) !== null ? cal.weekly : week(this.lines, 'weekly')
    if (cal.weekly !== null && weekly === null) return null
    const services = []
    for (const s of cal.services) {
      const lines = this.serviceLines[s.serviceId]
      if (s.weekly === null || !lines) {
        services.push(s)
        continue
      }
      const own = week(lines, `service/${s.serviceId}`)
      if (own === null) return null
      services.push({ ...s, weekly: own })
    }
    return { ...cal, businessDayStartsAt, weekly, services }
  }

  private async onSave(e: Event): Promise<void> {
    e.preventDefault()
    const next = this.edited()
    if (!next || !this.api) return
    await this.attempt('hours', next, async () => {
      this.use(await this.api!.putCalendar(next))
      this.note = { where: 'hours', ok: 'hoursTab.saved' }
    })
  }

  private async onAddException(e: Event): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const data = new FormData(form)
    const get = (k: string) => String(data.get(k) ?? '').trim()
    const hours = parseHours(get('hours'))
    if (hours === null) {
      this.note = { where: 'exception', anchor: null, badHours: get('hours') }
      return
    }
    const exception: HoursException = {
      from: get('from'),
      to: get('to'),
      nameAr: get('nameAr'),
      nameEn: get('nameEn'),
      hours,
      ...reachOf(get('serviceId')),
      ...walkInsOnlyOf(data),
    }
    if (await this.saveExceptions([...this.cal!.exceptions, exception], true)) {
      form.reset()
      this.exceptionDays = { from: '', to: '' }
    }
  }

  /**
   * Stores `exceptions` at once, on the calendar as last saved (weekly hours typed but not saved
   * stay typed, not stored); true when stored.
   */
  private async saveExceptions(exceptions: HoursException[], added = false): Promise<boolean> {
    if (!this.api) return false
    // the center's date read again: a tab left open past midnight judges "already over" by today's
    const [saved, now] = await Promise.all([this.api.calendar(), this.api.calendarNow()])
    this.today = now.today
    const next = { ...saved, exceptions }
    return this.attempt('exception', next, async () => {
      const stored = await this.api!.putCalendar(next)
      this.patch({ exceptions: stored.exceptions })
      this.note = { where: 'exception', ok: added ? exceptionSavedNote(stored.exceptions, now) : 'hoursTab.exceptionSaved' }
    })
  }

  private async onFile(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0]
    this.icsName = file?.name ?? null
    if (!file || !this.api) return
    this.icsText = await file.text()
    await this.attempt('ics', null, async () => {
      this.preview = await this.api!.icsPreview(this.icsText)
    })
  }

  private async onImport(): Promise<void> {
    if (!this.api) return
    await this.attempt('ics', null, async () => {
      const stored = await this.api!.icsImport(this.icsText)
      this.patch({ exceptions: stored.exceptions })
      this.preview = null
      this.note = { where: 'ics', ok: 'hoursTab.imported' }
    })
  }

  /** Runs a call that sends `sent`; a refusal is worded from its field and reason (hours-errors.ts). True when it went through. */
  private async attempt(where: Where, sent: CenterCalendar | null, work: () => Promise<void>): Promise<boolean> {
    try {
      this.note = null
      await work()
      this.dispatchEvent(new CustomEvent('config-changed', { bubbles: true, composed: true }))
      return true
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      this.note = { where, refusal: err, sent }
      return false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hours-view': HoursView
  }
}
