/**
 * The one separator between two parts of a line on every screen (walk finding 15). Not "·": a
 * middle dot is drawn exactly like the Arabic-Indic zero ٠, so «منى سامي · ••••٤٣٢» read as
 * ٤٣٢٠ once the center used Arabic-Indic digits. An em dash looks like no digit in either set
 * and reads the same in right-to-left text; the spaces around it are part of it.
 */
export const SEPARATOR = ' — '
