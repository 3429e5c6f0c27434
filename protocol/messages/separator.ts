/**
 * The one separator between two parts of a line on every screen (walk finding 15). Not "·": a
 * middle dot is drawn exactly like the Arabic-Indic zero ٠, so «منى سامي · ••••٤٣٢» read as
 * ٤٣٢٠ once the center used Arabic-Indic digits. An em dash looks like no digit in either set
 * and reads the same in right-to-left text; the spaces around it are part of it. Message
 * catalogues must hold constant strings (the build compiles them), so they write ' — ' out;
 * test/protocol/separator.test.ts keeps the ones that separate figures free of "·".
 */
export const SEPARATOR = ' — '
