import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { TicketContent } from './ticket-content.ts'
import type { JobOptions } from './escpos-job.ts'
import type { JobReply, JobRequest, WorkerSetup } from './job-worker-messages.ts'

/** Tuning for `TicketJobWorker`; every field is optional. */
export interface JobWorkerOptions {
  /** Jobs waiting for the thread at most; one more is refused at once (the printer shows it failed). Default 64. */
  maxQueued?: number
  /** A job not built within this has hung the thread: it fails and the thread is replaced. Default 15000 ms. */
  timeoutMs?: number
  /** Font files replacing the bundled ones (the center's `printing.fonts`). */
  fonts?: WorkerSetup['fonts']
}

interface Pending {
  request: JobRequest
  /** Threads that died while holding this job; at the second it fails instead of being sent again. */
  crashes: number
  resolve: (bytes: Buffer) => void
  reject: (err: Error) => void
  timer: NodeJS.Timeout | null
}

/**
 * One long-lived worker thread that builds ticket jobs (job-worker-entry.ts), started at the
 * first job or `whenReady`, so the canvas work of a burst of tickets never delays a call on the
 * event loop. A thread that dies is replaced at once and the jobs it held are sent to the new one
 * (a job that was held by two dead threads fails, naming why); a job that never comes back fails
 * after `timeoutMs`. Every failure reaches the print queue as a failed job, so no ticket is lost
 * silently: the printer's last job reads failed, with the reason, on the dashboard.
 */
export class TicketJobWorker {
  private thread: Worker | null = null
  private ready: Promise<void> | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private closed = false
  private readonly maxQueued: number
  private readonly timeoutMs: number
  /** Jobs the thread built and sent back. */
  built = 0
  /** Threads replaced after they died (crash, out of memory, killed, hung). */
  restarts = 0

  constructor(private readonly options: JobWorkerOptions = {}) {
    this.maxQueued = options.maxQueued ?? 64
    this.timeoutMs = options.timeoutMs ?? 15_000
  }

  /** The thread now running, if any (for tests and diagnostics). */
  get current(): Worker | null {
    return this.thread
  }

  /** Jobs sent and not answered yet. */
  get inFlight(): number {
    return this.pending.size
  }

  /** Starts the thread if needed; resolves once its fonts are registered, rejects naming the font that failed. */
  whenReady(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the ticket renderer is closed'))
    try {
      this.start()
    } catch (err) {
      return Promise.reject(err)
    }
    return this.ready!
  }

