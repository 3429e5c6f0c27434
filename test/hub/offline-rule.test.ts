import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ChildServer, killAllChildren } from '../helpers/child-server.ts'
import { offlineAfterMs } from '../../hub/offline-rule.ts'
import { postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'
import { UpstreamPaths } from '../../protocol/upstream.ts'

/**
 * Issue 23: a stopped center still showed "Online" six minutes later, because the hub called a
 * center offline only after a fixed 30 minutes. Now it is offline after a number of its own
 * heartbeats are missed (HUB_OFFLINE_MISSED_HEARTBEATS, default 3), at the interval it reports.
 */

let hub: TestHub | undefined
let dataDir: string | undefined
afterEach(async () => {
  await killAllChildren()
  await hub?.close()
  hub = undefined
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  dataDir = undefined
})

const centerView = async (id: string) => {
  const centers = (await (await fetch(`${hub!.url}/api/hub/v1/centers`)).json()) as { id: string; offline: boolean }[]
  return centers.find((c) => c.id === id)!
}

describe('offline after missed heartbeats', () => {
  it('the rule: missed beats × the reported interval; HUB_OFFLINE_MINUTES only for a center that does not report one', () => {
    const config = { offlineAfterMissedHeartbeats: 3, offlineAfterMinutes: 30 }
    expect(offlineAfterMs(60, config)).toBe(180_000)
    expect(offlineAfterMs(15, { ...config, offlineAfterMissedHeartbeats: 5 })).toBe(75_000)
    expect(offlineAfterMs(null, config)).toBe(1_800_000)
  })

  it('a center process killed with SIGKILL shows offline after three missed heartbeats, not half an hour later', {
    timeout: 90_000,
  }, async () => {
    hub = await startTestHub({ config: { offlineAfterMinutes: 30, offlineAfterMissedHeartbeats: 3 } })
    const secret = await registerCenter(hub, 'EG-CAI-001')
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-offline-'))
    const configFile = join(dataDir, 'config.json')
    const upstream = { url: hub.url, centerId: 'EG-CAI-001', secret, heartbeatSeconds: 1, scanSeconds: 1, retryMinSeconds: 0.2 }
    writeFileSync(configFile, JSON.stringify({ upstream }))
    const center = await ChildServer.start({ dataDir, env: { TABOUR_CONFIG: configFile } })
    await expect
      .poll(() => centerView('EG-CAI-001'), { timeout: 30_000 })
      .toMatchObject({
        offline: false,
        heartbeatSeconds: 1,
        offlineAfterSeconds: 3,
      })

    const killedAt = Date.now()
    center.process.kill('SIGKILL')
    await center.exited
    await expect.poll(async () => (await centerView('EG-CAI-001')).offline, { timeout: 30_000, interval: 200 }).toBe(true)
    // well within a minute (the old rule: 30 minutes), and not before three beats could have been missed
    const silentFor = Date.now() - killedAt
    expect(silentFor).toBeLessThan(60_000)
    const { lastContactAt } = (await centerView('EG-CAI-001')) as unknown as { lastContactAt: number }
    expect(Date.now() - lastContactAt).toBeGreaterThanOrEqual(3_000)
  })

  it('a center that does not report its interval (an older version) keeps the HUB_OFFLINE_MINUTES rule', async () => {
    hub = await startTestHub({ config: { offlineAfterMinutes: 30 } })
    const secret = await registerCenter(hub, 'OLD')
    const health = { at: Date.now(), countersOpen: 0, devicesFaulty: 0, version: '1.0.0', outboxPending: 0 }
    expect((await postSigned(hub.url, UpstreamPaths.heartbeat, 'OLD', secret, { centerId: 'OLD', health })).status).toBe(200)
    expect(await centerView('OLD')).toMatchObject({ offline: false, heartbeatSeconds: null, offlineAfterSeconds: 1800 })
    // a heartbeat without a version is accepted too
    const { version: _v, ...bare } = health
    expect((await postSigned(hub.url, UpstreamPaths.heartbeat, 'OLD', secret, { centerId: 'OLD', health: bare })).status).toBe(200)
  })
})
