/**
 * Analysts' accounts: people who read the national figures, each national or scoped to one
 * governorate, signed in with a password (scrypt) for a session token (only its hash is kept);
 * every read and sign-in is written to hub_access_log. Machine clients keep HUB_READ_TOKEN.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import type { Analyst, AnalystRole } from '../../protocol/hub-api.ts'
import type { SqlDriver } from './driver.ts'

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

// biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
const analystFrom = (r: Record<string, any>): Analyst => ({
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  governorate: r.role === 'governorate' ? r.governorate : null,
  active: Number(r.active) === 1,
})

export class AnalystsStore {
  constructor(private readonly driver: SqlDriver) {}

  /** False when the username is taken. */
  async create(a: { username: string; displayName: string; role: AnalystRole; governorate?: string; password: string }, now: number) {
    const changed = await this.driver.run(
      `INSERT INTO hub_analysts (username, display_name, role, governorate, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT (username) DO NOTHING`,
      [a.username, a.displayName, a.role, a.role === 'governorate' ? (a.governorate ?? '') : '', hashPassword(a.password), now],
    )
    return changed === 1
  }

  async list(): Promise<Analyst[]> {
    return (await this.driver.all('SELECT * FROM hub_analysts ORDER BY username')).map(analystFrom)
  }

  /**
   * Sets the account active or not; false when there is no such username. Disabling deletes the
   * analyst's sessions at once: their next request is refused, not merely their next sign-in.
   */
  async setActive(username: string, active: boolean): Promise<boolean> {
    return this.driver.tx(async (d) => {
      const changed = await d.run('UPDATE hub_analysts SET active = ? WHERE username = ?', [active ? 1 : 0, username])
      if (changed === 1 && !active) await d.run('DELETE FROM hub_analyst_sessions WHERE username = ?', [username])
      return changed === 1
    })
  }

  /** A session token (and its expiry) for a right username and password of an active analyst; null otherwise. */
  async signIn(
    username: string,
    password: string,
    now: number,
    ttlMs: number,
  ): Promise<{ token: string; expiresAt: number; analyst: Analyst } | null> {
    const rows = await this.driver.all('SELECT * FROM hub_analysts WHERE username = ?', [username])
    const row = rows[0]
    const ok = passwordMatches(password, row ? String(row.password_hash) : DUMMY_HASH) && row !== undefined && Number(row.active) === 1
    if (!ok) return null
    const token = randomBytes(32).toString('base64url')
    const expiresAt = now + ttlMs
    await this.driver.run('INSERT INTO hub_analyst_sessions (token_hash, username, expires_at) VALUES (?, ?, ?)', [
      sha256(token),
      username,
      expiresAt,
    ])
    return { token, expiresAt, analyst: analystFrom(row) }
  }

  /** The active analyst a session token belongs to, or null (unknown, expired, or deactivated). */
  async bySession(token: string, now: number): Promise<Analyst | null> {
    const rows = await this.driver.all(
      `SELECT a.* FROM hub_analyst_sessions s JOIN hub_analysts a ON a.username = s.username
       WHERE s.token_hash = ? AND s.expires_at > ? AND a.active = 1`,
      [sha256(token), now],
    )
    return rows[0] ? analystFrom(rows[0]) : null
  }

  async logAccess(username: string, action: string, status: number, now: number): Promise<void> {
    await this.driver.run('INSERT INTO hub_access_log (at, username, action, status) VALUES (?, ?, ?, ?)', [
      now,
      username.slice(0, 64),
      action.slice(0, 300),
      status,
    ])
  }

  async accessLog(limit = 1000): Promise<{ at: number; username: string; action: string; status: number }[]> {
    // biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
    const rows = await this.driver.all<Record<string, any>>('SELECT * FROM hub_access_log ORDER BY at DESC LIMIT ?', [limit])
    return rows.map((r) => ({ at: Number(r.at), username: r.username, action: r.action, status: Number(r.status) }))
  }
}
