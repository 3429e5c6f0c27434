import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../../server/db/migrate.ts'
import { migrations } from '../../server/db/migrations.ts'
import { CHILD_ADMIN_PASSWORD, freePort, REPO_ROOT, sleep } from '../helpers/child-server.ts'
import { FakePrinter } from '../drivers/printer/fake-printer.ts'
import { decodeJob } from '../helpers/escpos-decode.ts'
import { childEnv } from '../helpers/child-env.ts'

const run = promisify(execFile)

/**
 * The production build (scripts/build-server.mjs, what `npm run build` runs) started exactly as
 * the systemd unit starts it: its ExecStart line, with node and /opt/tabour pointed at this
 * checkout and the build this file makes for itself (so a stale dist/ cannot pass for a fresh one).
 */
const BUILD = join(REPO_ROOT, 'dist', `.test-server-${process.pid}`)
const PKG = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> }

/** Every descendant pid of `pid`, from /proc (threads' children included). */
function descendants(pid: number): number[] {
  const out: number[] = []
  let tasks: string[] = []
  try {
    tasks = readdirSync(`/proc/${pid}/task`)
  } catch {
    return out
  }
  for (const task of tasks) {
    let children = ''
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim()
    } catch {}
    for (const child of children.split(/\s+/).filter(Boolean).map(Number)) out.push(child, ...descendants(child))
  }
  return out
}

/** The unit's ExecStart, as argv, with its paths rewritten to this checkout's node, build and `config`. */
function execStart(config: string): string[] {
  const unit = readFileSync(join(REPO_ROOT, 'deploy/systemd/tabour.service'), 'utf8')
  const line = /^ExecStart=(.+)$/m.exec(unit)![1]
  return line
    .replace('/usr/bin/node', process.execPath)
    .replace('/opt/tabour/dist/server', BUILD)
    .replace('/etc/tabour/config.json', config)
    .split(' ')
}

