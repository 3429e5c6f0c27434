import { afterEach, describe, expect, it } from 'vitest'
import { UpstreamPaths } from '../../protocol/upstream.ts'
import type { CenterView, HubFleet } from '../../protocol/hub-api.ts'
import { ownNameShown } from '../../hub/ui/own-name.ts'
import { heartbeatCenterName } from '../../server/upstream/reporter.ts'
import { BACKENDS, batchPath, postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'

/**
 * The fleet named each center only as it was registered at the hub (`hub center add`), while its
 * kiosk, screens and tickets said the name in its own settings: renamed locally, it was another
 * center to anyone who had read its screens, and the hub never knew. Its heartbeat now says its own
 * name (optional: an older center's heartbeat without it is still taken), the hub keeps it, and the
 * fleet says it under the registered one when they differ.
 */

let hub: TestHub | undefined
afterEach(async () => {
  await hub?.close()
  hub = undefined
})

const health = () => ({ at: Date.now(), countersOpen: 1, devicesFaulty: 0, version: '1.0.0', outboxPending: 0, heartbeatSeconds: 60 })
const centerOf = async (id: string): Promise<CenterView> => {
  const fleet = (await (await fetch(`${hub!.url}/api/hub/v1/fleet`)).json()) as HubFleet
  return fleet.centers.find((c) => c.id === id)!
}

describe.each(BACKENDS)("a center's own name on %s", (backend) => {
  it('is kept from its heartbeat beside the registered name; a batch leaves it, a heartbeat without it (an older center) clears it', async () => {
    hub = await startTestHub({ backend })
    const secret = await registerCenter(hub, 'EG-GZ-001', { nameAr: 'مركز الدقي', nameEn: 'Dokki center' })
    const beat = (body: Record<string, unknown>) =>
      postSigned(hub!.url, UpstreamPaths.heartbeat, 'EG-GZ-001', secret, { centerId: 'EG-GZ-001', ...body })
    // never heard from: nothing said
    expect((await centerOf('EG-GZ-001')).ownName).toBeNull()

    const centerName = { ar: 'المركز التكنولوجي لخدمة المواطنين', en: 'Citizen Service Technology Center' }
    expect((await beat({ health: health(), centerName })).status).toBe(200)
    const named = await centerOf('EG-GZ-001')
    // the registered name stays the center's name on every hub page; its own is beside it
    expect(named).toMatchObject({ nameAr: 'مركز الدقي', nameEn: 'Dokki center', ownName: { nameAr: centerName.ar, nameEn: centerName.en } })
    expect(ownNameShown(named, 'en')).toBe('Citizen Service Technology Center')
    expect(ownNameShown(named, 'ar')).toBe('المركز التكنولوجي لخدمة المواطنين')

    // a batch carries no name: it leaves the one the heartbeat said
    const batch = {
      centerId: 'EG-GZ-001',
      seq: 1,
      day: '2026-03-10',
      hour: 10,
      timeZone: 'Africa/Cairo',
      revision: 1,
      final: false,
      generatedAt: Date.now(),
      rows: [],
    }
    expect((await postSigned(hub.url, batchPath, 'EG-GZ-001', secret, batch)).status).toBe(200)
    expect((await centerOf('EG-GZ-001')).ownName).toEqual({ nameAr: centerName.ar, nameEn: centerName.en })
    // nor does a batch with the center's health in it, as a center's batches are sent (server/upstream/reporter.ts)
    const withHealth = { ...batch, seq: 2, hour: 11, health: health() }
    expect((await postSigned(hub.url, batchPath, 'EG-GZ-001', secret, withHealth)).status).toBe(200)
    expect((await centerOf('EG-GZ-001')).ownName).toEqual({ nameAr: centerName.ar, nameEn: centerName.en })

    // renamed in its own settings: the next heartbeat says the new name
    expect((await beat({ health: health(), centerName: { ar: 'مركز الدقي', en: 'Dokki Citizen Center' } })).status).toBe(200)
    const renamed = await centerOf('EG-GZ-001')
    expect(renamed.ownName).toEqual({ nameAr: 'مركز الدقي', nameEn: 'Dokki Citizen Center' })
    // the same name as registered in one language is not said again in it
    expect(ownNameShown(renamed, 'ar')).toBeNull()
    expect(ownNameShown(renamed, 'en')).toBe('Dokki Citizen Center')

    // an older center's heartbeat, without the name: accepted, and the hub no longer claims one
    expect((await beat({ health: health() })).status).toBe(200)
    const older = await centerOf('EG-GZ-001')
    expect(older).toMatchObject({ ownName: null, offline: false })
    expect(ownNameShown(older, 'en')).toBeNull()
  })

  it('refuses a name the wire does not allow (empty, or one language missing) with the validation code, not a 500', async () => {
    hub = await startTestHub({ backend })
    const secret = await registerCenter(hub, 'EG-GZ-002')
    for (const centerName of [{ ar: '', en: 'X' }, { ar: 'س' }, { ar: 'س', en: 'x'.repeat(201) }]) {
      const res = await postSigned(hub.url, UpstreamPaths.heartbeat, 'EG-GZ-002', secret, {
        centerId: 'EG-GZ-002',
        health: health(),
        centerName,
      })
      expect(res.status, JSON.stringify(centerName)).toBe(400)
      expect(res.body.code).toBe('HUB_ERR_VALIDATION')
    }
    expect((await centerOf('EG-GZ-002')).ownName).toBeNull()
  })
})

describe("the center's side", () => {
  it('sends its name in both languages; a config file name longer than the wire allows is left out, not cut, so its heartbeats are not refused', () => {
    expect(heartbeatCenterName({ ar: 'مركز', en: 'Center' })).toEqual({ centerName: { ar: 'مركز', en: 'Center' } })
    expect(heartbeatCenterName({ ar: 'م'.repeat(201), en: 'Center' })).toEqual({})
  })
})
