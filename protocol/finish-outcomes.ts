/**
 * A center's finish outcomes when its configuration names none (config queue.finishOutcomes'
 * default). Kept here, not in server/config.ts, because the hub's bundle form starts a first
 * bundle from them: a bundle replaces a center's list whole, so the form must know what it replaces.
 */
export const DEFAULT_FINISH_OUTCOMES: readonly { code: string; nameAr: string; nameEn: string }[] = [
  { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' },
  { code: 'referred', nameAr: 'أُحيل إلى جهة أخرى', nameEn: 'Referred elsewhere' },
  { code: 'incomplete_papers', nameAr: 'أوراق غير مكتملة', nameEn: 'Incomplete papers' },
  { code: 'other', nameAr: 'أخرى', nameEn: 'Other' },
]
