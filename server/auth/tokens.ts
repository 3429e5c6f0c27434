import { randomBytes, randomInt } from 'node:crypto'
import { PAIRING_CODE_TTL_HOURS } from '../../protocol/requests.ts'

/** A bearer token: 256 random bits. The prefix tells a reader (and a log scrubber) what it is. */
export const newUserToken = () => `tbu_${randomBytes(32).toString('base64url')}`
export const newDeviceToken = () => `tbd_${randomBytes(32).toString('base64url')}`

/** Letters and digits that cannot be mistaken for each other when read off a screen (no 0/O, 1/I/L). */
const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** An 8-character one-time pairing code (about 40 bits); pairing attempts are throttled. */
export function newPairingCode(): string {
  let code = ''
  for (let i = 0; i < 8; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]
  return code
}

/** How long a pairing code stays valid. Default 24 h: time for IT to walk to the kiosk. */
export const PAIRING_CODE_TTL_MS = PAIRING_CODE_TTL_HOURS * 3600 * 1000
