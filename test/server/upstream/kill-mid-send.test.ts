import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ChildServer, CHILD_ADMIN_PASSWORD, killAllChildren, sleep } from '../../helpers/child-server.ts'
import { createDevice, createService, expectHttp, loginAs } from '../../helpers/http.ts'
import { batchPath, registerCenter, startTestHub, type TestHub } from '../../hub/hub-harness.ts'
import { clearOfHourTurn, expectHubMatchesStats, UPSTREAM_TEST_CONFIG } from './upstream-helpers.ts'

/**
 * The real center process (`server/main.ts`) reporting to a real hub on loopback, SIGKILLed
 * after the hub stored a batch but before the acknowledgement reached the center: after the
 * restart the batch is sent again and the hub counts it once.
 */

/** Polls `check` (no fixed sleeps in assertions): resolves once it returns true; fails after `ms`. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return
    await sleep(25)
  }
  throw new Error(`timed out waiting for ${what}`)
}

const outboxSize = (dataDir: string) => {
  const db = new Database(join(dataDir, 'tabour.sqlite'), { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM upstream_outbox').get() as { n: number }).n
  } finally {
    db.close()
  }
}

/** The real clock's day ± 2 days: the child center runs on real time, and a national view covers at most 366 days. */
function aroundToday(): { from: string; to: string } {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
  return { from: day(-2), to: day(2) }
}

describe('SIGKILL of the center mid-send', () => {
  let dataDir: string | undefined
  let hub: TestHub | undefined
  afterEach(async () => {
    await killAllChildren()
    await hub?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = undefined
  })

  it('the batch whose ack was lost is resent after the restart and counted exactly once', { timeout: 180_000 }, async () => {
    // the whole run (about 10 s, up to a minute on a loaded box) inside one hour of one day
    await clearOfHourTurn(75_000)
    const hubIssued = async () => (await hub!.store.figures({ by: 'center', centerId: 'EG-GIZ-007', ...aroundToday() }))[0]?.issued ?? 0
    // a gate that holds the hub's answer to a batch after the batch was stored
    let hold = false
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let onHeld!: (seq: number) => void
    const held = new Promise<number>((resolve) => (onHeld = resolve))
    hub = await startTestHub({
      setup: (app) =>
        app.addHook('onSend', async (request, _reply, payload) => {
          // hold the answer to the batch that brought the hub to 15 tickets (earlier revisions pass)
          if (hold && request.url === batchPath && (await hubIssued()) === 15) {
            onHeld(Number(request.headers['x-tabour-seq']))
            await released
          }
          return payload
        }),
    })
    const secret = await registerCenter(hub, 'EG-GIZ-007')
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-upstream-kill-'))
    const configFile = join(dataDir, 'config.json')
    writeFileSync(configFile, JSON.stringify({ upstream: { url: hub.url, centerId: 'EG-GIZ-007', secret, ...UPSTREAM_TEST_CONFIG } }))
    const env = { TABOUR_CONFIG: configFile }
    let center = await ChildServer.start({ dataDir, env })
    const admin = await loginAs(center.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    const service = await createService(center.baseUrl, admin, 'A')
    const kiosk = await createDevice(center.baseUrl, admin, 'kiosk', 'kiosk 1')
    const issue = () => expectHttp(201, center.baseUrl, 'POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })

    for (let i = 0; i < 10; i++) await issue()
    await until('10 tickets at the hub', async () => (await hubIssued()) === 10)

    hold = true
    for (let i = 0; i < 5; i++) await issue()
    const seq = await held
    // the hub has stored the batch (15 issued) but the center has not heard back
    expect(await hubIssued()).toBe(15)
    center.process.kill('SIGKILL')
    expect(await center.exited).toEqual({ code: null, signal: 'SIGKILL' })
    hold = false
    release()
    expect(outboxSize(dataDir), 'the unacknowledged batch is still in the outbox').toBeGreaterThanOrEqual(1)
    const before = (await hub.store.statuses()).get('EG-GIZ-007')!

    center = await ChildServer.start({ dataDir, env })
    await until('the outbox drained after the restart', () => outboxSize(dataDir!) === 0)
    const after = (await hub.store.statuses()).get('EG-GIZ-007')!
    expect(after.batchesReceived).toBeGreaterThan(before.batchesReceived)
    expect(after.batchesDuplicate, `seq ${seq} came again and was recognised`).toBeGreaterThan(before.batchesDuplicate)
    expect(await hubIssued()).toBe(15)

    // and the hub agrees with the restarted center's own figures
    const token = await loginAs(center.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    const stats = await expectHttp(200, center.baseUrl, 'GET', '/api/v1/stats/today', { token })
    const { issued } = await expectHubMatchesStats(stats, hub, 'EG-GIZ-007')
    expect(issued).toBe(15)
  })
})
