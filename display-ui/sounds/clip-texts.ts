/**
 * What each clip says, for the espeak-ng generator only (never bundled into a page).
 *
 * The Arabic is fully vowelled and sometimes spelled the way it is SAID rather than written,
 * because espeak-ng guesses badly without vowels: numbers end in a plain fatha instead of
 * «ة» (espeak pronounces ة as "-at"; the pausal form spoken after «رقم» is «خمسة» = "khamsa"),
 * «مئة» for «مائة» (espeak reads the silent alif), «سِتْتُون» for «ستون», «وَثْنَان» for «واثنان».
 * A human recording replaces any of these (see README.md).
 */
import type { Lang } from '../../ui-common/i18n.ts'

/** Arabic units and teens in the counting form, as spoken at a pause. */
const AR_NUMBERS: Record<number, string> = {
  0: 'صِفْر',
  1: 'وَاحِد',
  2: 'اِثْنَان',
  3: 'ثَلَاثَ',
  4: 'أَرْبَعَ',
  5: 'خَمْسَ',
  6: 'سِتْتَ',
  7: 'سَبْعَ',
  8: 'ثَمَانِيَ',
  9: 'تِسْعَ',
  10: 'عَشَرَ',
  11: 'أَحَدَ عَشَر',
  12: 'اِثْنَا عَشَر',
  13: 'ثَلَاثَةَ عَشَر',
  14: 'أَرْبَعَةَ عَشَر',
  15: 'خَمْسَةَ عَشَر',
  16: 'سِتَّةَ عَشَر',
  17: 'سَبْعَةَ عَشَر',
  18: 'ثَمَانِيَةَ عَشَر',
  19: 'تِسْعَةَ عَشَر',
  20: 'عِشْرُون',
  30: 'ثَلَاثُون',
  40: 'أَرْبَعُون',
  50: 'خَمْسُون',
  60: 'سِتْتُون',
  70: 'سَبْعُون',
  80: 'ثَمَانُون',
  90: 'تِسْعُون',
  100: 'مِئَ',
  200: 'مِئَتَان',
  300: 'ثَلَاثُمِئَ',
  400: 'أَرْبَعُمِئَ',
  500: 'خَمْسُمِئَ',
  600: 'سِتْتُمِئَ',
  700: 'سَبْعُمِئَ',
  800: 'ثَمَانِمِئَ',
  900: 'تِسْعُمِئَ',
  1000: 'أَلْف',
  2000: 'أَلْفَان',
  3000: 'ثَلَاثَةُ آلَاف',
  4000: 'أَرْبَعَةُ آلَاف',
  5000: 'خَمْسَةُ آلَاف',
  6000: 'سِتَّةُ آلَاف',
  7000: 'سَبْعَةُ آلَاف',
  8000: 'ثَمَانِيَةُ آلَاف',
  9000: 'تِسْعَةُ آلَاف',
}

/** «و» + a number, said as one word; «و» + «اثنان/اثنا» drops the hamzat al-wasl. */
function arAnd(n: number): string {
  if (n === 2) return 'وَثْنَان'
  if (n === 12) return 'وَثْنَا عَشَر'
  return `وَ${AR_NUMBERS[n].replace(/^اِ/, '')}`
}

/** Latin letters as Arabic speakers name them (P with a real /p/ so it is not heard as B). */
const AR_LETTERS: Record<string, string> = {
  a: 'إِيه',
  b: 'بِي',
  c: 'سِي',
  d: 'دِي',
  e: 'إِي',
  f: 'إِف',
  g: 'جِي',
  h: 'إِتْش',
  i: 'آي',
  j: 'جِيه',
  k: 'كِيه',
  l: 'إِل',
  m: 'إِم',
  n: 'إِن',
  o: 'أُو',
  p: 'پِي',
  q: 'كِيُو',
  r: 'آر',
  s: 'إِس',
  t: 'تِي',
  u: 'يُو',
  v: 'فِي',
  w: 'دَبْلِيُو',
  x: 'إِكْس',
  y: 'وَاي',
  z: 'زِد',
}

const EN_NUMBERS: Record<number, string> = {
  0: 'zero',
  1: 'one',
  2: 'two',
  3: 'three',
  4: 'four',
  5: 'five',
  6: 'six',
  7: 'seven',
  8: 'eight',
  9: 'nine',
  10: 'ten',
  11: 'eleven',
  12: 'twelve',
  13: 'thirteen',
  14: 'fourteen',
  15: 'fifteen',
  16: 'sixteen',
  17: 'seventeen',
  18: 'eighteen',
  19: 'nineteen',
  20: 'twenty',
  30: 'thirty',
  40: 'forty',
  50: 'fifty',
  60: 'sixty',
  70: 'seventy',
  80: 'eighty',
  90: 'ninety',
}

/** The words of every spoken clip, by clip name (`ar/15`, `en/letter-a`…). */
export function clipTexts(): Map<string, { lang: Lang; text: string }> {
  const texts = new Map<string, { lang: Lang; text: string }>()
  const ar = (name: string, text: string) => texts.set(`ar/${name}`, { lang: 'ar', text })
  const en = (name: string, text: string) => texts.set(`en/${name}`, { lang: 'en', text })

  ar('customer-number', 'العَمِيلُ رَقْم')
  ar('counter-number', 'الشُبّاكُ رَقْم')
  ar('counter', 'شُبّاك') // the short form: «A خمسة عشر، شباك ثلاثة»
  for (const [letter, text] of Object.entries(AR_LETTERS)) ar(`letter-${letter}`, text)
  for (const [n, text] of Object.entries(AR_NUMBERS)) {
    ar(n, text)
    if (Number(n) > 0 && Number(n) < 1000) ar(`and-${n}`, arAnd(Number(n)))
  }

  en('ticket-number', 'Ticket number')
  en('counter', 'counter')
  // a capital letter alone is read by its name ("A" = "ay", "Z" = "zed")
  for (const letter of Object.keys(AR_LETTERS)) en(`letter-${letter}`, letter.toUpperCase())
  for (const [n, text] of Object.entries(EN_NUMBERS)) en(n, text)
  for (let h = 1; h <= 9; h++) en(String(h * 100), `${EN_NUMBERS[h]} hundred`)
  for (let t = 1; t <= 9; t++) en(String(t * 1000), `${EN_NUMBERS[t]} thousand`)
  return texts
}
