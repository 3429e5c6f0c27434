/**
 * The kiosk's frame: its styles, the bar with the center's name, the screen's body and the
 * footer with the language switch. `<tabour-kiosk-app>` renders it around each screen, and the
 * center renders the same functions into the kiosk's page as its first screen before the page's
 * script has run (server/first-screen/, issue 22): one markup, so the two cannot drift apart.
 */
import { css, html, nothing, type CSSResultGroup, type TemplateResult } from 'lit'
import type { CenterInfo } from '../protocol/center.ts'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import { kioskText } from '../protocol/messages/kiosk.ts'
import { inLang } from '../ui-common/bilingual.ts'
import { otherLang, type Lang } from '../ui-common/i18n.ts'
import { kioskScreenStyles } from './kiosk-styles.ts'
import { ZERO_STYLES } from '../ui-common/legible-zeros.ts'

/** `<tabour-kiosk-app>`'s shadow-root styles. */
export const kioskAppStyles: CSSResultGroup = [
  kioskScreenStyles,
  // the closed notice's times (closed-notice.ts), their zeros drawn as the tiles'
  ZERO_STYLES,
  css`
    .notice .zero {
      margin-inline: 0.12em;
    }
    /* The kiosk is exactly one screen tall (ui-common's screenHost only sets a minimum): the
       header, the title, the printer banner, "I have a booking" and the footer with the language
       switch always show; what is longer than the room left scrolls inside main (walk of
       2026-12-05, finding 3: six long names and the banner pushed the footer off a 1080×1920 screen). */
    :host {
      block-size: 100dvh;
      min-block-size: 0;
    }
    header,
    footer {
      flex: none;
      padding-block: var(--tabour-space-2);
      padding-inline: var(--tabour-space-3);
      background: var(--tabour-primary);
      color: var(--tabour-on-primary);
    }
    header {
      text-align: center;
    }
    footer {
      padding-block: var(--tabour-space-1);
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--tabour-space-2);
    }
    .product {
      font-weight: 700;
      opacity: 0.85;
    }
    footer :is(tabour-lang-switch, [data-host='lang-switch'])::part(button) {
      min-inline-size: 14rem;
      min-block-size: 4rem;
      font-size: var(--tabour-text-large);
    }
    .center-name {
      margin: 0;
      font-size: var(--tabour-text-large);
      font-weight: 700;
      line-height: 1.25;
    }
    header .second {
      color: var(--tabour-on-primary);
      opacity: 0.9;
    }
    main {
      flex: 1;
      min-block-size: 0;
      display: flex;
      flex-direction: column;
      /* safe: content taller than main starts at its top, where scrolling can reach it */
      justify-content: safe center;
      gap: var(--tabour-space-3);
      padding-block: var(--tabour-space-2) var(--tabour-space-3);
      padding-inline: var(--tabour-space-3);
      overflow-y: auto;
    }
    main > * {
      flex: none;
    }
    /* The home screen: the services take the room the rest leaves and scroll inside themselves
       (service-grid.ts shows a fade while more is below). A citizen keeps big tiles and always
       sees the title, the banner, "I have a booking" and the language switch, which a shrinking
       page or smaller tiles would trade away. */
    main[data-screen='home'] {
      gap: var(--tabour-space-2);
    }
    main[data-screen='home'] > :is(tabour-service-grid, [data-host='service-grid']),
    /* the ticket on screen likewise: its ticket scrolls above its Done (ticket-confirmation.ts) */
    main[data-screen='confirm'] > tabour-ticket-confirmation {
      flex: 0 1 auto;
      min-block-size: 0;
    }
    h1 {
      margin: 0;
      font-size: 3.25rem;
      line-height: 1.2;
      text-align: center;
      /* the options screen's title is the service's name, which may have no space to break at */
      overflow-wrap: anywhere;
    }
    /* the home's title a step smaller: with the printer banner the six services fit below it (walk s54) */
    main[data-screen='home'] h1 {
      font-size: 2.75rem;
    }
    main[data-screen='home'] .hint {
      font-size: 1.875rem;
    }
    .hint {
      margin: 0;
      margin-block-start: calc(-1 * var(--tabour-space-2));
      text-align: center;
      font-size: var(--tabour-text-large);
      color: var(--tabour-muted);
    }
    .notice {
      font-size: var(--tabour-text-large);
    }
    .loading {
      flex: 1;
      display: grid;
      place-items: center;
      font-size: var(--tabour-text-large);
    }
  `,
]

/** What the frame holds: the screen's kind (main's data-screen), its body and the language switch. */
export interface KioskFrameParts {
  lang: Lang
  center: Pick<CenterInfo, 'nameAr' | 'nameEn'>
  screen: string
  body: unknown
  langSwitch: unknown
  /**
   * Whether the live feed has caught up with what is shown (main's data-feed: "synced" or "joining"; the first
   * screen the center draws has no feed yet). Nothing on screen depends on it: it tells a watcher (the e2e tests)
   * that a change made from now on reaches the screen as a push, not in a snapshot asked for later.
   */
  feed?: 'synced' | 'joining'
}

/** The bar, the screen and the footer; the language switch sits at the bottom, within reach from a wheelchair. */
export function kioskFrame({ lang, center, screen, body, langSwitch, feed }: KioskFrameParts): TemplateResult {
  const other = otherLang(lang)
  const name = (l: Lang) => (l === 'ar' ? center.nameAr : center.nameEn)
  return html`
    <header>
      <p class="center-name">${name(lang)}</p>
      <span class="second">${inLang(name(other), other)}</span>
    </header>
    <main data-screen=${screen} data-feed=${feed ?? nothing}>${body}</main>
    <footer>
      <span class="product">${kioskText('product.name', lang)}</span>
      ${langSwitch}
    </footer>
  `
}

/** Whether a ticket can be taken of any offered service; before the services have come (none), yes: nothing is said unavailable that was not asked. */
export const anyTicketToTake = (offered: readonly Pick<ServiceWithQueue, 'available'>[]): boolean =>
  offered.length === 0 || offered.some((s) => s.available)

/**
 * The home screen's title and hint, above the services: "choose a service" while one can be taken;
 * when none can (the center closed, every line full or unstaffed) it says so, and that each tile
 * says why (walk s45: "touch the service you need" above six greyed tiles after closing).
 */
export function homeHeading(lang: Lang, anyAvailable: boolean): TemplateResult {
  if (!anyAvailable)
    return html`<h1 data-heading="none-available">${kioskText('kiosk.noneAvailable', lang)}</h1>
      <p class="hint">${kioskText('kiosk.noneAvailableHint', lang)}</p>`
  return html`<h1 data-heading="choose">${kioskText('kiosk.chooseService', lang)}</h1>
    <p class="hint">${kioskText('kiosk.chooseHint', lang)}</p>`
}
