/**
 * A page that carries its first screen starts its app after that screen's first frame (issue 22).
 *
 * The built page loads its app as `<script type="module">` in its head. Such scripts are deferred,
 * but only until the page is parsed: on a restart their files come from the cache at once, and the
 * app's modules (a long task of 300–500 ms on a CPU slowed 4×) then ran before the browser drew
 * the screen the page already holds. Here each becomes a `<link rel="modulepreload">` (fetched
 * and compiled as early as before, not run) and one inline script after the first screen imports
 * them, in their order, once a frame has been drawn with the screen shown: the screen waits for
 * its faces (faces-first.ts), and an app started before they came would hold the main thread
 * while they arrived, and the screen with it. A tap before the app runs is kept
 * (ui-common/first-screen.ts), so the citizen loses nothing while it starts.
 */
import { FACES_READY_ATTRIBUTE } from './faces-first.ts'

const MODULE_SCRIPT = /<script type="module"((?: crossorigin)?) src="([^"]+)"><\/script>/g

/** How long the start waits at most for a frame, should none come (a hidden page draws none, and starts at once). */
const FRAME_WAIT_MS = 5000

export interface AppAfterFirstFrame {
  /** The page with its module scripts turned into preloads. */
  page: string
  /** The inline script that starts them (null: the page has none to defer). */
  script: string | null
}

export function appAfterFirstFrame(page: string): AppAfterFirstFrame {
  const sources: string[] = []
  const preloaded = page.replace(MODULE_SCRIPT, (_tag, crossorigin: string, src: string) => {
    sources.push(src)
    return `<link rel="modulepreload"${crossorigin} href="${src}">`
  })
  if (sources.length === 0) return { page, script: null }
  // an animation frame's callback runs before that frame is drawn; the task after it, after: the
  // first such frame with the faces there is the first with the screen shown
  const script =
    `(function(){var s=${JSON.stringify(sources)},d=0;function go(){if(d)return;d=1;` +
    's.reduce(function(p,u){return p.then(function(){return import(u)})},Promise.resolve())}' +
    'if(document.visibilityState==="hidden")return go();' +
    `function tick(){if(document.documentElement.hasAttribute("${FACES_READY_ATTRIBUTE}"))setTimeout(go,0);else requestAnimationFrame(tick)}` +
    `requestAnimationFrame(tick);setTimeout(go,${FRAME_WAIT_MS})})()`
  return { page: preloaded, script }
}
