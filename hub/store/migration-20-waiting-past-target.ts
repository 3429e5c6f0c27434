/**
 * Hub migration 20: of a running hour's tickets past their target uncalled (wait_missed_uncalled),
 * those still waiting when the center sent it (`waitingPastTarget`, protocol/upstream.ts), in the
 * hourly rows and every rollup that sums them, so the pages tell tickets that left uncalled (known
 * misses) from tickets still in the line. Rows stored before hold 0: their centers did not say.
 */
import { type Kysely, sql } from 'kysely'
import { ROLLUPS } from './rollups.ts'
import { SERVICE_HOUR_ROLLUP } from './rollup-service-hour.ts'
import { figureColumnsAddedBy } from './figure-columns.ts'

export const migration20 = {
  version: 20,
  name: "of a running hour's tickets past their target uncalled, those still waiting when the center sent it (hourly rows and rollups)",
  statements: [] as string[],
  // biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was then, not today's HubDatabase
  async up(db: Kysely<any>): Promise<void> {
    // the columns figure-columns.ts says this migration adds (waiting_past_target), so the two cannot drift apart
    for (const column of figureColumnsAddedBy(20)) {
      // on PostgreSQL hub_figures is partitioned: the column reaches every partition (and the default one) from the parent
      await sql`ALTER TABLE hub_figures ADD COLUMN ${sql.ref(column)} INTEGER NOT NULL DEFAULT 0`.execute(db)
      // the rollups sum it as they sum every figure column (BIGINT, as theirs are)
      for (const table of [...ROLLUPS.map((s) => s.table), SERVICE_HOUR_ROLLUP])
        await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN ${sql.ref(column)} BIGINT NOT NULL DEFAULT 0`.execute(db)
    }
  },
}
