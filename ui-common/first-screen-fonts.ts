/**
 * Starts loading the faces of a kiosk's or a display's first screen (Cairo, Arabic and Latin,
 * regular and bold) as soon as the page's script runs. The build preloads their files
 * (scripts/vite-font-preload.ts), but a face only turns them into a usable font when a layout
 * first needs it: the bold one not before the services are on screen, which would then wait
 * (font-display: block) for it. Asking now decodes them while the page waits for its data.
 */
export function loadFirstScreenFaces(fonts: FontFaceSet = document.fonts): void {
  // one Arabic and one Latin letter: the faces of both unicode ranges
  for (const weight of [400, 700]) fonts.load(`${weight} 1em Cairo`, 'اA').catch(() => undefined)
}
