import type { Namespace } from 'socket.io'
import type { Actor } from '../queue/actor.ts'
import { feedOf } from './feeds.ts'

/**
 * Who a socket is, for connection state recovery: the principal and its feed (`user:3:feed:staff`),
 * or the tickets a public watch socket follows. Null for a caller nobody would accept.
 */
export type Identity = string

export function identityOf(actor: Actor | null, watch: readonly string[]): Identity {
  if (!actor) return `watch:${[...watch].sort().join(',')}`
  return `${actor.type}:${actor.type === 'system' ? 0 : actor.id}:${feedOf(actor)}`
}

interface Owner {
  identity: Identity
  /** When the session can no longer be recovered (ms); null while its socket is connected. */
  until: number | null
}

/**
 * Binds socket.io's connection state recovery to identity. socket.io restores a dropped
 * socket's rooms and replays its missed packets to whoever presents its `pid` and `offset`,
 * before any middleware runs; so a display that learnt a staff socket's pid would inherit the
 * staff feed. Here every session remembers its owner, and a reconnection that presents a pid
 * whose owner is not the identity of its own handshake (another token's principal, a bad
 * token, a watch socket of other tickets) loses the pid: socket.io opens a fresh session.
 */
export class SessionOwners {
  private readonly owners = new Map<string, Owner>()

  constructor(
    private readonly recoveryMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Wraps the namespace's `_add` (where socket.io reads `auth.pid` to restore a session):
   * `identify` computes the identity a handshake proves, or null when it proves none.
   */
  guard(nsp: Namespace, identify: (auth: Record<string, unknown>) => Identity | null): void {
    const add = nsp._add.bind(nsp)
    nsp._add = (client, auth, fn) => {
      if (typeof auth?.pid !== 'string') return add(client, auth, fn)
      const owner = this.owners.get(auth.pid)
      if (owner && owner.until !== null && owner.until >= this.now() && owner.identity === identify(auth)) return add(client, auth, fn)
      const { pid: _pid, offset: _offset, ...fresh } = auth
      return add(client, fresh, fn)
    }
  }

  /** A socket connected (fresh or recovered) with this session id. */
  connected(pid: string, identity: Identity): void {
    this.owners.set(pid, { identity, until: null })
  }

  /** Its socket dropped: the session may be recovered within the window, then it is forgotten. */
  disconnected(pid: string): void {
    const owner = this.owners.get(pid)
    if (owner) owner.until = this.now() + this.recoveryMs
    this.sweep()
  }

  private sweep(): void {
    const now = this.now()
    for (const [pid, owner] of this.owners) if (owner.until !== null && owner.until < now) this.owners.delete(pid)
  }
}

/** The session id socket.io gives a socket (private in its types, sent to the client at connect). */
export const sessionIdOf = (socket: unknown): string | undefined => (socket as { pid?: string }).pid
