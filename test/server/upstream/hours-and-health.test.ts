import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { addNationalService, registerCenter, startTestHub } from '../../hub/hub-harness.ts'
import { localHourStartMs as localHourStart } from '../../../protocol/center-clock.ts'
import { splitByLocalHour } from '../../../server/upstream/hours.ts'
import { drain, hubJson, UPSTREAM_TEST_CONFIG } from './upstream-helpers.ts'
import { printerHealth } from '../../helpers/device-health.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function setup(clock: TestClock) {
  const hub = await startTestHub()
  cleanups.push(() => hub.close())
  const secret = await registerCenter(hub, 'EG-CAI-009')
  const center = await TestCenter.start({
    clock,
    config: { upstream: { url: hub.url, centerId: 'EG-CAI-009', secret, ...UPSTREAM_TEST_CONFIG } },
  })
  cleanups.push(() => center.close())
  return { hub, center }
}

describe('local hours', () => {
  it('splits time at local hour boundaries, also in zones offset by half an hour', () => {
    const pieces: [string, number][] = []
    // 10:00Z = 15:30 in Kolkata: 10:00–10:30Z is local 15:30–16:00, then 16:00–17:00, then 17:00–17:15
    splitByLocalHour(Date.parse('2026-03-10T10:00:00Z'), Date.parse('2026-03-10T11:45:00Z'), 'Asia/Kolkata', (k, ms) =>
      pieces.push([`${k.day} ${k.hour}`, ms / 60_000]),
    )
    expect(pieces).toEqual([
      ['2026-03-10 15', 30],
      ['2026-03-10 16', 60],
      ['2026-03-10 17', 15],
    ])
    expect(new Date(localHourStart(Date.parse('2026-03-10T10:10:00Z'), 'Asia/Kolkata')).toISOString()).toBe('2026-03-10T09:30:00.000Z')
  })

  it('the autumn DST change in Cairo: both 23:00 hours are one key at the hub, with their tickets and counter time added up', {
    timeout: 60_000,
  }, async () => {
    // 2026-10-29 24:00 EEST becomes 23:00 EET: local 23:xx lasts from 20:00Z to 22:00Z
    const clock = new TestClock(Date.parse('2026-10-29T19:50:00Z'))
    const { hub, center } = await setup(clock)
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = await center.createDevice('kiosk')
    const clerk = await center.openCounterAs('clerk', counter.id)
    clock.set('2026-10-29T20:10:00Z')
    for (let i = 0; i < 3; i++) await center.issue(kiosk.token, { serviceId: a.id })
    await drain(center)
    clock.set('2026-10-29T21:10:00Z')
    for (let i = 0; i < 4; i++) await center.issue(kiosk.token, { serviceId: a.id })
    await drain(center)
    clock.set('2026-10-29T21:59:00Z')
    await center.action(clerk, counter.id, 'close')
    clock.set('2026-10-29T22:10:00Z') // 00:10 on the 30th
    await drain(center)

    const hours = (await hubJson(hub, '/api/hub/v1/figures?from=2026-10-29&by=hour')).rows
    const h23 = hours.find((r: any) => r.key === '23')
    expect(h23).toMatchObject({ issued: 7, counterOpenMinutes: 119 })
    const [stored] = (
      await sql<{ revision: number; final: number }>`SELECT revision, final FROM hub_hours WHERE day = '2026-10-29' AND hour = 23`.execute(
        hub.store.db,
      )
    ).rows
    expect(stored.revision).toBeGreaterThanOrEqual(2)
    expect(stored.final).toBe(1)
  })
})

