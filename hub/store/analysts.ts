/**
 * Analysts' accounts: people who read the national figures, each national or scoped to one
 * governorate, signed in with a password (scrypt) for a session token (only its hash is kept);
 * every read and sign-in is written to hub_access_log. Machine clients keep HUB_READ_TOKEN.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import type { Analyst, AnalystRole } from '../../protocol/hub-api.ts'
import type { Selectable } from 'kysely'
import type { HubDb } from './database.ts'
import type { HubAnalystsTable } from './schema.ts'

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

function hashPassword(password: string): string {
  const salt = randomBytes(16)
  return `scrypt$${salt.toString('base64url')}$${scryptSync(password, salt, 32).toString('base64url')}`
}

function passwordMatches(password: string, stored: string): boolean {
  const [, salt, hash] = stored.split('$')
  if (!salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  return timingSafeEqual(scryptSync(password, Buffer.from(salt, 'base64url'), expected.length), expected)
}

// a password check costs the same whether or not the username exists
const DUMMY_HASH = hashPassword(randomBytes(12).toString('hex'))

const analystFrom = (r: Selectable<HubAnalystsTable>): Analyst => ({
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  governorate: r.role === 'governorate' ? r.governorate : null,
  active: r.active === 1,
})

export class AnalystsStore {
  constructor(private readonly db: HubDb) {}

  /** False when the username is taken. */
  async create(a: { username: string; displayName: string; role: AnalystRole; governorate?: string; password: string }, now: number) {
    const { numInsertedOrUpdatedRows } = await this.db
      .insertInto('hub_analysts')
      .values({
        username: a.username,
        display_name: a.displayName,
        role: a.role,
        governorate: a.role === 'governorate' ? (a.governorate ?? '') : '',
        password_hash: hashPassword(a.password),
        active: 1,
        created_at: now,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .executeTakeFirstOrThrow()
    return Number(numInsertedOrUpdatedRows) === 1
  }

  async list(): Promise<Analyst[]> {
    return (await this.db.selectFrom('hub_analysts').selectAll().orderBy('username').execute()).map(analystFrom)
  }

  /**
   * Sets the account active or not; false when there is no such username. Disabling deletes the
   * analyst's sessions at once: their next request is refused, not merely their next sign-in.
   */
  async setActive(username: string, active: boolean): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const { numUpdatedRows } = await trx
        .updateTable('hub_analysts')
        .set({ active: active ? 1 : 0 })
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
      const found = Number(numUpdatedRows) === 1
      if (found && !active) await trx.deleteFrom('hub_analyst_sessions').where('username', '=', username).execute()
      return found
    })
  }

  /** A session token (and its expiry) for a right username and password of an active analyst; null otherwise. */
  async signIn(
    username: string,
    password: string,
    now: number,
    ttlMs: number,
  ): Promise<{ token: string; expiresAt: number; analyst: Analyst } | null> {
    const row = await this.db.selectFrom('hub_analysts').selectAll().where('username', '=', username).executeTakeFirst()
    const ok = passwordMatches(password, row ? row.password_hash : DUMMY_HASH) && row !== undefined && row.active === 1
    if (!ok) return null
    const token = randomBytes(32).toString('base64url')
    const expiresAt = now + ttlMs
    await this.db
      .insertInto('hub_analyst_sessions')
      .values({ token_hash: sha256(token), username, expires_at: expiresAt })
      .execute()
    return { token, expiresAt, analyst: analystFrom(row) }
  }

  /** The active analyst a session token belongs to, or null (unknown, expired, or deactivated). */
  async bySession(token: string, now: number): Promise<Analyst | null> {
    const row = await this.db
      .selectFrom('hub_analyst_sessions as s')
      .innerJoin('hub_analysts as a', 'a.username', 's.username')
      .selectAll('a')
      .where('s.token_hash', '=', sha256(token))
      .where('s.expires_at', '>', now)
      .where('a.active', '=', 1)
      .executeTakeFirst()
    return row ? analystFrom(row) : null
  }

  async logAccess(username: string, action: string, status: number, now: number): Promise<void> {
    await this.db
      .insertInto('hub_access_log')
      .values({ at: now, username: username.slice(0, 64), action: action.slice(0, 300), status })
      .execute()
  }

  async accessLog(limit = 1000): Promise<{ at: number; username: string; action: string; status: number }[]> {
    return this.db.selectFrom('hub_access_log').select(['at', 'username', 'action', 'status']).orderBy('at', 'desc').limit(limit).execute()
  }
}
