import { afterEach } from 'vitest'
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client'
import { isSnapshotRefusal, type ClientToServerEvents, type ServerToClientEvents, type Snapshot } from '../../protocol/events.ts'
import type { TestCenter, TestCenterOptions } from './test-center.ts'
import { type ListeningCenter, listeningCenter } from './listening-center.ts'

export type { ListeningCenter }

/**
 * socket.io clients for tests, in the style of socket.io's own suite: real clients against a
 * listening server, every one tracked so `closeAll()` in afterEach leaves nothing running.
 */
export type TabourSocket = Socket<ServerToClientEvents, ClientToServerEvents>
export type EventName = keyof ServerToClientEvents
export type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0]
export type ClientOptions = Partial<ManagerOptions & SocketOptions>

type AnyListener = (...args: any[]) => void

/** What a refused connection hands the client: socket.io puts the middleware's `err.data` on it. */
export type ConnectError = Error & { data?: { code?: string } }

/**
 * Default guard on a wait for something that should happen at once on loopback: 10 s. A guard
 * against a hang, not a timing (performance is measured in bench/): a wait that passes returns at
 * once whatever the guard, and 3 s was passed on CI's loaded machine by pushes that did come.
 */
export const EVENT_TIMEOUT_MS = 10_000

/** Opens clients and closes all of them; always call `closeAll()` in afterEach (useListeningCenter does). */
export class SocketClients {
  private readonly sockets = new Set<TabourSocket>()

  /** A new client (its own connection: `forceNew`), websocket only, no reconnection unless asked. */
  open(url: string, token: string | undefined, options: ClientOptions = {}): TabourSocket {
    const socket: TabourSocket = io(url, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...options,
    })
    this.sockets.add(socket)
    return socket
  }

  /** Opens a client and waits for it to connect; rejects with the connect_error otherwise. */
  async connect(url: string, token: string | undefined, options: ClientOptions = {}): Promise<TabourSocket> {
    const socket = this.open(url, token, options)
    await waitForConnect(socket)
    return socket
  }

  /** Opens a client on its feed and records everything it gets from its first push (`feed:joined`, awaited) on. */
  async listen(url: string, token: string): Promise<{ socket: TabourSocket; seen: EventRecorder }> {
    const socket = this.open(url, token)
    const seen = new EventRecorder(socket)
    await waitForEvent(socket, 'feed:joined')
    return { socket, seen }
  }

  /** Disconnects every client (a manual disconnect also stops reconnection). */
  closeAll(): void {
    for (const socket of this.sockets) socket.disconnect()
    this.sockets.clear()
  }
}

/**
 * For a describe() whose tests each run against a real, listening center. Registers an afterEach
 * that closes every client, then every center the test started (a test that has closed its
 * center itself is fine: closing it again does nothing). Returns the clients to open sockets with
 * and `start`, which starts a center and has it listen on a random loopback port.
 */
export function useListeningCenter(): { clients: SocketClients; start(options?: TestCenterOptions): Promise<ListeningCenter> } {
  const clients = new SocketClients()
  let started: TestCenter[] = []
  afterEach(async () => {
    clients.closeAll()
    const centers = started
    started = []
    for (const center of centers) await center.close()
  })
  return {
    clients,
    async start(options: TestCenterOptions = {}): Promise<ListeningCenter> {
      const listening = await listeningCenter(options)
      started.push(listening.center)
      return listening
    },
  }
}

/**
 * Resolves with the socket's next connect outcome: null on `connect`, the error on
 * `connect_error`; rejects with "no <waitingFor> within …" after `timeoutMs`.
 */
