import { describe, expect, it } from 'vitest'
import {
  EventRecorder,
  expectNoEvent,
  useListeningCenter,
  waitForConnect,
  waitForDisconnect,
  waitForEvent,
  type TabourSocket,
} from '../../helpers/socket-client.ts'
import { buildFloor } from './floor.ts'

/** The session id and offset a socket.io client presents to recover (private in its types). */
function sessionOf(socket: TabourSocket): { pid: string; offset: string } {
  const { _pid: pid, _lastOffset: offset } = socket as unknown as { _pid?: string; _lastOffset?: string }
  if (!pid || !offset) throw new Error('no recoverable session')
  return { pid, offset }
}

/** Every engine.io frame a client receives, before socket.io decides whether to hand it over. */
function rawFrames(socket: TabourSocket): string[] {
  const frames: string[] = []
  socket.io.on('open', () => socket.io.engine.on('packet', (packet: { data?: unknown }) => frames.push(String(packet.data ?? ''))))
  return frames
}

/**
 * Issue 16: socket.io's connection state recovery restores a dropped socket's rooms and missed
 * packets to whoever presents its pid and offset. A session goes back only to the identity that
 * owned it; anyone else gets a fresh session of their own feed.
 */
describe('connection state recovery is bound to identity', () => {
  const { clients, start } = useListeningCenter()

  /** A staff socket that got one push, then dropped (transport closed, session kept), and what it missed. */
  async function droppedStaffSocket() {
    const { center, url } = await start()
    const floor = await buildFloor(center, { open: true })
    const staff = clients.open(url, floor.manager)
    await waitForEvent(staff, 'feed:joined')
    const session = sessionOf(staff)
    const dropped = waitForDisconnect(staff)
    staff.io.engine.close()
    await dropped
    // staff-only news while it is away: a ticket:issued carries the ticket
    const ticket = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    return { center, url, floor, session, ticket }
  }

  it("a display presenting a staff socket's pid and offset gets a fresh display session, not the staff feed", async () => {
    const { url, floor, session } = await droppedStaffSocket()
    const thief = clients.open(url, undefined, { auth: { token: floor.displayGround.token, ...session } })
    const frames = rawFrames(thief)
    const seen = new EventRecorder(thief)
    const missed = expectNoEvent(thief, 'ticket:issued', 500)
    // a fresh session is welcomed on its own feed (a recovered one would not be)
    const joined = await waitForEvent(thief, 'feed:joined')
    expect(joined.feed).toBe('feed:display:ground')
    expect(await missed).toEqual([])
    expect(seen.names()).not.toContain('ticket:issued')
    expect(frames.join('\n')).not.toContain('ticket:issued')
  })

  it('a bad token with the pid learns nothing either: refused, and no missed packet is written to it', async () => {
    const { url, session } = await droppedStaffSocket()
    const thief = clients.open(url, undefined, { auth: { token: 'not-a-token', ...session } })
    const frames = rawFrames(thief)
    await new Promise<void>((resolve) => thief.once('connect_error', () => resolve()))
    // socket.io writes a restored session's missed packets before any middleware runs
    expect(frames.join('\n')).not.toContain('ticket:issued')
  })

  it('the same principal still recovers its own session, with what it missed', async () => {
    const { url, floor, session, ticket } = await droppedStaffSocket()
    // (the client's own `recovered` flag compares with a pid it never had: the replay is the proof)
    const back = clients.open(url, undefined, { auth: { token: floor.manager, ...session } })
    const seen = new EventRecorder(back)
    const issued = waitForEvent(back, 'ticket:issued')
    await waitForConnect(back)
    expect((await issued).ticket.id).toBe(ticket.id)
    expect(seen.names()).not.toContain('feed:joined')
  })
})
