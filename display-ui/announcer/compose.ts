/**
 * The announcement composer: which recorded clips to play, in which order, to say a call.
 * Pure (no audio, no DOM), so the Arabic number grammar is unit-tested in Node.
 *
 * A clip is named `<lang>/<word>` (or a bare name for the language-free clips `chime`,
 * `pause`, `pause-short`); the player fetches `<clipsUrl><name>.ogg`. The full set of names
 * the composer can ask for is `allClipNames()`, and a test checks each one is shipped.
 *
 * Arabic numbers are read as cardinals in the counting form used after «رقم»
 * (ثلاثة، خمسة عشر…), the Arabic way: thousands, then hundreds, then units BEFORE tens,
 * every part after the first joined with «و»: 21 → واحد وعشرون, 115 → مائة وخمسة عشر,
 * 999 → تسعمائة وتسعة وتسعون, 2021 → ألفان وواحد وعشرون.
 *
 * Why pre-joined «و» clips (`ar/and-20` = «وعشرون») rather than one «و» clip: in Arabic «و»
 * is a proclitic, pronounced as one word with the number it joins («وَعِشرون»). A lone «وَ»
 * clip between two others leaves an audible seam and a wrong stress, with espeak-ng and with a
 * human voice alike. It costs 36 more clips of a few KB each.
 *
 * Ticket numbers up to 9999 are read in full (ألف، ألفان، ثلاثة آلاف…); a number above 9999
 * (or a label that does not parse) is read character by character, so a call is never silent.
 */
import type { Lang } from '../../ui-common/i18n.ts'
import type { Announcement, AnnouncementForm } from './contract.ts'

/** A language-free clip: the two-tone chime. */
export const CHIME = 'chime'
/** ~0.5 s of silence between the languages. */
export const PAUSE = 'pause'
/** ~0.15 s of silence where the sentence has a comma («…15، الشباك…»). */
export const PAUSE_SHORT = 'pause-short'

/** Largest number read as a number; above it, digit by digit. */
export const MAX_SPOKEN_NUMBER = 9999

/** The words around the label and the counter, per language, in the long form. */
const PHRASES: Readonly<Record<Lang, { ticket: string; counter: string }>> = {
  ar: { ticket: 'ar/customer-number', counter: 'ar/counter-number' }, // «العميل رقم» … «الشباك رقم»
  en: { ticket: 'en/ticket-number', counter: 'en/counter' }, // "Ticket number" … "counter"
}

/** The word before the counter in the short form: «شباك» / "counter". */
const SHORT_COUNTER: Readonly<Record<Lang, string>> = { ar: 'ar/counter', en: 'en/counter' }

/** A ticket label split into its prefix letters and its number ('A-015' → ['A'], 15). */
export interface ParsedLabel {
  letters: string[]
  number: number
}

/** 1–3 Latin letters, an optional dash, digits; leading zeros are not spoken. */
const LABEL = /^\s*([A-Za-z]{1,3})\s*-?\s*(\d+)\s*$/

/** Parses 'A-015', 'AB-7' (case-insensitive); null when the label has another shape. */
export function parseLabel(label: string): ParsedLabel | null {
  const match = LABEL.exec(label)
  if (!match) return null
  return { letters: match[1].toUpperCase().split(''), number: Number.parseInt(match[2], 10) }
}

/** The clip that says one Latin letter, e.g. `ar/letter-a` («إيه») or `en/letter-a` ("A"). */
export function letterClip(letter: string, lang: Lang): string {
  return `${lang}/letter-${letter.toLowerCase()}`
}

/** Clips for a digit string read one digit at a time (the fallback for huge numbers). */
function digitClips(digits: string, lang: Lang): string[] {
  return digits.split('').map((d) => `${lang}/${d}`)
}

/**
 * The parts of a number below 10000, biggest first, units before tens (the Arabic order):
 * 2021 → [2000, 1, 20]; 115 → [100, 15]; 0 → [0].
 */
function arabicParts(n: number): number[] {
  if (n === 0) return [0]
  const parts: number[] = []
  const thousands = Math.floor(n / 1000)
  const hundreds = Math.floor((n % 1000) / 100)
  const rest = n % 100
  if (thousands) parts.push(thousands * 1000)
  if (hundreds) parts.push(hundreds * 100)
  if (rest > 0 && rest < 20) parts.push(rest)
  else if (rest >= 20) {
    if (rest % 10) parts.push(rest % 10)
    parts.push(rest - (rest % 10))
  }
  return parts
}

