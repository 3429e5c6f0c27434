/**
 * Hub migration 19: "by hour" for one national service from a rollup by day, hour, governorate
 * and national code (rollup-service-hour.ts), filled here from every hourly row already stored
 * (on a national hub that is one pass over hub_figures inside the migration's transaction:
 * minutes for a year of rows). The fold keeps it from then on; a store keeping its rollups inline
 * clears its flag before it first ingests and reads hub_figures instead, as before.
 * hub_figures keeps its `(national_code, day)` index: the inline mode's view and "by hour" for one
 * service at one center read it (see docs/hub-scale.md for the figures behind that choice).
 */
import { type Kysely, sql } from 'kysely'
import type { Dialect } from './database.ts'
import { rebuildServiceHourRollup, serviceHourDdl } from './rollup-service-hour.ts'
import { figureColumnsAt } from './figure-columns.ts'

export const migration19 = {
  version: 19,
  name: '"by hour" for one national service: a rollup by day, hour, governorate and national code, kept by the deferred fold',
  statements: [] as string[],
  // biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was then, not today's HubDatabase
  async up(db: Kysely<any>, dialect: Dialect): Promise<void> {
    // DDL rollup-service-hour.ts writes from its own constants
    // with the figure columns of then: later ones are added by their own migration
    const columns = figureColumnsAt(19)
    for (const statement of serviceHourDdl(dialect, columns)) await sql.raw(statement).execute(db)
    await rebuildServiceHourRollup(db, columns)
  },
}
