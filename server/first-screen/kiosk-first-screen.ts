/**
 * The kiosk's first screen, rendered by the center into its page (issue 22): the frame with
 * the center's name, the title, the service buttons and the language switch, from the same
 * start data the page carries and with the same templates the kiosk's elements render
 * (kiosk-ui/kiosk-frame.ts, kiosk-ui/service-grid-view.ts, ui-common/lang-switch-view.ts), in
 * the language and digits the kiosk will start in. A kiosk whose services need the searchable
 * menu (a lazy screen) gets none: its page is served as before.
 */
import { html, nothing } from 'lit'
import { offeredOn, menuLayout } from '../../protocol/menu-layout.ts'
import type { KioskStartData } from '../../kiosk-ui/kiosk-session.ts'
import { kioskSettings } from '../../kiosk-ui/kiosk-settings.ts'
import { anyTicketToTake, homeHeading, kioskAppStyles, kioskFrame } from '../../kiosk-ui/kiosk-frame.ts'
import { serviceGridStyles, serviceGridTemplate } from '../../kiosk-ui/service-grid-view.ts'
import { EARLY_TAP_SCRIPT, FIRST_SCREEN_ID } from '../../ui-common/first-screen.ts'
import { isLang, type Lang } from '../../ui-common/i18n.ts'
import { langSwitchStyles, langSwitchTemplate } from '../../ui-common/lang-switch-view.ts'
import { checkInOffered } from '../../ui-common/queue-figures.ts'
import { cssText, markup, markupWith, OVER_THE_APP, part, ShadowMarkup } from './shadow-markup.ts'

/** A pre-rendered first screen: its HTML, its language, the CSP hashes of its styles, and the inline script that goes before it, if any. */
export interface FirstScreen {
  html: string
  lang: Lang
  styleHashes: string[]
  script: string | null
}

/**
 * The kiosk's home screen for `data`; `queryLang`: the page's `?lang=` (it wins over the
 * center's start language, as in kiosk-app.ts). Null when the kiosk would show the menu.
 */
export function kioskFirstScreen(data: KioskStartData, queryLang: unknown): FirstScreen | null {
  const settings = kioskSettings(data.device?.config, data.center)
  const lang: Lang = isLang(queryLang) ? queryLang : settings.startLang
  const offered = offeredOn(data.services, settings.serviceIds)
  if (menuLayout(offered).search) return null
  const digits = lang === 'ar' ? settings.digits : 'western'
  const shadow = new ShadowMarkup()
  const grid = shadow.host(
    'div',
    { 'data-host': 'service-grid', lang },
    serviceGridStyles,
    markup(serviceGridTemplate({ services: offered, lang, digits, timeZone: data.center.timeZone, busyServiceId: null })),
  )
  const langSwitch = shadow.host('span', { 'data-host': 'lang-switch', lang }, langSwitchStyles, markup(langSwitchTemplate(lang)))
  // the elements the app draws empty at first (no printer fault known yet, the check-in a lazy screen) keep their place in its column
  const body = html`${homeHeading(lang, anyTicketToTake(offered))}<tabour-printer-fault-banner></tabour-printer-fault-banner>${part('grid')}${
    checkInOffered(data.services) ? html`<tabour-booking-check-in></tabour-booking-check-in>` : nothing
  }`
  const frame = markupWith(kioskFrame({ lang, center: data.center, screen: 'home', body, langSwitch: part('lang-switch') }), {
    grid,
    'lang-switch': langSwitch,
  })
  const page = shadow.host(
    'div',
    { id: FIRST_SCREEN_ID, 'data-first-screen': 'kiosk' },
    `${cssText(kioskAppStyles)}\n${OVER_THE_APP}`,
    frame,
  )
  // a tap on it before the kiosk's script has run is kept (ui-common/first-screen.ts)
  return { html: page, lang, styleHashes: shadow.styleHashes(), script: EARLY_TAP_SCRIPT }
}
