import { afterEach, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { GOVERNORATE_CODES } from '../../protocol/governorates.ts'
import type { CenterView, FigureRow, HubFleet } from '../../protocol/hub-api.ts'
import { zeroCounts } from '../../protocol/upstream.ts'
import { BACKENDS, HUB_ADMIN_TOKEN, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'
import { targets } from '../../hub/store/config-bundles.ts'

/**
 * A center's governorate is a code of Egypt's 27 (protocol/governorates.ts): registration takes a
 * code or a name the list knows, in Arabic or English, any case, and keeps the code; anything else
 * is 400 HUB_ERR_UNKNOWN_GOVERNORATE listing the valid codes. A hub from before the codes holds
 * free text: known spellings become codes when the hub starts, and a center whose governorate
 * names none shows as the unknown governorate, in the fleet and counted in the figures.
 */

const DAY = '2026-03-10'

const admin = (hub: TestHub, method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) =>
  hub.app.inject({ method, url: `/api/hub/v1/admin/${url}`, headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` }, payload })
const get = async <T>(hub: TestHub, url: string): Promise<T> => (await hub.app.inject({ url: `/api/hub/v1/${url}` })).json()

/** One hour of `issued` tickets for a center, straight into the store (the read side is what is tested here). */
async function hourOf(hub: TestHub, centerId: string, seq: number, issued: number): Promise<void> {
  const rows = [{ serviceCode: 'A', serviceNameAr: 'أ', serviceNameEn: 'A', ...zeroCounts(), issued }]
  const batch = { centerId, seq, day: DAY, hour: 10, timeZone: 'Africa/Cairo', revision: 1, final: true, generatedAt: Date.now(), rows }
  expect(await hub.store.ingestHours([batch], randomBytes(12).toString('hex'), Date.now())).not.toBe('replayed')
}

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

  it('free text from before the codes: known spellings become codes at start; the rest is the unknown governorate, listed and counted', async () => {
    hub = await startTestHub({ backend })
    // as an older hub stored them: whatever was typed at registration
    const old = { nameAr: 'مركز', nameEn: 'Center', city: '', kind: 'fixed' as const, secret: 'a-secret-of-sixteen-chars' }
    for (const [id, governorate] of [
      ['OLD-1', 'Cairo'],
      ['OLD-2', 'القاهره'],
      ['OLD-3', 'Atlantis'],
      ['OLD-4', 'Helwan'],
    ])
      expect(await hub.store.addCenter({ ...old, id, governorate }, Date.now())).toBe(true)
    for (const [i, id] of ['OLD-1', 'OLD-2', 'OLD-3', 'OLD-4'].entries()) await hourOf(hub, id, 1, 10 + i)
    await hub.stop()
    await hub.restart()

    expect((await hub.store.listCenters()).map((c) => [c.id, c.governorate])).toEqual([
      ['OLD-3', 'Atlantis'],
      ['OLD-1', 'EG-C'],
      ['OLD-2', 'EG-C'],
      ['OLD-4', 'Helwan'],
    ])
    const fleet = await get<HubFleet>(hub, 'fleet')
    expect(fleet.centers.map((c) => [c.id, c.governorate]).sort()).toEqual([
      ['OLD-1', 'EG-C'],
      ['OLD-2', 'EG-C'],
      ['OLD-3', 'unknown'],
      ['OLD-4', 'unknown'],
    ])
    // by governorate: Cairo's two, and the two that name none summed under the unknown governorate, never dropped
    const { rows, totals } = await get<{ rows: FigureRow[]; totals: FigureRow }>(hub, `figures?from=${DAY}&by=governorate`)
    expect(rows.map((r) => [r.key, r.nameEn, r.issued])).toEqual([
      ['EG-C', 'Cairo', 10 + 11],
      ['unknown', 'Unknown governorate', 12 + 13],
    ])
    expect(totals.issued).toBe(10 + 11 + 12 + 13)
    // the fleet of the unknown governorate, and a filter by a name, still work
    expect((await get<CenterView[]>(hub, 'centers')).filter((c) => c.governorate === 'unknown')).toHaveLength(2)
    const cairo = await get<{ rows: FigureRow[] }>(hub, `figures?from=${DAY}&by=center&governorate=Cairo`)
    expect(cairo.rows.map((r) => [r.key, r.governorate, r.issued])).toEqual([
      ['OLD-1', 'EG-C', 10],
      ['OLD-2', 'EG-C', 11],
    ])
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
