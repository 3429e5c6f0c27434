/**
 * What the call → display bench's two client processes share (bench/call-to-display.bench.ts):
 * the displays (displays.ts) in one, the staff side — 50 consoles, 50 kiosks and the clerk's
 * kept-alive HTTP connection (staff.ts) — in another, as real displays, consoles and kiosks are
 * machines of their own, so a display's process parses only what a display gets.
 * `BENCH_CLIENTS=inline` runs both in the server's process instead, as the bench did until
 * 2026-12-04 (to compare). Either way each takes orders and gives its times through a `Port`;
 * every time is `clock()`, a monotonic clock the three processes share.
 */
import { io, type Socket } from 'socket.io-client'

/** ms on CLOCK_MONOTONIC: the same clock in the server's process and the clients' (performance.now() is per process). */
export const clock = () => Number(process.hrtime.bigint()) / 1e6

/** One side of an order channel (a child's IPC, or an in-process pair). */
export interface Port<In, Out> {
  send(message: Out): void
  onMessage(handler: (message: In) => void): void
}

/** Resolves once every socket has got `event`: set it up before what sends it. */
export const allGot = (sockets: Socket[], event: string) =>
  Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.once(event, () => resolve()))))

/** Resolves with each socket's clock() when it got `event`, in arrival order. */
export function arrivalsOf(sockets: Socket[], event: string): Promise<number[]> {
  const at: number[] = []
  return new Promise((resolve) => {
    for (const socket of sockets)
      socket.once(event, () => {
        at.push(clock())
        if (at.length === sockets.length) resolve(at)
      })
  })
}

export function connectAll(url: string, tokens: string[]): Promise<Socket[]> {
  return Promise.all(
    tokens.map(
      (token) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(url, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true })
          socket.once('connect', () => resolve(socket))
          socket.once('connect_error', reject)
        }),
    ),
  )
}

/**
 * Answers each order on `port` with `handle`'s reply, in order of completion; a reply that comes
 * later (an armed wait's result) is passed to `then` and sent only after the order's own reply,
 * even when it is ready first (no socket to wait for). After a reply `isLast` accepts, calls
 * `onClosed`. A failure ends the process: the bench would wait forever.
 */
export function serve<In, Out>(
  port: Port<In, Out>,
  handle: (order: In, then: (later: Promise<Out>) => void) => Promise<Out>,
  isLast: (reply: Out) => boolean,
  onClosed: () => void,
): void {
  const fail = (err: unknown) => {
    console.error(err)
    process.exit(1)
  }
  port.onMessage((order) => {
    let later: Promise<Out> | undefined
    handle(order, (p) => {
      later = p
    }).then((reply) => {
      port.send(reply)
      later?.then((message) => port.send(message), fail)
      if (isLast(reply)) onClosed()
    }, fail)
  })
}
