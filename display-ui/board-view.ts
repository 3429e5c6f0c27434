/**
 * The waiting-room board as a plain function of what it shows: `<tabour-display-app>`
 * (display-app.ts) renders it from its session and its voice, and the center renders the same
 * template into the display's page as its first screen, from the snapshot the page carries,
 * before the page's script has run (server/first-screen/, issue 22): one markup, so the two
 * cannot drift apart. `snapshotBoard` is how both turn a snapshot into the board's calls.
 */
import { html, nothing, type TemplateResult } from 'lit'
import type { BoardSnapshot } from '../protocol/board-snapshot.ts'
import type { CenterNews, MediaItem } from '../protocol/center.ts'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import type { CalledTicket } from '../protocol/events.ts'
import { displayText, type DisplayMessageKey } from '../protocol/messages/display.ts'
import { formatNumber, ticketLabel, type DigitStyle } from '../ui-common/digits.ts'
import type { ServerClock } from '../ui-common/server-clock.ts'
import type { DisplayCenter } from './display-api.ts'
import type { DisplaySettings } from './display-settings.ts'
import { legibleZeros } from '../ui-common/legible-zeros.ts'
import { newsLanguages } from './news-languages.ts'
import { fromSnapshot, withPast } from './now-serving.ts'
import { callKey, idleNowKey, isEarlierCall, spokenBoard, type SpokenBoard, type VoiceState } from './spoken-board.ts'
import { type ZoneLines, zoneWaiting } from './zone-lines.ts'

/** What the board shows. */
export interface BoardView {
  /** Null until loaded: the product's name stands in for the center's. */
  center: DisplayCenter | null
  settings: DisplaySettings
  /** The calls still at a counter, newest first. */
  calls: readonly CalledTicket[]
  /** Calls gone from the board, newest first. */
  past: readonly CalledTicket[]
  services: readonly ServiceWithQueue[]
  waitingLines: ZoneLines
  news: CenterNews
  media: readonly MediaItem[]
  /** The center's clock: what the header's clock shows (the TV's own may be off); null: the TV's. */
  clock: ServerClock | null
  /** For the hours band: the server's prefix and the display's token. */
  base: string
  token: string | null
  /** The feed is connected (or not missing for longer than its grace period). */
  connected: boolean
  synced: boolean
  snapshotFrom: 'none' | 'http' | 'feed'
  /** What the voice says and what waits to be said. */
  spoken: VoiceState
  /** The call flashing now (callKey), or null. */
  flashing: string | null
  /** The browser holds the sound back: a small mark for staff. */
  soundLocked: boolean
}

/**
 * The board's calls from a snapshot: those still at a counter, and those gone (the center's list
 * of them). A call keeps the snapshot's `recall`, so a TV that (re)connects after a recall, and the
 * first screen the center draws, show the "Recall" mark as a TV that saw the push does.
 */
export function snapshotBoard(s: Pick<BoardSnapshot, 'recentCalls' | 'pastCalls' | 'counters'>): {
  calls: CalledTicket[]
  past: CalledTicket[]
} {
  const calls = fromSnapshot(s.recentCalls, s.counters)
  return { calls, past: withPast(s.pastCalls, [], calls) }
}

/** Both languages of a caption: Arabic, then English smaller. */
const both = (key: DisplayMessageKey): TemplateResult =>
  html`${displayText(key, 'ar')} <span class="en" lang="en" dir="ltr">${displayText(key, 'en')}</span>`

/**
 * The staff-only "sound blocked" mark, drawn: as the emoji 🔇 it needed an emoji font, which a
 * display's machine may lack (Debian's Chromium here has none), and showed as a missing-glyph box.
 */
const MUTED_SPEAKER = html`<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor"></path><path d="M17 9l5 6M22 9l-5 6"></path></svg>`

/**
 * The arrow from a ticket to its counter, drawn: as the character ← it is in none of Cairo's
 * subsets, so the bold arrow of the first frame fell through to Noto Naskh Arabic (whose bundled
 * face has no unicode-range), fetched its 53 KB bold file at the first frame and, with
 * font-display block, hid the arrow until it came (issue 22: no face the first frame does not
 * preload). Sized by the font size, coloured by the text colour, as the character was.
 */
