/**
 * The service grid's markup and styles as plain functions of what it shows: the element
 * `<tabour-service-grid>` (service-grid.ts) renders them, and the center renders the same
 * template into the kiosk's page as its first screen before the page's script has run
 * (server/first-screen/, issue 22), so the two cannot drift apart.
 */
import { nameIn } from '../protocol/name-in-language.ts'
import { css, html, type CSSResultGroup, type TemplateResult } from 'lit'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import { otherLang, type Lang } from '../ui-common/i18n.ts'
import { inLang } from '../ui-common/bilingual.ts'
import { waitText } from '../protocol/messages/ticket.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { kioskStyles, moreBelow, tileLook, tilePressed } from './kiosk-styles.ts'
import { kioskText } from '../protocol/messages/kiosk.ts'
import { closedWords, kioskClosingText } from '../ui-common/opening-words.ts'
import { closingNoteOf } from '../protocol/closing-note-of.ts'
import type { ClosingNote } from '../protocol/closing-note.ts'
import { serviceIcon } from '../ui-common/service-icons.ts'
import { legibleZeros, ZERO_STYLES } from '../ui-common/legible-zeros.ts'
import { PHRASE_STYLES, phrases } from '../ui-common/phrases.ts'

/** The service's name in `lang`. */
export const serviceName = nameIn

/** What the grid shows. */
export interface ServiceGridView {
  services: ServiceWithQueue[]
  lang: Lang
  digits: DigitStyle
  /** The center's IANA zone, for opening times in words; undefined: the runtime's. */
  timeZone: string | undefined
  /** The service whose ticket is being issued (every button disabled meanwhile), or null. */
  busyServiceId: number | null
}

/** The grid's shadow-root styles. */
export const serviceGridStyles: CSSResultGroup = [
  themeStyles,
  kioskStyles,
  ZERO_STYLES,
  PHRASE_STYLES,
  moreBelow,
  css`
    /* Where the kiosk gives the grid less room than its tiles need, it scrolls inside itself
       (kiosk-app.ts) and a fade with an arrow at its foot says more is below, until the end. */
    :host {
      display: block;
      overflow-y: auto;
      overscroll-behavior: contain;
      container-type: scroll-state;
    }
    .grid {
      /* room for the tiles' shadow and focus ring inside the scrolling box */
      padding-block-end: 8px;
      display: grid;
      grid-template-columns: repeat(var(--columns, 2), minmax(0, 1fr));
      /* the demo's six services with the printer banner or the closing notes fit 1080×1920 without
         scrolling (walk s54: F's figures sat under the fade): a step less between and inside the tiles */
      gap: var(--tabour-space-2);
    }
    @media (orientation: landscape) {
      .grid {
        --columns: 3;
      }
    }
    @media (max-width: 44rem) {
      .grid {
        --columns: 1;
      }
    }
    [role='listitem'] {
      display: grid;
    }
    .service {
      position: relative;
      inline-size: 100%;
      block-size: 100%;
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      grid-template-areas: 'prefix names' 'figures figures';
      align-items: center;
      gap: var(--tabour-space-1) var(--tabour-space-2);
      ${tileLook}
      padding-block: 0.75rem;
      user-select: none;
      -webkit-tap-highlight-color: transparent;
    }
    .service:active:not(:disabled),
    .service.busy {
      ${tilePressed}
      background: #fff6d6;
    }
    .service.unavailable {
      border-color: #9a9a9a;
      border-style: dashed;
      background: #ececec;
      color: #4a4a4a;
      box-shadow: none;
      cursor: not-allowed;
    }
    .prefix {
      grid-area: prefix;
      display: grid;
      place-items: center;
      min-inline-size: 4rem;
      block-size: 4rem;
      padding-inline: var(--tabour-space-1);
      border-radius: var(--tabour-radius);
      background: var(--tabour-primary);
      color: var(--tabour-on-primary);
      font-size: var(--tabour-text-large);
      font-weight: 700;
    }
    .service.unavailable .prefix {
      background: #7a7a7a;
    }
    .names {
      grid-area: names;
      min-inline-size: 0;
      line-height: 1.25;
      /* a name without spaces (40 letters) breaks inside its tile instead of pushing the page sideways */
      overflow-wrap: anywhere;
    }
    .name {
      display: block;
      font-size: 1.875rem;
      font-weight: 700;
    }
    .name .icon {
      vertical-align: -0.15em;
      margin-inline-end: 0.5rem;
      color: var(--tabour-primary);
    }
    .names .second {
      margin-block-start: 0.25rem;
      font-size: var(--tabour-text-base);
    }
    .figures {
      grid-area: figures;
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--tabour-space-3);
      padding-block-start: var(--tabour-space-1);
      line-height: 1.4;
      border-block-start: 2px solid var(--tabour-surface);
      font-size: var(--tabour-text-base);
    }
    .figures b {
      white-space: nowrap;
      font-weight: 700;
      color: var(--tabour-primary);
    }
    /* a figure stays on one line («حوالي ١٠ دقائق»); the unknown wait is a sentence, the ticket's own («غير معروف،
       لا يوجد شباك يعمل الآن»), which ran out of a half-width tile while a counter was paused (walk s52): it wraps,
       between its clauses (phrases: it read "unknown, no / counter is serving now", walk s52) */
    .figures b[data-wait='unknown'] {
      white-space: normal;
    }
    /* a turned ٠ (legibleZeros) beside a word: room for its diamond, as on the ticket screen */
    .figures .zero {
      margin-inline: 0.12em;
    }
    .unavailable-note,
    .unstaffed-note,
    .closing-note {
      font-weight: 700;
    }
    /* the closing's note takes its own line under the figures, a step smaller than them: at night it is on
       every tile, and in English its two or three lines pushed F's figures under the fade (walk s54) */
    .closing-note {
      flex-basis: 100%;
      font-size: 1.25rem;
      line-height: 1.3;
      padding-block-start: 0.25rem;
    }
    /* the note every tile would carry, once above them, the ticket screen's closing colour */
    .closing-note.shared {
      margin: 0;
      padding-block: 0 var(--tabour-space-1);
      text-align: center;
      color: #8a2a00;
    }
    .issuing {
      color: var(--tabour-primary);
      font-weight: 700;
    }
    .empty {
      padding: var(--tabour-space-4);
      text-align: center;
      font-size: var(--tabour-text-large);
      color: var(--tabour-muted);
    }
  `,
]

