import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ChildServer, CHILD_ADMIN_PASSWORD, killAllChildren } from '../helpers/child-server.ts'
import { createDevice, createService, http, loginAs } from '../helpers/http.ts'
import { runTabour } from './cli-runner.ts'

/** Generous: the child compiles the server with tsx, and CI boxes run many suites at once. */
const START_MS = 90_000

/** Every row of a table, in a stable order, for comparing two databases. */
function rows(file: string, table: string, order: string): unknown[] {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all()
  } finally {
    db.close()
  }
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return db.pragma('integrity_check', { simple: true }) as string
  } finally {
    db.close()
  }
}

describe('tabour backup and restore against a real server', () => {
  const dirs: string[] = []
  const tempDir = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `tabour-${name}-`))
    dirs.push(dir)
    return dir
  }
  afterEach(async () => {
    await killAllChildren()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('backs up while tickets are being issued; the restore holds exactly the backed-up state', { timeout: 300_000 }, async () => {
    const dataDir = tempDir('live')
    const server = await ChildServer.start({ dataDir }, START_MS)
    const admin = await loginAs(server.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    const service = await createService(server.baseUrl, admin, 'A')
    const kiosk = await createDevice(server.baseUrl, admin, 'kiosk', 'kiosk 1')

    // kiosks keep issuing over real HTTP for the whole backup
    let stop = false
    let acked = 0
    const failures: string[] = []
    const worker = async () => {
      while (!stop) {
        const res = await http(server.baseUrl, 'POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })
        if (res.status === 201) acked++
        else failures.push(`${res.status} ${JSON.stringify(res.body)}`)
      }
    }
    const workers = Array.from({ length: 4 }, worker)
    while (acked < 20) await new Promise((r) => setImmediate(r))
    const ackedBefore = acked

    const backupFile = join(tempDir('backup'), 'center.sqlite')
    const backup = await runTabour(['backup', backupFile, '--data-dir', dataDir])
    const ackedAfterBackup = acked
    stop = true
    await Promise.all(workers)
    expect(failures).toEqual([])
    expect(backup.code, backup.stderr + backup.stdout).toBe(0)
    expect(backup.stderr).toMatch(/backup: \d+\/\d+ pages copied \(100%\)/)
    expect(backup.stdout).toContain(`backup written: ${backupFile}`)

    // the copy is one consistent moment: integrity ok, every ticket with its event, numbers 1..n without a gap
    expect(integrity(backupFile)).toBe('ok')
    expect(readdirSync(join(backupFile, '..'))).toEqual(['center.sqlite'])
    const tickets = rows(backupFile, 'tickets', 'id') as { id: string; number: number }[]
    const issuedEvents = (rows(backupFile, 'events', 'id') as { type: string; ticket_id: string }[]).filter(
      (e) => e.type === 'ticket.issued',
    )
    expect(tickets.length).toBeGreaterThanOrEqual(ackedBefore)
    expect(tickets.length).toBeLessThanOrEqual(ackedAfterBackup + 4)
    expect(new Set(issuedEvents.map((e) => e.ticket_id))).toEqual(new Set(tickets.map((t) => t.id)))
    expect(tickets.map((t) => t.number).sort((a, b) => a - b)).toEqual(Array.from({ length: tickets.length }, (_, i) => i + 1))

    // the server went on: the live database holds the backup's tickets unchanged, and more
    await server.kill('SIGTERM')
    const live = join(dataDir, 'tabour.sqlite')
    const liveTickets = rows(live, 'tickets', 'id') as { id: string }[]
    expect(liveTickets.length).toBe(acked)
    const liveById = new Map(liveTickets.map((t) => [t.id, t]))
    for (const t of tickets) expect(liveById.get(t.id)).toEqual(t)

    // restore into a fresh data dir and compare table by table
    const fresh = tempDir('fresh')
    const restore = await runTabour(['restore', backupFile, '--data-dir', fresh])
    expect(restore.code, restore.stderr + restore.stdout).toBe(0)
    expect(restore.stdout).toContain(`${tickets.length} tickets`)
    const restored = join(fresh, 'tabour.sqlite')
    expect(integrity(restored)).toBe('ok')
    for (const [table, order] of [
      ['tickets', 'id'],
      ['events', 'id'],
      ['services', 'id'],
      ['devices', 'id'],
      ['users', 'id'],
    ] as const) {
      expect(rows(restored, table, order), table).toEqual(rows(backupFile, table, order))
    }
    expect(existsSync(join(fresh, 'tabour.lock'))).toBe(false)

    // and a server runs on it: the restored tickets are there and numbering goes on after them
    const again = await ChildServer.start({ dataDir: fresh }, START_MS)
    const admin2 = await loginAs(again.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    const kiosk2 = await createDevice(again.baseUrl, admin2, 'kiosk', 'kiosk 2')
    const next = await http(again.baseUrl, 'POST', '/api/v1/tickets', { token: kiosk2.token, body: { serviceId: service.id } })
    expect(next.status).toBe(201)
    expect(next.body.label).toBe(`A-${String(tickets.length + 1).padStart(3, '0')}`)
  })

  it('restore refuses while a server holds the data dir, and works once it is stopped (or was killed)', { timeout: 300_000 }, async () => {
    const dataDir = tempDir('held')
    let server = await ChildServer.start({ dataDir }, START_MS)
    const admin = await loginAs(server.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    await createService(server.baseUrl, admin, 'A')
    const backupFile = join(tempDir('backup'), 'a.sqlite')
    expect((await runTabour(['backup', backupFile, '--data-dir', dataDir, '--quiet'])).code).toBe(0)
    await createService(server.baseUrl, admin, 'B') // after the backup

    const refused = await runTabour(['restore', backupFile, '--data-dir', dataDir])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(new RegExp(`tabour: a Tabour server \\(pid ${server.process.pid}, port ${server.port}\\) is running on`))
    expect(refused.stderr).not.toMatch(/\n\s+at /) // no stack trace
    expect((await http(server.baseUrl, 'GET', '/api/v1/services', { token: admin })).body.map((s: { prefix: string }) => s.prefix)).toEqual(
      ['A', 'B'],
    )

    // a second server on the same data dir is refused too
    const second = await ChildServer.spawn({ dataDir })
    expect((await second.exited).code).toBe(1)
    expect(second.output).toContain('is running on')

    // kill -9 leaves a stale lock: it must not block the restore
    server.process.kill('SIGKILL')
    await server.exited
    expect(existsSync(join(dataDir, 'tabour.lock'))).toBe(true)
    const restored = await runTabour(['restore', backupFile, '--data-dir', dataDir])
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(/the previous database is kept as .*tabour\.sqlite\.before-restore-/)
    const aside = readdirSync(dataDir).find((n) => n.startsWith('tabour.sqlite.before-restore-'))!
    expect(integrity(join(dataDir, aside))).toBe('ok')
    expect((rows(join(dataDir, aside), 'services', 'id') as { prefix: string }[]).map((s) => s.prefix)).toEqual(['A', 'B'])

    server = await ChildServer.start({ dataDir }, START_MS)
    const admin2 = await loginAs(server.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    expect(
      (await http(server.baseUrl, 'GET', '/api/v1/services', { token: admin2 })).body.map((s: { prefix: string }) => s.prefix),
    ).toEqual(['A'])
  })

  it('restore refuses a damaged file, a non-Tabour database and a newer schema, leaving the database alone', {
    timeout: 300_000,
  }, async () => {
    const dataDir = tempDir('keep')
    const server = await ChildServer.start({ dataDir }, START_MS)
    await server.kill('SIGTERM')
    const before = rows(join(dataDir, 'tabour.sqlite'), 'users', 'id')
    const dir = tempDir('bad')

    const garbage = join(dir, 'garbage.sqlite')
    writeFileSync(garbage, 'this is not a database at all, just text '.repeat(200))
    const other = join(dir, 'other.sqlite')
    const o = new Database(other)
    o.exec('CREATE TABLE notes (t TEXT)')
    o.close()
    const newer = join(dir, 'newer.sqlite')
    expect((await runTabour(['backup', newer, '--data-dir', dataDir, '-q'])).code).toBe(0)
    const n = new Database(newer)
    n.pragma('user_version = 999')
    n.close()

    for (const [file, why] of [
      [garbage, /cannot be read as a database|damaged/],
      [other, /not a Tabour database/],
      [newer, /schema version 999, newer than this Tabour/],
    ] as const) {
      const res = await runTabour(['restore', file, '--data-dir', dataDir])
      expect(res.code, res.stderr).toBe(1)
      expect(res.stderr).toMatch(why)
    }
    expect(readdirSync(dataDir).filter((f) => f.includes('before-restore') || f.includes('restoring'))).toEqual([])
    expect(rows(join(dataDir, 'tabour.sqlite'), 'users', 'id')).toEqual(before)
  })
})
