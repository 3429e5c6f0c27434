/**
 * Hub migration 18: the rollups' dirty marks. With deferred rollups (rollup-fold.ts) ingest writes
 * the hourly rows and marks their (center, day) in its own transaction; a refresher folds the marks
 * into the rollups later, many centers' days at once, and removes each mark in the transaction that
 * folds it. A mark outlives a crash, so nothing stored is ever left out of the rollups.
 */
import { type Kysely, sql } from 'kysely'
import type { Dialect } from './database.ts'

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was then, not today's HubDatabase
type AnyDb = Kysely<any>

export const migration18 = {
  version: 18,
  name: "the rollups' dirty marks: a center's day stored but not yet summed into the rollups (deferred rollups)",
  statements: [] as string[],
  async up(db: AnyDb, dialect: Dialect): Promise<void> {
    // the day as hub_figures stores it (a DATE on PostgreSQL since migration 11)
    const day = dialect === 'postgres' ? 'DATE' : 'TEXT'
    await sql
      .raw(
        `CREATE TABLE hub_rollup_marks (center_id TEXT NOT NULL, day ${day} NOT NULL, marked_at BIGINT NOT NULL, PRIMARY KEY (center_id, day))`,
      )
      .execute(db)
  },
}
