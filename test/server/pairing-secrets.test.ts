import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { ChildServer, CHILD_ADMIN_PASSWORD, killAllChildren } from '../helpers/child-server.ts'
import { expectHttp, http, loginAs } from '../helpers/http.ts'
import { openDatabase } from '../../server/db/connection.ts'
import { ensureAdmin } from '../../server/bootstrap.ts'
import { UsersRepo } from '../../server/db/repositories/users-repo.ts'
import { seedDemo } from '../../server/demo/seed.ts'
import { PairingCodeDigest } from '../../server/auth/pairing-codes.ts'

const START_MS = 90_000
const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tabour-pairing-'))
  dirs.push(dir)
  return dir
}
afterEach(killAllChildren)
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** Every byte the center keeps of its database (the file and its write-ahead log), as latin1 text to search. */
function databaseBytes(dataDir: string): string {
  const file = join(dataDir, 'tabour.sqlite')
  return [file, `${file}-wal`]
    .filter(existsSync)
    .map((f) => readFileSync(f).toString('latin1'))
    .join('')
}

/** `npm start` sets TABOUR_DEMO=quick-start unless the operator set it. */
const QUICK_START = { TABOUR_DEMO: 'quick-start' }

describe('pairing codes: digests at rest, never in the log, printed only when made (issue 16 item 9)', () => {
  it('a configured center pairs by code, stores only a keyed digest, and logs no code', { timeout: 240_000 }, async () => {
    const dataDir = tempDir()
    const configFile = join(dataDir, 'center.json')
    writeFileSync(configFile, JSON.stringify({ centerName: { ar: 'مركز', en: 'Center' } }))
    const logFile = join(dataDir, 'logs', 'tabour.log')
    const server = await ChildServer.start(
      { dataDir, env: { ...QUICK_START, TABOUR_CONFIG: configFile, TABOUR_LOG_LEVEL: 'info', TABOUR_LOG_FILE: logFile } },
      START_MS,
    )
    // a configured center: npm start's quick start seeded nothing
    expect(server.output).not.toContain('demo center seeded')
    expect(
      (await http(server.baseUrl, 'POST', '/api/v1/auth/login', { body: { username: 'clerk1', password: 'tabour-demo' } })).status,
    ).toBe(401)
    const admin = await loginAs(server.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    expect((await http(server.baseUrl, 'GET', '/api/v1/devices', { token: admin })).body).toEqual([])
    expect((await http(server.baseUrl, 'GET', '/api/v1/services', { token: admin })).body).toEqual([])

    const kiosk = await expectHttp(201, server.baseUrl, 'POST', '/api/v1/devices', {
      token: admin,
      body: { kind: 'kiosk', name: 'Entrance' },
    })
    const display = await expectHttp(201, server.baseUrl, 'POST', '/api/v1/devices', {
      token: admin,
      body: { kind: 'display', name: 'Hall' },
    })
    const codes: string[] = [kiosk.pairingCode, display.pairingCode]
    // the launcher opens the pairing address: the access log gets the url
    await http(server.baseUrl, 'GET', `/kiosk/?pair=${kiosk.pairingCode}`)
    await http(server.baseUrl, 'GET', `/display/?lang=ar&pair=${display.pairingCode.toLowerCase()}&x=1`)
    expect((await http(server.baseUrl, 'POST', '/api/v1/devices/pair', { body: { pairingCode: kiosk.pairingCode } })).status).toBe(200)
    // a code works once
    const again = await http(server.baseUrl, 'POST', '/api/v1/devices/pair', { body: { pairingCode: kiosk.pairingCode } })
    expect([again.status, again.body.code]).toEqual([401, 'TABOUR_ERR_BAD_PAIRING_CODE'])
    await server.kill('SIGTERM')

    const logged = server.output + (existsSync(join(dataDir, 'logs')) ? readLogs(join(dataDir, 'logs')) : '')
    expect(logged).toContain('pair=***')
    for (const code of codes) {
      expect(logged.toUpperCase()).not.toContain(code)
      expect(databaseBytes(dataDir)).not.toContain(code)
    }
    // the display's code waits as its digest, under the key file the database does not hold
    const db = new Database(join(dataDir, 'tabour.sqlite'), { readonly: true })
    const row = db.prepare('SELECT pairing_code_hash AS hash FROM devices WHERE id = ?').get(display.id) as { hash: string }
    db.close()
    expect(row.hash).toBe(PairingCodeDigest.forDataDir(dataDir).of(display.pairingCode))
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('the quick start seeds the demo once and prints its codes only then; a restart prints none and keeps them', {
    timeout: 240_000,
  }, async () => {
    const dataDir = tempDir()
    const first = await ChildServer.start({ dataDir, env: { ...QUICK_START, TABOUR_LOG_LEVEL: 'warn' } }, START_MS)
    // the banner goes out after listen; wait for it
    for (let i = 0; i < 100 && !first.output.includes('device pairing codes'); i++) await new Promise((r) => setTimeout(r, 50))
    expect(first.output).toContain('demo center seeded')
    const printed = [...first.output.matchAll(/\?pair=([A-Z0-9]{8})/g)].map((m) => m[1]!)
    expect(printed).toHaveLength(3)
    expect(await loginAs(first.baseUrl, 'clerk1', 'tabour-demo')).toBeTruthy()
    await first.kill('SIGTERM')

    const second = await ChildServer.start({ dataDir, env: { ...QUICK_START, TABOUR_LOG_LEVEL: 'warn' } }, START_MS)
    for (let i = 0; i < 100 && !second.output.includes('tabour device pair'); i++) await new Promise((r) => setTimeout(r, 50))
    expect(second.output).toContain('devices waiting to pair')
    expect(second.output).not.toMatch(/pair=[A-Z0-9]{8}/)
    for (const code of printed) expect(second.output).not.toContain(code)
    // the codes made at the first start still pair (a restart does not replace them)
    expect((await http(second.baseUrl, 'POST', '/api/v1/devices/pair', { body: { pairingCode: printed[0] } })).status).toBe(200)
  })

  it('TABOUR_DEMO=1 on a center that holds anything but its first admin seeds nothing', async () => {
    const dataDir = tempDir()
    const db = openDatabase(join(dataDir, 'tabour.sqlite'))
    await ensureAdmin(db, 'admin-password-long', Date.now())
    new UsersRepo(db).insert({ username: 'amira', passwordHash: 'x', role: 'manager', displayName: 'Amira' }, Date.now())
    const seed = await seedDemo(db, Date.now(), PairingCodeDigest.forDataDir(dataDir))
    expect(seed).toEqual({ created: false, users: [], devices: [] })
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 2 })
    expect(db.prepare('SELECT count(*) AS n FROM services').get()).toEqual({ n: 0 })
    db.close()
  })
})

function readLogs(dir: string): string {
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('')
}
