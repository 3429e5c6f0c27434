/**
 * Where this package's files are, for a Node host that serves them (`@tabour/ui/paths`):
 * the elements' bundle and fonts, and the center's own built pages to give tabourPlugin as
 * `config.uiDir` (its /kiosk/, /display/, /counter/, /dashboard/, the ticket status page, the
 * display's sound clips).
 */
import { fileURLToPath } from 'node:url'

/** The folder of tabour-ui.js, fonts.css and the font files (and pages/): serve it as static files. */
export const elementsDir: string = fileURLToPath(new URL('./', import.meta.url))

/** The center's built pages (what `npm run build` puts in dist/ui): pass it as the plugin's `config.uiDir`. */
export const pagesDir: string = fileURLToPath(new URL('./pages/', import.meta.url))
