import type { Db } from '../db/connection.ts'
import { TokensRepo } from '../db/repositories/tokens-repo.ts'
import { UsersRepo } from '../db/repositories/users-repo.ts'
import { DevicesRepo } from '../db/repositories/devices-repo.ts'
import type { Actor } from '../queue/actor.ts'
import { ErrorCodes, type DomainError, domainError } from '../errors.ts'

/** How often a device's "last seen" is written at most; every request would be a write. */
const TOUCH_INTERVAL_MS = 60_000

/**
 * Turns a bearer token into an actor: a user whose token has not expired and who is still
 * active, or a paired device that has not been revoked. Shared by HTTP and socket.io.
 */
export class Authenticator {
  private readonly tokens: TokensRepo
  private readonly users: UsersRepo
  private readonly devices: DevicesRepo
  private readonly lastTouch = new Map<number, number>()

  constructor(
    db: Db,
    private readonly clock: () => number,
  ) {
    this.tokens = new TokensRepo(db)
    this.users = new UsersRepo(db)
    this.devices = new DevicesRepo(db)
  }

  /** The actor behind a token, or a DomainError (UNAUTHENTICATED or TOKEN_EXPIRED) saying why not. */
  authenticate(token: string): Actor | DomainError {
    const record = this.tokens.find(token)
    const now = this.clock()
    if (!record || record.revokedAt !== null) return domainError(ErrorCodes.UNAUTHENTICATED, 'unknown or revoked token')
    if (record.expiresAt !== null && record.expiresAt <= now)
      return domainError(ErrorCodes.TOKEN_EXPIRED, 'the session has expired; log in again')
    if (record.subjectType === 'user') {
      const user = this.users.get(record.subjectId)
      if (!user?.active) return domainError(ErrorCodes.UNAUTHENTICATED, 'this account is disabled')
      return { type: 'user', id: user.id, role: user.role, username: user.username }
    }
    const device = this.devices.get(record.subjectId)
    if (!device || device.revoked) return domainError(ErrorCodes.UNAUTHENTICATED, 'this device has been revoked; pair it again')
    if (now - (this.lastTouch.get(device.id) ?? 0) > TOUCH_INTERVAL_MS) {
      this.lastTouch.set(device.id, now)
      this.devices.touch(device.id, now)
    }
    return { type: 'device', id: device.id, kind: device.kind, zone: device.zone }
  }
}
