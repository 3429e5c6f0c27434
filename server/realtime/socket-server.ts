import { Server } from 'socket.io'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.ts'
import type { Queue } from '../queue/queue.ts'
import type { Authenticator } from '../auth/authenticator.ts'
import type { Actor } from '../queue/actor.ts'
import type { ClientToServerEvents, ServerToClientEvents, Snapshot, SnapshotRefusal } from '../../protocol/events.ts'
import { ErrorCodes, RetryLaterError } from '../errors.ts'
import { Broadcaster } from './broadcaster.ts'
import { FeedSequences, feedOf } from './feeds.ts'
import { buildSnapshot } from './snapshot.ts'
import { parseWatch, ticketFeed } from './ticket-watch.ts'
import { identityOf, sessionIdOf, SessionOwners } from './session-owners.ts'
import { ConsolePresence } from './console-presence.ts'
import { DeviceRateLimit } from '../auth/device-rate-limit.ts'

interface SocketData {
  /** The handshake's token, checked again every realtime.tokenCheckSeconds ('' on a public watch socket). */
  token: string
  /** Null on a public watch socket (the status page): it has no identity, only ticket ids. */
  actor: Actor | null
  feed: string
  /** The tickets a public watch socket follows (empty for staff and devices). */
  watch: string[]
}

export interface Realtime {
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
  socketCount(): number
  /** Drops a user's sockets at once (logout, disabled account, new password). */
  disconnectUser(userId: number): void
  /** Whose console is live; marks counters away (console-presence.ts). */
  presence: ConsolePresence
  /**
   * What `snapshot` answers `actor` on its socket, for a display's HTTP board (issue 22): the same
   * feed, seq and per-device allowance; throws RetryLaterError when the device asks too often.
   */
  snapshotOf(actor: Actor): Snapshot
}

const deviceRoom = (id: number) => `device:${id}`
const userRoom = (id: number) => `user:${id}`

/**
 * socket.io on the app's own HTTP server. Fastify does not know socket.io's connections, so
 * app.close() would wait for them for ever: preClose disconnects every socket (and closes every
 * engine.io connection, joined or not) and onClose
 * closes the socket.io server, and only then does the HTTP server finish closing. A token is checked at connect; each socket joins its feed room; the server keeps
 * missed packets for `recoveryWindowSeconds` so a short Wi-Fi drop loses nothing.
 */
