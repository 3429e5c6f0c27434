/**
 * What Tabour texts a citizen (SMS or WhatsApp), in Arabic and English: the defaults an admin
 * may edit in the dashboard. Each kind may use only its own placeholders
 * (`CITIZEN_PLACEHOLDERS`); server/notify/templates.ts refuses any other.
 */
import type { Catalogue, Lang, MessageValues } from './format.ts'
import { WHATSAPP_BODIES } from './whatsapp-bodies.ts'

/** Every kind of message to a citizen. */
export const MESSAGE_KINDS = [
  'ticket_taken',
  'ticket_ahead',
  'ticket_called',
  'ticket_missed',
  'ticket_closed',
  'ticket_day_closed',
  'ticket_turn_came',
  'appointment_booked',
  'appointment_reminder',
  'appointment_moved',
  'appointment_cancelled',
] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export const CITIZEN_MESSAGES = {
  ticket_taken: {
    // {near} 'yes': the turn is near already at issue (the few-ahead text's rule, protocol/turn-near.ts), so the
    // few-ahead text will not come and this one says it, in place of "follow your turn": the Arabic text stays
    // within two SMS parts (test/server/notify/sms-parts.test.ts). {held} 'yes': a place joined from a phone in
    // check-in mode, not checked in: it is not called before its citizen checks in at the center, so the text says
    // to check in on arrival, as its status page does (and, near already, to head there: the few-ahead text will not
    // come), in place of people ahead as a fact (walk of 2026-12-07: «أمامك شخصان. اقترب دورك» to someone at home)
    ar: 'تذكرتك {label} في {center}. {held, select, yes {{near, select, yes {توجّه للمركز وسجّل وصولك} other {سجّل وصولك حين تصل}}} other {{ahead, plural, =0 {لا أحد أمامك} one {أمامك شخص واحد} two {أمامك شخصان} few {أمامك # أشخاص} many {أمامك # شخصًا} other {أمامك # شخص}}. {near, select, yes {اقترب دورك} other {تابع دورك}}}}: {link}',
    en: 'Your ticket {label} at {center}. {held, select, yes {{near, select, yes {Please head to the center and check in} other {Check in when you arrive}}} other {{ahead, plural, =0 {Nobody is} one {# person is} other {# people are}} ahead of you. {near, select, yes {Almost your turn} other {Follow your turn}}}}: {link}',
  },
  ticket_ahead: {
    // {wait}: the estimate in the words of the status page, the kiosk and the paper (ticket.ts waitText),
    // so the text and the page never say "about 1 minute" and "less than a minute" at once (walk s47); no "estimated
    // wait" before it: the Arabic text stays within one SMS part (70 UCS-2 characters). {where}: 'away' a phone joiner
    // not checked in yet, 'here' anyone in the building, told what their status page tells them ("head to the center
    // now", "stay close to the counters"; a citizen in the hall was told to "come back to the waiting hall")
    ar: 'تذكرتك {label}: أمامك {ahead, plural, =0 {لا أحد} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}، {wait}. {where, select, away {توجّه للمركز الآن.} other {ابقَ قرب الشبابيك.}}',
    en: 'Ticket {label}: {ahead, plural, =0 {nobody} one {# person} other {# people}} ahead of you, {wait}. {where, select, away {Please head to the center now.} other {Please stay close to the counters.}}',
  },
  ticket_called: {
    // {counter, number}: the counter's number in the center's digits in Arabic (a bare {counter} would stay Western)
    ar: 'حان دورك {label}: توجّه إلى الشباك {counter, number} ({counterName}).',
    en: "It's your turn {label}: please go to counter {counter, number} ({counterName}).",
  },
  ticket_missed: {
    // what the status page says (walk s47: "within 30 minutes" gave neither the time nor where): until when, and
    // where to ask, the counter that called first ({counter} 0: marked from no counter); only its service's clerks may undo it
    // in one SMS part (70 UCS-2 characters; it was 98, two parts): "to return, ask until {time} at counter N or a counter of your service"
    ar: 'فاتك دورك {label}. {grace, plural, =0 {يرجى سؤال أحد موظفي المركز.} other {للعودة اسأل حتى {time} {counter, plural, =0 {بشباك يقدّم خدمتك.} other {بشباك {counter, number} أو شباك لخدمتك.}}}}',
    en: 'You missed your turn {label}. {grace, plural, =0 {Please ask a member of staff.} other {You can be put back in line until {time}: {counter, plural, =0 {ask at a counter serving your service.} other {ask at counter {counter, number} or another counter serving your service.}}}}',
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
  ticket_turn_came: {
    // a place held from a phone in check-in mode, its citizen not checked in, when its turn comes (someone queued after
    // it is called): the moment its status page switches to "check in before {time}" (status.remoteTurnCame); they are
    // probably not looking at the page (walk s52). {time}: the deadline, as the page writes it. One SMS part in Arabic
    ar: 'جاء دورك {label}: سجّل وصولك في المركز قبل {time} وإلا فقدت مكانك.',
    en: 'Your turn has come {label}: please check in at the center before {time}, or your place is lost.',
  },
  // booked, reminder, moved: the date, the time, the center and what the link is for, in two SMS parts in Arabic (UCS-2: 134
  // characters) with the demo's center name, a booking's 19-character code in its link and the longest date
  // (test/server/notify/sms-parts.test.ts); they took three with the code and the service written out besides the link
  // (s49). The link opens the booking's page, which shows the code (its QR too), the service, and moves or cancels it;
  // the code is also legible at the link's end. {code} and {service} stay fillable (an admin's text, the WhatsApp templates).
  // The words before the link say what it does, as the page's own «لعرض الحجز أو تغييره أو إلغائه» / "view, move or
  // cancel" (book.keepLink): «لإلغائه» (to cancel it) promised less than the page does (s52). In Arabic «لإدارته» (to
  // manage it), as long: the moved text is at two parts' 134 characters with the demo's name, and «لإلغائه أو تغييره»
  // made all three three parts (140-144); the English names the page's three, in two GSM-7 parts either way.
  // A center's name over about 35 characters costs a third part, here and in the ticket texts naming it: it is sent
  // whole, as a cut would drop its district, the part that tells centers apart (docs/messages.md; sms-parts.test.ts)
  appointment_booked: {
    ar: 'حُجز موعدك في {center} {date} {time}. لإدارته: {link}',
    en: 'Your appointment at {center} is booked for {date} at {time}. To view, move or cancel it: {link}',
  },
  appointment_reminder: {
    ar: 'تذكير: موعدك في {center} {date} {time}. لإدارته: {link}',
    en: 'Reminder: your appointment at {center} is on {date} at {time}. To view, move or cancel it: {link}',
  },
  appointment_moved: {
    ar: 'نُقل موعدك في {center} إلى {date} {time}. لإدارته: {link}',
    en: 'Your appointment at {center} was moved to {date} at {time}. To view, move or cancel it: {link}',
  },
  appointment_cancelled: {
    ar: 'أُلغي موعدك {code} لخدمة {service} يوم {date} الساعة {time}.',
    en: 'Your appointment {code} for {service} on {date} at {time} was cancelled.',
  },
} as const satisfies Catalogue & Record<MessageKind, unknown>

/**
 * The body parameters of each kind's approved WhatsApp template (`tabour_<kind>`), in their order:
 * the placeholders the kinds had when the templates were approved. A template's parameters are
 * fixed at its approval (Meta refuses a message with more or fewer), so a placeholder added since
 * is for the texts Tabour writes itself (SMS) only (CITIZEN_PLACEHOLDERS).
 */
export const WHATSAPP_PARAMETERS: Readonly<Record<MessageKind, readonly string[]>> = {
  ticket_taken: ['label', 'center', 'ahead', 'link'],
  ticket_ahead: ['label', 'ahead', 'minutes'],
  ticket_called: ['label', 'counter', 'counterName'],
  ticket_missed: ['label', 'grace'],
  ticket_closed: ['label', 'center'],
  ticket_day_closed: ['label', 'center'],
  // a template to submit for approval as `tabour_ticket_turn_came` (docs/messages.md), with these two parameters
  ticket_turn_came: ['label', 'time'],
  // {link}: the booking's page (server/queue/ticket-link.ts), where it is seen, moved or cancelled
  appointment_booked: ['code', 'service', 'center', 'date', 'time', 'link'],
  appointment_reminder: ['code', 'service', 'center', 'date', 'time', 'link'],
  appointment_moved: ['code', 'service', 'center', 'date', 'time', 'link'],
  appointment_cancelled: ['code', 'service', 'center', 'date', 'time'],
}

/**
 * WhatsApp templates sent in place of a kind's own when its approved template cannot say what is
 * true of the message, each `tabour_<name>` unless `messages.whatsapp.templates` names another, with
 * its body parameters in order and its bodies as a center submits them to Meta (the placeholders
 * named here are numbered there, {{1}} {{2}} …, in `parameters`' order; docs/messages.md lists them).
 *
 * `ticket_taken_held`: a place joined from a phone in check-in mode, not checked in ({held} 'yes'). It
 * is not called before its citizen checks in at the center; its SMS text says to check in on arrival
 * (s51), while WhatsApp sent `tabour_ticket_taken`, the people ahead and "Follow your turn", which
 * cannot say it (s52). Meta refuses a body that starts or ends with a parameter, so the link stands
 * inside the sentence here, where the SMS text ends with it. Its turn near already at the join, the
 * few-ahead message follows at once, as after `tabour_ticket_taken` (message-scanner.ts takenSaysNear).
 */
export const WHATSAPP_VARIANTS = {
  ticket_taken_held: {
    kind: 'ticket_taken',
    parameters: ['label', 'center', 'link'],
    ar: 'تذكرتك {label} في {center}: تابعها على {link} وسجّل وصولك حين تصل.',
    en: 'Your ticket {label} at {center}: follow it at {link} and check in when you arrive.',
  },
} as const satisfies Record<string, { kind: MessageKind; parameters: readonly string[] } & Record<Lang, string>>

/** The WhatsApp template a message goes as: its kind's own, or the variant whose words are true of it. */
export interface WhatsAppTemplate {
  /** `tabour_<name>` by default; the key of `messages.whatsapp.templates` that renames it. */
  name: MessageKind | keyof typeof WHATSAPP_VARIANTS
  parameters: readonly string[]
  /** Its words as submitted to Meta (WHATSAPP_BODIES, a variant's own), for the outbox's record of what was sent. */
  body: Readonly<Record<Lang, string>>
}

/** Each kind's own template body (whatsapp-bodies.ts), one for every kind. */
const KIND_BODIES: Readonly<Record<MessageKind, Readonly<Record<Lang, string>>>> = WHATSAPP_BODIES

export function whatsappTemplateOf(kind: MessageKind, values: MessageValues): WhatsAppTemplate {
  if (kind === 'ticket_taken' && values.held === 'yes') {
    const held = WHATSAPP_VARIANTS.ticket_taken_held
    return { name: 'ticket_taken_held', parameters: held.parameters, body: held }
  }
  return { name: kind, parameters: WHATSAPP_PARAMETERS[kind], body: KIND_BODIES[kind] }
}

/**
 * The placeholders each kind may use (what the sender fills in); any other is refused. Those the
 * approved WhatsApp templates have, and those added since for SMS texts only: ticket_taken's {near}
 * ('yes' or 'no': whether its turn is near already) and {held} ('yes' for a place joined from a
 * phone in check-in mode, not checked in yet: not called before it is), ticket_ahead's {wait},
 * the estimate in the page's words ("less than a minute", "about 1 hour 15 minutes"; its {minutes}
 * stays the whole minutes, at least 1, for the texts and templates written with it) and {where}
 * ('away' for a phone joiner not checked in, 'here'), and
 * ticket_missed's {time} (until when it can be put back in line, as the status page writes a time)
 * and {counter} (the number of the counter that called it, 0 for none).
 */
export const CITIZEN_PLACEHOLDERS: Readonly<Record<MessageKind, readonly string[]>> = {
  ...WHATSAPP_PARAMETERS,
  ticket_taken: [...WHATSAPP_PARAMETERS.ticket_taken, 'near', 'held'],
  ticket_ahead: [...WHATSAPP_PARAMETERS.ticket_ahead, 'wait', 'where'],
  ticket_missed: [...WHATSAPP_PARAMETERS.ticket_missed, 'time', 'counter'],
}
