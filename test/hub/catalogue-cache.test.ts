import { afterEach, describe, expect, it } from 'vitest'
import { openHubStore } from '../../hub/open-store.ts'
import type { HubStore } from '../../hub/store/store.ts'
import { UpstreamPaths } from '../../protocol/upstream.ts'
import { addNationalService, BACKENDS, postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'

/**
 * Every heartbeat's answer says whether the center's catalogue is current, and brings it when it
 * is not. The hub keeps the catalogue and its hash in memory while the database's catalogue
 * revision (hub_catalogue_revision, bumped with every change) holds, so a change made by another
 * hub process on the same database (a second API node, the CLI) reaches the next heartbeat.
 */

const health = { at: Date.now(), countersOpen: 1, devicesFaulty: 0, outboxPending: 0, heartbeatSeconds: 60 }

describe.each(BACKENDS)('the heartbeat catalogue cache on %s', (backend) => {
  let hub: TestHub
  let other: HubStore | undefined
  afterEach(async () => {
    await other?.close()
    await hub?.close()
  })

  it('answers from its cache while the catalogue holds, and with the new catalogue after another process changes it', async () => {
    hub = await startTestHub({ backend })
    const secret = await registerCenter(hub, 'C1')
    await addNationalService(hub, 'PASSPORT')
    const beat = async (catalogueVersion?: string) => {
      const res = await postSigned(hub.url, UpstreamPaths.heartbeat, 'C1', secret, {
        centerId: 'C1',
        health,
        ...(catalogueVersion ? { catalogueVersion } : {}),
      })
      expect(res.status).toBe(200)
      return res.body.catalogue as { version: string; services: { code: string; nameEn: string }[] } | undefined
    }
    const first = await beat()
    expect(first?.services.map((s) => s.code)).toEqual(['PASSPORT'])
    // current: nothing sent, and the same object served from memory (no second read of the table)
    expect(await beat(first!.version)).toBeUndefined()
    const cached = await hub.store.nationalServices.catalogue()
    expect(await hub.store.nationalServices.catalogue()).toBe(cached)

    // another hub process on the same database renames a service and adds one
    other = await openHubStore(hub.config)
    await other.nationalServices.put({ code: 'PASSPORT', nameAr: 'جوازات', nameEn: 'Passports', groupAr: '', groupEn: '' }, Date.now())
    const renamed = await beat(first!.version)
    expect(renamed?.version).not.toBe(first!.version)
    expect(renamed?.services).toMatchObject([{ code: 'PASSPORT', nameEn: 'Passports' }])
    await other.nationalServices.put({ code: 'TRAFFIC', nameAr: 'مرور', nameEn: 'Traffic', groupAr: '', groupEn: '' }, Date.now())
    const added = await beat(renamed!.version)
    expect(added?.services.map((s) => s.code).sort()).toEqual(['PASSPORT', 'TRAFFIC'])
    // and the other process's own cache follows this one's changes
    await other.nationalServices.catalogue()
    await addNationalService(hub, 'CIVIL')
    expect((await other.nationalServices.catalogue()).services.map((s) => s.code).sort()).toEqual(['CIVIL', 'PASSPORT', 'TRAFFIC'])
    expect(await beat((await other.nationalServices.catalogue()).version)).toBeUndefined()
  })
})
