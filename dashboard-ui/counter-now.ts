/**
 * What a counter is doing now, in the live view's counters table: its current ticket called or
 * being served, since when (the time and the minutes), and a paused counter's reason
 * and since when, in the console's own words. The minutes move with the app's clock (`now`, the
 * center's time, every 30 s): a ticket called long ago and never started, or served far past the
 * usual, is what a manager walks over to ask about (walk 2026-12-06: C-002 "called" 9 min 42 s,
 * A-003 "serving" over 25 min, a counter paused for prayer, none of it shown).
 */
import { html, nothing, type TemplateResult } from 'lit'
import type { Counter } from '../protocol/entities.ts'
import type { CounterCurrentTicket } from '../protocol/stats.ts'
import { clockTime } from '../protocol/messages/clock-time.ts'
import { consoleText, pauseReasonText } from '../protocol/messages/console.ts'
import { dashboardText } from '../protocol/messages/dashboard.ts'
import { staffingText } from '../protocol/messages/staffing.ts'
import { formatNumber } from '../ui-common/digits.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { pausedSinceText, wholeMinutes } from '../ui-common/whole-minutes.ts'

export interface Clock {
  now: number
  timeZone: string
  lang: Lang
  digits: DigitStyle
}

/** Whole minutes from `since` to `now`, as the console counts them. */
const minutesSince = (since: string, now: number): number => wholeMinutes((now - Date.parse(since)) / 1000)

/**
 * The current ticket's cell: its label and "Called" or "Being served" (a short pill, so the column
 * stays narrow), then "since 09:26 (9 min)", the call's or the start's time; "—" for none.
 */
export function currentTicketCell(current: CounterCurrentTicket | null | undefined, c: Clock): TemplateResult {
  if (!current) return html`—`
  const since = dashboardText(
    'live.nowSince',
    c.lang,
    { time: clockTime(current.since, c.timeZone, c.lang, c.digits), n: minutesSince(current.since, c.now) },
    c.digits,
  )
  return html`<span class="now" data-current=${current.label} data-status=${current.status} data-since=${current.since}
    ><span><bdi>${current.label}</bdi> <span class="pill" data-tone=${current.status === 'called' ? 'warn' : 'ok'}
        >${dashboardText(current.status === 'called' ? 'live.nowCalled' : 'live.nowServing', c.lang)}</span
      ></span
    ><span data-now-since>${since}</span></span
  >`
}

/** Under a paused counter's state: "Reason: Prayer", then "Paused since 10:42 (12 min)"; nothing when not paused. */
export function pausedDetail(counter: Counter, c: Clock): TemplateResult | typeof nothing {
  if (counter.state !== 'paused') return nothing
  const since = counter.pausedSince
  return html`<span class="paused-detail" data-pause-reason=${counter.pauseReason ?? nothing} data-paused-since=${since ?? nothing}>
    ${counter.pauseReason ? html`<span>${consoleText('ticket.pauseReason', c.lang, { reason: pauseReasonText(counter.pauseReason, c.lang) })}</span>` : nothing}
    ${since ? html`<span>${pausedSinceText(since, c.now, c.timeZone, c.lang, c.digits)}</span>` : nothing}
  </span>`
}

/** An away counter's "since 9:42 PM (2 min)": since when its clerk has had no live console, as a paused row says since when it paused (walk s54). */
export function awayDetail(counter: Counter, c: Clock): TemplateResult | typeof nothing {
  const since = counter.awaySince
  if (!since) return nothing
  return html`<span class="paused-detail" data-away-since=${since}>${staffingText('staffing.awaySince', c.lang, {
    time: clockTime(since, c.timeZone, c.lang, c.digits),
    n: formatNumber(minutesSince(since, c.now), { digits: c.digits }),
  })}</span>`
}
