import { createHash } from 'node:crypto'
import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'

export type SubjectType = 'user' | 'device'
export interface TokenRecord {
  subjectType: SubjectType
  subjectId: number
  expiresAt: number | null
  revokedAt: number | null
}

const EXPIRED_TOKEN_GRACE_MS = 7 * 24 * 3600 * 1000

const hash = (token: string) => createHash('sha256').update(token).digest('hex')

/** Bearer tokens, stored only as SHA-256 hashes. */
export class TokensRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  insert(token: string, subjectType: SubjectType, subjectId: number, now: number, expiresAt: number | null): void {
    this.sql('INSERT INTO tokens (token_hash, subject_type, subject_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      hash(token),
      subjectType,
      subjectId,
      now,
      expiresAt,
    )
  }

  find(token: string): TokenRecord | undefined {
    const row = this.sql(
      'SELECT subject_type AS subjectType, subject_id AS subjectId, expires_at AS expiresAt, revoked_at AS revokedAt FROM tokens WHERE token_hash = ?',
    ).get(hash(token)) as TokenRecord | undefined
    return row
  }

  revokeToken(token: string, now: number): void {
    this.sql('UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(now, hash(token))
  }

  revokeSubject(subjectType: SubjectType, subjectId: number, now: number): void {
    this.sql('UPDATE tokens SET revoked_at = ? WHERE subject_type = ? AND subject_id = ? AND revoked_at IS NULL').run(
      now,
      subjectType,
      subjectId,
    )
  }

  /**
   * Drops user tokens expired for over a week: the table stays small on a box that runs for
   * years, and a console left open overnight still hears "expired" (not "unknown") in the morning.
   */
  pruneExpired(now: number): void {
    this.sql('DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at < ?').run(now - EXPIRED_TOKEN_GRACE_MS)
  }
}
