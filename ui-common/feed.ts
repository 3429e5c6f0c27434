/**
 * The realtime feed from the UIs' side: open a socket under the server's base path, keep the
 * feed's `seq` in order, and ask for a snapshot when something was missed. Small functions that
 * take the socket, so each UI's controller decides what to do with the events.
 */
import type { Socket } from 'socket.io-client'
import { isSnapshotRefusal, type ClientToServerEvents, type ServerToClientEvents, type Snapshot } from '../protocol/events.ts'
import { socketPath } from './base-path.ts'

/** A typed socket.io client of the center. */
export type TabourSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** The connect_error of a refused token carries the server's error code here. */
export type ConnectError = Error & { data?: { code?: string } }

/**
 * Opens a socket to the center under `base` with a user or device token. socket.io's own
 * reconnection stays on (it backs off up to `reconnectionDelayMax`, default 5 s here).
 * WebSocket first: one round trip to connected instead of a chain of long-polling requests
 * before the upgrade (a screen on weak hardware shows its live state sooner, issue 22); where a
 * proxy refuses WebSockets, `tryAllTransports` falls back to long-polling. socket.io's client
 * is loaded here, not with the page: a kiosk draws its first screen from HTTP alone, and on weak
 * hardware the client's code would be parsed and run before that screen (issue 22).
 */
export async function openFeedSocket(base: string, token: string, origin: string = location.origin): Promise<TabourSocket> {
  const { io } = await import('socket.io-client')
  return io(origin, {
    path: socketPath(base),
    auth: { token },
    reconnectionDelayMax: 5000,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
  })
}

/** The whole state this socket may see; rejects after `timeoutMs` (default 5 s), or when the center refuses (asked too often). */
export async function requestSnapshot(socket: TabourSocket, timeoutMs = 5000): Promise<Snapshot> {
  const answer = await socket.timeout(timeoutMs).emitWithAck('snapshot')
  if (isSnapshotRefusal(answer)) throw new Error(answer.message)
  return answer
}

/** What to do with an event, given its `seq`. */
export type SeqVerdict = 'apply' | 'stale' | 'gap'

/**
 * Keeps a feed's `seq` in order. `apply`: the next one (or the first); `stale`: seen already (a
 * replay after recovery); `gap`: something was missed, so the caller should fetch a snapshot
 * (the event itself can still be applied when it carries absolute values).
 */
export class SeqTracker {
  private last: number | null = null

  /** Forgets the position (a new connection that was not recovered). */
  reset(seq: number | null = null): void {
    this.last = seq
  }

  /** Sets the position when it is unknown (`feed:joined` on a new connection). */
  baseline(seq: number): void {
    this.last ??= seq
  }

  /** Moves the position to `seq` unless it is already past it (a snapshot's `seq`). */
  advanceTo(seq: number): void {
    if (this.last === null || seq > this.last) this.last = seq
  }

  /** Judges an event and moves the position past it unless it was stale. */
  accept(seq: number): SeqVerdict {
    const last = this.last
    if (last !== null && seq <= last) return 'stale'
    this.last = seq
    return last === null || seq === last + 1 ? 'apply' : 'gap'
  }
}
