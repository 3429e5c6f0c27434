/**
 * The message provider's state as the dashboard says it, one rule for the messages card and the
 * live view's health row: connected, not connected, or answering but failing every message
 * lately, with how many, what it answered and when (walk s52: «متصل» while every message failed
 * with "provider answered 404": a refusal is an answer, so the provider read as connected).
 */
import type { Static } from '@sinclair/typebox'
import type { MessagesToday } from '../protocol/citizen-messages.ts'
import { clockTime } from '../protocol/messages/clock-time.ts'
import { messagesCardText } from '../protocol/messages/messages-card.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'

type Health = NonNullable<Static<typeof MessagesToday>['health']>

export interface ProviderState {
  tone: 'ok' | 'bad'
  /** data-provider-health: up, down, or failing (answering, its latest messages all failed). */
  state: 'up' | 'down' | 'failing'
  text: string
  /** The error as recorded, for the tooltip. */
  title: string | undefined
}

/** "provider answered 404" in the page's language; any other error as recorded, without its code. */
export function failureWords(error: string, lang: Lang, digits: DigitStyle): string {
  const detail = error.replace(/^TABOUR_ERR_[A-Z_]+:\s*/, '')
  const http = /^provider answered (\d{3})\b/.exec(detail)
  return http ? messagesCardText('msgs.answered', lang, { status: Number(http[1]) }, digits) : detail
}

export function providerState(h: Health, lang: Lang, digits: DigitStyle, timeZone: string): ProviderState {
  if (!h.up) return { tone: 'bad', state: 'down', text: messagesCardText('msgs.down', lang), title: h.lastError ?? undefined }
  const f = h.failing
  if (!f) return { tone: 'ok', state: 'up', text: messagesCardText('msgs.up', lang), title: undefined }
  const text = messagesCardText(
    'msgs.failing',
    lang,
    { n: f.count, error: failureWords(f.lastError, lang, digits), time: clockTime(f.at, timeZone, lang, digits) },
    digits,
  )
  return { tone: 'bad', state: 'failing', text, title: f.lastError }
}