/** English reads tens before units and has no "and" (American style, as on most displays). */
function englishParts(n: number): number[] {
  if (n === 0) return [0]
  const parts: number[] = []
  const thousands = Math.floor(n / 1000)
  const hundreds = Math.floor((n % 1000) / 100)
  const rest = n % 100
  if (thousands) parts.push(thousands * 1000) // "one thousand", "two thousand": one clip each
  if (hundreds) parts.push(hundreds * 100) // "one hundred", "nine hundred": one clip each
  if (rest > 0 && rest < 20) parts.push(rest)
  else if (rest >= 20) {
    parts.push(rest - (rest % 10))
    if (rest % 10) parts.push(rest % 10)
  }
  return parts
}

/** The clips that say a whole number `n` (0–9999 as a number, larger digit by digit). */
export function numberClips(n: number, lang: Lang): string[] {
  if (!Number.isSafeInteger(n) || n < 0) return digitClips(String(Math.abs(Math.trunc(n)) || 0), lang)
  if (n > MAX_SPOKEN_NUMBER) return digitClips(String(n), lang)
  if (lang === 'ar') return arabicParts(n).map((part, i) => (i === 0 ? `ar/${part}` : `ar/and-${part}`))
  return englishParts(n).map((part) => `en/${part}`)
}

/** The clips that say a ticket label: its letters one by one, then its number. */
export function labelClips(label: string, lang: Lang): string[] {
  const parsed = parseLabel(label)
  if (parsed) return [...parsed.letters.map((l) => letterClip(l, lang)), ...numberClips(parsed.number, lang)]
  // Not PREFIX-NUMBER (a future label format?): spell what we can rather than stay silent.
  const clips: string[] = []
  for (const ch of label) {
    if (/[A-Za-z]/.test(ch)) clips.push(letterClip(ch, lang))
    else if (/[0-9]/.test(ch)) clips.push(`${lang}/${ch}`)
  }
  return clips
}

/**
 * One language's sentence. Long (the default here): «العميل رقم A 15، الشباك رقم 3» /
 * "Ticket number A 15, counter 3"; short: «A 15، شباك 3» / "A 15, counter 3".
 */
export function composeAnnouncement(announcement: Announcement, lang: Lang, form: AnnouncementForm = 'long'): string[] {
  const label = labelClips(announcement.label, lang)
  const counter = numberClips(announcement.counterNumber, lang)
  if (form === 'short') return [...label, PAUSE_SHORT, SHORT_COUNTER[lang], ...counter]
  const phrases = PHRASES[lang]
  return [phrases.ticket, ...label, PAUSE_SHORT, phrases.counter, ...counter]
}

/** What is said for one call, and how. */
export interface ComposeOptions {
  /** Languages spoken, in order. */
  languages: readonly Lang[]
  /** Whether the chime comes first. */
  chime: boolean
  /** The wording; default 'long' (the display's own default, 'short', comes from its settings). */
  form?: AnnouncementForm
}

/** The form a display falls back to when calls queue up: Arabic only, no chime, short. */
export const SHORTEST: Readonly<Required<ComposeOptions>> = { languages: ['ar'], chime: false, form: 'short' }

/** The whole announcement: the chime, then each language's sentence with a pause between. */
export function composeCall(announcement: Announcement, options: ComposeOptions): string[] {
  const clips: string[] = options.chime ? [CHIME] : []
  options.languages.forEach((lang, i) => {
    if (i > 0) clips.push(PAUSE)
    clips.push(...composeAnnouncement(announcement, lang, options.form))
  })
  return clips
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('')
const range = (from: number, to: number, step = 1): number[] =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step)

/**
 * Every clip name the composer can ask for, for the clip generator and the "nothing is
 * missing" test. Per language: the phrases of both forms, 26 letters, 0–19, the tens, the hundreds,
 * the thousands, and in Arabic the «و»-joined forms of everything that can follow a first part.
 */
export function allClipNames(): string[] {
  const numbers = [...range(0, 19), ...range(20, 90, 10), ...range(100, 900, 100), ...range(1000, 9000, 1000)]
  const names = [CHIME, PAUSE, PAUSE_SHORT]
  for (const lang of ['ar', 'en'] as const) {
    names.push(PHRASES[lang].ticket, PHRASES[lang].counter)
    if (SHORT_COUNTER[lang] !== PHRASES[lang].counter) names.push(SHORT_COUNTER[lang])
    names.push(...LETTERS.map((l) => letterClip(l, lang)))
    names.push(...numbers.map((n) => `${lang}/${n}`))
  }
  // a joined part is never a thousand (thousands always come first) nor zero
  names.push(...[...range(1, 19), ...range(20, 90, 10), ...range(100, 900, 100)].map((n) => `ar/and-${n}`))
  return names
}
