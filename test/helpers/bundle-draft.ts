/**
 * The smallest configuration bundle draft (protocol/config-bundle.ts ConfigBundleDraft) the hub
 * accepts and a center applies: one priority category, one finish outcome, nothing else. Tests
 * spread their own parts over it.
 */
export const minimalBundleDraft = () => ({
  priorityCategories: [{ code: 'veterans', nameAr: 'المحاربون القدامى', nameEn: 'Veterans' }],
  finishOutcomes: [{ code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' }],
  holidays: [],
  announcement: { ar: '', en: '' },
  messageTexts: [],
  serviceMapping: {},
  weeklyHours: null,
})
