/**
 * The call → display bench's clients (bench/call-to-display.bench.ts): the 400 displays, 50
 * consoles and 50 kiosks, and the clerk's kept-alive HTTP connection. They run in a child process
 * of their own by default, as real screens run on machines of their own, so parsing 500 frames is
 * not on the server's thread; `BENCH_CLIENTS=inline` runs them in the server's process, as the
 * bench did until 2026-12-04 (to compare). Either way they take orders and give their times through
 * a `Port`; every time is `clock()`, a monotonic clock the two processes share.
 */
import { Agent, request } from 'node:http'
import { io, type Socket } from 'socket.io-client'

/** ms on CLOCK_MONOTONIC: the same clock in the server's process and the clients' (performance.now() is per process). */
export const clock = () => Number(process.hrtime.bigint()) / 1e6

export interface ClientSetup {
  url: string
  counterId: number
  clerkToken: string
  displayToken: string
  managerToken: string
  kioskToken: string
  displays: number
  consoles: number
  kiosks: number
}

/** What one call or bare broadcast gave: when it was sent (a call only: the clients send it) and when each display got it. */
export interface Arrivals {
  sent?: number
  /** clock() of each display's `ticket:called` handler, in arrival order. */
  at: number[]
}

export type Order =
  | { type: 'setup'; setup: ClientSetup }
  /** An untimed call and its no-show: answers what a display got. */
  | { type: 'sample' }
  /** A timed call-next: answers its Arrivals once every display has it, its HTTP answer is in and the others read their figures. */
  | { type: 'call'; counting: boolean }
  /** The clerk's no-show after a call, untimed: answers once every socket has read its figures. */
  | { type: 'no-show' }
  /** Ready for a bare broadcast: answers 'armed', then its Arrivals once every socket has it. */
  | { type: 'arm-bare' }
  | { type: 'close' }

export type Reply =
  | { type: 'ready' }
  | { type: 'sample'; payload: unknown }
  | { type: 'arrivals'; arrivals: Arrivals }
  | { type: 'done' }
  | { type: 'armed' }
  /** At close: the pushes one display socket got per counted call + no-show. */
  | { type: 'closed'; pushesPerCall: number }

/** One side of the order channel (a child's IPC, or an in-process pair). */
export interface Port<In, Out> {
  send(message: Out): void
  onMessage(handler: (message: In) => void): void
}

/** Resolves once every socket has got `event`: set it up before what sends it. */
const allGot = (sockets: Socket[], event: string) =>
  Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.once(event, () => resolve()))))

/** Resolves with each socket's clock() when it got `event`, in arrival order. */
function arrivalsOf(sockets: Socket[], event: string): Promise<number[]> {
  const at: number[] = []
  return new Promise((resolve) => {
    for (const socket of sockets)
      socket.once(event, () => {
        at.push(clock())
        if (at.length === sockets.length) resolve(at)
      })
  })
}

function connectAll(url: string, tokens: string[]): Promise<Socket[]> {
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

/** Serves the bench's orders on `port` until 'close'. */
export function serveClients(port: Port<Order, Reply>, onClosed: () => void = () => {}): void {
  let displays: Socket[] = []
  let others: Socket[] = []
  let everyone: Socket[] = []
  let act: (action: string, onSent?: () => void) => Promise<void> = async () => {}
  let agent: Agent | null = null
  let pushes = 0
  let counted = 0
  let counting = false

  const handle = async (order: Order): Promise<Reply> => {
    switch (order.type) {
      case 'setup': {
        const s = order.setup
        displays = await connectAll(
          s.url,
          Array.from({ length: s.displays }, () => s.displayToken),
        )
        others = await connectAll(s.url, [
          ...Array.from({ length: s.consoles }, () => s.managerToken),
          ...Array.from({ length: s.kiosks }, () => s.kioskToken),
        ])
        everyone = [...displays, ...others]
        // one kept-alive connection: each call is one request on it, as a console's would be
        agent = new Agent({ keepAlive: true, maxSockets: 1 })
        const headers = { authorization: `Bearer ${s.clerkToken}`, 'content-type': 'application/json', 'content-length': 2 }
        act = (action, onSent) =>
          new Promise<void>((resolve, reject) => {
            const req = request(`${s.url}/api/v1/counters/${s.counterId}/${action}`, { method: 'POST', agent: agent!, headers }, (res) => {
              const chunks: Buffer[] = []
              res.on('data', (c: Buffer) => chunks.push(c))
              res.on('end', () =>
                res.statusCode === 200 ? resolve() : reject(new Error(`${action}: ${res.statusCode} ${Buffer.concat(chunks)}`)),
              )
            })
            req.on('error', reject)
            onSent?.()
            req.end('{}')
          })
        // what one display socket gets for a call and its no-show (not the bare broadcasts)
        displays[0]!.onAny(() => {
          if (counting) pushes++
        })
        return { type: 'ready' }
      }
      case 'sample': {
        const first = new Promise<unknown>((resolve) => displays[0]!.once('ticket:called', resolve))
        await act('call-next')
        const payload = await first
        // the no-show's last push (its figures) has arrived before counting starts
        const settled = allGot(everyone, 'queue:updated')
        await act('no-show')
        await settled
        return { type: 'sample', payload }
      }
      case 'call': {
        counting = order.counting
        if (counting) counted++
        const arrived = arrivalsOf(displays, 'ticket:called')
        // the consoles and kiosks get the call's figures last: read before the next order
        const othersSettled = allGot(others, 'queue:updated')
        const arrivals: Arrivals = { at: [] }
        await act('call-next', () => {
          arrivals.sent = clock()
        })
        arrivals.at = await arrived
        await othersSettled
        return { type: 'arrivals', arrivals }
      }
      case 'no-show': {
        // every socket gets the no-show's figures last
        const settled = allGot(everyone, 'queue:updated')
        await act('no-show')
        await settled
        counting = false
        return { type: 'done' }
      }
      case 'arm-bare': {
        const arrived = arrivalsOf(displays, 'ticket:called')
        // the consoles and kiosks read theirs too before the next order
        const othersSettled = allGot(others, 'ticket:called')
        void Promise.all([arrived, othersSettled]).then(([at]) => port.send({ type: 'arrivals', arrivals: { at } }))
        return { type: 'armed' }
      }
      case 'close': {
        agent?.destroy()
        for (const s of everyone) s.disconnect()
        return { type: 'closed', pushesPerCall: counted ? pushes / counted : 0 }
      }
    }
  }

  port.onMessage((order) => {
    handle(order).then(
      (reply) => {
        port.send(reply)
        if (reply.type === 'closed') onClosed()
      },
      (err) => {
        console.error(err)
        process.exit(1)
      },
    )
  })
}
