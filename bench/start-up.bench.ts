/**
 * Server start-up time to ready, from the sources: from the spawn of `node --import tsx
 * server/main.ts` (what the tests start; the compiled production server has its own bench,
 * compiled-server.bench.ts) to the "listening on" line it prints and to the first 200 from GET /healthz; median of several runs. Cases: a first start on an empty data dir (migrations,
 * the admin's scrypt hash), a restart of that center, a data dir holding a busy month (30 days ×
 * 3,000 tickets written straight into the real schema), and the busy-day bench's database when
 * run-all hands it over (30,000 tickets made through the API). Baselines in the same run:
 * `node -e ''` (spawn to exit), `node --import tsx -e ''` (the TypeScript loader alone), and a
 * bare Fastify app listening in a child node process (spawn to its first 200).
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { ChildServer, freePort, REPO_ROOT, sleep } from '../test/helpers/child-server.ts'
import { openDatabase } from '../server/db/connection.ts'
import { addDays, localDay } from '../protocol/center-clock.ts'
import { writeBusyMonth } from './lib/busy-month.ts'

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5)
const TZ = 'Africa/Cairo'
const MONTH_DAYS = 30
const PER_DAY = 3000

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** GET /healthz until it answers 200 (a refused connection is retried at once, every 5 ms). */
async function untilHealthy(port: number, gone: () => boolean): Promise<void> {
  for (;;) {
    if (gone()) throw new Error('the process exited before it was ready')
    const status = await new Promise<number>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      })
      req.on('error', () => resolve(0))
      req.end()
    })
    if (status === 200) return
    await sleep(5)
  }
}

/** Spawn → exit of a node process that does nothing (ms). */
async function nodeRun(args: string[]): Promise<number> {
  const t0 = performance.now()
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'ignore' })
    child.once('error', reject)
    child.once('exit', () => resolve())
  })
  return performance.now() - t0
}

const BARE_FASTIFY = `
import Fastify from 'fastify'
const app = Fastify()
app.get('/healthz', async () => ({ status: 'ok' }))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
`

/** Spawn → first 200 of a bare Fastify app in a child node process (ms). */
async function bareFastify(): Promise<number> {
  const port = await freePort()
  const t0 = performance.now()
  const child = spawn(process.execPath, ['--input-type=module', '-e', BARE_FASTIFY], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '', PORT: String(port) },
  })
  let exited = false
  child.once('exit', () => (exited = true))
  try {
    await untilHealthy(port, () => exited)
    return performance.now() - t0
  } finally {
    child.kill('SIGKILL')
    if (!exited) await new Promise((resolve) => child.once('exit', resolve))
  }
}

/** Spawn → "listening on" line and → first 200 of the Tabour server on `dataDir` (ms each). */
async function tabourStart(dataDir: string, env: Record<string, string> = {}): Promise<{ banner: number; healthy: number }> {
  const port = await freePort()
  const t0 = performance.now()
  const server = await ChildServer.spawn({ dataDir, port, env })
  let banner = Number.NaN
  const onData = (chunk: Buffer) => {
    if (Number.isNaN(banner) && chunk.toString('utf8').includes('listening on')) banner = performance.now() - t0
  }
  server.process.stdout!.on('data', onData)
  // the server is stopped whatever happened, and a failed stop is reported without hiding an earlier error
  let result: { banner: number; healthy: number } | null = null
  let failure: Error | null = null
  try {
    await untilHealthy(port, () => server.exit !== null)
    const healthy = performance.now() - t0
    // the banner follows listen(); give it the moment it needs when the first 200 won the race
    for (let i = 0; i < 200 && Number.isNaN(banner); i++) await sleep(5)
    result = { banner, healthy }
  } catch (err) {
    failure = new Error(`${(err as Error).message}:\n${server.output}`)
  }
  const exit = await server.kill('SIGTERM')
  if (failure) throw failure
  if (exit.code !== 0) throw new Error(`server exit ${JSON.stringify(exit)}:\n${server.output}`)
  return result!
}

