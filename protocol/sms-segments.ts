/**
 * How many SMS a text takes (3GPP TS 23.038 / 23.040): GSM-7 when every character is in the
 * default alphabet (160 per message, 153 per part of a long one; the extension table's characters
 * count twice), else UCS-2 (70, or 67 per part; a character outside the BMP counts twice).
 * Arabic is always UCS-2. The dashboard's counter and the SMPP splitter both use it.
 */

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const GSM_EXTENDED = '^{}\\[~]|€\f'
const basic = new Set(GSM_BASIC)
const extended = new Set(GSM_EXTENDED)

export type SmsEncoding = 'gsm7' | 'ucs2'

export interface SegmentCount {
  encoding: SmsEncoding
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number
  segments: number
  /** Units one segment holds at this length (160/153 or 70/67). */
  perSegment: number
}

/** GSM-7 when every character is in the default alphabet or its extension table, else UCS-2. */
export function smsEncodingOf(text: string): SmsEncoding {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return 'ucs2'
  return 'gsm7'
}

/** The encoding, length and number of parts of `text` as one SMS or a concatenated one. */
export function countSegments(text: string): SegmentCount {
  const encoding = smsEncodingOf(text)
  let units = 0
  if (encoding === 'gsm7') for (const ch of text) units += extended.has(ch) ? 2 : 1
  else units = text.length
  const single = encoding === 'gsm7' ? 160 : 70
  const part = encoding === 'gsm7' ? 153 : 67
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1, perSegment: single }
  return { encoding, units, segments: Math.ceil(units / part), perSegment: part }
}

/**
 * Splits a UCS-2 text into parts of at most `perPart` UTF-16 units (67 with a concatenation
 * header), never between the two halves of a surrogate pair.
 */
export function splitUcs2(text: string, perPart = 67): string[] {
  const parts: string[] = []
  let at = 0
  while (at < text.length) {
    let end = Math.min(text.length, at + perPart)
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--
    parts.push(text.slice(at, end))
    at = end
  }
  return parts
}
