/**
 * Plays recorded clips back to back through Web Audio: no internet, no OS voice, and no gap or
 * click between words, because each buffer is scheduled on the AudioContext clock at the exact
 * time the previous one ends (an <audio> element per clip would leave ~50–200 ms seams).
 */

/** What the announcement queue needs from a player; a fake implements it in the Node tests. */
export interface ClipPlayer {
  /**
   * Plays the clips in order, gaplessly; resolves when the last one has ended (or `stop()` was
   * called). A missing or undecodable clip is skipped and logged; rejects only when nothing can
   * be played at all (audio locked, every clip missing).
   */
  play(clips: readonly string[]): Promise<void>
  /** Fetches and decodes clips ahead of time, so the first call has no fetch delay; never rejects. */
  preload(clips: readonly string[]): Promise<void>
  /** Resumes a suspended AudioContext; call it from a user gesture where the browser requires one. */
  unlock(): Promise<void>
  /** Stops what is playing now; the pending `play()` resolves. */
  stop(): void
  /** Stops and releases the audio device. */
  close(): void
}

/** The part of AudioContext the player uses (lets a test hand in a fake clock). */
export type AudioContextLike = Pick<
  BaseAudioContext,
  'currentTime' | 'state' | 'destination' | 'decodeAudioData' | 'createBufferSource'
> & {
  resume(): Promise<void>
  close?(): Promise<void>
}

/** Settings of `createWebAudioPlayer`. */
export interface WebAudioPlayerOptions {
  /** Base URL of the clips, ending in '/': a clip `ar/15` is fetched from `<clipsUrl>ar/15.<extension>`. */
  clipsUrl: string
  /** File extension of the clips; default 'ogg'. */
  extension?: string
  /** Makes the AudioContext, on first use; default `new AudioContext()`. */
  createContext?: () => AudioContextLike
  /** default globalThis.fetch */
  fetch?: typeof fetch
  /** Where skipped clips and failures are reported; default console.warn. */
  log?: (message: string, error?: unknown) => void
  /** How long `play()` waits for a suspended context to resume before giving up; default 500 ms. */
  resumeTimeoutMs?: number
}

/** Scheduling a little ahead of `currentTime` keeps the first word from being clipped. */
const START_LEAD_S = 0.05
/**
 * `onended` never fires if the context stalls mid-announcement (audio device gone, tab frozen):
 * a wall-clock timer this long after the expected end keeps the queue moving.
 */
const END_GRACE_MS = 1500

/** How many clips `preload` fetches and decodes at once. */
const PRELOAD_CONCURRENCY = 3

/** A clip that will never load (404 or not audio) is remembered as such; a network error is retried next time. */
type Loaded = AudioBuffer | null

/**
 * Answers that say nothing about the clip: the center restarting (Fastify answers 503 while it
 * closes), overloaded, or a proxy in front failing. Like a network error they are tried again at
 * the next call; remembered as missing, a clip asked during a restart stayed silent until the TV
 * was reloaded (walk s55: «K» never said again).
 */
const isTemporary = (status: number): boolean => status >= 500 || status === 408 || status === 429

/** The clips URL for a page: `<page>/../sounds/`, so it also works under a server prefix. */
export function defaultClipsUrl(pageUrl: string): string {
  return new URL('../sounds/', pageUrl).href
}

export function createWebAudioPlayer(options: WebAudioPlayerOptions): ClipPlayer {
  const extension = options.extension ?? 'ogg'
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const log = options.log ?? ((message, error) => console.warn(`[announcer] ${message}`, error ?? ''))
  const resumeTimeoutMs = options.resumeTimeoutMs ?? 500
  const createContext = options.createContext ?? (() => new AudioContext())

  let context: AudioContextLike | null = null
  const cache = new Map<string, Promise<Loaded>>()
  /** What is playing now, so `stop()` can silence it and settle its promise. */
  let current: { sources: AudioBufferSourceNode[]; finish: () => void } | null = null
  let closed = false

  // Made lazily: a context created before any user gesture starts suspended in a browser.
  const ctx = (): AudioContextLike => (context ??= createContext())

  function load(name: string): Promise<Loaded> {
    const cached = cache.get(name)
    if (cached) return cached
    const url = new URL(`${name}.${extension}`, options.clipsUrl).href
    const loading = (async (): Promise<Loaded> => {
      const response = await doFetch(url)
      if (!response.ok) {
        if (isTemporary(response.status)) throw new Error(`HTTP ${response.status}`)
        log(`clip ${name} skipped: HTTP ${response.status} for ${url}`)
        return null
      }
      const data = await response.arrayBuffer()
      try {
        return await ctx().decodeAudioData(data)
      } catch (error) {
        log(`clip ${name} skipped: cannot decode ${url}`, error)
        return null
      }
    })().catch((error: unknown) => {
      // a network error (or a temporary answer) may pass: forget it so the next announcement tries again
      cache.delete(name)
      log(`clip ${name} skipped: cannot fetch ${url}`, error)
      return null
    })
    cache.set(name, loading)
    return loading
  }

  async function resume(context: AudioContextLike, timeoutMs: number): Promise<void> {
    if (context.state === 'running') return
    // resume() stays pending, without rejecting, until a user gesture when autoplay is blocked
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([
      context.resume().catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs)
      }),
    ])
    clearTimeout(timer)
  }

  function stop(): void {
    const playing = current
    if (!playing) return
    current = null
    for (const source of playing.sources) {
      try {
        source.stop()
      } catch {
        // not started yet or already ended: nothing to stop
      }
    }
    playing.finish()
  }

  return {
    async play(clips) {
      if (closed) throw new Error('the player is closed')
      if (clips.length === 0) return
      const context = ctx()
      const buffers = (await Promise.all(clips.map(load))).filter((b): b is AudioBuffer => b !== null)
      if (buffers.length === 0) throw new Error(`none of the ${clips.length} clips could be loaded`)
      await resume(context, resumeTimeoutMs)
      if (context.state !== 'running') throw new Error('audio is locked: call unlock() after a user gesture')
      if (closed) throw new Error('the player is closed')
      stop() // the queue never overlaps calls; this only guards a misuse of the player

      let at = context.currentTime + START_LEAD_S
      const sources = buffers.map((buffer) => {
        const source = context.createBufferSource()
        source.buffer = buffer
        source.connect(context.destination)
        source.start(at)
        at += buffer.duration
        return source
      })
      const endsIn = at - context.currentTime
      await new Promise<void>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined
        const finish = (): void => {
          clearTimeout(timer)
          if (current?.sources === sources) current = null
          resolve()
        }
        sources[sources.length - 1].onended = finish
        timer = setTimeout(finish, endsIn * 1000 + END_GRACE_MS)
        current = { sources, finish }
      })
    },

    async preload(clips) {
      // A few at a time, not all at once: a call that comes in meanwhile loads its own clips
      // straight away instead of queueing behind ~190 fetches and decodes (3–4 s measured).
      const next = clips[Symbol.iterator]()
      const worker = async (): Promise<void> => {
        for (let step = next.next(); !step.done && !closed; step = next.next()) await load(step.value)
      }
      await Promise.all(Array.from({ length: PRELOAD_CONCURRENCY }, worker))
    },

    async unlock() {
      if (closed) return
      // no timeout here: called from a gesture, resume() settles promptly
      const context = ctx()
      if (context.state !== 'running') await context.resume().catch((error: unknown) => log('cannot resume audio', error))
    },

    stop,

    close() {
      if (closed) return
      closed = true
      stop()
      cache.clear()
      void context?.close?.().catch(() => undefined)
      context = null
    },
  }
}
