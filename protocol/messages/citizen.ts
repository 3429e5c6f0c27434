/**
 * What Tabour texts a citizen (SMS or WhatsApp), in Arabic and English: the defaults an admin
 * may edit in the dashboard. Each kind may use only its own placeholders
 * (`CITIZEN_PLACEHOLDERS`); server/notify/templates.ts refuses any other.
 */
import type { Catalogue } from './format.ts'

/** Every kind of message to a citizen. */
export const MESSAGE_KINDS = [
  'ticket_taken',
  'ticket_ahead',
  'ticket_called',
  'ticket_missed',
  'ticket_closed',
  'ticket_day_closed',
  'appointment_booked',
  'appointment_reminder',
  'appointment_moved',
  'appointment_cancelled',
] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export const CITIZEN_MESSAGES = {
  ticket_taken: {
    ar: 'تذكرتك {label} في {center}. {ahead, plural, =0 {لا أحد أمامك} one {أمامك شخص واحد} two {أمامك شخصان} few {أمامك # أشخاص} many {أمامك # شخصًا} other {أمامك # شخص}}. تابع دورك: {link}',
    en: 'Your ticket {label} at {center}. {ahead, plural, =0 {Nobody is} one {# person is} other {# people are}} ahead of you. Follow your turn: {link}',
  },
  ticket_ahead: {
    ar: 'تذكرتك {label}: أمامك {ahead, plural, =0 {لا أحد} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}، حوالي {minutes, plural, one {دقيقة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}. اقترب من قاعة الانتظار.',
    en: 'Ticket {label}: {ahead, plural, one {# person} other {# people}} ahead of you, about {minutes, plural, one {# minute} other {# minutes}}. Please come back to the waiting hall.',
  },
  ticket_called: {
    // {counter, number}: the counter's number in the center's digits in Arabic (a bare {counter} would stay Western)
    ar: 'حان دورك {label}: توجّه إلى الشباك {counter, number} ({counterName}).',
    en: "It's your turn {label}: please go to counter {counter, number} ({counterName}).",
  },
  ticket_missed: {
    ar: 'فاتك دورك {label}. {grace, plural, =0 {يرجى سؤال أحد موظفي المركز.} one {يمكنك العودة خلال دقيقة.} two {يمكنك العودة خلال دقيقتين.} few {يمكنك العودة خلال # دقائق.} many {يمكنك العودة خلال # دقيقة.} other {يمكنك العودة خلال # دقيقة.}}',
    en: 'You missed your turn {label}. {grace, plural, =0 {Please ask a member of staff.} one {You may come back within # minute.} other {You may come back within # minutes.}}',
  },
  ticket_closed: {
    // the closing's cancellation at closing time (calendar cancel-after): the citizen may be on the way
    ar: 'أُلغيت تذكرتك {label}: أغلق {center} قبل أن يحين دورك. يرجى أخذ تذكرة جديدة عندما يفتح المركز مجددًا.',
    en: 'Your ticket {label} was cancelled: {center} closed before your turn. Please take a new ticket when the center opens again.',
  },
  ticket_day_closed: {
    // the business day's close (calendar dailyClose): the center may be open around the clock, only the day's line closed
    ar: 'أُلغيت تذكرتك {label} في {center}: أُغلق طابور اليوم قبل أن يحين دورك. يمكنك أخذ تذكرة جديدة.',
    en: "Your ticket {label} at {center} was cancelled: the day's line closed before your turn. You can take a new ticket.",
  },
  appointment_booked: {
    ar: 'تم حجز موعدك {code} لخدمة {service} في {center} يوم {date} الساعة {time}. لعرضه أو تغييره: {link}',
    en: 'Your appointment {code} for {service} at {center} is booked for {date} at {time}. To see or change it: {link}',
  },
  appointment_reminder: {
    ar: 'تذكير: موعدك {code} لخدمة {service} في {center} يوم {date} الساعة {time}. لعرضه أو تغييره: {link}',
    en: 'Reminder: your appointment {code} for {service} at {center} is on {date} at {time}. To see or change it: {link}',
  },
  appointment_moved: {
    ar: 'تم نقل موعدك {code} لخدمة {service} إلى يوم {date} الساعة {time}. لعرضه أو تغييره: {link}',
    en: 'Your appointment {code} for {service} was moved to {date} at {time}. To see or change it: {link}',
  },
  appointment_cancelled: {
    ar: 'أُلغي موعدك {code} لخدمة {service} يوم {date} الساعة {time}.',
    en: 'Your appointment {code} for {service} on {date} at {time} was cancelled.',
  },
} as const satisfies Catalogue & Record<MessageKind, unknown>

/** The placeholders each kind may use (what the sender fills in); any other is refused. */
export const CITIZEN_PLACEHOLDERS: Readonly<Record<MessageKind, readonly string[]>> = {
  ticket_taken: ['label', 'center', 'ahead', 'link'],
  ticket_ahead: ['label', 'ahead', 'minutes'],
  ticket_called: ['label', 'counter', 'counterName'],
  ticket_missed: ['label', 'grace'],
  ticket_closed: ['label', 'center'],
  ticket_day_closed: ['label', 'center'],
  // {link}: the booking's page (server/queue/ticket-link.ts), where it is seen, moved or cancelled
  appointment_booked: ['code', 'service', 'center', 'date', 'time', 'link'],
  appointment_reminder: ['code', 'service', 'center', 'date', 'time', 'link'],
  appointment_moved: ['code', 'service', 'center', 'date', 'time', 'link'],
  appointment_cancelled: ['code', 'service', 'center', 'date', 'time'],
}
