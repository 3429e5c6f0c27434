/**
 * Where the display's first start goes (issue 22): Chromium's performance trace of the display's
 * load at 4× CPU slow-down in a fresh profile (nothing cached, as after a TV's first boot or a
 * cleared cache), from navigation start to the frame in which its board shows the center's
 * snapshot. Prints the requests on the way (bytes, when each left and arrived), the main thread's
 * time by kind of work (parse, compile, run, style, layout, paint, fonts) and the time it sat
 * idle waiting, median of a few loads, next to a plain HTML page's first paint in the same run.
 * A probe, not part of `npm run bench`: the bench (kiosk-start.bench.ts) gives the ratios; this
 * says what to cut. `BENCH_UI_DIR` traces another build; `BENCH_TRACE_LOADS` sets the loads (5);
 * `BENCH_TRACE_WARM=1` traces reloads with the cache warm instead; `BENCH_TRACE_TARGET=kiosk` the kiosk.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../test/e2e/browser.ts'
import { ensureUiBuilt } from '../test/e2e/ui-build.ts'
import { type Case, loadOnce, PLAIN_PATH, screens, slowPage, startCenter } from './kiosk-start.bench.ts'
import { type MainThreadSplit, type RequestTiming, splitTrace, type TraceEvent } from './lib/trace-split.ts'

const LOADS = Number(process.env.BENCH_TRACE_LOADS ?? 5)
const WARM = process.env.BENCH_TRACE_WARM === '1'
const SAVE_DIR = process.env.BENCH_TRACE_SAVE
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
]

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** One traced load of `c` in a fresh context (or, WARM, its second load): the split up to the frame its target is on screen. */
async function traceOnce(browser: Browser, c: Case): Promise<{ shownAt: number; split: MainThreadSplit; requests: RequestTiming[] }> {
  const context = await browser.newContext({ deviceScaleFactor: 1, locale: 'ar-EG' })
  try {
    if (c.cookie) await context.addCookies([c.cookie])
    const page = await slowPage(context, { width: 1920, height: 1080 }, c.target, c.token)
    if (WARM) await loadOnce(page, c.url, false)
    await browser.startTracing(page, { categories: CATEGORIES })
    const shownAt = await loadOnce(page, c.url, false)
    const raw = await browser.stopTracing()
    // BENCH_TRACE_SAVE=<dir>: each trace kept there, to open in DevTools' Performance panel
    if (SAVE_DIR) writeFileSync(join(SAVE_DIR, `${c.target}-${Date.now()}.json`), raw)
    const trace = JSON.parse(raw.toString('utf8')) as { traceEvents: TraceEvent[] }
    const { split, requests } = splitTrace(trace.traceEvents, new URL(c.url).pathname, shownAt)
    return { shownAt, split, requests }
  } finally {
    await context.close()
  }
}

export async function displayStartTrace(): Promise<void> {
  const center = await startCenter(process.env.BENCH_UI_DIR ?? (await ensureUiBuilt()), Number(process.env.BENCH_PORT ?? 0))
  // BENCH_TRACE_TARGET=kiosk traces the kiosk instead (the same page build, the same bench cases)
  const display = screens(center).find((c) => c.target === (process.env.BENCH_TRACE_TARGET ?? 'display'))!
  const plain: Case = { name: 'plain HTML page, first paint', url: `${center.url}${PLAIN_PATH}`, target: 'plain' }
  const browser = await launchBrowser()
  try {
    for (const c of [plain, display]) {
      const loads: Awaited<ReturnType<typeof traceOnce>>[] = []
      await traceOnce(browser, c) // warm-up: the server's and Chromium's own first-time costs
      for (let i = 0; i < LOADS; i++) loads.push(await traceOnce(browser, c))
      const shown = median(loads.map((l) => l.shownAt))
      console.log(`\n## ${c.name} (${WARM ? 'reload, cache warm' : 'fresh profile'}), 4× CPU, ${LOADS} traced loads`)
      console.log(`on screen: median ${shown.toFixed(0)} ms (${loads.map((l) => l.shownAt.toFixed(0)).join(', ')})`)
      const kinds = [...new Set(loads.flatMap((l) => Object.keys(l.split)))]
      const rows = kinds
        .map((kind) => ({ kind, 'median ms': +median(loads.map((l) => l.split[kind] ?? 0)).toFixed(1) }))
        .filter((r) => r['median ms'] >= 2)
        .sort((a, b) => b['median ms'] - a['median ms'])
      console.log('main thread until then, by kind of work:')
      console.table(rows)
      // the requests of the median load
      const typical = [...loads].sort((a, b) => a.shownAt - b.shownAt)[Math.floor(loads.length / 2)]
      console.log(`requests of the median load (${typical.shownAt.toFixed(0)} ms):`)
      console.table(
        typical.requests.map((r) => ({
          request: r.url,
          'bytes (wire)': r.encodedBytes,
          'sent ms': +r.sentAt.toFixed(0),
          'headers ms': +r.headersAt.toFixed(0),
          'finished ms': +r.finishedAt.toFixed(0),
          'page took it ms': +r.handledAt.toFixed(0),
        })),
      )
    }
  } finally {
    await browser.close()
    await center.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await displayStartTrace()
