/**
 * The call → display bench's staff side (bench/call-to-display/clients.ts): the consoles' and
 * kiosks' sockets and the clerk's kept-alive HTTP connection, in a process apart from the displays
 * (real consoles and kiosks are other machines), so their frames are not parsed where the
 * displays read theirs.
 */
import { Agent, request } from 'node:http'
import type { Socket } from 'socket.io-client'
import { allGot, clock, connectAll, type Port, serve } from './clients.ts'

export interface StaffSetup {
  url: string
  counterId: number
  clerkToken: string
  managerToken: string
  kioskToken: string
  consoles: number
  kiosks: number
}

export type StaffOrder =
  | { type: 'setup'; setup: StaffSetup }
  /**
   * The clerk's request: answers 'acted', with when it left, once its HTTP answer is in and every
   * console and kiosk has its figures (`queue:updated`, the last push either gets for a call or a no-show).
   */
  | { type: 'act'; action: 'call-next' | 'no-show' }
  /** Ready for a bare broadcast: answers 'armed', then 'settled' once every console and kiosk has it. */
  | { type: 'arm'; event: 'ticket:called' }
  | { type: 'close' }

export type StaffReply = { type: 'ready' } | { type: 'acted'; sent: number } | { type: 'armed' } | { type: 'settled' } | { type: 'closed' }

/** Serves the bench's staff orders on `port` until 'close'. */
export function serveStaff(port: Port<StaffOrder, StaffReply>, onClosed: () => void = () => {}): void {
  let sockets: Socket[] = []
  let agent: Agent | null = null
  let act: (action: string, onSent: () => void) => Promise<void> = async () => {}

  const handle = async (order: StaffOrder, then: (later: Promise<StaffReply>) => void): Promise<StaffReply> => {
    switch (order.type) {
      case 'setup': {
        const s = order.setup
        sockets = await connectAll(s.url, [
          ...Array.from({ length: s.consoles }, () => s.managerToken),
          ...Array.from({ length: s.kiosks }, () => s.kioskToken),
        ])
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
            onSent()
            req.end('{}')
          })
        return { type: 'ready' }
      }
      case 'act': {
        const settled = allGot(sockets, 'queue:updated')
        let sent = 0
        await act(order.action, () => {
          sent = clock()
        })
        await settled
        return { type: 'acted', sent }
      }
      case 'arm': {
        then(allGot(sockets, order.event).then(() => ({ type: 'settled' })))
        return { type: 'armed' }
      }
      case 'close': {
        agent?.destroy()
        for (const s of sockets) s.disconnect()
        return { type: 'closed' }
      }
    }
  }
  serve(port, handle, (reply) => reply.type === 'closed', onClosed)
}
