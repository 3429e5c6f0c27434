/**
 * Hub migration 15: centers' and analysts' governorates as codes. Hubs from before the codes
 * (protocol/governorates.ts) hold what was typed at registration ("Cairo", «القاهرة»); each value
 * that names a governorate, in Arabic or English or a usual spelling, becomes its code here, once
 * (it used to be rewritten at every start). Free text that names none is kept as typed: the read
 * side lists and counts it under the unknown governorate, and an operator can still see what was
 * typed and correct it. Bundles are left alone: their target is part of what was created and
 * published, and `targets` (config-bundles.ts) already matches a name with its code.
 */
import type { Kysely } from 'kysely'
import { governorateOf } from '../../protocol/governorates.ts'

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was then, not today's HubDatabase
type AnyDb = Kysely<any>

/** Rewrites each distinct value of `table`.governorate that names a governorate to its code (matching by Arabic normalisation needs JavaScript, not SQL). */
async function toCodes(db: AnyDb, table: 'hub_centers' | 'hub_analysts'): Promise<void> {
  const values = await db.selectFrom(table).select('governorate').distinct().execute()
  for (const { governorate } of values as { governorate: string }[]) {
    const code = governorateOf(governorate)?.code
    if (code && code !== governorate)
      await db.updateTable(table).set({ governorate: code }).where('governorate', '=', governorate).execute()
  }
}

export const migration15 = {
  version: 15,
  name: "centers' and analysts' free-text governorates as their ISO 3166-2:EG codes where they name one (the rest stays, shown as the unknown governorate)",
  statements: [] as string[],
  async up(db: AnyDb): Promise<void> {
    await toCodes(db, 'hub_centers')
    await toCodes(db, 'hub_analysts')
  },
}
