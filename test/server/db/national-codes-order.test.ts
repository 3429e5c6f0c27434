import { expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { migrate } from '../../../server/db/migrate.ts'
import { NationalServicesRepo } from '../../../server/db/repositories/national-services-repo.ts'

// The services form's picker lists "code — name" with no group shown: ordered by the English group
// name, the catalogue read as if in reverse order of adding (walk s50). By code, the one key both
// languages share, a manager finds a code the hub's letter names where they look for it.
it('lists the national catalogue by code, whatever the groups and the order the hub sent it in', () => {
  const db = new Database(':memory:')
  migrate(db)
  const repo = new NationalServicesRepo(db)
  const s = (code: string, groupEn: string) => ({ code, nameAr: `خدمة ${code}`, nameEn: `Service ${code}`, groupAr: 'مجموعة', groupEn })
  repo.replace({
    version: 'v1',
    services: [s('TRF-002', 'Traffic'), s('CIV-010', 'Civil registry'), s('BLD-001', 'Housing'), s('CIV-002', 'Civil registry')],
  })
  expect(repo.list().map((x) => x.code)).toEqual(['BLD-001', 'CIV-002', 'CIV-010', 'TRF-002'])
  db.close()
})
