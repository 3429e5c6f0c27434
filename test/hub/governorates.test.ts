import { afterEach, describe, expect, it } from 'vitest'
import { GOVERNORATE_CODES } from '../../protocol/governorates.ts'
import type { CenterView, FigureRow } from '../../protocol/hub-api.ts'
import { BACKENDS, HUB_ADMIN_TOKEN, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'
import { targets } from '../../hub/store/config-bundles.ts'

/**
 * A center's governorate is a code of Egypt's 27 (protocol/governorates.ts): registration takes a
 * code or a name the list knows, in Arabic or English, any case, and keeps the code; anything else
 * is 400 HUB_ERR_UNKNOWN_GOVERNORATE listing the valid codes. A hub from before the codes holds
 * free text: hub migration 15 makes known spellings codes (governorate-migration.test.ts).
 */

const DAY = '2026-03-10'

const admin = (hub: TestHub, method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) =>
  hub.app.inject({ method, url: `/api/hub/v1/admin/${url}`, headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` }, payload })
const get = async <T>(hub: TestHub, url: string): Promise<T> => (await hub.app.inject({ url: `/api/hub/v1/${url}` })).json()

describe.each(BACKENDS)('governorates as codes on %s', (backend) => {
  let hub: TestHub
  afterEach(async () => {
    await hub?.close()
  })

  it('registration keeps the code of a code or a known name; an unknown one is refused with the valid codes', async () => {
    hub = await startTestHub({ backend })
    for (const [id, governorate] of [
      ['C1', 'EG-C'],
      ['C2', 'cairo'],
      ['C3', 'القاهرة'],
      ['C4', 'محافظة القاهرة'],
    ])
      await registerCenter(hub, id, { governorate })
    const centers = await get<CenterView[]>(hub, 'centers')
    expect(centers.map((c) => [c.id, c.governorate])).toEqual(['C1', 'C2', 'C3', 'C4'].map((id) => [id, 'EG-C']))
    // one governorate nationally, named in both languages
    const { rows } = await get<{ rows: FigureRow[] }>(hub, `figures?from=${DAY}&by=governorate`)
    expect(rows.map((r) => [r.key, r.nameAr, r.nameEn])).toEqual([['EG-C', 'القاهرة', 'Cairo']])

    const refused = await admin(hub, 'POST', 'centers', { id: 'C5', nameAr: 'x', nameEn: 'x', governorate: 'Atlantis', kind: 'fixed' })
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({ code: 'HUB_ERR_UNKNOWN_GOVERNORATE', validCodes: [...GOVERNORATE_CODES] })
    expect(refused.json().validCodes).toHaveLength(27)
    expect(refused.json().message).toContain('EG-ALX')
    // nothing half-registered
    expect((await get<CenterView[]>(hub, 'centers')).map((c) => c.id)).not.toContain('C5')
    const patched = await admin(hub, 'PATCH', 'centers/C1', { governorate: 'Smouha' })
    expect([patched.statusCode, patched.json().code]).toEqual([400, 'HUB_ERR_UNKNOWN_GOVERNORATE'])
    expect((await admin(hub, 'PATCH', 'centers/C1', { governorate: 'Alexandria' })).json().governorate).toBe('EG-ALX')
    // an analyst's governorate and a bundle's target are codes too
    const analyst = await admin(hub, 'POST', 'analysts', {
      username: 'mona',
      displayName: 'Mona',
      role: 'governorate',
      governorate: 'Gizeh-land',
      password: 'a-long-enough-password',
    })
    expect([analyst.statusCode, analyst.json().code]).toEqual([400, 'HUB_ERR_UNKNOWN_GOVERNORATE'])
  })
})

describe('a bundle stored before the codes, targeting a governorate by its name', () => {
  it('still reaches the centers of that governorate once they hold its code, and no other', () => {
    const cairo = { id: 'C1', governorate: 'EG-C' }
    expect(targets({ kind: 'governorate', governorate: 'Cairo' }, cairo)).toBe(true)
    expect(targets({ kind: 'governorate', governorate: 'القاهرة' }, cairo)).toBe(true)
    expect(targets({ kind: 'governorate', governorate: 'EG-C' }, cairo)).toBe(true)
    expect(targets({ kind: 'governorate', governorate: 'Alexandria' }, cairo)).toBe(false)
    // free text that names no governorate matches only the same free text
    expect(targets({ kind: 'governorate', governorate: 'Atlantis' }, cairo)).toBe(false)
    expect(targets({ kind: 'governorate', governorate: 'Atlantis' }, { id: 'C2', governorate: 'Atlantis' })).toBe(true)
  })
})
