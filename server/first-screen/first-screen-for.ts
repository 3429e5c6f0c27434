/**
 * Which pre-rendered first screen a page gets (issue 22), and how it goes into the built page:
 * at the slot the page's HTML keeps for it (an older build has none and is served as built),
 * with its inline script if it has one (the kiosk's keeps an early tap), the page's language on `<html>`, and a
 * CSP allowing exactly these inline pieces by hash.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { DisplayStartData } from '../../display-ui/display-session.ts'
import type { KioskStartData } from '../../kiosk-ui/kiosk-session.ts'
import { FIRST_SCREEN_SLOT } from '../../ui-common/first-screen.ts'
import { contentSecurityPolicyWith } from '../security-headers.ts'
import { appAfterFirstFrame } from './app-after-first-frame.ts'
import { FACES_FIRST_SCRIPT, FACES_FIRST_STYLE } from './faces-first.ts'
import { inlineStylesheets } from './inline-stylesheets.ts'
import { displayFirstScreen } from './display-first-screen.ts'
import { type FirstScreen, kioskFirstScreen } from './kiosk-first-screen.ts'
import { cspHash } from './shadow-markup.ts'

/** The first screen of `page` for its start data, or null (a page without one, or a screen it does not pre-render). */
export function firstScreenFor(page: string, data: Record<string, unknown>, request: FastifyRequest): FirstScreen | null {
  const query = request.query as Record<string, unknown> | undefined
  if (page === 'kiosk') return kioskFirstScreen(data as unknown as KioskStartData, query?.lang)
  if (page === 'display') {
    // the center may sit under a prefix: the page is at '<base>/display/'
    const path = request.url.split('?')[0]
    return displayFirstScreen(data as unknown as DisplayStartData, path.slice(0, path.length - '/display/'.length))
  }
  return null
}

/**
 * `page` (the built HTML, read from `pageDir`) with `first` in its slot, shown once its faces are
 * loaded (faces-first.ts), the page's stylesheets held in it (inline-stylesheets.ts) and its app
 * started after that screen's first frame (app-after-first-frame.ts); the reply gets the CSP that
 * allows each inline piece by its hash. Unchanged without a slot.
 */
export function withFirstScreen(built: string, first: FirstScreen, reply: FastifyReply, pageDir: string): string {
  if (!built.includes(FIRST_SCREEN_SLOT)) return built
  const stylesheets = inlineStylesheets(built, pageDir)
  const app = appAfterFirstFrame(stylesheets.page)
  const inline = (script: string | null) => (script === null ? '' : `<script>${script}</script>`)
  const scripts = [FACES_FIRST_SCRIPT, first.script, app.script].filter((s) => s !== null).map(cspHash)
  const styles = [...stylesheets.styles, FACES_FIRST_STYLE].map(cspHash)
  reply.header('content-security-policy', contentSecurityPolicyWith({ script: scripts, style: [...styles, ...first.styleHashes] }))
  const facesFirst = `<style>${FACES_FIRST_STYLE}</style>${inline(FACES_FIRST_SCRIPT)}`
  const html = app.page.replace(FIRST_SCREEN_SLOT, () => `${facesFirst}${inline(first.script)}${first.html}${inline(app.script)}`)
  // the page is built Arabic; a screen starting in English is English from its first paint
  return first.lang === 'ar' ? html : html.replace(/<html lang="ar" dir="rtl">/, `<html lang="${first.lang}" dir="ltr">`)
}
