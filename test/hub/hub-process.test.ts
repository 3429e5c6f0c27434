import { afterEach, describe, expect, it } from 'vitest'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort, REPO_ROOT, sleep } from '../helpers/child-server.ts'
import { batchPath, postSigned } from './hub-harness.ts'
import { childEnv } from '../helpers/child-env.ts'

/** `npm run hub` as the real process: the CLI registers a center, the server takes its batches and stops cleanly on SIGTERM. */

const run = promisify(execFile)
/**
 * Each test starts hub/main.ts through tsx up to four times (the CLI, then the server); on the 2-core
 * box beside the rest of the suite a test passed 60 s now and then, and at a load average of 13 the
 * file's four tests took 83 s. Generous, since what is tested is the outcome, not the speed.
 */
const PROCESS_TEST_TIMEOUT_MS = 150_000
const children = new Set<ChildProcess>()
let dataDir: string | undefined

afterEach(async () => {
  for (const c of children) c.kill('SIGKILL')
  children.clear()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** `npm run hub` serving on a free loopback port, once /healthz answers; its output is kept for failure messages. */
async function startHub(env: Record<string, string>) {
  const port = await freePort()
  const hub = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...env, HUB_PORT: String(port), HUB_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(hub)
  let out = ''
  hub.stdout!.on('data', (c) => (out += c))
  hub.stderr!.on('data', (c) => (out += c))
  const exited = new Promise<number | null>((resolve) => hub.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (i > 400) throw new Error(`hub did not start:\n${out}`)
    await sleep(50)
  }
  return { hub, url, exited, output: () => out }
}

describe('the hub process', () => {
  it('CLI adds a center, the server ingests its batch, SIGTERM exits 0', { timeout: PROCESS_TEST_TIMEOUT_MS }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-hub-proc-'))
    const env = childEnv({ HUB_DATA_DIR: dataDir, HUB_LOG_LEVEL: 'warn' })
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'hub/main.ts', ...args], { cwd: REPO_ROOT, env })
    const added = await cli(
      'center',
      'add',
      '--id',
      'EG-ASW-001',
      '--name-ar',
      'مركز أسوان',
      '--name-en',
      'Aswan center',
      '--governorate',
      'أسوان',
      '--kind',
      'mobile',
    )
    const secret = JSON.parse(added.stdout).upstream.secret as string
    expect(secret.length).toBeGreaterThanOrEqual(32)
    expect((await cli('center', 'list')).stdout).toContain('EG-ASW-001\tmobile\tEG-ASN')
    await expect(
      cli('center', 'add', '--id', 'EG-ASW-001', '--name-ar', 'x', '--name-en', 'x', '--governorate', 'x'),
    ).rejects.toMatchObject({ code: 1 })

    const { hub, url, exited, output } = await startHub(env)
    const res = await postSigned(url, batchPath, 'EG-ASW-001', secret, {
      centerId: 'EG-ASW-001',
      seq: 1,
      day: '2026-03-10',
      hour: 9,
      timeZone: 'Africa/Cairo',
      revision: 1,
      final: true,
      generatedAt: Date.now(),
      rows: [],
    })
    expect(res.status, output()).toBe(200)
    const home = await fetch(`${url}/`, { redirect: 'manual' })
    expect(home.status).toBe(302)
    expect(home.headers.get('location')).toBe('/hub/ui/')
    // no HUB_READ_TOKEN: the figures stay open, and the log says so at start-up
    expect((await fetch(`${url}/api/hub/v1/figures`)).status).toBe(200)
    expect(output()).toContain(
      'HUB_READ_TOKEN is not set: the national figures, the CSV export and the center registry are readable by anyone',
    )
    hub.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('with HUB_READ_TOKEN the figures need it (no warning); /healthz stays open', { timeout: PROCESS_TEST_TIMEOUT_MS }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-hub-proc-'))
    const token = 'read-token-of-the-process-test'
    const { url, output } = await startHub(childEnv({ HUB_DATA_DIR: dataDir, HUB_LOG_LEVEL: 'warn', HUB_READ_TOKEN: token }))
    const refused = await fetch(`${url}/api/hub/v1/summary`)
    expect(refused.status).toBe(401)
    expect((await refused.json()).code).toBe('HUB_ERR_UNAUTHENTICATED')
    expect((await fetch(`${url}/api/hub/v1/summary`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
    expect(output()).not.toContain('HUB_READ_TOKEN is not set')
  })

  it('refuses a HUB_READ_TOKEN under 16 characters and a bad HUB_INGEST_PER_MINUTE (exit 2, says why)', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-hub-proc-'))
    const short = await run(process.execPath, ['--import', 'tsx', 'hub/main.ts'], {
      cwd: REPO_ROOT,
      env: childEnv({ HUB_DATA_DIR: dataDir, HUB_READ_TOKEN: 'too-short' }),
    }).catch((e) => e)
    expect(short.code).toBe(2)
    expect(short.stderr).toContain('HUB_READ_TOKEN must be at least 16 characters')
    const rate = await run(process.execPath, ['--import', 'tsx', 'hub/main.ts'], {
      cwd: REPO_ROOT,
      env: childEnv({ HUB_DATA_DIR: dataDir, HUB_INGEST_PER_MINUTE: '0' }),
    }).catch((e) => e)
    expect(rate.code).toBe(2)
    expect(rate.stderr).toContain('HUB_INGEST_PER_MINUTE must be an integer ≥ 1')
  })

  it('refuses a database URL that is not postgres:// (exit 2, says why)', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-hub-proc-'))
    const err = await run(process.execPath, ['--import', 'tsx', 'hub/main.ts'], {
      cwd: REPO_ROOT,
      env: childEnv({ HUB_DATA_DIR: dataDir, HUB_DATABASE_URL: 'mysql://x@y/z' }),
    }).catch((e) => e)
    expect(err.code).toBe(2)
    expect(err.stderr).toContain('HUB_DATABASE_URL must be a postgres:// URL')
  })
})