describe('center health', () => {
  it('heartbeats carry counters open, faulty devices and the version; a silent center is flagged offline', {
    timeout: 60_000,
  }, async () => {
    const clock = new TestClock()
    const { hub, center } = await setup(clock)
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = await center.createDevice('kiosk')
    await center.openCounterAs('clerk', counter.id)
    center.app.tabour.queue.deviceStatus.report(kiosk.id, printerHealth({ reachable: true, online: true, paperOut: true }))
    // the hub holds a national catalogue, which the center receives: it still runs no bundle
    await addNationalService(hub, 'PASSPORT')
    const catalogue = center.app.tabour.configuration.services.nationalCatalogue
    const reporter = center.app.tabour.upstream!
    let view: any
    for (let i = 0; i < 200; i++) {
      await reporter.nextRound()
      view = (await hubJson(hub, '/api/hub/v1/centers'))[0]
      if (view.lastHeartbeatAt !== null && view.devicesFaulty === 1 && catalogue.version() !== null) break
    }
    await reporter.nextRound()
    view = (await hubJson(hub, '/api/hub/v1/centers'))[0]
    // the fleet's configuration column is the bundle a center runs, never the catalogue's hash
    expect(catalogue.version()).not.toBeNull()
    expect(view.configVersion).toBeNull()
    expect(view).toMatchObject({
      id: 'EG-CAI-009',
      countersOpen: 1,
      devicesFaulty: 1,
      offline: false,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      // its scheduled backups are off (no backup.dir): said, so the fleet says "backups off", not a dash (walk s52)
      backupsOff: true,
      lastBackupAt: null,
      // its own name, beside the one it was registered under (the fleet says it when they differ)
      nameEn: 'Center EG-CAI-009',
      ownName: { nameAr: 'المركز التكنولوجي لخدمة المواطنين', nameEn: 'Citizen Service Technology Center' },
    })
    // renamed in its own settings: the next heartbeat says so, the registered name stays
    const admin = await center.admin()
    const rename = { nameAr: 'مركز مدينة نصر', nameEn: 'Nasr City center' }
    expect((await center.request('PUT', '/api/v1/settings', { token: admin, body: rename })).statusCode).toBe(200)
    await expect
      .poll(async () => {
        await reporter.nextRound()
        return (await hubJson(hub, '/api/hub/v1/centers'))[0]
      })
      .toMatchObject({ nameEn: 'Center EG-CAI-009', ownName: rename })

    // a center that never reported is offline
    await registerCenter(hub, 'EG-CAI-010')
    const silent = (await hubJson(hub, '/api/hub/v1/centers')).find((c: any) => c.id === 'EG-CAI-010')
    expect(silent).toMatchObject({ offline: true, lastContactAt: null })
  })

  it("a display muted before the center's restart is still counted faulty after it, by the hub and the metrics", {
    timeout: 60_000,
  }, async () => {
    const hub = await startTestHub()
    cleanups.push(() => hub.close())
    const secret = await registerCenter(hub, 'EG-CAI-011')
    const config = {
      upstream: { url: hub.url, centerId: 'EG-CAI-011', secret, ...UPSTREAM_TEST_CONFIG },
      metrics: { allow: ['127.0.0.1'] },
    }
    const first = await TestCenter.start({ config })
    const display = await first.createDevice('display', 'hall')
    const blocked = { sound: 'blocked', lastError: 'sound blocked by the browser' }
    expect((await first.request('POST', '/api/v1/devices/me/status', { token: display.token, body: blocked })).statusCode).toBe(204)
    /** The hub's view of the center once a heartbeat later than `after` arrived (and said what `until` asks). */
    const heartbeatAfter = async (center: TestCenter, after: number, until = (_view: { devicesFaulty: number }) => true) => {
      for (let i = 0; i < 200; i++) {
        await center.app.tabour.upstream!.nextRound()
        const view = (await hubJson(hub, '/api/hub/v1/centers')).find((c: { id: string }) => c.id === 'EG-CAI-011')
        if (view.lastHeartbeatAt !== null && view.lastHeartbeatAt > after && until(view)) return view
      }
      throw new Error('no heartbeat')
    }
    // a heartbeat may have gone before the display spoke
    const before = await heartbeatAfter(first, 0, (view) => view.devicesFaulty === 1)
    await first.app.close()

    // the same data: the display has not spoken since, and its stored report says its sound is blocked
    const again = await TestCenter.start({ config: { ...config, dataDir: first.dataDir } })
    cleanups.push(() => again.close())
    expect((await heartbeatAfter(again, before.lastHeartbeatAt)).devicesFaulty).toBe(1)
    const metrics = await again.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })
    expect(metrics.body).toMatch(/^tabour_devices_faulty 1$/m)
    const list = (await again.request('GET', '/api/v1/stats/devices', { token: await again.admin() })).json()
    expect(list.find((d: { id: number }) => d.id === display.id)).toMatchObject({ faulty: true })
  })

  it('backoff doubles from retryMinSeconds up to retryMaxSeconds, with jitter in the upper half', async () => {
    const { center } = await setup(new TestClock())
    const reporter = center.app.tabour.upstream!
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(
        UPSTREAM_TEST_CONFIG.retryMaxSeconds * 1000,
        UPSTREAM_TEST_CONFIG.retryMinSeconds * 1000 * 2 ** (attempt - 1),
      )
      for (let i = 0; i < 20; i++) {
        const d = reporter.backoffMs(attempt)
        expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling / 2))
        expect(d).toBeLessThanOrEqual(Math.ceil(ceiling))
      }
    }
  })
})