/** The grid; `select` is called on a tap of an available service (none: the markup alone). */
export function serviceGridTemplate(view: ServiceGridView, select: (s: ServiceWithQueue) => void = () => undefined): TemplateResult {
  if (view.services.length === 0) return html`<p class="empty">${kioskText('kiosk.noServices', view.lang)}</p>`
  const shared = sharedClosingNote(view)
  return html`${shared ? html`<p class="closing-note shared" role="note" data-closing=${shared.kind} data-day-close=${shared.dayClose}>${legibleZeros(shared.text)}</p>` : null}
    <div class="grid" role="list">${view.services.map((s) => card(view, s, select, shared?.text ?? null))}</div>
    <div class="more" aria-hidden="true">▼</div>`
}

function card(
  view: ServiceGridView,
  s: ServiceWithQueue,
  select: (s: ServiceWithQueue) => void,
  sharedNote: string | null,
): TemplateResult {
  const { lang, busyServiceId } = view
  const other = otherLang(lang)
  const busy = busyServiceId === s.id
  return html`
    <div role="listitem">
      <button
        type="button"
        class="service ${busy ? 'busy' : ''} ${s.available ? '' : 'unavailable'}"
        data-service-id=${s.id}
        data-available=${s.available}
        ?disabled=${!s.available || busyServiceId !== null}
        aria-busy=${busy}
        @click=${() => select(s)}
      >
        <span class="prefix ltr" aria-hidden="true">${s.prefix}</span>
        <span class="names">
          <span class="name">${serviceIcon(s.icon)}${serviceName(s, lang)}</span>
          <span class="second">${inLang(serviceName(s, other), other)}</span>
        </span>
        <span class="figures">
          ${busy ? html`<span class="issuing" role="status">${kioskText('kiosk.issuing', lang)}</span>` : figures(view, s, sharedNote)}
        </span>
      </button>
    </div>
  `
}

/**
 * What a card says under the names. Unstaffed (staffing.ts): a service not offered says no
 * counter is open; one offered anyway says so too, that one may wait, and gives no estimate.
 */
