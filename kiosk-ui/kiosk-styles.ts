/**
 * What the kiosk's components share on top of the theme: the touch styles of ui-common (the
 * screen font, big buttons, the bilingual "second language" line) and the full-height column.
 */
import { screenHost } from '../ui-common/screen-styles.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { touchStyles } from '../ui-common/touch-styles.ts'

/** The kiosk's component styles: ui-common's touch styles (kept under this name for the kiosk's components). */
export const kioskStyles = touchStyles

/** A whole kiosk screen's base: the theme, the pieces above and the full-height column. */
export const kioskScreenStyles = [themeStyles, kioskStyles, screenHost]
