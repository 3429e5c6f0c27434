/**
 * The built-in icons a service or group may show on the kiosk (protocol/service-menu.ts
 * SERVICE_ICONS): simple 24×24 line drawings, bundled, never downloaded. Decorative: the name
 * beside each says what it is, so they are hidden from screen readers.
 */
import { svg, type SVGTemplateResult } from 'lit'
import type { ServiceIcon } from '../protocol/service-menu.ts'

/** Each icon's path data (stroked, round joins), in a 24×24 box. */
export const SERVICE_ICON_PATHS: Record<ServiceIcon, string> = {
  'id-card': 'M3 6h18v12H3z M7 10a2 2 0 1 0 4 0a2 2 0 1 0 -4 0 M6 16c.5-2 5.5-2 6 0 M14 10h4 M14 13h4',
  birth: 'M12 4a3 3 0 1 0 0 6a3 3 0 1 0 0-6 M6 20c0-4 2.7-7 6-7s6 3 6 7z M10 7h.01 M14 7h.01',
  family:
    'M7 5a2 2 0 1 0 0 4a2 2 0 1 0 0-4 M17 5a2 2 0 1 0 0 4a2 2 0 1 0 0-4 M3 19c0-4 2-7 4-7s4 3 4 7 M13 19c0-4 2-7 4-7s4 3 4 7 M12 14a1.5 1.5 0 1 0 0 3',
  car: 'M4 16v-4l2-5h12l2 5v4z M4 16v2h3v-2 M17 16v2h3v-2 M7 13h.01 M17 13h.01 M6 12h12',
  house: 'M3 11l9-7 9 7 M5 10v10h14V10 M10 20v-6h4v6',
  money: 'M3 7h18v10H3z M12 9.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5 M6 10v4 M18 10v4',
  document: 'M6 3h9l4 4v14H6z M15 3v4h4 M9 11h7 M9 14h7 M9 17h5',
  stamp: 'M9 4h6v5l2 3H7l2-3z M5 12h14v4H5z M4 20h16',
  passport: 'M6 3h12v18H6z M12 8a3 3 0 1 0 0 6a3 3 0 1 0 0-6 M9 11h6 M12 8c-1 1-1 5 0 6 M9 17h6',
  health: 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10z M9 11h6 M12 8v6',
  work: 'M4 8h16v11H4z M9 8V5h6v3 M4 13h16 M11 12h2v2h-2z',
  education: 'M2 9l10-5 10 5-10 5z M6 11v5c3 2 9 2 12 0v-5 M21 9v6',
  utility: 'M13 3L5 13h6l-1 8 8-10h-6z',
  law: 'M12 4v16 M7 20h10 M5 7h14 M5 7l-3 6c1 1.5 5 1.5 6 0z M19 7l-3 6c1 1.5 5 1.5 6 0z',
  info: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18 M12 11v6 M12 7.5h.01',
}

/** The icon `name` as an inline SVG sized by its container's font (1em); nothing for an unknown or absent name. */
export function serviceIcon(name: string | null | undefined): SVGTemplateResult | null {
  const d = name ? (SERVICE_ICON_PATHS as Record<string, string>)[name] : undefined
  if (d === undefined || !Object.hasOwn(SERVICE_ICON_PATHS, name!)) return null
  return svg`<svg class="icon" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="1.8"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false" data-icon=${name!}><path d=${d}></path></svg>`
}
