/**
 * The one separator between two parts of a line on every screen (walk finding 15). Not "·": a
 * middle dot is drawn exactly like the Arabic-Indic zero ٠, so «منى سامي · ••••٤٣٢» read as
 * ٤٣٢٠ once the center used Arabic-Indic digits. An em dash looks like no digit in either set
 * and reads the same in right-to-left text; the spaces around it are part of it. The space
 * before the dash is a no-break space: a line may break after the dash, never before it, so no
 * line starts with «—» (the hours tab's «F — الاستعلامات والشكاوى — دقائق قبل الإغلاق» wrapped
 * so at 1366 px). Message catalogues must hold constant strings (the build compiles them), so
 * they write '\u00a0— ' out; test/protocol/separator.test.ts holds every catalogue to it.
 */
export const SEPARATOR = '\u00a0— '
