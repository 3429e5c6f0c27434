import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, STAFF_PASSWORD, TestCenter, TestClock } from '../helpers/test-center.ts'
import { inspectBackup } from '../../server/ops/backup.ts'
import { localTime } from '../../protocol/center-clock.ts'

describe('scheduled backups', () => {
  const cleanup: (() => unknown)[] = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })

  async function start(backup: Record<string, unknown>, clock: TestClock) {
    const c = await TestCenter.start({ config: { backup, timeZone: 'Africa/Cairo', metrics: { allow: ['127.0.0.1'] } }, clock })
    cleanup.push(() => c.close())
    return c
  }

  it('runs once a night at the local time, keeps the newest N, and reports the last outcome', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-nightly-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    writeFileSync(join(dir, 'notes.txt'), 'not a backup: never pruned')
    // 2026-03-10 00:20 UTC is 02:20 in Cairo (UTC+2 in March)
    const clock = new TestClock(Date.parse('2026-03-10T00:20:00Z'))
    const c = await start({ dir, keep: 2, atLocalTime: '02:30' }, clock)
    const backups = c.app.tabour.ops.backups
    const admin = await c.admin()
    const service = await c.createService({ prefix: 'A' })
    const kiosk = await c.createDevice('kiosk')
    await c.issue(kiosk.token, { serviceId: service.id })

    expect(backups.due()).toBe(false)
    expect(await backups.tick()).toBeNull()
    expect(backups.nextRunAt()).toBe(Date.parse('2026-03-10T00:30:00Z'))
    let status = (await c.request('GET', '/api/v1/health/backups', { token: admin })).json()
    expect(status).toMatchObject({
      enabled: true,
      keep: 2,
      atLocalTime: '02:30',
      timeZone: 'Africa/Cairo',
      last: null,
      nextRunAt: '2026-03-10T00:30:00.000Z',
      files: [],
    })

    clock.advance(10 * 60)
    expect(localTime(clock.now, 'Africa/Cairo')).toBe('02:30')
    const first = await backups.tick()
    expect(first).toMatchObject({ ok: true, error: null, file: join(dir, 'tabour-20260310-023000.sqlite') })
    const inspected = inspectBackup(first!.file!)
    expect(inspected).toMatchObject({ integrity: 'ok', isTabour: true, tickets: 1 })
    expect(await backups.tick()).toBeNull() // once a night
    clock.advance(3600)
    expect(await backups.tick()).toBeNull()

    await c.createUser('boss', 'manager')
    // three more nights: only the newest two stay, the other file is left alone
    for (let night = 1; night <= 3; night++) {
      clock.set(`2026-03-${10 + night}T00:31:00Z`)
      expect((await backups.tick())?.ok).toBe(true)
    }
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'tabour-20260312-023100.sqlite', 'tabour-20260313-023100.sqlite'])
    // three days on, yesterday's sessions have expired
    const admin2 = await c.login('admin', ADMIN_PASSWORD)
    status = (await c.request('GET', '/api/v1/health/backups', { token: admin2 })).json()
    expect(status.last, JSON.stringify(status)).toMatchObject({ ok: true, file: join(dir, 'tabour-20260313-023100.sqlite') })
    expect(status.files.map((f: { name: string }) => f.name)).toEqual(['tabour-20260313-023100.sqlite', 'tabour-20260312-023100.sqlite'])
    expect(status.nextRunAt).toBe('2026-03-14T00:30:00.000Z')

    // a manager may read it; a kiosk may not
    const manager = await c.login('boss', STAFF_PASSWORD)
    expect((await c.request('GET', '/api/v1/health/backups', { token: manager })).statusCode).toBe(200)
    expect((await c.request('GET', '/api/v1/health/backups', { token: kiosk.token })).statusCode).toBe(403)
    expect((await c.request('GET', '/api/v1/health/backups')).statusCode).toBe(401)
  })

  it('a box that was off at backup time catches up at start, and a restart does not back up twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-nightly-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z')) // 10:00 Cairo
    const one = await start({ dir }, clock)
    expect(one.app.tabour.ops.backups.due()).toBe(true)
    expect((await one.app.tabour.ops.backups.tick())?.ok).toBe(true)
    await one.close()
    cleanup.pop()
    const two = await start({ dir }, clock)
    expect(two.app.tabour.ops.backups.due()).toBe(false)
    expect(two.app.tabour.ops.backups.lastOutcome()?.ok).toBe(true)
  })

  it('a failed backup is reported as the last outcome and in /metrics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-nightly-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    const blocked = join(dir, 'file-not-folder')
    writeFileSync(blocked, '')
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    const c = await start({ dir: blocked }, clock)
    const outcome = await c.app.tabour.ops.backups.tick()
    expect(outcome).toMatchObject({ ok: false, file: null })
    expect(outcome!.error).toBeTruthy()
    const status = (await c.request('GET', '/api/v1/health/backups', { token: await c.admin() })).json()
    expect(status.last).toMatchObject({ ok: false })
    const metrics = (await c.request('GET', '/metrics')).body
    expect(metrics).toMatch(/^tabour_backup_last_ok 0$/m)
    expect(existsSync(join(blocked, 'x'))).toBe(false)
  })

  it('is off without backup.dir', async () => {
    const c = await start({}, new TestClock())
    const status = (await c.request('GET', '/api/v1/health/backups', { token: await c.admin() })).json()
    expect(status).toMatchObject({ enabled: false, dir: null, nextRunAt: null, last: null, files: [] })
    expect((await c.request('GET', '/metrics')).body).not.toContain('tabour_backup_last_ok')
  })
})