export function attachRealtime(app: FastifyInstance, deps: { auth: Authenticator; queue: Queue; config: Config; path: string }): Realtime {
  const recoveryMs = deps.config.realtime.recoveryWindowSeconds * 1000
  /**
   * Set when the app starts closing. A screen whose feed the close ended reconnects by itself (it
   * must come back after a restart), and engine.io answers outside Fastify's closing rules: its
   * new session and the kept-alive connection under it held the HTTP server open until the page
   * went away (a center's close took minutes with a kiosk open, CI 2026-12-05). While closing,
   * engine.io opens no new session, and every answer on the HTTP server closes its connection
   * (as Fastify's own 503 while closing does), so no connection outlives its last answer.
   */
  let closing = false
  const io: Realtime['io'] = new Server(app.server, {
    path: deps.path,
    serveClient: false,
    // a link that dies without a close is found within pingInterval + pingTimeout: a display must not show a stale call as current for long
    pingInterval: deps.config.realtime.pingIntervalSeconds * 1000,
    pingTimeout: deps.config.realtime.pingTimeoutSeconds * 1000,
    allowRequest: (_req, answer) => answer(closing ? 'the center is shutting down' : null, !closing),
    // 0 turns recovery off: socket.io's own check would still let a client back within the same millisecond
    ...(recoveryMs > 0 ? { connectionStateRecovery: { maxDisconnectionDuration: recoveryMs, skipMiddlewares: false } } : {}),
  })
  // after socket.io's attach, which takes over the server's 'request' listeners, so this one runs first
  app.server.prependListener('request', (req, res) => {
    if (closing && req.httpVersionMajor < 2) res.setHeader('Connection', 'close')
  })
  // a dropped socket's session goes back only to the identity that owned it (issue 16)
  const owners = new SessionOwners(recoveryMs)
  if (recoveryMs > 0) {
    owners.guard(io.of('/'), (auth) => {
      const watch = parseWatch(auth, deps.queue)
      if (watch instanceof Error) return null
      if (watch) return identityOf(null, watch)
      const actor = typeof auth.token === 'string' ? deps.auth.authenticate(auth.token) : null
      return actor && !(actor instanceof Error) ? identityOf(actor, []) : null
    })
  }
  const seqs = new FeedSequences(Date.now())
  const { snapshotsPerMinute, snapshotBurst } = deps.config.deviceLimits
  // a snapshot is the most expensive thing a socket can ask for: a copied display token must not hammer it
  const snapshotLimit = new DeviceRateLimit({ perMinute: snapshotsPerMinute, burst: snapshotBurst }, deps.queue.ctx.clock)
  const broadcaster = new Broadcaster(io, deps.queue, seqs, deps.config)
  const awayAfterMs = deps.config.queue.awayAfterSeconds * 1000
  const presence = new ConsolePresence(deps.queue, awayAfterMs)
  const unsubscribe = deps.queue.events.on(
    (event, commit) => {
      // revoked tokens (new password, disabled account, revoked device) end their sockets at once
      if (event.type === 'access:revoked')
        io.in(event.subject === 'user' ? userRoom(event.id) : deviceRoom(event.id)).disconnectSockets(true)
      else broadcaster.handle(event, commit)
    },
    // the screens hear of a commit before anything else does (issue 22)
    { first: true },
  )

  io.use((socket, next) => {
    // a public watch socket (the status page): no token, read-only, only `ticket:status` of its tickets
    const watch = parseWatch(socket.handshake.auth, deps.queue)
    if (watch instanceof Error) {
      const err = new Error(watch.message) as Error & { data: unknown }
      err.data = { code: watch.code }
      return next(err)
    }
    if (watch) {
      socket.data.token = ''
      socket.data.actor = null
      socket.data.feed = ''
      socket.data.watch = watch
      return next()
    }
    socket.data.watch = []
    const token = (socket.handshake.auth as Record<string, unknown> | undefined)?.token
    const result = typeof token === 'string' ? deps.auth.authenticate(token) : null
    if (!result || result instanceof Error) {
      const err = new Error(result?.message ?? 'a token is required: io(url, {auth: {token}})') as Error & { data: unknown }
      err.data = { code: result?.code ?? ErrorCodes.UNAUTHENTICATED }
      return next(err)
    }
    socket.data.token = token as string
    socket.data.actor = result
    socket.data.feed = feedOf(result)
    next()
  })

  /** What `snapshot` answers `actor`, within its device's allowance (RetryLaterError beyond it). */
  const snapshotOf = (actor: Actor): Snapshot => {
    if (actor.type === 'device') snapshotLimit.takeOrThrow(actor.id, 'asks for snapshots')
    const feed = feedOf(actor)
    return buildSnapshot(deps.queue, feed, seqs.current(feed))
  }

  io.on('connection', (socket) => {
    const { actor, feed, watch } = socket.data
    const pid = sessionIdOf(socket)
    if (pid !== undefined) {
      owners.connected(pid, identityOf(actor, watch))
      socket.on('disconnect', () => owners.disconnected(pid))
    }
    if (!actor) {
      // the current state at once (recovered or not: a state push is idempotent), then every change
      for (const id of watch) void socket.join(ticketFeed(id))
      for (const id of watch) broadcaster.pushTicket(id, socket.id)
      return
    }
    // a recovered socket already has its rooms back; joining again is harmless
    void socket.join(feed)
    if (actor.type === 'device') void socket.join(deviceRoom(actor.id))
    if (actor.type === 'user') {
      void socket.join(userRoom(actor.id))
      presence.connected(actor.id)
      socket.on('disconnect', () => presence.disconnected(actor.id))
    }
    socket.on('snapshot', (...args: unknown[]) => {
      const ack = args.at(-1)
      if (typeof ack !== 'function') return // a malformed emit gets nothing, and breaks nothing
      try {
        ack(snapshotOf(actor))
      } catch (err) {
        if (!(err instanceof RetryLaterError)) throw err
        const refusal: SnapshotRefusal = {
          statusCode: 429,
          code: ErrorCodes.RATE_LIMITED,
          error: 'Too Many Requests',
          message: err.message,
          retryAfterSeconds: err.retryAfterSeconds,
        }
        ack(refusal)
      }
    })
    // recovery restores a client from the offset of the last broadcast it received: a client on a
    // quiet feed has none, so a new connection gets one at once (through the adapter, to its own room)
    if (!socket.recovered) broadcaster.welcome(socket.id, feed)
  })

  // Logout, password change, disable and revoke end their sockets at once; a token that merely
  // expires (or anything else we missed) ends its feed at the next check. The client reconnects,
  // is refused with TOKEN_EXPIRED, and the console asks to log in again.
  const tokenCheck = setInterval(() => {
    for (const socket of io.of('/').sockets.values()) {
      if (socket.data.actor && deps.auth.authenticate(socket.data.token) instanceof Error) socket.disconnect(true)
    }
  }, deps.config.realtime.tokenCheckSeconds * 1000).unref()

  const awaySweep = setInterval(() => {
    try {
      presence.sweep()
    } catch (err) {
      app.log.error({ err }, 'away sweep failed') // the next sweep tries again
    }
  }, ConsolePresence.sweepEveryMs(awayAfterMs)).unref()

  // the call order moves with the clock too (weights, booked slots falling due, ageing): a watched
  // page whose place moved so is pushed it (Broadcaster.pushOrderChanges)
  const orderCheck = setInterval(() => {
    try {
      broadcaster.pushOrderChanges()
    } catch (err) {
      app.log.error({ err }, 'order check failed') // the next check tries again
    }
  }, deps.config.realtime.orderCheckSeconds * 1000).unref()

  app.addHook('preClose', (done) => {
    closing = true
    clearInterval(tokenCheck)
    clearInterval(awaySweep)
    clearInterval(orderCheck)
    io.local.disconnectSockets(true)
    // and every transport connection that carries no socket yet (a page's feed between its transport
    // and its CONNECT packet): the HTTP server would wait for those until the page went away
    io.engine.close()
    done()
  })
  app.addHook('onClose', async () => {
    unsubscribe()
    await io.close()
  })

  return {
    io,
    socketCount: () => io.of('/').sockets.size,
    disconnectUser: (userId) => io.in(userRoom(userId)).disconnectSockets(true),
    presence,
    snapshotOf,
  }
}
