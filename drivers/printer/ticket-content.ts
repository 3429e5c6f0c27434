import type { ClosingNote } from '../../protocol/closing-note.ts'

/**
 * Everything printed on one ticket. The driver formats it (digits, plurals, date in the
 * center's zone) itself, so the server passes raw facts, not pre-formatted strings.
 */
export interface TicketContent {
  /** The center's name, printed at the top (Arabic first). */
  centerName: { ar: string; en: string }
  /** The service the ticket is for. */
  serviceName: { ar: string; en: string }
  /** The ticket label, e.g. `A-015`; printed very large. */
  label: string
  /** When the ticket was issued, epoch ms. */
  issuedAt: number
  /** IANA zone the date and time are printed in, e.g. `Africa/Cairo`. */
  timeZone: string
  /** How many tickets are ahead of this one, as the call policy plays the line (0: "Nobody ahead of you now", never "next"). */
  peopleAhead: number
  /** The estimate shown on the kiosk, in seconds; null when no counter is open for the service (the paper says so). */
  estimatedWaitSeconds: number | null
  /** What the QR under the image opens (the public ticket status page); ASCII after URL encoding. */
  statusUrl: string
  /** The ticket's priority category in both languages, printed under the label; absent for an ordinary ticket. */
  priorityCategory?: { ar: string; en: string }
  /** The slot's start (epoch ms) of the booking a check-in gave this ticket for, printed under the label; absent for any other ticket. */
  appointmentSlot?: number
  /** A visit of several steps: every step's service in order, the ticket's own first; absent (or one): a visit of one step, the ticket as it always was. */
  route?: readonly { ar: string; en: string }[]
  /** What to bring (the service's documents), printed at the end under a heading; absent or empty: the ticket as it always was. */
  documents?: readonly { ar: string; en: string }[]
  /**
   * The closing note the kiosk's screen ticket shows (POST /tickets `closing`: the wait runs past
   * closing, the center closes within the half hour…), printed under the wait; absent: none, the ticket as it always was.
   */
  closing?: ClosingNote
  /** Digits on the Arabic lines (the center's setting); the label and the English lines are always Western. */
  digits: 'western' | 'arabic-indic'
}
