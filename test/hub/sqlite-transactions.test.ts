import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openHubDatabase } from '../../hub/store/database.ts'
import { HubStore } from '../../hub/store/store.ts'

/**
 * better-sqlite3 is one connection: a transaction held open across an `await` must not let any
 * other call onto that connection, or the other call would run inside it (and see, or lose with
 * it, what it has not committed). Kysely's SQLite driver holds its connection mutex from BEGIN to
 * COMMIT; these tests hold a transaction open and look at what the others do meanwhile.
 */

let dir: string
let store: HubStore
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tabour-hub-tx-'))
  store = new HubStore(openHubDatabase({ sqliteFile: join(dir, 'hub.sqlite') }))
  await store.migrate()
})
afterAll(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(async () => {
  await store.db.deleteFrom('hub_nonces').execute()
})

/** A promise and the function that settles it. */
function gate(): { open: () => void; passed: Promise<void> } {
  let open!: () => void
  const passed = new Promise<void>((resolve) => {
    open = resolve
  })
  return { open, passed }
}

// every step of a SQLite query is synchronous or a microtask: after one macrotask, a call that was not made to wait has finished
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

const nonces = async () => (await store.db.selectFrom('hub_nonces').select('nonce').orderBy('nonce').execute()).map((r) => r.nonce)

describe('transactions on the hub’s one SQLite connection', () => {
  it('two transactions started at once run one after the other; a plain query waits for the open one to commit', async () => {
    const events: string[] = []
    const hold = gate()
    const inside = gate()
    const first = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('hub_nonces').values({ center_id: 'C1', nonce: 'a', seen_at: 1 }).execute()
      events.push('first wrote')
      inside.open()
      await hold.passed
      events.push('first commits')
    })
    await inside.passed
    // the second through the `sql` tag (the figures files' way in), the read through the query builder
    const second = store.db.transaction().execute(async (trx) => {
      events.push(`second sees ${(await sql`SELECT nonce FROM hub_nonces`.execute(trx)).rows.length}`)
      await sql`INSERT INTO hub_nonces (center_id, nonce, seen_at) VALUES (${'C1'}, ${'b'}, ${2})`.execute(trx)
    })
    const read = nonces().then((seen) => events.push(`read sees ${seen.join(',')}`))
    await settle()
    expect(events).toEqual(['first wrote'])
    hold.open()
    await Promise.all([first, second, read])
    expect(events).toEqual(['first wrote', 'first commits', 'second sees 1', 'read sees a,b'])
    expect(await nonces()).toEqual(['a', 'b'])
  })

  it('what a transaction rolls back was never seen by a query made while it was open', async () => {
    const hold = gate()
    const inside = gate()
    const failing = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('hub_nonces').values({ center_id: 'C1', nonce: 'gone', seen_at: 1 }).execute()
      inside.open()
      await hold.passed
      throw new Error('refused')
    })
    await inside.passed
    const read = nonces()
    const ingestLike = store.rememberNonce('C1', 'kept', 2)
    await settle()
    hold.open()
    await expect(failing).rejects.toThrow('refused')
    expect(await read).toEqual([])
    expect(await ingestLike).toBe(true)
    expect(await nonces()).toEqual(['kept'])
  })
})
