/**
 * Booking codes (issue 19): `TTTT-RRRR-RRRR-MMMM` in Crockford base32, typeable from paper.
 *
 *  - TTTT names the center: 20 bits of HMAC(centerKey, "center"), so a code from another center
 *    is recognised as such (not "forged") without asking anybody.
 *  - RRRRRR is 30 random bits, then CC a public check (10 bits) over TTTT‖RRRRRR that any center
 *    can compute: it is how a center knows a code that is not its own is another center's (the
 *    MAC of another center's code cannot be checked here), not a made-up or mistyped one (walk
 *    s54: «AAAA-BBBB-CCCC-DDDD» was called "another center's booking"). A typed code passes it
 *    by chance one time in 1021; a changed character or two swapped neighbours never do.
 *  - MMMM is 20 bits of HMAC(centerKey, TTTT‖RRRRRR‖CC): a made-up or mistyped code is refused
 *    before the database is asked (one in a million passes the check, then finds no booking).
 * Codes made before the check (all 8 characters random) are still this center's when their MAC
 * is; another center's such code is then "not a valid code", never called a booking elsewhere.
 *
 * The key is 32 random bytes made once per center database (migration 12); it never leaves it.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { BOOKING_CODE_ALPHABET as ALPHABET, BOOKING_CODE_LENGTH, codeCharacters, groupedCode } from '../../protocol/booking-code-form.ts'

const TAG = 4
const MAC = 4
/** The public check's characters, at the end of the random part. */
const CHECK = 2
/** The random part with its check: what the code's length leaves (8 characters). */
const RANDOM = BOOKING_CODE_LENGTH - TAG - MAC
/** The public check is a weighted sum modulo this prime (< 32²): every single change and adjacent swap moves it. */
const CHECK_MODULUS = 1021

/** The public check of a code's first TAG + RANDOM - CHECK characters, as CHECK characters. */
function publicCheck(head: string): string {
  let sum = 0
  for (let i = 0; i < head.length; i++) sum = (sum + (i + 1) * ALPHABET.indexOf(head[i]!)) % CHECK_MODULUS
  return ALPHABET[sum >> 5]! + ALPHABET[sum & 31]!
}

/** Base32 of the first `chars` × 5 bits of `bytes`. */
function base32(bytes: Buffer, chars: number): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
    if (out.length === chars) break
  }
  return out
}

/** The code in `text` (codeCharacters: misreadings undone, separators dropped); null when not a whole code. */
export function normaliseCode(text: string): string | null {
  const plain = codeCharacters(text)
  return plain?.length === BOOKING_CODE_LENGTH ? plain : null
}

/**
 * The code inside what a scanner or a person typed: the code itself, or a manage link
 * (`…/b/<code>`, `…?code=<code>`) from the booking's QR. Null when there is none.
 */
export function codeInText(text: string): string | null {
  const trimmed = text.trim()
  const direct = normaliseCode(trimmed)
  if (direct) return direct
  const found = trimmed.match(/(?:^|[/=])([0-9A-Za-z]{4}-?[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}-?[0-9A-Za-z]{4})(?:$|[/?#&])/)
  return found ? normaliseCode(found[1]!) : null
}

export type CodeCheck = { ok: true; code: string } | { ok: false; problem: 'malformed' | 'other_center' | 'forged' }

/** Makes and checks this center's codes. */
export class BookingCodes {
  readonly tag: string
  constructor(private readonly key: Buffer) {
    this.tag = base32(this.mac('center'), TAG)
  }

  private mac(text: string): Buffer {
    return createHmac('sha256', this.key).update(text).digest()
  }

  /** A new code (printed form). */
  issue(): string {
    const head = this.tag + base32(randomBytes(4), RANDOM - CHECK)
    const body = head + publicCheck(head)
    return groupedCode(body + base32(this.mac(body), MAC))
  }

  /** Whether `text` (a code or a link holding one) is a genuine code of this center; the printed form when it is. */
  check(text: string): CodeCheck {
    const plain = codeInText(text)
    if (!plain) return { ok: false, problem: 'malformed' }
    // The MAC is over this center's tag, so a code whose random part and MAC are ours but whose
    // tag is not is ours with the tag mistyped (the tag carries no secret): it is read as ours,
    // not refused as "another center's", which would send the citizen away for a typo.
    const body = this.tag + plain.slice(TAG, TAG + RANDOM)
    if (base32(this.mac(body), MAC) === plain.slice(TAG + RANDOM)) return { ok: true, code: groupedCode(body + plain.slice(TAG + RANDOM)) }
    // another center's only when its tag is another and its public check holds; anything else is
    // a made-up or mistyped code, whoever's it was meant to be
    const head = plain.slice(0, TAG + RANDOM - CHECK)
    const othersCode = plain.slice(0, TAG) !== this.tag && publicCheck(head) === plain.slice(TAG + RANDOM - CHECK, TAG + RANDOM)
    return { ok: false, problem: othersCode ? 'other_center' : 'forged' }
  }
}
