import { describe, expect, it } from 'vitest'
import { databaseFile } from '../../server/app.ts'
import { centerDatabaseFile } from '../../server/ops/paths.ts'

describe('the CLI finds the database where the server keeps it', () => {
  it('centerDatabaseFile equals app.ts databaseFile', () => {
    for (const dataDir of ['./data', '/var/lib/tabour', 'rel/dir/', '/tmp/x y']) {
      expect(centerDatabaseFile({ dataDir })).toBe(databaseFile({ dataDir }))
    }
  })
})
