import { createServer, type Server, type Socket } from 'node:net'
import type { StatusBytes } from '../../../drivers/printer/index.ts'

/** What a fake network printer does with a job connection. */
export type JobBehaviour = 'print' | 'reset-mid-job'

/**
 * A network printer on 127.0.0.1:<random>: records each job connection's bytes, and answers
 * DLE EOT queries (a connection whose first byte is DLE) with configurable status bytes.
 */
export class FakePrinter {
  /** Complete jobs, one per connection that sent a job and closed cleanly. */
  readonly jobs: Buffer[] = []
  /** Connections of any kind. */
  connections = 0
  /** Connections that carried (part of) a job. */
  jobConnections = 0
  /** Replies to DLE EOT 1, 2, 4. Default healthy (0x12 each: only the fixed bits). */
  status: StatusBytes = { printer: 0x12, offline: 0x12, paper: 0x12 }
  /** When false, status queries get no answer. */
  answersStatus = true
  behaviour: JobBehaviour = 'print'
  private readonly sockets = new Set<Socket>()
  private waiters: (() => void)[] = []

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  /** Listens on 127.0.0.1:`port` (default: any free port). */
  static async start(port = 0): Promise<FakePrinter> {
    let printer!: FakePrinter
    const server = createServer((socket) => printer.accept(socket))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', resolve)
    })
    const address = server.address()
    if (!address || typeof address === 'string') throw new Error('no port')
    printer = new FakePrinter(server, address.port)
    return printer
  }

  get url(): string {
    return `tcp://127.0.0.1:${this.port}`
  }

  /**
   * Resolves once `count` jobs have been recorded; rejects after `timeoutMs` saying what did come.
   * The deadline matters: a center that gave up on a job (its status query or its render timed out
   * on a loaded box) never sends it, and a bare wait hung its test until the test's own timeout
   * with nothing said (CI of stop 38, digits.test.ts).
   */
  async waitForJobs(count: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (this.jobs.length < count) {
      const left = deadline - Date.now()
      if (left <= 0)
        throw new Error(
          `fake printer: ${this.jobs.length} of ${count} jobs after ${timeoutMs} ms (${this.connections} connections, ${this.jobConnections} with a job)`,
        )
      let timer: NodeJS.Timeout | undefined
      await new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left)
        this.waiters.push(resolve)
      })
      clearTimeout(timer)
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private accept(socket: Socket): void {
    this.connections++
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    socket.on('error', () => {})
    const chunks: Buffer[] = []
    let kind: 'status' | 'job' | null = null
    socket.on('data', (chunk: Buffer) => {
      kind ??= chunk[0] === 0x10 ? 'status' : 'job'
      if (kind === 'status') return this.answer(socket, chunk)
      if (chunks.length === 0) this.jobConnections++
      chunks.push(chunk)
      // resetAndDestroy sends RST whatever was read: the sender sees the job broken off.
      if (this.behaviour === 'reset-mid-job') socket.resetAndDestroy()
    })
    socket.on('end', () => {
      if (kind !== 'job') return
      this.jobs.push(Buffer.concat(chunks))
      for (const wake of this.waiters.splice(0)) wake()
    })
  }

  private answer(socket: Socket, chunk: Buffer): void {
    if (!this.answersStatus) return
    for (let i = 0; i + 2 < chunk.length; i += 3) {
      if (chunk[i] !== 0x10 || chunk[i + 1] !== 0x04) continue
      const n = chunk[i + 2]
      const reply = n === 1 ? this.status.printer : n === 2 ? this.status.offline : n === 4 ? this.status.paper : null
      if (reply !== null) socket.write(Buffer.from([reply]))
    }
  }
}

/** A TCP port on 127.0.0.1 that refuses connections: bound, then closed. */
export async function refusedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}
