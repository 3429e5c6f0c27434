import { spawn } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { SCRYPT_N } from '../../server/auth/passwords.ts'
import { ChildServer, CHILD_ADMIN_PASSWORD, freePort, killAllChildren, REPO_ROOT, sleep } from '../helpers/child-server.ts'
import { createDevice, http, loginAs } from '../helpers/http.ts'
import { runTabour, TABOUR_BIN } from './cli-runner.ts'
import { childEnv } from '../helpers/child-env.ts'

const START_MS = 90_000
const COMMANDS = ['start', 'admin', 'device', 'backup', 'restore', 'doctor', 'migrate']

describe('the tabour command', () => {
  const dirs: string[] = []
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-cli-'))
    dirs.push(dir)
    return dir
  }
  afterEach(async () => {
    await killAllChildren()
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('package.json names the compiled CLI as the tabour bin (these tests run the sources through server/cli/tabour.mjs)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    expect(pkg.bin).toEqual({ tabour: 'dist/server/tabour.js' })
  })

  it('has help for every command', { timeout: 120_000 }, async () => {
    const main = await runTabour(['--help'])
    expect(main.code).toBe(0)
    for (const c of COMMANDS) expect(main.stdout).toMatch(new RegExp(`^  ${c} `, 'm'))
    const results = await Promise.all(COMMANDS.map((c) => runTabour([c, '--help'])))
    results.forEach((r, i) => {
      expect(r.code, `${COMMANDS[i]} --help: ${r.stderr}`).toBe(0)
      expect(r.stdout).toMatch(new RegExp(`^Usage: tabour ${COMMANDS[i]}`))
    })
  })

  it('bad arguments: one clear line, exit code 2, never a stack trace', { timeout: 120_000 }, async () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage: tabour <command>/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['backup', '--bogus'], /Unknown option '--bogus'/],
      [['backup', 'a', 'b'], /unexpected argument "b"/],
      [['restore'], /which backup\?/],
      [['admin', 'explode'], /unknown admin action "explode"/],
      [['admin', 'create', '--role', 'king'], /bad role "king"/],
      [['admin', 'create', '--password', 'short'], /8 to 200 characters/],
      [['device', 'pair'], /which device\?/],
      [['doctor', '--config'], /argument missing|--config/],
      [['start', '--config', '/nonexistent/tabour.json'], /does not exist/],
    ]
    const results = await Promise.all(cases.map(([args]) => runTabour(args)))
    results.forEach((r, i) => {
      const [args, why] = cases[i]!
      expect(r.code, `tabour ${args.join(' ')}`).toBe(2)
      expect(r.stdout + r.stderr, `tabour ${args.join(' ')}`).toMatch(why)
      expect(r.stderr, `tabour ${args.join(' ')}`).not.toMatch(/\n\s+at /)
    })
    // a bad config value is exit 2 too, naming the field
    const env = await runTabour(['backup'], { env: { TABOUR_CALL_POLICY: 'lottery' } })
    expect(env.code).toBe(2)
    expect(env.stderr).toMatch(/tabour: invalid config: \/queue\/policy/)
  })

  it('admin reset-password and device pair work on a running server', { timeout: 240_000 }, async () => {
    const dataDir = tempDir()
    const server = await ChildServer.start({ dataDir }, START_MS)
    const admin = await loginAs(server.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    const kiosk = await createDevice(server.baseUrl, admin, 'kiosk', 'Kiosk entrance')

    const reset = await runTabour(['admin', 'reset-password', '--data-dir', dataDir, '--password-stdin'], { input: 'brand-new-password\n' })
    expect(reset.code, reset.stderr).toBe(0)
    expect(reset.stdout).toContain('new password set for admin')
    // the old session ended, the new password logs in
    expect((await http(server.baseUrl, 'GET', '/api/v1/auth/me', { token: admin })).status).toBe(401)
    const admin2 = await loginAs(server.baseUrl, 'admin', 'brand-new-password')

    const created = await runTabour(['admin', 'create', '--data-dir', dataDir, '--username', 'amira', '--role', 'manager'])
    expect(created.code, created.stderr).toBe(0)
    const generated = /password \(shown once\): (\S+)/.exec(created.stdout)![1]!
    expect((await loginAs(server.baseUrl, 'amira', generated)).length).toBeGreaterThan(10)
    // the real cost, whatever this test process set for its own centers (test/cheap-password-hashes.ts)
    const db = new Database(join(dataDir, 'tabour.sqlite'), { readonly: true })
    const costs = (db.prepare('SELECT password_hash FROM users').all() as { password_hash: string }[]).map(
      (u) => u.password_hash.split('$')[1],
    )
    db.close()
    expect(costs).toEqual([String(SCRYPT_N), String(SCRYPT_N)])
    expect(SCRYPT_N).toBeGreaterThanOrEqual(2 ** 14) // OWASP's minimum for scrypt
    const dup = await runTabour(['admin', 'create', '--data-dir', dataDir, '--username', 'amira', '--password', 'whatever-123'])
    expect(dup.code).toBe(1)
    expect(dup.stderr).toContain('already exists')

    const list = await runTabour(['device', 'list', '--data-dir', dataDir])
    expect(list.stdout).toMatch(new RegExp(`${kiosk.id}\\s+kiosk\\s+Kiosk entrance\\s+paired`))
    const pair = await runTabour(['device', 'pair', 'kiosk ENTRANCE', '--data-dir', dataDir])
    expect(pair.code, pair.stderr).toBe(0)
    const code = /: ([A-Z0-9]{8})$/m.exec(pair.stdout)![1]!
    expect(pair.stdout).toContain(`/kiosk/?pair=${code}`)
    const paired = await http(server.baseUrl, 'POST', '/api/v1/devices/pair', { body: { pairingCode: code } })
    expect(paired.status).toBe(200)
    expect(paired.body.device.id).toBe(kiosk.id)
    const byId = await runTabour(['device', 'pair', String(kiosk.id), '--data-dir', dataDir])
    expect(byId.code).toBe(0)
    const unknown = await runTabour(['device', 'pair', 'no such kiosk', '--data-dir', dataDir])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('no device "no such kiosk"')
    expect((await http(server.baseUrl, 'GET', '/api/v1/auth/me', { token: admin2 })).status).toBe(200)

    // doctor finds the running server through its lock and asks its /healthz
    const doctor = await runTabour(['doctor', '--data-dir', dataDir])
    expect(doctor.code, doctor.stdout).toBe(0)
    expect(doctor.stdout).toMatch(new RegExp(`✓ server\\s+pid ${server.process.pid} on port ${server.port}: /healthz 200 ok`))
  })

  it('the server writes JSON logs to a rotating file when log.file is set', { timeout: 180_000 }, async () => {
    const dataDir = tempDir()
    const logDir = join(tempDir(), 'logs')
    const server = await ChildServer.start(
      { dataDir, env: { TABOUR_LOG_FILE: join(logDir, 'tabour.log'), TABOUR_LOG_LEVEL: 'info' } },
      START_MS,
    )
    await http(server.baseUrl, 'GET', '/healthz')
    const exit = await server.kill('SIGTERM')
    expect(exit.code).toBe(0)
    const files = readdirSync(logDir).filter((f) => f.startsWith('tabour'))
    expect(files.length).toBeGreaterThan(0)
    const lines = files.flatMap((f) => readFileSync(join(logDir, f), 'utf8').split('\n').filter(Boolean)).map((l) => JSON.parse(l))
    expect(lines.some((l) => l.msg === 'shutting down: finishing in-flight requests')).toBe(true)
    expect(lines.every((l) => typeof l.level === 'number' && typeof l.time === 'number')).toBe(true)
    // stdout got the same lines
    expect(server.output).toContain('"msg":"shutting down: finishing in-flight requests"')
  })

  it('tabour start --config runs the server (what the systemd unit runs) and stops cleanly on SIGTERM', { timeout: 180_000 }, async () => {
    const dataDir = tempDir()
    const port = await freePort()
    const configFile = join(dataDir, 'config.json')
    writeFileSync(
      configFile,
      JSON.stringify({
        port,
        host: '127.0.0.1',
        dataDir,
        adminPassword: 'start-admin-pw',
        logLevel: 'warn',
        uiDir: join(dataDir, 'no-ui'),
      }),
    )
    const env = childEnv()
    const child = spawn(process.execPath, [TABOUR_BIN, 'start', '--config', configFile], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c))
    child.stderr.on('data', (c: Buffer) => (output += c))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      let up = false
      while (!up && child.exitCode === null) {
        up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
        if (!up) await sleep(100)
      }
      expect(up, output).toBe(true)
      expect(output).toContain(`listening on http://127.0.0.1:${port}`)
      expect(JSON.parse(readFileSync(join(dataDir, 'tabour.lock'), 'utf8'))).toMatchObject({ pid: child.pid, purpose: 'server', port })
      expect(await loginAs(`http://127.0.0.1:${port}`, 'admin', 'start-admin-pw')).toBeTruthy()
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(existsSync(join(dataDir, 'tabour.lock'))).toBe(false)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })

  it.skipIf(process.getuid?.() !== 0)(
    "run as root on the service user's data dir, the files it makes belong to that user",
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDir()
      chownSync(dataDir, 65534, 65534) // nobody: stands for the tabour user
      const made = await runTabour(['admin', 'create', '--data-dir', dataDir, '--password', 'owner-root-pw-2026'])
      expect(made.code, made.stderr).toBe(0)
      expect(statSync(join(dataDir, 'tabour.sqlite')).uid).toBe(65534)
      const backup = join(tempDir(), 'b.sqlite')
      expect((await runTabour(['backup', backup, '--data-dir', dataDir, '-q'])).code).toBe(0)
      const restored = await runTabour(['restore', backup, '--data-dir', dataDir])
      expect(restored.code, restored.stderr).toBe(0)
      expect(statSync(join(dataDir, 'tabour.sqlite')).uid).toBe(65534)
    },
  )
})
