/**
 * Egypt's 27 governorates (ISO 3166-2:EG codes, Arabic and English names): a center's governorate
 * at the hub is one of these codes, so "Cairo", "cairo" and "القاهرة" are one governorate
 * nationally and the analysis map can place every center. Registration takes a code or a name
 * this list knows (`governorateOf`) and stores the code; anything else is refused with
 * HUB_ERR_UNKNOWN_GOVERNORATE, naming the valid codes.
 */

export interface Governorate {
  /** ISO 3166-2:EG. */
  code: string
  nameAr: string
  nameEn: string
  /** Other spellings met in registries (transliterations, with or without the article). */
  aliases?: readonly string[]
}

export const GOVERNORATES: readonly Governorate[] = [
  { code: 'EG-MT', nameAr: 'مطروح', nameEn: 'Matrouh', aliases: ['Marsa Matruh', 'Matruh'] },
  { code: 'EG-ALX', nameAr: 'الإسكندرية', nameEn: 'Alexandria', aliases: ['Iskandariya'] },
  { code: 'EG-KFS', nameAr: 'كفر الشيخ', nameEn: 'Kafr El Sheikh', aliases: ['Kafr ash Shaykh'] },
  { code: 'EG-DT', nameAr: 'دمياط', nameEn: 'Damietta', aliases: ['Dumyat'] },
  { code: 'EG-PTS', nameAr: 'بورسعيد', nameEn: 'Port Said', aliases: ['بور سعيد', 'Bur Said'] },
  { code: 'EG-SIN', nameAr: 'شمال سيناء', nameEn: 'North Sinai', aliases: ['Shamal Sina'] },
  { code: 'EG-BH', nameAr: 'البحيرة', nameEn: 'Beheira', aliases: ['Behera', 'Buhayrah'] },
  { code: 'EG-GH', nameAr: 'الغربية', nameEn: 'Gharbia', aliases: ['Gharbiya'] },
  { code: 'EG-DK', nameAr: 'الدقهلية', nameEn: 'Dakahlia', aliases: ['Daqahliya', 'Dakahliya'] },
  { code: 'EG-IS', nameAr: 'الإسماعيلية', nameEn: 'Ismailia', aliases: ['Ismailiya'] },
  { code: 'EG-MNF', nameAr: 'المنوفية', nameEn: 'Monufia', aliases: ['Menoufia', 'Minufiya'] },
  { code: 'EG-KB', nameAr: 'القليوبية', nameEn: 'Qalyubia', aliases: ['Qaliubiya', 'Kalyubia'] },
  { code: 'EG-SHR', nameAr: 'الشرقية', nameEn: 'Sharqia', aliases: ['Sharkia', 'Sharqiya'] },
  { code: 'EG-SUZ', nameAr: 'السويس', nameEn: 'Suez', aliases: ['Suways'] },
  { code: 'EG-JS', nameAr: 'جنوب سيناء', nameEn: 'South Sinai', aliases: ['Janub Sina'] },
  { code: 'EG-GZ', nameAr: 'الجيزة', nameEn: 'Giza', aliases: ['Gizah', 'Jizah'] },
  { code: 'EG-C', nameAr: 'القاهرة', nameEn: 'Cairo', aliases: ['Qahirah'] },
  { code: 'EG-FYM', nameAr: 'الفيوم', nameEn: 'Faiyum', aliases: ['Fayoum', 'Fayyum'] },
  { code: 'EG-BNS', nameAr: 'بني سويف', nameEn: 'Beni Suef', aliases: ['Bani Suwayf'] },
  { code: 'EG-MN', nameAr: 'المنيا', nameEn: 'Minya', aliases: ['Menia', 'Minia'] },
  { code: 'EG-BA', nameAr: 'البحر الأحمر', nameEn: 'Red Sea', aliases: ['Bahr al Ahmar'] },
  { code: 'EG-WAD', nameAr: 'الوادي الجديد', nameEn: 'New Valley', aliases: ['Wadi al Jadid', 'Wadi El Gedid'] },
  { code: 'EG-AST', nameAr: 'أسيوط', nameEn: 'Asyut', aliases: ['Assiut', 'Assyut'] },
  { code: 'EG-SHG', nameAr: 'سوهاج', nameEn: 'Sohag', aliases: ['Suhaj'] },
  { code: 'EG-KN', nameAr: 'قنا', nameEn: 'Qena', aliases: ['Kena', 'Qina'] },
  { code: 'EG-LX', nameAr: 'الأقصر', nameEn: 'Luxor', aliases: ['Uqsur'] },
  { code: 'EG-ASN', nameAr: 'أسوان', nameEn: 'Aswan', aliases: ['Assuan'] },
]

/** Every valid governorate code, in the list's order (north to south). */
export const GOVERNORATE_CODES: readonly string[] = GOVERNORATES.map((g) => g.code)

/**
 * What the hub shows for a center whose governorate (free text from before the codes) names none
 * of the 27: it is listed and counted under this, never dropped.
 */
export const UNKNOWN_GOVERNORATE = 'unknown'

/**
 * A name as compared: Arabic without diacritics, tatweel, the word محافظة or the article, its
 * alef, teh marbuta and alef maksura forms unified; Latin lower-cased without "governorate", the
 * article (al, el), spaces, hyphens and apostrophes.
 */
export function normalizeGovernorate(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u0652\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/محافظه|governorate|gouvernorat/g, ' ')
    .replace(/(^|\s)(al|el|ad|ar|as|ash)[-\s]/g, ' ')
    .replace(/(^|\s)ال(?=\S{2})/g, ' ')
    .replace(/[\s\-'’`.]/g, '')
}

const byName = new Map<string, Governorate>()
for (const g of GOVERNORATES)
  for (const name of [g.code, g.nameAr, g.nameEn, ...(g.aliases ?? [])]) byName.set(normalizeGovernorate(name), g)

/** The governorate a hub governorate value names (its Arabic or English name, a usual spelling, or its ISO code); null if none. */
export function governorateOf(value: string): Governorate | null {
  return byName.get(normalizeGovernorate(value)) ?? null
}

/** The unknown governorate's name, as figure rows carry it. */
export const UNKNOWN_GOVERNORATE_NAMES = { ar: 'محافظة غير معروفة', en: 'Unknown governorate' } as const

/** The governorate's name in a language (a code or a known spelling); the unknown governorate's name when it names none. */
export function governorateName(value: string, lang: 'ar' | 'en'): string {
  const g = governorateOf(value)
  return g ? (lang === 'ar' ? g.nameAr : g.nameEn) : UNKNOWN_GOVERNORATE_NAMES[lang]
}

/** The code a stored governorate stands for: a code as is, a known spelling's code, else UNKNOWN_GOVERNORATE. */
export function governorateCodeOf(value: string): string {
  return governorateOf(value)?.code ?? UNKNOWN_GOVERNORATE
}
