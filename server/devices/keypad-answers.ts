/**
 * How a keypad press is answered: ACK with a label, or NAK with a one-letter reason (drivers/serial/keypad-protocol.ts),
 * shared by the counter actions (keypad-press.ts) and the rating keys (keypad-rating.ts).
 */
import { ErrorCodes } from '../errors.ts'
import { NakReason } from '../../drivers/serial/index.ts'

export type PressOutcome = { ok: true; label: string } | { ok: false; reason: NakReason; message: string }

/** How a domain refusal is told to a keypad (one letter; the dashboard gets the message). */
export const REASONS: Partial<Record<string, NakReason>> = {
  [ErrorCodes.COUNTER_NOT_OPEN]: NakReason.CLOSED,
  [ErrorCodes.NOT_YOUR_COUNTER]: NakReason.CLOSED,
  [ErrorCodes.COUNTER_BUSY]: NakReason.BUSY,
  [ErrorCodes.COUNTER_IDLE]: NakReason.IDLE,
  [ErrorCodes.ILLEGAL_TRANSITION]: NakReason.STATE,
  [ErrorCodes.TICKET_NOT_SERVED]: NakReason.STATE,
  [ErrorCodes.RATING_EXISTS]: NakReason.STATE,
  [ErrorCodes.RATING_WINDOW_CLOSED]: NakReason.STATE,
  [ErrorCodes.NOTHING_TO_RATE]: NakReason.IDLE,
}
