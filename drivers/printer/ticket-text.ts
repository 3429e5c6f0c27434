import { ticketLabel, toArabicIndic } from '../../protocol/messages/digits.ts'
import {
  appointmentMarkText,
  visitStepsText,
  issuedAtText,
  peopleAheadText,
  priorityText,
  ticketMessage,
  waitText,
  withoutBidiMarks,
} from '../../protocol/messages/ticket.ts'
import { closingNoteText } from '../../protocol/messages/closing-note-text.ts'
import type { TicketContent } from './ticket-content.ts'

/** The lines of a ticket as strings, before layout. Arabic lines use `content.digits`; English lines and the label always Western digits. */
export interface TicketText {
  centerAr: string
  centerEn: string
  serviceAr: string
  serviceEn: string
  /** The label, always with Western digits (the rule in protocol/messages/digits.ts: «A-٠١٥» reads as "A-·l٥"). */
  label: string
  /** "أولوية · الحوامل" / "Priority · Pregnant women" (the renderer draws the star); both '' for an ordinary ticket. */
  priorityAr: string
  priorityEn: string
  /** "موعد محجوز ١٠:٣٠ ص — تم تسجيل الوصول" / "Appointment 10:30 — checked in"; both '' for a ticket no booking gave. */
  appointmentAr: string
  appointmentEn: string
  /** «زيارتك من خطوتين: أ ثم ب» / "Your visit has 2 steps: A, then B"; both '' for a visit of one step. */
  visitAr: string
  visitEn: string
  dateAr: string
  dateEn: string
  aheadAr: string
  aheadEn: string
  waitAr: string
  waitEn: string
  /** The closing note as the screen ticket says it («قد لا يتسع الوقت لخدمتك قبل الإغلاق الساعة ٣:٠٠ م»); both '' when none applies. */
  closingAr: string
  closingEn: string
  scanAr: string
  scanEn: string
  /** "المستندات المطلوبة" / "Documents to bring"; both '' when the service lists none. */
  bringAr: string
  bringEn: string
  /** Each document as "• name", in both languages ([] when none). */
  documents: { ar: string; en: string }[]
}

/** Kept here for the driver's callers; the one implementation is the catalogue's. */
export { toArabicIndic }

/** Builds every line of the ticket from its content; the sentences are the kiosk screen's (protocol/messages/ticket.ts). */
export function ticketText(content: TicketContent): TicketText {
  return {
    centerAr: content.centerName.ar.trim(),
    centerEn: content.centerName.en.trim(),
    serviceAr: content.serviceName.ar.trim(),
    serviceEn: content.serviceName.en.trim(),
    label: ticketLabel(content.label),
    ...priorityLines(content.priorityCategory),
    ...appointmentLines(content),
    visitAr: visitStepsText(content.route ?? [], 'ar', content.digits) ?? '',
    visitEn: visitStepsText(content.route ?? [], 'en') ?? '',
    dateAr: issuedAtText(content.issuedAt, content.timeZone, 'ar', content.digits),
    dateEn: issuedAtText(content.issuedAt, content.timeZone, 'en'),
    aheadAr: peopleAheadText(content.peopleAhead, 'ar', content.digits),
    aheadEn: peopleAheadText(content.peopleAhead, 'en'),
    waitAr: ticketMessage('ticket.waitLine', 'ar', { wait: waitText(content.estimatedWaitSeconds, 'ar', content.digits) }),
    waitEn: ticketMessage('ticket.waitLine', 'en', { wait: waitText(content.estimatedWaitSeconds, 'en') }),
    ...closingLines(content),
    scanAr: ticketMessage('ticket.scanToFollow', 'ar'),
    scanEn: ticketMessage('ticket.scanToFollow', 'en'),
    ...documentLines(content.documents ?? []),
  }
}

function documentLines(documents: readonly { ar: string; en: string }[]): Pick<TicketText, 'bringAr' | 'bringEn' | 'documents'> {
  if (documents.length === 0) return { bringAr: '', bringEn: '', documents: [] }
  return {
    bringAr: ticketMessage('ticket.bringTitle', 'ar'),
    bringEn: ticketMessage('ticket.bringTitle', 'en'),
    documents: documents.map((d) => ({ ar: `• ${d.ar.trim()}`, en: `• ${d.en.trim()}` })),
  }
}

function closingLines(content: TicketContent): Pick<TicketText, 'closingAr' | 'closingEn'> {
  const note = content.closing
  if (!note) return { closingAr: '', closingEn: '' }
  return {
    closingAr: withoutBidiMarks(closingNoteText(note, 'ar', content.digits)),
    closingEn: withoutBidiMarks(closingNoteText(note, 'en')),
  }
}

function appointmentLines(content: TicketContent): Pick<TicketText, 'appointmentAr' | 'appointmentEn'> {
  const slot = content.appointmentSlot
  if (slot === undefined) return { appointmentAr: '', appointmentEn: '' }
  return {
    appointmentAr: appointmentMarkText(slot, content.timeZone, 'ar', content.digits),
    appointmentEn: appointmentMarkText(slot, content.timeZone, 'en'),
  }
}

function priorityLines(category: TicketContent['priorityCategory']): Pick<TicketText, 'priorityAr' | 'priorityEn'> {
  if (!category) return { priorityAr: '', priorityEn: '' }
  const names = { nameAr: category.ar, nameEn: category.en }
  return { priorityAr: priorityText(names, 'ar'), priorityEn: priorityText(names, 'en') }
}
