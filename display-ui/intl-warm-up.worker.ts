/**
 * Formats the clock's lines once, off the page's main thread, then says so (intl-warm-up.ts).
 * The locale data ICU loads for it (Arabic and English, Gregorian and Umm al-Qura) is kept for
 * the whole renderer process, so the clock's own first formatting on the main thread finds it.
 */
import { clockText } from './clock-text.ts'

clockText(new Date(), undefined, 'western')
postMessage('warm')
