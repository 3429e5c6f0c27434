import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../server/db/connection.ts'
import { DevicesRepo } from '../../server/db/repositories/devices-repo.ts'
import { freePort } from '../helpers/child-server.ts'
import { FakePrinter } from '../drivers/printer/fake-printer.ts'
import { openPtyPair, type PtyPair } from '../drivers/printer/pty-pair.ts'
import { runTabour } from './cli-runner.ts'

/** A stopped center's data dir: an admin made by the CLI, then devices written straight into its database. */
async function center(devices: { kind: 'kiosk' | 'board'; name: string; config: Record<string, unknown> }[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tabour-doctor-'))
  const made = await runTabour(['admin', 'create', '--data-dir', dataDir, '--password', 'doctor-root-pw-2026'])
  expect(made.code, made.stderr).toBe(0)
  const db = openDatabase(join(dataDir, 'tabour.sqlite'))
  const repo = new DevicesRepo(db)
  for (const d of devices) repo.insert({ kind: d.kind, name: d.name, zone: null, config: d.config }, Date.now())
  db.close()
  return dataDir
}

const lines = (out: string, mark: string) => out.split('\n').filter((l) => l.trimStart().startsWith(mark))

describe('tabour doctor', () => {
  const cleanup: (() => unknown)[] = []
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn()
  })

  it('reports a refused printer port and a missing serial port as ✗ and exits 1', { timeout: 120_000 }, async () => {
    const refused = await freePort() // nothing listens there: connect is refused at once
    const missing = `/tmp/tabour-no-such-tty-${process.pid}`
    const dataDir = await center([
      {
        kind: 'kiosk',
        name: 'Kiosk entrance',
        config: { printer: { type: 'epson', interface: `tcp://127.0.0.1:${refused}`, widthMm: 80 } },
      },
      { kind: 'board', name: 'Board 1', config: { path: missing, address: 1, counterId: 1 } },
    ])
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))

    const res = await runTabour(['doctor', '--data-dir', dataDir, '--printer-timeout', '2000'])
    expect(res.code, res.stdout + res.stderr).toBe(1)
    const failed = lines(res.stdout, '✗')
    expect(
      failed.find((l) => l.includes('Kiosk entrance') && l.includes(`127.0.0.1:${refused}`) && /unreachable/.test(l)),
      res.stdout,
    ).toBeTruthy()
    expect(
      failed.find((l) => l.includes('Board 1') && l.includes(missing) && l.includes('does not exist')),
      res.stdout,
    ).toBeTruthy()
    expect(failed).toHaveLength(2)
    expect(res.stdout).toMatch(/2 failed$/m)
    expect(lines(res.stdout, '✓').some((l) => l.includes('integrity'))).toBe(true)

    const json = await runTabour(['doctor', '--data-dir', dataDir, '--json', '--printer-timeout', '2000'])
    expect(json.code).toBe(1)
    const report = JSON.parse(json.stdout) as { ok: boolean; checks: { group: string; status: string }[] }
    expect(report.ok).toBe(false)
    expect(
      report.checks
        .filter((c) => c.status === 'fail')
        .map((c) => c.group)
        .sort(),
    ).toEqual(['printers', 'serial'])
  })

  it('a healthy setup: printer answers DLE EOT online with paper, the serial port is there: all ✓ or warnings, exit 0', {
    timeout: 120_000,
  }, async () => {
    const printer = await FakePrinter.start()
    cleanup.push(() => printer.close())
    let pty: PtyPair | null = null
    if (existsSync('/usr/bin/socat')) {
      pty = await openPtyPair()
      cleanup.push(() => pty!.close())
    }
    const backupDir = mkdtempSync(join(tmpdir(), 'tabour-doctor-backups-'))
    cleanup.push(() => rmSync(backupDir, { recursive: true, force: true }))
    const dataDir = await center([
      {
        kind: 'kiosk',
        name: 'Kiosk entrance',
        config: { printer: { type: 'epson', interface: `tcp://127.0.0.1:${printer.port}`, widthMm: 80 } },
      },
      ...(pty ? [{ kind: 'board' as const, name: 'Board 1', config: { path: pty.a, address: 1, counterId: 1 } }] : []),
    ])
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const configFile = join(dataDir, 'config.json')
    writeFileSync(configFile, JSON.stringify({ dataDir, backup: { dir: backupDir, keep: 3 } }))
    expect((await runTabour(['backup', '--config', configFile, '-q'])).code).toBe(0)

    const res = await runTabour(['doctor', '--config', configFile])
    expect(res.code, res.stdout + res.stderr).toBe(0)
    expect(lines(res.stdout, '✗'), res.stdout).toEqual([])
    const ok = lines(res.stdout, '✓')
    expect(
      ok.some((l) => l.includes('Kiosk entrance') && l.includes('online, paper ok (DLE EOT)')),
      res.stdout,
    ).toBe(true)
    if (pty)
      expect(
        ok.some((l) => l.includes('Board 1') && l.includes(`${pty!.a} present`)),
        res.stdout,
      ).toBe(true)
    expect(ok.some((l) => l.includes('config') && l.includes('valid'))).toBe(true)
    expect(ok.some((l) => l.includes('last backup'))).toBe(true)
    expect(ok.some((l) => l.includes('admin account'))).toBe(true)
    expect(res.stdout).toMatch(/ 0 failed$/m)

    // the same printer out of paper is a failure
    printer.status = { printer: 0x12, offline: 0x12 | 0x20, paper: 0x12 | 0x60 }
    const out = await runTabour(['doctor', '--config', configFile])
    expect(out.code).toBe(1)
    expect(
      lines(out.stdout, '✗').some((l) => l.includes('Kiosk entrance') && l.includes('paper out')),
      out.stdout,
    ).toBe(true)
  })

  it("says the database's size with its recent pages still in the -wal file (a running server's)", { timeout: 120_000 }, async () => {
    const dataDir = await center([])
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    // a writer that keeps its pages in the WAL, as a running server does between checkpoints
    const db = openDatabase(join(dataDir, 'tabour.sqlite'))
    cleanup.push(() => db.close())
    db.pragma('wal_autocheckpoint = 0')
    db.exec('CREATE TABLE doctor_probe (b BLOB)')
    db.prepare('INSERT INTO doctor_probe VALUES (?)').run(Buffer.alloc(3 * 1024 * 1024, 7))
    const pages = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)

    const res = await runTabour(['doctor', '--data-dir', dataDir, '--printer-timeout', '500'])
    const integrity = lines(res.stdout, '✓').find((l) => l.includes('passes integrity_check'))
    expect(integrity, res.stdout).toBeTruthy()
    expect(integrity).toContain(`(${(pages / (1024 * 1024)).toFixed(1)} MB)`)
    expect(pages).toBeGreaterThan(3 * 1024 * 1024)
  })

  it('a bad config is one ✗ line and exit 1; a bad flag is exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-doctor-cfg-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, 'config.json')
    writeFileSync(file, JSON.stringify({ backup: { atLocalTime: '25:00' } }))
    const res = await runTabour(['doctor', '--config', file])
    expect(res.code).toBe(1)
    expect(lines(res.stdout, '✗')[0]).toMatch(/invalid config: \/backup\/atLocalTime/)
    const flag = await runTabour(['doctor', '--printer-timeout', 'soon'])
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('--printer-timeout')
  })
})
