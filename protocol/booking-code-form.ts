/**
 * What a booking code looks like (issue 19): 16 characters of Crockford base32 (digits, then the
 * letters without I, L, O and U), printed in groups of four. The server makes and checks codes
 * with it (server/queue/booking-code.ts) and the kiosk's on-screen keyboard offers exactly these
 * keys (kiosk-ui/code-keyboard.ts): one alphabet, so a key can never be missing from the kiosk.
 */
export const BOOKING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
/** Characters in a booking code. */
export const BOOKING_CODE_LENGTH = 16
/** Characters in each printed group. */
export const BOOKING_CODE_GROUP = 4
const GROUPS = new RegExp(`.{1,${BOOKING_CODE_GROUP}}`, 'g')

/** The printed form of (the start of) a code: groups of four joined by "-". */
export const groupedCode = (plain: string) => (plain.match(GROUPS) ?? []).join('-')

/**
 * The code characters in `text`, or (the start of) a code as typed: upper-cased, separators
 * dropped, the usual misreadings undone (O→0, I and L→1). Null when `text` is not (the start of)
 * a code, e.g. a manage link a scanner typed.
 */
export function codeCharacters(text: string): string | null {
  const plain = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (plain.length > BOOKING_CODE_LENGTH) return null
  for (const ch of plain) if (!BOOKING_CODE_ALPHABET.includes(ch)) return null
  return plain
}
