/**
 * The display page's first script (issue 22), loaded `async` before its modules
 * (scripts/vite-early-script.ts): starts a worker that loads ICU's date data while the page's
 * modules download and run. In a fresh renderer, as after a TV's first boot, the board's first
 * render otherwise paid for it in the clock's first `Intl.DateTimeFormat`: 220–370 ms of the
 * main thread at 4× CPU slow-down, against 3–9 ms in a bare page once a worker had made the same
 * formats; in the display's fresh loads on a loaded 2-core box, median 83 ms against 247 ms
 * (docs/display-start.md). A reload reuses the renderer and gains nothing. Where workers fail,
 * nothing is lost but the head start.
 */
try {
  const worker = new Worker(new URL('./intl-warm-up.worker.ts', import.meta.url), { type: 'module' })
  const done = () => worker.terminate()
  worker.addEventListener('message', done)
  worker.addEventListener('error', done)
} catch {
  // no worker (a locked-down kiosk browser): the clock loads the data itself, as before
}
