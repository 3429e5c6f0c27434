import type { CreateUserBody, UpdateUserBody } from '../../protocol/requests.ts'
import type { User } from '../../protocol/entities.ts'
import type { QueueContext } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import { hashPassword } from '../auth/passwords.ts'
import { assertPasswordAllowed, type PasswordPolicy } from '../auth/password-policy.ts'
import { domainError, ErrorCodes, fieldError } from '../errors.ts'
import { auditChange, fieldChanges } from './config-audit.ts'
import { assertNoReorderingControls } from './public-text-check.ts'

/**
 * Staff accounts. Hashing (scrypt, slow) runs before the transaction, so the write lock is never
 * held across it. A password being set must pass the policy (server/auth/password-policy.ts);
 * passwords already stored are never checked again, so existing accounts keep working.
 */
export class UserCommands {
  constructor(
    private readonly ctx: QueueContext,
    private readonly passwordPolicy: PasswordPolicy,
  ) {}

  /** Every account. */
  list(): User[] {
    return this.ctx.users.list()
  }

  /** One account, or USER_NOT_FOUND. */
  get(id: number): User {
    const user = this.ctx.users.get(id)
    if (!user) throw domainError(ErrorCodes.USER_NOT_FOUND, 'no such user')
    return user
  }

  async create(actor: Actor, body: CreateUserBody): Promise<User> {
    assertNoReorderingControls(body)
    this.assertUsernameFree(body.username)
    assertPasswordAllowed(body.password, body.username, body.role, this.passwordPolicy)
    const passwordHash = await hashPassword(body.password)
    return this.ctx.write((tx) => {
      // another request may have taken the name while scrypt ran: a 409, not the UNIQUE constraint's 500
      this.assertUsernameFree(body.username)
      const user = this.ctx.users.insert(
        { username: body.username, passwordHash, role: body.role, displayName: body.displayName ?? body.username },
        tx.now,
      )
      auditChange(tx, actor, 'user.create', {}, body)
      return user
    })
  }

  /** A new password, a disabled account or a new role ends every session the user had. */
  async update(actor: Actor, id: number, body: UpdateUserBody): Promise<User> {
    assertNoReorderingControls(body)
    if (body.password) {
      const target = this.ctx.users.get(id)
      if (!target) throw domainError(ErrorCodes.USER_NOT_FOUND, `user ${id} does not exist`)
      assertPasswordAllowed(body.password, target.username, body.role ?? target.role, this.passwordPolicy)
    }
    const passwordHash = body.password ? await hashPassword(body.password) : undefined
    return this.ctx.write((tx) => {
      const current = this.ctx.users.get(id)
      if (!current) throw domainError(ErrorCodes.USER_NOT_FOUND, `user ${id} does not exist`)
      const losesAdmin = current.role === 'admin' && current.active && ((body.role && body.role !== 'admin') || body.active === false)
      if (losesAdmin && this.ctx.users.countActiveAdmins() <= 1)
        throw fieldError(ErrorCodes.LAST_ADMIN, { field: 'role', reason: 'invalid' }, 'the last active admin cannot be demoted or disabled')
      const user = this.ctx.users.update(current.id, { passwordHash, role: body.role, displayName: body.displayName, active: body.active })
      if (passwordHash || body.active === false || (body.role && body.role !== current.role)) {
        this.ctx.tokens.revokeSubject('user', user.id, tx.now)
        tx.emit({ type: 'access:revoked', subject: 'user', id: user.id })
      }
      // what it changed, field by field; a new password only as changed (never its value); a save that changed nothing is not logged
      const fields = (u: User) => ({ role: u.role, displayName: u.displayName, active: u.active })
      const changes = fieldChanges(fields(current), fields(user), passwordHash ? ['password'] : [])
      if (changes.length > 0) auditChange(tx, actor, 'user.update', { id }, body, changes)
      return user
    })
  }

  private assertUsernameFree(username: string): void {
    if (this.ctx.users.findForLogin(username))
      throw fieldError(ErrorCodes.DUPLICATE_USERNAME, { field: 'username', reason: 'duplicate' }, `username ${username} is taken`)
  }
}
