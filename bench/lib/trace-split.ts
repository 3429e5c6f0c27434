/**
 * Reads a Chromium performance trace (devtools.timeline, v8, loading categories) of one page load:
 * how the page's main thread spent the time from navigation start to a moment (the frame the
 * screen was shown in), by kind of work, and the requests the page made by then. Used by
 * bench/display-start-trace.ts.
 */

/** One event of Chromium's JSON trace format (the fields used here). */
export interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { data?: Record<string, unknown>; frame?: string }
}

/** Milliseconds of the main thread by kind of work; `idle` is time with no task running (waiting for the network or a frame). */
export type MainThreadSplit = Record<string, number>

/**
 * One request of the page: times in ms after navigation start; bytes as they crossed the wire.
 * `headersAt` and `finishedAt` are the network's (its timing of the response), `handledAt` when
 * the page's main thread took the response: later when that thread was busy.
 */
export interface RequestTiming {
  url: string
  encodedBytes: number
  sentAt: number
  headersAt: number
  finishedAt: number
  handledAt: number
}

/** Trace event names → the kind of work they are; anything else counts as `other` (the task's own overhead, IPC, timers). */
const KINDS: [RegExp, string][] = [
  [/^ParseHTML$/, 'parse HTML'],
  [/^ParseAuthorStyleSheet$/, 'parse CSS'],
  [/^(v8\.compile|v8\.compileModule|V8\.Compile|v8\.produceCache|v8\.produceModuleCache|v8\.deserializeOnBackground)/i, 'compile JS'],
  [
    /^(EvaluateScript|v8\.evaluateModule|v8\.run|FunctionCall|V8\.Execute|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|v8\.callFunction)$/,
    'run JS',
  ],
  [/^(UpdateLayoutTree|RecalculateStyles)$/, 'style'],
  [/^Layout$/, 'layout'],
  [/^(Paint|PrePaint|Layerize|Commit|UpdateLayer|PaintImage|RasterTask|UpdateLayerTree)$/, 'paint'],
  [/(GC|gc)/, 'garbage collection'],
  [/^(ResourceReceivedData|ResourceFinish|ResourceReceiveResponse|ResourceSendRequest|ParseResourceData)$/, 'loading'],
]

const kindOf = (name: string): string => KINDS.find(([re]) => re.test(name))?.[1] ?? `other: ${name}`

interface Span {
  name: string
  start: number
  end: number
}

/** The page's main thread and its navigation start: the renderer whose main frame navigated to `pathname`. */
function findNavigation(events: TraceEvent[], pathname: string): { pid: number; tid: number; ts: number; frame: string } {
  const nav = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      typeof e.args?.data?.documentLoaderURL === 'string' &&
      URL.canParse(e.args.data.documentLoaderURL) &&
      new URL(e.args.data.documentLoaderURL).pathname === pathname,
  )
  // some loads record their navigation with no URL yet (seen for the kiosk's page): the main frame's last one
  const mainFrame = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.isOutermostMainFrame === true)
  if (!nav && mainFrame.length > 0) {
    const last = mainFrame[mainFrame.length - 1]
    return { pid: last.pid, tid: last.tid, ts: last.ts, frame: last.args?.frame ?? '' }
  }
  if (!nav) {
    const seen = events.filter((e) => e.name === 'navigationStart').map((e) => JSON.stringify(e.args))
    throw new Error(`trace: no navigationStart to ${pathname} among ${seen.join(' ')}`)
  }
  return { pid: nav.pid, tid: nav.tid, ts: nav.ts, frame: nav.args?.frame ?? '' }
}

/** Complete spans of one thread: `X` events as they are, `B`/`E` pairs matched. */
function spansOf(events: TraceEvent[], pid: number, tid: number): Span[] {
  const spans: Span[] = []
  const open: TraceEvent[] = []
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: e.name, start: e.ts, end: e.ts + e.dur })
    else if (e.ph === 'B') open.push(e)
    else if (e.ph === 'E') {
      const begin = open.pop()
      if (begin) spans.push({ name: begin.name, start: begin.ts, end: e.ts })
    }
  }
  // outer spans first when two start together, so the inner one is on top of the stack
  return spans.sort((a, b) => a.start - b.start || b.end - a.end)
}

/**
 * Each microsecond of [from, to] goes to the innermost span running then (its self time), or to
 * `idle` when none is: a sweep over the nested spans.
 */
function selfTimes(spans: Span[], from: number, to: number): MainThreadSplit {
  const out: MainThreadSplit = {}
  const add = (kind: string, a: number, b: number) => {
    const lo = Math.max(a, from)
    const hi = Math.min(b, to)
    if (hi > lo) out[kind] = (out[kind] ?? 0) + (hi - lo) / 1000
  }
  const stack: Span[] = []
  let cursor = from
  const advance = (until: number) => {
    while (stack.length > 0 && stack[stack.length - 1].end <= until) {
      const top = stack.pop()!
      add(kindOf(top.name), cursor, top.end)
      cursor = Math.max(cursor, top.end)
    }
    const top = stack[stack.length - 1]
    add(top ? kindOf(top.name) : 'idle', cursor, until)
    cursor = Math.max(cursor, until)
  }
  for (const span of spans) {
    if (span.start >= to) break
    advance(span.start)
    stack.push(span)
  }
  advance(to)
  return out
}

/**
 * The requests of the page's frame up to `until` (µs), from its Resource* events (the browser's
 * own pages, such as the omnibox's WebUI a new context loads, make requests in the same trace).
 */
function requestsOf(events: TraceEvent[], frame: string, navStart: number, until: number): RequestTiming[] {
  const byId = new Map<string, RequestTiming>()
  const ms = (ts: number) => (ts - navStart) / 1000
  for (const e of events) {
    const data = e.args?.data
    const id = data?.requestId as string | undefined
    if (!id || e.ts < navStart || e.ts > until) continue
    if (e.name === 'ResourceSendRequest') {
      if (data!.frame !== frame) continue
      const url = new URL(data!.url as string)
      const name = url.pathname.split('/').pop() || url.pathname
      byId.set(id, { url: name, encodedBytes: 0, sentAt: ms(e.ts), headersAt: NaN, finishedAt: NaN, handledAt: NaN })
    }
    const r = byId.get(id)
    if (!r) continue
    if (e.name === 'ResourceReceiveResponse') {
      r.handledAt = ms(e.ts)
      // the network's own clock (seconds, the trace's time base): when the headers came
      const timing = data!.timing as { requestTime?: number; receiveHeadersEnd?: number } | undefined
      if (timing?.requestTime) r.headersAt = ms(timing.requestTime * 1e6 + (timing.receiveHeadersEnd ?? 0) * 1000)
    }
    if (e.name === 'ResourceFinish') {
      r.encodedBytes = Number(data!.encodedDataLength ?? 0)
      if (typeof data!.finishTime === 'number' && data!.finishTime > 0) r.finishedAt = ms(data!.finishTime * 1e6)
    }
  }
  return [...byId.values()].sort((a, b) => a.sentAt - b.sentAt)
}

/** The split of the page's main thread and its requests, from navigation start to `shownAt` ms after it. */
export function splitTrace(events: TraceEvent[], pathname: string, shownAt: number): { split: MainThreadSplit; requests: RequestTiming[] } {
  const nav = findNavigation(events, pathname)
  const until = nav.ts + shownAt * 1000
  return { split: selfTimes(spansOf(events, nav.pid, nav.tid), nav.ts, until), requests: requestsOf(events, nav.frame, nav.ts, until) }
}
