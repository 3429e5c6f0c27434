/**
 * The body of each kind's WhatsApp template (`tabour_<kind>`), in Arabic and English, as a center
 * submits it to Meta (docs/messages.md lists them with their parameters numbered {{1}} {{2}} …, in
 * WHATSAPP_PARAMETERS' order) and as the message log records a WhatsApp message.
 *
 * They are not the SMS texts (CITIZEN_MESSAGES): a template has no plural or select, so a number
 * stands after a colon ("People ahead of you: 3") where the SMS text says "3 people are ahead of
 * you", and a body never starts or ends with a parameter, which Meta refuses: until s53 the docs
 * said the bodies mirror the SMS texts, and every text ending with `{link}` (the ticket's and the
 * bookings' link) could not be approved. Each parameter stands once, in its order, between words
 * (test/server/notify/whatsapp-bodies.test.ts).
 */
import type { Lang } from './format.ts'

/** By kind (citizen.ts checks that every MessageKind has one: it imports this file, not the other way round). */
export const WHATSAPP_BODIES = {
  ticket_taken: {
    ar: 'تذكرتك {label} في {center}. عدد من أمامك: {ahead}. تابع دورك على {link} حتى يُنادى رقمك.',
    en: 'Your ticket {label} at {center}. People ahead of you: {ahead}. Follow your turn at {link} until your number is called.',
  },
  // sent when the turn is near; it cannot tell a citizen at home ("head to the center") from one in the hall, as the SMS does
  ticket_ahead: {
    ar: 'اقترب دورك {label}: عدد من أمامك {ahead}، والانتظار المتوقع بالدقائق {minutes}. يرجى الاستعداد.',
    en: 'Your turn is near {label}: people ahead of you: {ahead}, expected wait in minutes: {minutes}. Please be ready.',
  },
  ticket_called: {
    ar: 'حان دورك {label}: توجّه إلى الشباك رقم {counter} في قسم {counterName} الآن.',
    en: 'It is your turn {label}: please go to counter {counter} at the {counterName} desk now.',
  },
  // {grace} 0: no time to come back; the minutes left then read 0, and "ask a member of staff" stays true
  ticket_missed: {
    ar: 'فاتك دورك {label}. الدقائق المتبقية لإعادتك إلى الطابور: {grace}. يرجى سؤال أحد موظفي المركز.',
    en: 'You missed your turn {label}. Minutes left to be put back in line: {grace}. Please ask a member of staff.',
  },
  ticket_closed: {
    ar: 'أُلغيت تذكرتك {label}: أغلق {center} قبل أن يحين دورك. يرجى أخذ تذكرة جديدة عندما يفتح المركز مجددًا.',
    en: 'Your ticket {label} was cancelled: {center} closed before your turn. Please take a new ticket when the center opens again.',
  },
  ticket_day_closed: {
    ar: 'أُلغيت تذكرتك {label} في {center}: أُغلق طابور اليوم قبل أن يحين دورك. يمكنك أخذ تذكرة جديدة.',
    en: "Your ticket {label} at {center} was cancelled: the day's line closed before your turn. You can take a new ticket.",
  },
  ticket_turn_came: {
    ar: 'جاء دورك {label}: سجّل وصولك في المركز قبل {time} وإلا فقدت مكانك.',
    en: 'Your turn has come {label}: please check in at the center before {time}, or your place is lost.',
  },
  appointment_booked: {
    ar: 'حُجز موعدك {code} لخدمة {service} في {center} يوم {date} الساعة {time}. افتح {link} لعرضه أو تغييره أو إلغائه.',
    en: 'Your appointment {code} for {service} at {center} is booked for {date} at {time}. Open {link} to view, move or cancel it.',
  },
  appointment_reminder: {
    ar: 'تذكير: موعدك {code} لخدمة {service} في {center} يوم {date} الساعة {time}. افتح {link} لعرضه أو تغييره أو إلغائه.',
    en: 'Reminder: your appointment {code} for {service} at {center} is on {date} at {time}. Open {link} to view, move or cancel it.',
  },
  appointment_moved: {
    ar: 'نُقل موعدك {code} لخدمة {service} في {center} إلى يوم {date} الساعة {time}. افتح {link} لعرضه أو تغييره أو إلغائه.',
    en: 'Your appointment {code} for {service} at {center} was moved to {date} at {time}. Open {link} to view, move or cancel it.',
  },
  appointment_cancelled: {
    ar: 'أُلغي موعدك {code} لخدمة {service} في {center} يوم {date} الساعة {time}، ولم يعد محجوزًا لك.',
    en: 'Your appointment {code} for {service} at {center} on {date} at {time} was cancelled.',
  },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>