  /** Builds one job's bytes on the thread. Rejects with the reason when it cannot be built. */
  build(content: TicketContent, options: JobOptions): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('the ticket renderer is closed'))
    if (this.pending.size >= this.maxQueued)
      return Promise.reject(new Error(`the ticket renderer is busy: ${this.pending.size} jobs already waiting`))
    const request: JobRequest = { id: this.nextId++, content, options }
    return new Promise<Buffer>((resolve, reject) => {
      const entry: Pending = { request, crashes: 0, resolve, reject, timer: null }
      this.pending.set(request.id, entry)
      try {
        this.send(entry)
      } catch (err) {
        this.settle(request.id, err as Error)
      }
    })
  }

  /** Fails the jobs still waiting and stops the thread. */
  async close(): Promise<void> {
    this.closed = true
    for (const id of [...this.pending.keys()]) this.settle(id, new Error('the ticket renderer was closed before the job was built'))
    const thread = this.thread
    this.thread = null
    this.ready = null
    if (thread) await thread.terminate()
  }

  private send(entry: Pending): void {
    const thread = this.start()
    entry.timer = setTimeout(() => this.hung(entry.request.id), this.timeoutMs)
    thread.ref()
    thread.postMessage(entry.request)
  }

  private start(): Worker {
    if (this.thread) return this.thread
    const { file, ...spawn } = workerEntry()
    const workerData: WorkerSetup & { entry?: string; tsx?: string } = { ...spawn.workerData, fonts: this.options.fonts }
    const thread = new Worker(file, { eval: spawn.eval, workerData, name: 'tabour-ticket-renderer' })
    // idle, it must not keep a process alive (a CLI command, a test); `send` refs it while jobs wait
    thread.unref()
    let lastError = ''
    let readied: (problem?: string) => void = () => {}
    this.ready = new Promise<void>((resolve, reject) => {
      readied = (problem) => (problem ? reject(new Error(problem)) : resolve())
    })
    // an unused rejection (nobody asked whenReady) is not an unhandled one; each job reports its own failure
    this.ready.catch(() => {})
    thread.on('message', (reply: JobReply) => {
      if (reply.kind === 'ready') return readied(reply.error)
      if (reply.bytes) this.built++
      this.settle(
        reply.id,
        reply.bytes ? Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength) : new Error(reply.error),
      )
    })
    thread.on('error', (err) => (lastError = err.message))
    thread.on('exit', (code) => {
      readied(`the ticket renderer stopped before it was ready (exit code ${code})${lastError ? `: ${lastError}` : ''}`)
      if (this.thread === thread) this.died(code, lastError)
    })
    this.thread = thread
    return thread
  }

  /**
   * The thread died: a new one takes over the jobs it held, except those it was the second thread
   * to die on. Only the current thread's exit comes here, and `close` lets go of its thread first.
   */
  private died(code: number, error: string): void {
    const why = `the ticket renderer stopped (exit code ${code}${error ? `: ${error}` : ''})`
    this.replaceThread((entry) => {
      entry.crashes++
      return entry.crashes >= 2 ? new Error(`${why}, twice while building this ticket`) : null
    })
  }

  /**
   * The thread is stuck on this job: only this job fails. The thread is let go of before it is
   * terminated (its exit then never reaches `died`), and the jobs queued behind the stuck one go
   * to a new thread without a crash counted against them: they did not kill it.
   */
  private hung(id: number): void {
    this.settle(id, new Error(`the ticket was not rendered within ${this.timeoutMs} ms`))
    const thread = this.thread
    if (!thread) return
    this.thread = null
    void thread.terminate()
    this.replaceThread(() => null)
  }

  /**
   * Lets go of the current thread (a restart: the next send starts a new one) and sends each
   * pending job again, unless `failure` gives the error it ends with instead.
   */
  private replaceThread(failure: (entry: Pending) => Error | null): void {
    this.thread = null
    this.ready = null
    this.restarts++
    for (const entry of [...this.pending.values()]) {
      if (entry.timer) clearTimeout(entry.timer)
      const error = failure(entry)
      if (error) this.settle(entry.request.id, error)
      else this.send(entry)
    }
  }

  private settle(id: number, result: Buffer | Error): void {
    const entry = this.pending.get(id)
    if (!entry) return
    this.pending.delete(id)
    if (entry.timer) clearTimeout(entry.timer)
    if (result instanceof Error) entry.reject(result)
    else entry.resolve(result)
    if (this.pending.size === 0) this.thread?.unref()
  }
}

/**
 * Where the thread's code is. From the sources (tests, `npm run dev`), job-worker-entry.ts run
 * through tsx's loader, registered inside the thread; from the compiled server
 * (scripts/build-server.mjs: dist/server/; scripts/build-packages.mjs: @tabour/server's dist/),
 * printer-worker.js, beside the entry or one folder up from the chunk this code is in.
 */
function workerEntry(): { file: string | URL; eval: boolean; workerData: { entry?: string; tsx?: string } } {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    // tsx's ES module API (its CommonJS one loads its hooks by a path that does not resolve in a thread)
    const manifest = createRequire(here).resolve('tsx/package.json')
    const api = JSON.parse(readFileSync(manifest, 'utf8')).exports['./esm/api'].import.default as string
    const tsx = pathToFileURL(join(dirname(manifest), api)).href
    const entry = new URL('./job-worker-entry.ts', here).href
    const boot = `const { workerData } = require('node:worker_threads')
import(workerData.tsx).then((m) => { m.register(); return import(workerData.entry) })`
    return { file: boot, eval: true, workerData: { entry, tsx } }
  }
  for (const candidate of ['./printer-worker.js', '../printer-worker.js']) {
    const url = new URL(candidate, here)
    if (existsSync(url)) return { file: url, eval: false, workerData: {} }
  }
  throw new Error(`printer-worker.js is missing beside the compiled server (${new URL('.', here).pathname}): rebuild it`)
}