describe('the compiled server (npm run build → dist/server)', () => {
  let dir: string
  let server: ChildProcess | null = null

  beforeAll(async () => {
    await run(process.execPath, ['scripts/build-server.mjs', '--outdir', BUILD], { cwd: REPO_ROOT })
    dir = mkdtempSync(join(tmpdir(), 'tabour-compiled-'))
  }, 180_000)

  afterAll(() => {
    server?.kill('SIGKILL')
    rmSync(BUILD, { recursive: true, force: true })
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('holds no import of a TypeScript loader or of esbuild', () => {
    const files = [...readdirSync(BUILD), ...readdirSync(join(BUILD, 'chunks')).map((f) => `chunks/${f}`)].filter((f) => f.endsWith('.js'))
    expect(files).toContain('tabour.js')
    expect(files).toContain('hub.js')
    for (const file of files) {
      const code = readFileSync(join(BUILD, file), 'utf8')
      expect(code, file).not.toMatch(/(from|import\(|require\()\s*["'](tsx|esbuild)(\/[^"']*)?["']/)
    }
  })

  it('starts as the systemd unit starts it: /healthz answers, no child process, no loader; SIGTERM exits 0', {
    timeout: 60_000,
  }, async () => {
    const port = await freePort()
    const config = join(dir, 'config.json')
    writeFileSync(config, JSON.stringify({ port, host: '127.0.0.1', dataDir: join(dir, 'data'), demo: true, logLevel: 'warn' }))
    const [node, ...args] = execStart(config)
    expect(args[0]).toBe(join(BUILD, 'tabour.js'))
    // an empty TMPDIR, as the unit's PrivateTmp=yes gives: a TypeScript loader would find no compile cache and start esbuild
    const privateTmp = join(dir, 'tmp')
    mkdirSync(privateTmp)
    const env = childEnv({ TMPDIR: privateTmp, TABOUR_ADMIN_PASSWORD: CHILD_ADMIN_PASSWORD })
    const child = spawn(node, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    server = child
    let out = ''
    child.stdout!.on('data', (c: Buffer) => (out += c))
    child.stderr!.on('data', (c: Buffer) => (out += c))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    let health: { status: string; version?: string } | null = null
    for (let i = 0; i < 600 && !health; i++) {
      if (child.exitCode !== null) throw new Error(`exited before it was ready:\n${out}`)
      health = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => (r.ok ? r.json() : null),
        () => null,
      )
      if (!health) await sleep(50)
    }
    expect(health, out).not.toBeNull()
    expect(health!.version).toBe(PKG.version)
    // tsx starts its esbuild service (a child process) on its first compile: give one a moment to appear
    // (checked: the source launcher server/cli/tabour.mjs has an esbuild child here)
    await sleep(1_000)
    const pid = child.pid!
    expect(descendants(pid), 'child processes of the server').toEqual([])
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
    expect(argv.slice(1)).toEqual(args)
    // what the process has mapped: node itself and its native addons, never esbuild's binary or tsx
    const maps = readFileSync(`/proc/${pid}/maps`, 'utf8')
    expect(maps).not.toMatch(/esbuild|\/tsx\//)
    expect(maps).toMatch(/better_sqlite3\.node/)
    // and nothing a center without devices does not use: Skia (the ticket canvas), serialport's binding
    expect(maps).not.toMatch(/skia|canvas|serialport|bindings-cpp/)
    expect(readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toMatch(/NODE_OPTIONS/)
    child.kill('SIGTERM')
    expect(await exited, out).toBe(0)
    server = null
  })

  it('answers --version with the package version, and the hub is compiled too', async () => {
    const { stdout } = await run(process.execPath, [join(BUILD, 'tabour.js'), '--version'], { cwd: REPO_ROOT })
    expect(stdout.trim()).toBe(PKG.version)
    const hubDir = join(dir, 'hub')
    const hub = await run(process.execPath, [join(BUILD, 'hub.js'), 'center', 'list'], {
      cwd: REPO_ROOT,
      env: childEnv({ HUB_DATA_DIR: hubDir }),
    })
    expect(hub.stderr).toBe('')
  })

  it('prints: a kiosk ticket is rendered on the renderer thread (printer-worker.js) and reaches a network printer', {
    timeout: 60_000,
  }, async () => {
    expect(readdirSync(BUILD)).toContain('printer-worker.js')
    const printer = await FakePrinter.start()
    const port = await freePort()
    const config = join(dir, 'printing.json')
    writeFileSync(config, JSON.stringify({ port, host: '127.0.0.1', dataDir: join(dir, 'printing'), logLevel: 'warn' }))
    const env = childEnv({ TABOUR_ADMIN_PASSWORD: CHILD_ADMIN_PASSWORD })
    const child = spawn(process.execPath, [join(BUILD, 'tabour.js'), 'start', '--config', config], { cwd: REPO_ROOT, env, stdio: 'ignore' })
    server = child
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      const base = `http://127.0.0.1:${port}/api/v1`
      const call = async (method: string, path: string, body?: unknown, token?: string) => {
        const res = await fetch(`${base}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        })
        const json = (await res.json()) as any
        if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
        return json
      }
      let admin: string | null = null
      for (let i = 0; i < 600 && !admin && child.exitCode === null; i++) {
        admin = await call('POST', '/auth/login', { username: 'admin', password: CHILD_ADMIN_PASSWORD }).then(
          (r) => r.token as string,
          () => null,
        )
        if (!admin) await sleep(50)
      }
      expect(admin).not.toBeNull()
      const service = await call(
        'POST',
        '/services',
        { prefix: 'P', nameAr: 'خدمة', nameEn: 'Service', targetWaitSeconds: 600, whenUnstaffed: 'offer-without-estimate' },
        admin!,
      )
      const kiosk = await call(
        'POST',
        '/devices',
        { kind: 'kiosk', name: 'k', config: { printer: { type: 'epson', interface: printer.url, widthMm: 80 } } },
        admin!,
      )
      const device = await call('POST', '/devices/pair', { pairingCode: kiosk.pairingCode })
      const ticket = await call('POST', '/tickets', { serviceId: service.id }, device.token)
      expect(ticket.printing).toBe('queued')
      await printer.waitForJobs(1)
      expect(decodeJob(printer.jobs[0]).images).toHaveLength(1)
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      server = null
    } finally {
      await printer.close()
    }
  })

  it('upgrade path: backup → migrate → start the new build; roll back by restoring the backup', { timeout: 90_000 }, async () => {
    // what the previous build left: a center one schema version behind, with a service in it
    const dataDir = join(dir, 'upgrade')
    mkdirSync(dataDir)
    const file = join(dataDir, 'tabour.sqlite')
    const old = new Database(file)
    migrate(old, migrations.slice(0, -1))
    const previous = old.pragma('user_version', { simple: true }) as number
    old.close()
    const port = await freePort()
    const config = join(dir, 'upgrade.json')
    writeFileSync(config, JSON.stringify({ port, host: '127.0.0.1', dataDir, demo: true, logLevel: 'warn' }))
    const env = childEnv({ TABOUR_ADMIN_PASSWORD: CHILD_ADMIN_PASSWORD })
    const tabour = (...args: string[]) =>
      run(process.execPath, [join(BUILD, 'tabour.js'), ...args, '--config', config], { cwd: REPO_ROOT, env })

    const backup = join(dir, 'before-upgrade.sqlite')
    await tabour('backup', backup, '--quiet')
    expect((await tabour('migrate', '--status')).stdout).toContain(`pending: ${migrations.at(-1)!.version}`)
    expect((await tabour('migrate')).stdout).toContain(`migrated from schema ${previous} to ${migrations.at(-1)!.version}`)
    const child = spawn(process.execPath, [join(BUILD, 'tabour.js'), 'start', '--config', config], { cwd: REPO_ROOT, env, stdio: 'ignore' })
    server = child
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    let health: { version?: string } | null = null
    for (let i = 0; i < 600 && !health && child.exitCode === null; i++) {
      health = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => (r.ok ? r.json() : null),
        () => null,
      )
      if (!health) await sleep(50)
    }
    expect(health?.version).toBe(PKG.version)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    server = null

    // roll back: the previous build cannot run on the newer schema, so its backup goes back in
    await tabour('restore', backup)
    const restored = new Database(file, { readonly: true })
    expect(restored.pragma('user_version', { simple: true })).toBe(previous)
    restored.close()
    expect(
      readdirSync(dataDir).some((f) => f.startsWith('tabour.sqlite.before-restore-')),
      'the upgraded database is kept',
    ).toBe(true)
  })
})
