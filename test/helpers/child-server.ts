import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { childEnv } from './child-env.ts'

/** The repository root: the child runs `server/main.ts` from here, as `npm start` would. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export const CHILD_ADMIN_PASSWORD = 'child-admin-password'

/** A free loopback TCP port: listen on port 0, read the port, close. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolve(port))
    })
  })
}

export interface ChildExit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface ChildServerOptions {
  /** TABOUR_DATA_DIR. */
  dataDir: string
  /** Extra env (wins over the defaults below). A key set to undefined is removed. */
  env?: Record<string, string | undefined>
  /** Default: a free port picked just before the spawn. */
  port?: number
}

/**
 * A time zone where it is about noon now, for a child server that must not cross its local
 * midnight while a run lasts (closing the day cancels what still waits and restarts the numbers).
 */
export function noonTimeZone(): string {
  const now = new Date()
  const offset = Math.max(-12, Math.min(14, Math.round(12 - (now.getUTCHours() + now.getUTCMinutes() / 60))))
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`
}

/** Every child still running, so a failed test (or a dying worker) cannot leave one behind. */
const live = new Set<ChildServer>()
process.on('exit', () => {
  for (const child of live) child.process.kill('SIGKILL')
})

/**
 * The center server as a real child process (`node --import tsx server/main.ts`, the same thing
 * `tsx server/main.ts` runs, minus tsx's wrapper process so that a signal reaches the server
 * itself). Output is kept for failure messages. Use `killAllChildren()` in afterEach.
 */
export class ChildServer {
  readonly process: ChildProcess
  readonly exited: Promise<ChildExit>
  exit: ChildExit | null = null
  private out = ''

  private constructor(
    readonly port: number,
    env: Record<string, string>,
  ) {
    this.process = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    live.add(this)
    const keep = (chunk: Buffer) => {
      this.out += chunk.toString('utf8')
      // enough to explain a failure, bounded so a chatty child cannot eat the test's memory
      if (this.out.length > 200_000) this.out = this.out.slice(-100_000)
    }
    this.process.stdout!.on('data', keep)
    this.process.stderr!.on('data', keep)
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        this.exit = { code, signal }
        live.delete(this)
        resolve(this.exit)
      })
      this.process.once('error', (err) => {
        this.out += `\n[spawn error] ${err.message}`
        this.exit = { code: null, signal: null }
        live.delete(this)
        resolve(this.exit)
      })
    })
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** Everything the child printed (stdout and stderr, interleaved). */
  get output(): string {
    return this.out
  }

  /** Spawns without waiting for readiness (for children expected to fail at start-up). */
  static async spawn(options: ChildServerOptions): Promise<ChildServer> {
    const port = options.port ?? (await freePort())
    // a clean env: nothing from the developer's shell (TABOUR_*, PORT, NODE_OPTIONS) leaks in
    const env = childEnv({
      TABOUR_DATA_DIR: options.dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      TABOUR_ADMIN_PASSWORD: CHILD_ADMIN_PASSWORD,
      TABOUR_LOG_LEVEL: 'warn',
      // load and crash tests issue far faster than a kiosk: the per-device limits have their own tests
      TABOUR_DEVICE_TICKETS_PER_MINUTE: '1000000',
      TABOUR_DEVICE_SNAPSHOTS_PER_MINUTE: '1000000',
      ...options.env,
    })
    return new ChildServer(port, env)
  }

  /** Spawns and waits until GET /healthz answers 200. */
  static async start(options: ChildServerOptions, timeoutMs = 20_000): Promise<ChildServer> {
    const child = await ChildServer.spawn(options)
    try {
      await child.waitReady(timeoutMs)
    } catch (err) {
      await child.kill('SIGKILL')
      throw err
    }
    return child
  }

  async waitReady(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (this.exit) throw new Error(`server exited before it was ready (${JSON.stringify(this.exit)}):\n${this.out}`)
      try {
        const res = await fetch(`${this.baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) })
        await res.arrayBuffer()
        if (res.status === 200) return
      } catch {
        // not listening yet
      }
      await sleep(50)
    }
    throw new Error(`server not ready after ${timeoutMs} ms:\n${this.out}`)
  }

  /** Sends a signal and waits for the exit; SIGKILLs if it has not exited after `graceMs`. */
  async kill(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<ChildExit> {
    if (this.exit) return this.exit
    this.process.kill(signal)
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs)
    try {
      return await this.exited
    } finally {
      clearTimeout(timer)
    }
  }

  /** Waits for the exit, at most `ms`; null when still running. */
  async waitExit(ms: number): Promise<ChildExit | null> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), ms)
    })
    try {
      return await Promise.race([this.exited, timeout])
    } finally {
      clearTimeout(timer)
    }
  }
}

/** SIGKILLs every child still running and waits for them; for afterEach/afterAll. */
export async function killAllChildren(): Promise<void> {
  await Promise.all([...live].map((child) => child.kill('SIGKILL')))
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
