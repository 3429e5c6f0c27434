/**
 * Which center a screen element talks to. A page the center serves (`/queue/kiosk/`) finds it
 * in its own URL; a screen embedded in a host's page (`<tabour-kiosk base="/queue">`, ui/) is
 * told, because the host page's URL says nothing about where the plugin is mounted. The app
 * elements build their sessions while they are constructed, before any attribute can be read,
 * so the embedding element hands the base over for the duration of that one construction.
 */
import { basePathBefore } from './base-path.ts'

let handedOver: string | null = null

/** Runs `create` (which constructs a screen app) with `base` as the screen's center prefix. */
export function withScreenBase<T>(base: string, create: () => T): T {
  handedOver = normalizeBase(base)
  try {
    return create()
  } finally {
    handedOver = null
  }
}

/** The center prefix of a screen app being constructed: handed over by its embedding element, else from the page's URL. */
export function screenBase(segment: string): string {
  return handedOver ?? basePathBefore(location.pathname, segment)
}

/** '/queue/' or 'queue' → '/queue'; '' or '/' → '' (the center at the root). */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/\/+$/, '')
  if (trimmed === '') return ''
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}
