/**
 * The first screen the center renders into a kiosk's or a display's page (issue 22;
 * server/first-screen/): on weak hardware a fresh start spent most of a second fetching,
 * parsing and compiling the page's script before lit drew anything, so the page now arrives
 * with its first screen drawn. It sits over the app's element until the app has drawn the same
 * screen itself, and the app then takes it away (`takeFirstScreen`), in the same frame.
 *
 * A citizen may tap a service on it before the script has run: EARLY_TAP_SCRIPT, inline in the
 * page before it, notes the tapped service on it (`data-tap`) and shows the button pressed, and
 * the kiosk goes on from that tap once booted, as if its own button had been tapped.
 */

/** The element holding the pre-rendered screen in its declarative shadow root. */
export const FIRST_SCREEN_ID = 'tabour-first-screen'

/** Where the center puts the first screen in a built page; a page without it (an older build) gets none. */
export const FIRST_SCREEN_SLOT = '<!--tabour:first-screen-->'

/**
 * Inline in the page before the first screen (allowed by its CSP hash): a click on an enabled
 * service button of the first screen is noted on it and the button shown pressed (`busy`, as
 * the app shows a service whose ticket is being issued); the first tap wins.
 */
export const EARLY_TAP_SCRIPT = `addEventListener("click",function(e){var f=document.getElementById("${FIRST_SCREEN_ID}");if(!f||f.dataset.tap||e.composedPath().indexOf(f)<0)return;var b=e.composedPath().find(function(n){return n.dataset&&n.dataset.serviceId});if(b&&!b.disabled){f.dataset.tap=b.dataset.serviceId;b.classList.add("busy")}},true)`

/**
 * Takes the pre-rendered first screen away (the app has drawn its own); returns the service a
 * citizen tapped on it meanwhile, or null. Safe to call again: there is nothing left to take.
 */
export function takeFirstScreen(doc: Document = document): number | null {
  const first = doc.getElementById(FIRST_SCREEN_ID)
  if (!first) return null
  first.remove()
  const tap = Number(first.dataset.tap)
  return Number.isInteger(tap) && tap > 0 ? tap : null
}
