import { describe, expect, it } from 'vitest'
import pg from 'pg'
import { pgArrayLiteral } from '../../hub/store/pg-array-literal.ts'
import { PG_SKIP_REASON, PG_URL } from './hub-harness.ts'

/** The array literals ingest binds (hub/store/pg-array-literal.ts) read back by PostgreSQL as the values they were made of. */
const values = ['خدمة "أ"', 'back\\slash', 'a,b', '{x}', '', 'NULL', ' spaced ', null, 'end\\"']

describe('pgArrayLiteral', () => {
  it('writes numbers bare, NULL for null, and quotes every string, escaping quotes and backslashes', () => {
    expect(pgArrayLiteral([1, -2, 0, null, 'a"b\\c'])).toBe('{1,-2,0,NULL,"a\\"b\\\\c"}')
    expect(pgArrayLiteral([])).toBe('{}')
  })

  it.skipIf(!PG_URL)(`is read back by PostgreSQL as the same values${PG_URL ? '' : ` (${PG_SKIP_REASON})`}`, async () => {
    const client = new pg.Client({ connectionString: PG_URL })
    await client.connect()
    try {
      const { rows } = await client.query('SELECT $1::text[] AS texts, $2::bigint[] AS numbers', [
        pgArrayLiteral(values),
        pgArrayLiteral([0, -1, 9007199254740991, null]),
      ])
      expect(rows[0].texts).toEqual(values)
      expect(rows[0].numbers).toEqual(['0', '-1', '9007199254740991', null])
    } finally {
      await client.end()
    }
  })
})
