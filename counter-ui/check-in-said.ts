/**
 * What the console's check-in card says after a check-in, kept as what happened (a ticket's label,
 * the time to come back, a refusal's key) and written in the screen's language and digits each time
 * it is drawn: the finished sentence was kept, so «تم تسجيل الوصول: التذكرة A-005» stayed Arabic
 * after the clerk switched to English (walk s51). It is news for NEWS_MS, then the card drops it.
 */
import { clockTime } from '../protocol/messages/clock-time.ts'
import type { CheckInResult } from '../protocol/appointments.ts'
import { appointmentText, type AppointmentMessageKey } from '../protocol/messages/appointments.ts'
import type { DigitStyle } from '../protocol/messages/digits.ts'
import type { Lang } from '../protocol/messages/format.ts'

/** One check-in's outcome, as data. */
export type CheckInSaid =
  | { kind: 'ticket'; label: string }
  | { kind: 'too_early'; comeBackAt: string; timeZone: string }
  | { kind: 'too_late' }
  | { kind: 'failed'; key: AppointmentMessageKey }

/** How long a check-in's outcome stays on the card: 60 s (the citizen at the desk has heard it by then). */
export const NEWS_MS = 60_000

/** The outcome of the center's answer. */
export function saidOf(result: CheckInResult): CheckInSaid {
  if (result.outcome === 'ticket') return { kind: 'ticket', label: result.ticket.label }
  if (result.outcome === 'too_early') return { kind: 'too_early', comeBackAt: result.comeBackAt, timeZone: result.timeZone }
  return { kind: 'too_late' }
}

/** Whether it is a refusal (drawn as an error), not a ticket. */
export const isRefusal = (said: CheckInSaid): boolean => said.kind !== 'ticket'

/** Its sentence in `lang`, the time in `digits` and the center's zone. */
export function saidText(said: CheckInSaid, lang: Lang, digits: DigitStyle): string {
  switch (said.kind) {
    case 'ticket':
      return appointmentText('console.checkIn.done', lang, { label: said.label })
    case 'too_early':
      return appointmentText('console.checkIn.tooEarly', lang, { time: clockTime(said.comeBackAt, said.timeZone, lang, digits) })
    case 'too_late':
      return appointmentText('console.checkIn.tooLate', lang)
    default:
      return appointmentText(said.key, lang)
  }
}