function nextConnectOutcome(socket: TabourSocket, timeoutMs: number, waitingFor: string): Promise<ConnectError | null> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer)
      socket.off('connect', onConnect)
      socket.off('connect_error', onError)
    }
    const onConnect = () => {
      done()
      resolve(null)
    }
    const onError = (err: Error) => {
      done()
      resolve(err as ConnectError)
    }
    const timer = setTimeout(() => {
      done()
      reject(new Error(`no ${waitingFor} within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.on('connect', onConnect)
    socket.on('connect_error', onError)
  })
}

/** Resolves on `connect`, rejects on `connect_error` or after `timeoutMs`. */
export async function waitForConnect(socket: TabourSocket, timeoutMs = EVENT_TIMEOUT_MS): Promise<void> {
  if (socket.connected) return
  const err = await nextConnectOutcome(socket, timeoutMs, 'connect')
  if (err) throw err
}

/** Resolves with the `connect_error` a refused client gets; rejects if it connects instead. */
export async function waitForConnectError(socket: TabourSocket, timeoutMs = EVENT_TIMEOUT_MS): Promise<ConnectError> {
  const err = await nextConnectOutcome(socket, timeoutMs, 'connect_error')
  if (!err) throw new Error('connected, but a connect_error was expected')
  return err
}

/** Resolves with the reason of the next `disconnect`. */
export function waitForDisconnect(socket: TabourSocket, timeoutMs = EVENT_TIMEOUT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const onDisconnect = (reason: string) => {
      clearTimeout(timer)
      resolve(reason)
    }
    const timer = setTimeout(() => {
      socket.off('disconnect', onDisconnect)
      reject(new Error(`no disconnect within ${timeoutMs} ms`))
    }, timeoutMs)
    socket.once('disconnect', onDisconnect)
  })
}

/** Resolves with the payload of the next `name` event (that `accept` accepts, when given). */
export function waitForEvent<E extends EventName>(
  socket: TabourSocket,
  name: E,
  timeoutMs = EVENT_TIMEOUT_MS,
  accept: (payload: EventPayload<E>) => boolean = () => true,
): Promise<EventPayload<E>> {
  const untyped = socket as unknown as Socket
  return new Promise((resolve, reject) => {
    const listener: AnyListener = (payload: EventPayload<E>) => {
      if (!accept(payload)) return
      clearTimeout(timer)
      untyped.off(name as string, listener)
      resolve(payload)
    }
    const timer = setTimeout(() => {
      untyped.off(name as string, listener)
      reject(new Error(`no ${name} within ${timeoutMs} ms`))
    }, timeoutMs)
    untyped.on(name as string, listener)
  })
}

/**
 * Listens for `name` during `ms` and resolves with whatever came (expect it to be empty). The
 * only fixed wait here: absence cannot be awaited, so call it right after the event that
 * proves the push went out to the clients that should get it.
 */
export function expectNoEvent<E extends EventName>(socket: TabourSocket, name: E, ms = 300): Promise<EventPayload<E>[]> {
  const untyped = socket as unknown as Socket
  const seen: EventPayload<E>[] = []
  const listener: AnyListener = (payload: EventPayload<E>) => {
    seen.push(payload)
  }
  untyped.on(name as string, listener)
  return new Promise((resolve) =>
    setTimeout(() => {
      untyped.off(name as string, listener)
      resolve(seen)
    }, ms),
  )
}

export interface RecordedEvent {
  name: string
  payload: any
}

/**
 * Every event a client receives, in order (socket.onAny). Start it right after `open()` so
 * nothing slips by before a test looks.
 */
export class EventRecorder {
  readonly events: RecordedEvent[] = []
  private readonly waiters = new Set<() => void>()
  private readonly listener = (name: string, payload: unknown) => {
    this.events.push({ name, payload })
    for (const wake of this.waiters) wake()
  }

  constructor(private readonly socket: TabourSocket) {
    socket.onAny(this.listener)
  }

  names(): string[] {
    return this.events.map((e) => e.name)
  }

  seqs(): number[] {
    return this.events.map((e) => e.payload?.seq)
  }

  /** Events recorded from index `from` on. */
  since(from: number): RecordedEvent[] {
    return this.events.slice(from)
  }

  /** Resolves once `predicate(events)` holds; rejects after `timeoutMs` showing what came. */
  until(predicate: (events: RecordedEvent[]) => boolean, timeoutMs = EVENT_TIMEOUT_MS): Promise<RecordedEvent[]> {
    if (predicate(this.events)) return Promise.resolve(this.events)
    return new Promise((resolve, reject) => {
      const wake = () => {
        if (!predicate(this.events)) return
        clearTimeout(timer)
        this.waiters.delete(wake)
        resolve(this.events)
      }
      const timer = setTimeout(() => {
        this.waiters.delete(wake)
        reject(new Error(`recorder: condition not met within ${timeoutMs} ms; got ${JSON.stringify(this.names())}`))
      }, timeoutMs)
      this.waiters.add(wake)
    })
  }

  /** Resolves once at least `count` events have been recorded. */
  untilCount(count: number, timeoutMs = EVENT_TIMEOUT_MS): Promise<RecordedEvent[]> {
    return this.until((events) => events.length >= count, timeoutMs)
  }

  stop(): void {
    this.socket.offAny(this.listener)
  }
}

/** Emits `snapshot` and resolves with the answer (rejects when none comes within `timeoutMs`). */
export async function snapshotOf(socket: TabourSocket, timeoutMs = EVENT_TIMEOUT_MS): Promise<Snapshot> {
  const answer = await socket.timeout(timeoutMs).emitWithAck('snapshot')
  if (isSnapshotRefusal(answer)) throw new Error(`snapshot refused: ${answer.message}`)
  return answer
}

/** Polls `predicate` (server-side state a client cannot see) until it holds; rejects after `timeoutMs`. */
export async function waitUntil(predicate: () => boolean, timeoutMs = EVENT_TIMEOUT_MS, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
