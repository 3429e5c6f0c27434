/**
 * A first screen is shown only once its faces are there (issue 22).
 *
 * Its text is set in Cairo with `font-display: block`: until a face arrives the text is laid out,
 * invisibly, in a fallback face, and laid out again when Cairo comes, so the screen's boxes move.
 * The first frame used to wait for the page's linked stylesheets, which the browser asked for after
 * the four preloaded faces and which mostly came after them; on a loaded box they came first, now
 * and then, and the screen moved (test/e2e/display-first-screen.test.ts's layout shift). Here the
 * first screen is not displayed (so nothing on it can be tapped unseen) until the faces its text
 * uses, Arabic and Latin, regular and bold, are loaded — or failed, or 3 s passed (the block period
 * `font-display: block` itself gives): never hidden for good. Both are inline in the page before
 * the screen, allowed by their CSP hashes.
 *
 * `display: none`, not `visibility: hidden`: a hidden screen is still laid out, in the fallback face,
 * and laid out again when Cairo comes; at 4× CPU each layout of the kiosk's first screen took
 * 60–130 ms of a fresh start (bench/display-start-trace.ts). Not displayed, it is laid out once.
 *
 * And only once the page is parsed (session 49): Chromium parses a page in slices with frames
 * between them, and on a first load at 4× CPU (nothing cached, the faces there before the parser
 * reached the services) the screen was shown with its title alone, centred, and the title then
 * jumped ~240 px up as the service buttons were parsed under it (layout shifts of 0.01–0.05 in every
 * traced fresh load of the kiosk, 2026-12-07). Every slice was laid out and painted for nothing.
 */
import { FIRST_SCREEN_ID } from '../../ui-common/first-screen.ts'

/** Set on `<html>` once the page is parsed and the faces are loaded (or given up on): the first screen shows, and the app may start (app-after-first-frame.ts). */
export const FACES_READY_ATTRIBUTE = 'data-faces'

/** Hides the first screen until `<html data-faces>`. */
export const FACES_FIRST_STYLE = `html:not([${FACES_READY_ATTRIBUTE}]) #${FIRST_SCREEN_ID}{display:none}`

/** How long the screen waits at most for its faces (font-display: block's own block period). */
const FACES_WAIT_MS = 3000

/**
 * Loads the four faces (the text «اA» picks the Arabic and the Latin subsets by their unicode
 * ranges) and then, once the page is parsed (DOMContentLoaded, or at once if it already is),
 * marks `<html data-faces>`. Inline scripts wait for the stylesheets before them, so the
 * `@font-face` rules are known when it runs.
 */
export const FACES_FIRST_SCRIPT =
  `(function(){var h=document.documentElement,f=document.fonts,m=function(){h.setAttribute("${FACES_READY_ATTRIBUTE}","")},` +
  'd=function(){document.readyState==="loading"?document.addEventListener("DOMContentLoaded",m):m()};' +
  'if(!f||!f.load)return d();' +
  'Promise.all([f.load("400 1em Cairo","\\u0627A"),f.load("700 1em Cairo","\\u0627A")]).then(d,d);' +
  `setTimeout(d,${FACES_WAIT_MS})})()`
