/**
 * A refusal of the calendar routes worded in the screen's language and placed where the admin
 * fixes it. The server names the field (`weekly/mon/1`, `services/0/weekly/sun/0/close`,
 * `exceptions/4/to`, `ics/events/2`) and a reason (`overlap`, `close-before-open`,
 * `recurrence`…); `err.<reason>` in protocol/messages/hours-editor.ts words it, and the anchor
 * says which line of the tab shows it: `weekly/<day>`, `service/<id>/<day>`, `service/<id>`,
 * `service/<id>/cutoff`, `exceptions/<n>`, `ics`, one of the business day's fields
 * (SETTING_ANCHORS), or null (next to the save button: a refusal that names no field).
 */
import { MAX_CLOSING_MINUTES, type CenterCalendar } from '../protocol/calendar.ts'
import { exceptionKey } from '../protocol/calendar-validation.ts'
import { ErrorCodes } from '../protocol/error-codes.ts'
import { HOURS_EDITOR_MESSAGES, hoursEditorText as t, type HoursEditorMessageKey } from '../protocol/messages/hours-editor.ts'
import type { ApiError } from '../ui-common/api-client.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { exceptionCalled } from './exception-name.ts'

/**
 * The calendar's own settings (the business day and what happens at closing) and the anchor of
 * each one's field: a refusal naming one is shown under that field, not beside the save button
 * (walk of 2026-12-05: the day's start refused by the server was worded next to "Save the hours").
 */
export const SETTING_ANCHORS = {
  businessDayStartsAt: 'day-start',
  dailyClose: 'daily-close',
  atClosing: 'at-closing',
  cancelAfterMinutes: 'cancel-minutes',
} as const satisfies Partial<Record<keyof CenterCalendar, string>>

/** A worded refusal and the line it belongs to. */
export interface PlacedError {
  anchor: string | null
  text: string
}

/** The sentence for `reason` (`err.<reason>`, else "not a valid value"). */
export function reasonText(reason: string, lang: Lang, limit?: number): string {
  const key = `err.${reason}`
  return key in HOURS_EDITOR_MESSAGES ? t(key as HoursEditorMessageKey, lang, { limit: limit ?? 0 }) : t('err.invalid', lang)
}

/** Where `field` (as the server names it, about `sent`) is shown in the tab. */
export function anchorOf(field: string, sent: CenterCalendar | null): string | null {
  const parts = field.replace(/^body\//, '').split('/')
  if (parts.length === 1 && Object.hasOwn(SETTING_ANCHORS, parts[0]!)) return SETTING_ANCHORS[parts[0] as keyof typeof SETTING_ANCHORS]
  if (parts[0] === 'weekly' && parts[1]) return `weekly/${parts[1]}`
  if (parts[0] === 'services' && parts[1] !== undefined) {
    const id = sent?.services[Number(parts[1])]?.serviceId
    if (id === undefined) return null
    if (parts[2] === 'lastTicketMinutes') return `service/${id}/cutoff`
    return parts[2] === 'weekly' && parts[3] ? `service/${id}/${parts[3]}` : `service/${id}`
  }
  if (parts[0] === 'exceptions' && parts[1] !== undefined) return `exceptions/${parts[1]}`
  if (parts[0] === 'ics') return 'ics'
  return null
}

/** DUPLICATE_EXCEPTION on `field` (`exceptions/4/from`): the sentence naming the exception already on those dates. */
function sameDatesText(field: string, sent: CenterCalendar | null, lang: Lang, digits: DigitStyle): string {
  const added = sent?.exceptions[Number(field.replace(/^body\//, '').split('/')[1])]
  // the one already there has the added one's dates: either names them when it has no name in `lang`
  const there = added && (sent?.exceptions.find((e) => exceptionKey(e) === exceptionKey(added)) ?? added)
  return t('err.sameDates', lang, { name: there ? exceptionCalled(there, lang, digits) : '' })
}

/**
 * The sentence for a refusal of one of the fields that hold one value (the day's start, a number
 * of minutes): what the field takes, whatever the schema's keyword (`err.maximum` speaks of
 * events); null for the other fields.
 */
function fieldText(field: string, reason: string, lang: Lang, digits: DigitStyle | undefined): string | null {
  // the week a hub bundle sets: "changed or removed at the hub" is the holidays' sentence
  if (reason === 'hub-managed' && field.replace(/^body\//, '').startsWith('weekly')) return t('err.hub-managed.weekly', lang)
  const last = field.split('/').pop()
  // a well-formed start refused for the moment it would move (calendar-commands.ts) says so
  if (last === 'businessDayStartsAt') return reason === 'moves-business-day' ? null : t('err.dayStart', lang)
  if (last === 'cancelAfterMinutes' || last === 'lastTicketMinutes')
    return t('err.minutes', lang, { min: formatNumber(0, { digits }), max: formatNumber(MAX_CLOSING_MINUTES, { digits }) })
  return null
}

/**
 * The refusal `err` of a change to `sent`, worded in `lang` (its figures in `digits`, default
 * Western); the server's English sentence only when it names no field.
 */
export function placeRefusal(err: ApiError, sent: CenterCalendar | null, lang: Lang, digits?: DigitStyle): PlacedError {
  const detail = err.detail
  if (!detail) return { anchor: null, text: t('hoursTab.refused', lang, { reason: err.message }) }
  const reason =
    err.code === ErrorCodes.DUPLICATE_EXCEPTION
      ? sameDatesText(detail.field, sent, lang, digits ?? 'western')
      : (fieldText(detail.field, detail.reason, lang, digits) ?? reasonText(detail.reason, lang, detail.limit))
  if (detail.field.startsWith('ics/events/')) {
    // the event's name as the file gives it (SUMMARY or UID), quoted in the server's sentence
    const name = /^event "(.*)":/.exec(err.message)?.[1] ?? String(Number(detail.field.split('/')[2]) + 1)
    return { anchor: 'ics', text: t('hoursTab.refused', lang, { reason: t('hoursTab.icsEvent', lang, { name, reason }) }) }
  }
  return { anchor: anchorOf(detail.field, sent), text: t('hoursTab.refused', lang, { reason }) }
}