const ARROW = html`<svg class="arrow-icon" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M20 12H4M10 6l-6 6 6 6"></path></svg>`

/** The board: the header, the call, the recent calls, the waiting lines and the places of the parts that load after it. */
export function boardTemplate(view: BoardView): TemplateResult {
  const { settings, center, calls } = view
  const digits = settings.digits
  const withMedia = settings.media && view.media.length > 0
  const board = spokenBoard(calls, view.spoken)
  // still to be spoken, then still at a counter, then gone from its counter (finding 19): greyed, never the big call
  const listed = [
    ...board.next.map((call) => ({ call, state: 'pending' as const })),
    ...board.earlier.map((call) => ({ call, state: 'current' as const })),
    ...view.past.map((call) => ({ call, state: 'past' as const })),
  ]
  return html`
      <header>
        <div class="center">
          <span class="mark" aria-hidden="true">ط</span>
          <h1 class="names">
            <span class="name-ar" lang="ar">${center?.nameAr ?? displayText('product.name', 'ar')}</span>
            <span class="name-en" lang="en" dir="ltr">${center?.nameEn ?? displayText('product.name', 'en')}</span>
          </h1>
        </div>
        <tabour-display-clock .clock=${view.clock} .timeZone=${center?.timeZone} .digits=${digits} ?hijri=${settings.hijriDate}></tabour-display-clock>
      </header>
      <main class="${withMedia ? 'with-media' : ''} ${view.connected ? '' : 'stale'}" data-screen="board" data-synced=${view.synced ? 'yes' : 'no'} data-board=${view.snapshotFrom}>
        ${renderNow(view, board, digits)}
        <section class="recent">
          ${settings.recentCalls > 0 ? html`<h2>${both('display.recent')}</h2>` : nothing}
          ${settings.recentCalls > 0 && listed.length === 0 && view.snapshotFrom !== 'none' ? renderNoRecent(board.now !== undefined) : nothing}
          <ol data-recent>
            ${listed.slice(0, settings.recentCalls).map(
              ({
                call: c,
                state,
              }) => html`<li data-call-ticket=${c.ticket.label} data-counter=${c.counter.number} data-pending=${state === 'pending' ? 'yes' : 'no'} data-past=${state === 'past' ? 'yes' : 'no'} class=${state === 'current' ? '' : state}>
                <span class="label ltr">${ticketLabel(c.ticket.label)}</span>
                <span class="to" aria-hidden="true">${ARROW}</span>
                <span class="counter"><span class="small">${displayText('display.counter', 'ar')}<span class="en" lang="en" dir="ltr" data-counter-en>${displayText('display.counter', 'en')}${digits === 'western' ? '' : ` ${c.counter.number}`}</span></span>${legibleZeros(formatNumber(c.counter.number, { digits }))}</span>
                ${state === 'pending' ? html`<span class="next-badge">${both('display.nextToAnnounce')}</span>` : nothing}
              </li>`,
            )}
          </ol>
        </section>
        ${withMedia ? html`<section class="media"><tabour-media-panel .items=${view.media} .seconds=${settings.mediaSeconds}></tabour-media-panel></section>` : nothing}
      </main>
      ${settings.showWaiting ? renderWaiting(view, digits) : nothing}
      <tabour-hours-banner .base=${view.base} .token=${view.token} .waiting=${view.services.reduce((n, s) => n + s.waiting, 0)} .timeZone=${center?.timeZone} .digits=${digits}></tabour-hours-banner>
      <tabour-news-ticker .news=${view.news} ?data-news=${newsLanguages(view.news).length > 0}></tabour-news-ticker>
      ${view.connected ? nothing : html`<div class="offline" role="status" data-offline>${both('display.reconnecting')}</div>`}
      ${
        view.soundLocked
          ? html`<span class="sound-blocked" data-sound-blocked role="img" aria-label=${`${displayText('display.soundBlocked', 'ar')} / ${displayText('display.soundBlocked', 'en')}`} title=${displayText('display.soundBlocked', 'en')}>${MUTED_SPEAKER}</span>`
          : nothing
      }
    `
}