/** 30 local days × 3,000 tickets written straight into the real schema (seed 7, no counter shifts or transfers), ending yesterday. */
function buildMonth(dataDir: string): { tickets: number; events: number; bytes: number } {
  const file = join(dataDir, 'tabour.sqlite')
  const db = openDatabase(file)
  const now = Date.now()
  const month = writeBusyMonth(db, {
    lastDay: addDays(localDay(now, TZ), -1),
    days: MONTH_DAYS,
    perDay: PER_DAY,
    timeZone: TZ,
    seed: 7,
    createdAt: now,
    counterShifts: false,
    transferShare: 0,
  })
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return { ...month, bytes: statSync(file).size }
}

interface Row {
  case: string
  'ready ms (median)': number
  'banner ms (median)': number | string
  runs: number
}

async function tabourCase(name: string, dataDir: string, env: Record<string, string> = {}, fresh?: () => string): Promise<Row> {
  const banners: number[] = []
  const healthy: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const dir = fresh ? fresh() : dataDir
    try {
      const t = await tabourStart(dir, env)
      banners.push(t.banner)
      healthy.push(t.healthy)
    } finally {
      if (fresh) rmSync(dir, { recursive: true, force: true })
    }
  }
  return { case: name, 'ready ms (median)': Math.round(median(healthy)), 'banner ms (median)': Math.round(median(banners)), runs: RUNS }
}

async function baselineCase(name: string, run: () => Promise<number>): Promise<Row> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push(await run())
  return { case: name, 'ready ms (median)': Math.round(median(times)), 'banner ms (median)': '', runs: RUNS }
}

/** `busyDayDir`: a data dir the busy-day bench left (its server stopped); started on a copy. */
export async function startUpBench(options: { busyDayDir?: string | null } = {}): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'tabour-startup-'))
  try {
    // one untimed start first: tsx compiles into its cache, the OS caches the files
    const warm = join(work, 'warm')
    await tabourStart(warm)
    rmSync(warm, { recursive: true, force: true })

    const rows: Row[] = []
    rows.push(await baselineCase("baseline: node -e '' (spawn → exit)", () => nodeRun(['-e', ''])))
    rows.push(await baselineCase("baseline: node --import tsx -e '' (the TypeScript loader)", () => nodeRun(['--import', 'tsx', '-e', ''])))
    rows.push(await baselineCase('baseline: bare Fastify app in a child node (spawn → first 200)', bareFastify))
    let n = 0
    rows.push(
      await tabourCase('Tabour, first start on an empty data dir (migrations, admin scrypt)', '', {}, () => join(work, `empty-${n++}`)),
    )
    const restarted = join(work, 'restarted')
    await tabourStart(restarted)
    rows.push(await tabourCase('Tabour, restart of an empty center', restarted))
    const monthDir = join(work, 'month')
    const t0 = performance.now()
    mkdirSync(monthDir, { recursive: true })
    const month = buildMonth(monthDir)
    const built = (performance.now() - t0) / 1000
    rows.push(
      await tabourCase(
        `Tabour, a busy month (${month.tickets.toLocaleString('en')} tickets, ${month.events.toLocaleString('en')} events, ${(month.bytes / 2 ** 20).toFixed(0)} MB)`,
        monthDir,
      ),
    )
    if (options.busyDayDir) {
      const copy = join(work, 'busy-day')
      cpSync(options.busyDayDir, copy, { recursive: true })
      const bytes = statSync(join(copy, 'tabour.sqlite')).size
      const db = new Database(join(copy, 'tabour.sqlite'), { readonly: true })
      const tickets = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n
      db.close()
      rows.push(
        await tabourCase(
          `Tabour, the busy-day database (${tickets.toLocaleString('en')} tickets through the API, ${(bytes / 2 ** 20).toFixed(0)} MB)`,
          copy,
        ),
      )
    }
    console.log(
      `\n## Server start-up to ready (spawn → "listening on" line / first 200 from /healthz; median of ${RUNS}; the month generated in ${built.toFixed(1)} s)`,
    )
    console.table(rows)
    const bare = rows[2]['ready ms (median)']
    const first = rows[3]['ready ms (median)']
    console.log(
      `ratio first start / bare Fastify: ${(first / bare).toFixed(1)}; busy month − empty restart: ${rows[5]['ready ms (median)'] - rows[4]['ready ms (median)']} ms`,
    )
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await startUpBench()