function figures(view: ServiceGridView, s: ServiceWithQueue, sharedNote: string | null): TemplateResult {
  const { lang, digits, timeZone } = view
  const unstaffed = s.staffed === false
  const closed = s.hours && s.active ? closedWords(s.hours, timeZone, lang, digits) : null
  if (!s.available && closed !== null && s.hours) {
    // outside its hours (issue 18): why, and when it opens next, in words; its times' zeros drawn as the
    // figures' are: «يفتح غدًا الساعة ١٢:٠٠ ص» read «١٢:··» in Cairo's dots (walk s52)
    return html`<span class="unavailable-note" data-closed=${s.hours.closedReason ?? ''}>${legibleZeros(closed.why)}</span>
      ${closed.opens ? html`<span data-opens>${legibleZeros(closed.opens)}</span>` : null}`
  }
  if (!s.available) {
    // greyed out for want of a counter only when that is the reason (not a reached daily cap)
    const capReached = s.dailyCap !== null && s.issuedToday >= s.dailyCap
    const offNoCounter = unstaffed && s.active && !capReached && s.whenUnstaffed !== 'offer-without-estimate'
    const key = offNoCounter ? 'kiosk.unstaffed' : s.active && capReached ? 'kiosk.dailyCapReached' : 'kiosk.unavailable'
    return html`<span class="unavailable-note" data-unstaffed=${offNoCounter} data-cap=${s.active && capReached}>${kioskText(key, lang)}</span>`
  }
  // people ahead of a ticket taken now, the figure that ticket prints: the line's own length leaves
  // out the other lines' tickets its counters call first, and "Waiting: 0" beside a ticket saying
  // "2 people ahead" read as a lie (s41); nobody ahead is said in words, not as a 0 (s42)
  const ahead = html`<span data-ahead=${s.ahead}>${aheadWords(s.ahead, lang, digits)}</span>`
  if (unstaffed)
    return html`${ahead}<span class="unstaffed-note" data-unstaffed="true">${phrases(kioskText('kiosk.unstaffedMayWait', lang))}</span>`
  // both figures are read standing back from the kiosk, as the ticket screen's are: a zero is drawn as a
  // diamond (legible-zeros.ts), Cairo's dot made «حوالي ١٠ دقائق» read "١·" (walk s51). Staffed with no
  // estimate: its counters are paused, their clerks present (walk s52: it read as the unstaffed card's words)
  const wait = waitText(s.estimatedWaitSeconds, lang, digits, s.estimatedWaitSeconds === null)
  return html`${ahead}
    <span>${kioskText('ticket.waitLabel', lang)}: <b data-wait=${s.estimatedWaitSeconds ?? 'unknown'}>${s.estimatedWaitSeconds === null ? phrases(wait) : legibleZeros(wait)}</b></span>
    ${closingLine(view, s, sharedNote)}`
}

/**
 * The catalogue's sentence for the people ahead ('kiosk.ahead'), its figure in bold as the wait's
 * is; "No one ahead of you" has no figure, so all of it is bold.
 */
function aheadWords(ahead: number, lang: Lang, digits: DigitStyle): TemplateResult {
  const words = kioskText('kiosk.ahead', lang, { n: ahead }, digits)
  const figure = formatNumber(ahead, { digits })
  const at = ahead > 0 ? words.lastIndexOf(figure) : -1
  if (at < 0) return html`<b>${words}</b>`
  return html`${words.slice(0, at)}<b>${legibleZeros(figure)}</b>${words.slice(at + figure.length)}`
}

/**
 * Before a ticket is taken, what the phone's join page says about the closing (protocol/closing-note.ts):
 * the last ticket or the closing within the half hour, the wait running past it; the day's close
 * of a center open around the clock too, whose waiting tickets it cancels (walk 2026-12-05).
 */
function closingLine(view: ServiceGridView, s: ServiceWithQueue, sharedNote: string | null): TemplateResult | null {
  const note = tileClosingNote(view, s)
  if (!note || note.text === sharedNote) return null
  return html`<span class="closing-note" data-closing=${note.kind} data-day-close=${note.dayClose}>${legibleZeros(note.text)}</span>`
}

/** A tile's closing note (closingLine) and its words; null when it has none. */
function tileClosingNote(view: ServiceGridView, s: ServiceWithQueue): (ClosingNote & { text: string }) | null {
  if (!s.hours) return null
  const timeZone = view.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  const note = closingNoteOf(s.hours, s.estimatedWaitSeconds, timeZone, 'joiner')
  return note ? { ...note, text: kioskClosingText(note, s.takesBookings, view.lang, view.digits) } : null
}

/**
 * The closing note every offered tile carries, word for word (the day's close at night: «يُغلق طابور اليوم
 * الساعة ١٢:٠٠ ص؛ …» on each), said once above the tiles instead; null when an offered tile has none or
 * another, or fewer than two are offered. Six times over, with the printer banner, it pushed F's figures
 * under the fade at 1080×1920 (walk s55).
 */
export function sharedClosingNote(view: ServiceGridView): (ClosingNote & { text: string }) | null {
  const offered = view.services.filter((s) => s.available)
  if (offered.length < 2) return null
  const notes = offered.map((s) => tileClosingNote(view, s))
  const first = notes[0]
  return first && notes.every((n) => n?.text === first.text) ? first : null
}
