/**
 * Egypt's 27 governorates for the analysis map: ISO 3166-2:EG code, Arabic and English names,
 * and a tile on a 6 × 10 grid placed roughly where the governorate lies (column 0 west, row 0
 * the Mediterranean coast). A tile map, not borders: no npm package ships Egypt's admin-1
 * boundaries under an open licence (hub/README.md, Analysis), and tiles of equal size keep the
 * small, crowded Delta governorates as readable as the New Valley.
 *
 * The hub keys a center's governorate by free text (hub_centers.governorate, typed at
 * registration, in Arabic or English); `governorateOf` finds the governorate that text names.
 */

export interface Governorate {
  /** ISO 3166-2:EG. */
  code: string
  nameAr: string
  nameEn: string
  /** Tile column (0 = west) and row (0 = north). */
  col: number
  row: number
  /** Other spellings met in registries (transliterations, with or without the article). */
  aliases?: readonly string[]
}

export const GRID_COLUMNS = 6
export const GRID_ROWS = 10

export const EGYPT_GOVERNORATES: readonly Governorate[] = [
  { code: 'EG-MT', nameAr: 'مطروح', nameEn: 'Matrouh', col: 0, row: 0, aliases: ['Marsa Matruh', 'Matruh'] },
  { code: 'EG-ALX', nameAr: 'الإسكندرية', nameEn: 'Alexandria', col: 1, row: 0, aliases: ['Iskandariya'] },
  { code: 'EG-KFS', nameAr: 'كفر الشيخ', nameEn: 'Kafr El Sheikh', col: 2, row: 0, aliases: ['Kafr ash Shaykh'] },
  { code: 'EG-DT', nameAr: 'دمياط', nameEn: 'Damietta', col: 3, row: 0, aliases: ['Dumyat'] },
  { code: 'EG-PTS', nameAr: 'بورسعيد', nameEn: 'Port Said', col: 4, row: 0, aliases: ['بور سعيد', 'Bur Said'] },
  { code: 'EG-SIN', nameAr: 'شمال سيناء', nameEn: 'North Sinai', col: 5, row: 0, aliases: ['Shamal Sina'] },
  { code: 'EG-BH', nameAr: 'البحيرة', nameEn: 'Beheira', col: 1, row: 1, aliases: ['Behera', 'Buhayrah'] },
  { code: 'EG-GH', nameAr: 'الغربية', nameEn: 'Gharbia', col: 2, row: 1, aliases: ['Gharbiya'] },
  { code: 'EG-DK', nameAr: 'الدقهلية', nameEn: 'Dakahlia', col: 3, row: 1, aliases: ['Daqahliya', 'Dakahliya'] },
  { code: 'EG-IS', nameAr: 'الإسماعيلية', nameEn: 'Ismailia', col: 4, row: 1, aliases: ['Ismailiya'] },
  { code: 'EG-MNF', nameAr: 'المنوفية', nameEn: 'Monufia', col: 1, row: 2, aliases: ['Menoufia', 'Minufiya'] },
  { code: 'EG-KB', nameAr: 'القليوبية', nameEn: 'Qalyubia', col: 2, row: 2, aliases: ['Qaliubiya', 'Kalyubia'] },
  { code: 'EG-SHR', nameAr: 'الشرقية', nameEn: 'Sharqia', col: 3, row: 2, aliases: ['Sharkia', 'Sharqiya'] },
  { code: 'EG-SUZ', nameAr: 'السويس', nameEn: 'Suez', col: 4, row: 2, aliases: ['Suways'] },
  { code: 'EG-JS', nameAr: 'جنوب سيناء', nameEn: 'South Sinai', col: 5, row: 2, aliases: ['Janub Sina'] },
  { code: 'EG-GZ', nameAr: 'الجيزة', nameEn: 'Giza', col: 1, row: 3, aliases: ['Gizah', 'Jizah'] },
  { code: 'EG-C', nameAr: 'القاهرة', nameEn: 'Cairo', col: 2, row: 3, aliases: ['Qahirah'] },
  { code: 'EG-FYM', nameAr: 'الفيوم', nameEn: 'Faiyum', col: 1, row: 4, aliases: ['Fayoum', 'Fayyum'] },
  { code: 'EG-BNS', nameAr: 'بني سويف', nameEn: 'Beni Suef', col: 2, row: 4, aliases: ['Bani Suwayf'] },
  { code: 'EG-MN', nameAr: 'المنيا', nameEn: 'Minya', col: 2, row: 5, aliases: ['Menia', 'Minia'] },
  { code: 'EG-BA', nameAr: 'البحر الأحمر', nameEn: 'Red Sea', col: 3, row: 5, aliases: ['Bahr al Ahmar'] },
  { code: 'EG-WAD', nameAr: 'الوادي الجديد', nameEn: 'New Valley', col: 1, row: 6, aliases: ['Wadi al Jadid', 'Wadi El Gedid'] },
  { code: 'EG-AST', nameAr: 'أسيوط', nameEn: 'Asyut', col: 2, row: 6, aliases: ['Assiut', 'Assyut'] },
  { code: 'EG-SHG', nameAr: 'سوهاج', nameEn: 'Sohag', col: 2, row: 7, aliases: ['Suhaj'] },
  { code: 'EG-KN', nameAr: 'قنا', nameEn: 'Qena', col: 3, row: 7, aliases: ['Kena', 'Qina'] },
  { code: 'EG-LX', nameAr: 'الأقصر', nameEn: 'Luxor', col: 3, row: 8, aliases: ['Uqsur'] },
  { code: 'EG-ASN', nameAr: 'أسوان', nameEn: 'Aswan', col: 3, row: 9, aliases: ['Assuan'] },
]

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
for (const g of EGYPT_GOVERNORATES)
  for (const name of [g.code, g.nameAr, g.nameEn, ...(g.aliases ?? [])]) byName.set(normalizeGovernorate(name), g)

/** The governorate a hub governorate value names (its Arabic or English name, a usual spelling, or its ISO code); null if none. */
export function governorateOf(value: string): Governorate | null {
  return byName.get(normalizeGovernorate(value)) ?? null
}