/**
 * A quiet line where the recent calls go, before there are any (walk 2026-12-05, d1-tv-ar-empty):
 * none yet today, or none before the big call. True after a restart too (see display.noCallsToday).
 */
function renderNoRecent(besideACall: boolean): TemplateResult {
  const key = besideACall ? 'display.noEarlierCalls' : 'display.noCallsToday'
  return html`<p class="no-recent" data-recent-empty=${besideACall ? 'earlier' : 'today'}>
    ${displayText(key, 'ar')}<span class="en" lang="en" dir="ltr">${displayText(key, 'en')}</span>
  </p>`
}

function renderNow(view: BoardView, board: SpokenBoard, digits: DigitStyle): TemplateResult {
  const { now: call, speaking } = board
  if (!call) {
    // before the first snapshot nothing is known of the day's calls: "No calls right now" and "No
    // calls here yet today" were said over 9 calls for as long as it took (walk s53, a loaded box)
    const idle = view.snapshotFrom === 'none' ? 'display.loadingCalls' : idleNowKey(board)
    return html`<section class="now" data-now="none">
      <h2>${both('display.nowServing')}</h2>
      <p class="idle" data-idle=${idle}>${displayText(idle, 'ar')}<span class="en" lang="en" dir="ltr">${displayText(idle, 'en')}</span></p>
    </section>`
  }
  const key = callKey(call)
  // an earlier call the panel fell back to is shown quietly: no call colours, not read out at once
  const earlier = isEarlierCall(board, view.past)
  const state = earlier ? 'earlier' : view.flashing === key ? 'flash' : ''
  // The big counter number is Arabic text (the center's digits); under Arabic-Indic digits the
  // English caption says "Counter 3" too, since English text is always Western (digits.ts).
  return html`<section class="now ${state}" data-now=${call.ticket.label} data-counter=${call.counter.number} data-speaking=${speaking ? 'yes' : 'no'} data-now-call=${earlier ? 'earlier' : 'latest'} role="status" aria-live=${earlier ? 'polite' : 'assertive'}>
    <h2>${both(earlier ? 'display.calledEarlier' : 'display.nowServing')} ${call.recall ? html`<span class="badge">${both('display.recall')}</span>` : nothing}</h2>
    <div class="now-body">
      <div class="cell">
        <span class="cap">${displayText('display.ticket', 'ar')}<span class="en">${displayText('display.ticket', 'en')}</span></span>
        <span class="big-label ltr" data-now-label>${ticketLabel(call.ticket.label)}</span>
      </div>
      <span class="arrow" aria-hidden="true">${ARROW}</span>
      <div class="cell">
        <span class="cap">${displayText('display.counter', 'ar')}<span class="en" data-now-counter-en>${displayText('display.counter', 'en')}${digits === 'western' ? '' : ` ${call.counter.number}`}</span></span>
        <span class="big-counter" data-now-counter>${legibleZeros(formatNumber(call.counter.number, { digits }))}</span>
      </div>
    </div>
    <p class="counter-name">${call.counter.name}</p>
  </section>`
}

function renderWaiting(view: BoardView, digits: DigitStyle): TemplateResult | typeof nothing {
  const { noneOpen } = view.waitingLines
  const services = zoneWaiting(view.services, view.waitingLines)
  // nobody called here now is worth saying even with no line to list; an empty list otherwise says nothing
  if (!services.length && !noneOpen) return nothing
  // out of touch, its counts are the last ones heard: dimmed with the calls (walk s55 finding 3)
  return html`<section class="waiting ${view.connected ? '' : 'stale'}" data-waiting data-none-open=${noneOpen ? 'yes' : 'no'}>
    <h2>${both('display.waiting')}</h2>
    ${noneOpen ? html`<p class="none-open" role="status" data-none-open-note>${both('display.noCounterOpen')}</p>` : nothing}
    ${services.map(
      ({ service: s, waiting }) => html`<div class="svc" data-service=${s.prefix}>
        <span class="prefix ltr">${s.prefix}</span>
        <span class="names"><span lang="ar">${s.nameAr}</span><span class="en" lang="en" dir="ltr">${s.nameEn}</span></span>
        <span class="count" data-waiting-count>${legibleZeros(formatNumber(waiting, { digits }))}</span>
      </div>`,
    )}
  </section>`
}
