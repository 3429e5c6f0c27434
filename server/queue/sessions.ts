import type { QueueContext } from './queue-context.ts'
import type { Actor } from './actor.ts'
import type { Role } from '../../protocol/common.ts'
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.ts'
import { newUserToken } from '../auth/tokens.ts'
import { domainError, ErrorCodes } from '../errors.ts'

/** What a login hands back. */
export interface Session {
  token: string
  expiresAt: number
  user: { id: number; username: string; role: Role }
}

/**
 * Staff log in and out: the token and the `clerk.logged_in` / `clerk.logged_out` event-log row
 * are written in one transaction. The password check (scrypt, slow) runs before it.
 */
export class Sessions {
  constructor(private readonly ctx: QueueContext) {}

  /** A token valid for `ttlSeconds`, or BAD_CREDENTIALS (the same answer for an unknown name and a wrong password). */
  async login(username: string, password: string, ttlSeconds: number): Promise<Session> {
    const found = this.ctx.users.findForLogin(username)
    const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH)
    return this.ctx.write((tx) => {
      // the account may have changed while scrypt ran (new password, disabled): judge by what holds now
      const current = found && this.ctx.users.findForLogin(username)
      if (!found || !ok || !current || current.passwordHash !== found.passwordHash || !current.user.active) {
        throw domainError(ErrorCodes.BAD_CREDENTIALS, 'wrong username or password')
      }
      const token = newUserToken()
      const expiresAt = tx.now + ttlSeconds * 1000
      this.ctx.tokens.pruneExpired(tx.now)
      this.ctx.tokens.insert(token, 'user', current.user.id, tx.now, expiresAt)
      tx.log({ type: 'clerk.logged_in', userId: current.user.id })
      const { id, role } = current.user
      return { token, expiresAt, user: { id, username: current.user.username, role } }
    })
  }

  /** Revokes this token; a user's live feed ends with its session (a user works one console at a time). */
  logout(actor: Actor, token: string): void {
    this.ctx.write((tx) => {
      this.ctx.tokens.revokeToken(token, tx.now)
      if (actor.type !== 'user') return
      tx.log({ type: 'clerk.logged_out', userId: actor.id })
      tx.emit({ type: 'access:revoked', subject: 'user', id: actor.id })
    })
  }
}
