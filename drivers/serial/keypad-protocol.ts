import { encodeFrame, MAX_PAYLOAD, toPayloadText, type Frame } from './frame.ts'

/**
 * Call keypads speak the same frame as boards. A key press is command `K` with two payload
 * characters: the key code and a sequence digit. The server answers every press it can read
 * with `A` (done) or `N` (refused), echoing the sequence digit. A keypad that hears nothing
 * resends the same press with the same digit, and the server answers it again without acting
 * twice, so a lost answer never calls two tickets.
 */
export const KEY_PRESS = 'K'
export const ACK = 'A'
export const NAK = 'N'

/** Key codes (the first payload character of a `K` frame). */
export const KEYS = {
  N: 'call-next',
  R: 'recall',
  S: 'start',
  F: 'finish',
  X: 'no-show',
  // a citizen's rating of the ticket that left the keypad's counter last (issue 21): 1 very unhappy … 5 very happy
  '1': 'rate-1',
  '2': 'rate-2',
  '3': 'rate-3',
  '4': 'rate-4',
  '5': 'rate-5',
} as const
export type KeyCode = keyof typeof KEYS
export type KeyAction = (typeof KEYS)[KeyCode]

export interface KeyPress {
  address: number
  key: KeyCode
  /** '0'–'9', echoed in the answer. */
  seq: string
}

/** Why a press was refused: the one-letter code after the sequence digit in a NAK. */
export const NakReason = {
  /** The counter is closed or paused (nobody holds it open). */
  CLOSED: 'C',
  /** A ticket is still at the counter: finish, transfer or no-show it first. */
  BUSY: 'B',
  /** No ticket at the counter to recall, start, finish or mark. */
  IDLE: 'I',
  /** Not allowed in the ticket's state (e.g. finish before start). */
  STATE: 'T',
  /** Unknown key code or malformed press. */
  UNKNOWN_KEY: 'U',
  /** Anything else (the server logs it). */
  FAILED: 'E',
} as const
export type NakReason = (typeof NakReason)[keyof typeof NakReason]

/** A key press from a decoded frame; null when the frame is not a press, a string saying why when it is a bad one. */
export function parseKeyPress(frame: Frame): KeyPress | null | { bad: string; seq: string } {
  if (frame.command !== KEY_PRESS) return null
  const [key, seq] = frame.payload
  if (frame.payload.length !== 2 || !/^[0-9]$/.test(seq))
    return { bad: 'a key press is a key code and a sequence digit', seq: /^[0-9]$/.test(seq ?? '') ? seq : '0' }
  if (!(key in KEYS)) return { bad: `unknown key ${JSON.stringify(key)}`, seq }
  return { address: frame.address, key: key as KeyCode, seq }
}

/** ACK: sequence digit, then the label now at the counter ('' when none: call-next with nobody waiting, or after finish). */
export function encodeAck(address: number, seq: string, label: string): Buffer {
  return encodeFrame({ address, command: ACK, payload: `${seq}${toPayloadText(label, MAX_PAYLOAD - 1)}` })
}

/** NAK: sequence digit, then the reason code. */
export function encodeNak(address: number, seq: string, reason: NakReason): Buffer {
  return encodeFrame({ address, command: NAK, payload: `${seq}${reason}` })
}

/** A key press as a keypad sends it (tests, simulators). */
export function encodeKeyPress(address: number, key: KeyCode, seq: string): Buffer {
  return encodeFrame({ address, command: KEY_PRESS, payload: `${key}${seq}` })
}
