/**
 * Which pre-rendered first screen a page gets (issue 22), and how it goes into the built page:
 * at the slot the page's HTML keeps for it (an older build has none and is served as built),
 * with the small inline script that keeps an early tap, the page's language on `<html>`, and a
 * CSP allowing exactly these inline pieces by hash.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { KioskStartData } from '../../kiosk-ui/kiosk-session.ts'
import { EARLY_TAP_SCRIPT, FIRST_SCREEN_SLOT } from '../../ui-common/first-screen.ts'
import { contentSecurityPolicyWith } from '../security-headers.ts'
import { type FirstScreen, kioskFirstScreen } from './kiosk-first-screen.ts'
import { cspHash } from './shadow-markup.ts'

/** The first screen of `page` for its start data, or null (a page without one, or a screen it does not pre-render). */
export function firstScreenFor(page: string, data: Record<string, unknown>, request: FastifyRequest): FirstScreen | null {
  const query = request.query as Record<string, unknown> | undefined
  if (page === 'kiosk') return kioskFirstScreen(data as unknown as KioskStartData, query?.lang)
  return null
}

const EARLY_TAP_HASH = cspHash(EARLY_TAP_SCRIPT)

/** `page` (the built HTML) with `first` in its slot; the reply gets the CSP that allows it. Unchanged without a slot. */
export function withFirstScreen(page: string, first: FirstScreen, reply: FastifyReply): string {
  if (!page.includes(FIRST_SCREEN_SLOT)) return page
  reply.header('content-security-policy', contentSecurityPolicyWith({ script: [EARLY_TAP_HASH], style: first.styleHashes }))
  const html = page.replace(FIRST_SCREEN_SLOT, () => `<script>${EARLY_TAP_SCRIPT}</script>${first.html}`)
  // the page is built Arabic; a screen starting in English is English from its first paint
  return first.lang === 'ar' ? html : html.replace(/<html lang="ar" dir="rtl">/, `<html lang="${first.lang}" dir="ltr">`)
}
