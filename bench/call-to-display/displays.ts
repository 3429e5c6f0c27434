/**
 * The call → display bench's displays (bench/call-to-display/clients.ts): 400 display sockets and
 * nothing else, so reading a call's frame competes only with what a display gets.
 */
import type { Socket } from 'socket.io-client'
import { allGot, arrivalsOf, connectAll, type Port, serve } from './clients.ts'

export type DisplayOrder =
  | { type: 'setup'; url: string; token: string; displays: number }
  /**
   * Wait for `event` at every display: answers 'armed', then 'arrivals' once every display has
   * it (with what the first got if `sample`). `counting` starts counting one display's pushes
   * before arming, or stops once every display has `event` (a call's, then its no-show's).
   */
  | { type: 'arm'; event: 'ticket:called' | 'queue:updated'; sample?: boolean; counting?: 'start' | 'stop' }
  | { type: 'close' }

export type DisplayReply =
  | { type: 'ready' }
  | { type: 'armed' }
  /** clock() of each display's handler, in arrival order. */
  | { type: 'arrivals'; at: number[]; payload?: unknown }
  /** At close: the pushes one display socket got per counted call + no-show. */
  | { type: 'closed'; pushesPerCall: number }

/** Serves the bench's display orders on `port` until 'close'. */
export function serveDisplays(port: Port<DisplayOrder, DisplayReply>, onClosed: () => void = () => {}): void {
  let displays: Socket[] = []
  let pushes = 0
  let counted = 0
  let counting = false

  const handle = async (order: DisplayOrder, then: (later: Promise<DisplayReply>) => void): Promise<DisplayReply> => {
    switch (order.type) {
      case 'setup': {
        displays = await connectAll(
          order.url,
          Array.from({ length: order.displays }, () => order.token),
        )
        // what one display socket gets for a call and its no-show (not the bare broadcasts)
        displays[0]!.onAny(() => {
          if (counting) pushes++
        })
        return { type: 'ready' }
      }
      case 'arm': {
        if (order.counting === 'start') {
          counting = true
          counted++
        }
        const payload = order.sample ? new Promise<unknown>((resolve) => displays[0]!.once(order.event, resolve)) : undefined
        const arrived = order.sample ? allGot(displays, order.event).then(() => []) : arrivalsOf(displays, order.event)
        then(
          Promise.all([arrived, payload]).then(([at, sample]) => {
            if (order.counting === 'stop') counting = false
            return { type: 'arrivals', at, payload: sample }
          }),
        )
        return { type: 'armed' }
      }
      case 'close': {
        for (const s of displays) s.disconnect()
        return { type: 'closed', pushesPerCall: counted ? pushes / counted : 0 }
      }
    }
  }
  serve(port, handle, (reply) => reply.type === 'closed', onClosed)
}
