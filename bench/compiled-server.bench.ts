/**
 * The production build as the systemd unit starts it: `node dist/server/tabour.js start --config …`
 * (scripts/build-server.mjs, what `npm run build` runs), cold as under the unit's PrivateTmp
 * (an empty TMPDIR each start), on the demo center. Figures: spawn → first 200 from /healthz,
 * resident memory after IDLE_SECONDS with no client, and with SCREENS display sockets connected.
 * Baselines in the same run: `node -e ''` (spawn → exit) and a bare Fastify app in a child node
 * (spawn → first 200, and its idle RSS). Targets (issue 22): ≤ 1 s, ≤ 100 MB idle, ≤ 150 MB with 50 screens.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { io, type Socket } from 'socket.io-client'
import { CHILD_ADMIN_PASSWORD, freePort, REPO_ROOT, sleep } from '../test/helpers/child-server.ts'

const RUNS = Number(process.env.BENCH_COMPILED_RUNS ?? 3)
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10)
const SCREENS = Number(process.env.BENCH_SCREENS ?? 50)
const ENTRY = join(REPO_ROOT, 'dist/server/tabour.js')

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024

/** Polls GET /healthz every 5 ms until 200; resolves with the body. */
async function untilHealthy(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error('the process exited before it was ready')
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.arrayBuffer().then(() => r.status === 200),
      () => false,
    )
    if (ok) return
    await sleep(5)
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

interface Started {
  child: ChildProcess
  readyMs: number
  output: () => string
}

/** Spawns `args` with a fresh empty TMPDIR (PrivateTmp) and times it to its first 200 on `port`. */
async function startTimed(args: string[], port: number, env: Record<string, string>, work: string): Promise<Started> {
  const privateTmp = mkdtempSync(join(work, 'tmp-'))
  const t0 = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TMPDIR: privateTmp, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (c: Buffer) => (out += c))
  child.stderr!.on('data', (c: Buffer) => (out += c))
  await untilHealthy(port, child).catch((err: Error) => {
    throw new Error(`${err.message}:\n${out}`)
  })
  return { child, readyMs: performance.now() - t0, output: () => out }
}

const BARE_FASTIFY = `
import Fastify from 'fastify'
const app = Fastify()
app.get('/healthz', async () => ({ status: 'ok' }))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
`

function connectScreens(url: string, token: string, n: number): Promise<Socket[]> {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true })
          socket.once('connect', () => resolve(socket))
          socket.once('connect_error', reject)
        }),
    ),
  )
}

/** First start of the demo center (untimed): seeds it and pairs its first display; returns the display's token. */
async function seedAndPair(config: string, port: number, work: string): Promise<string> {
  const first = await startTimed([ENTRY, 'start', '--config', config], port, { TABOUR_ADMIN_PASSWORD: CHILD_ADMIN_PASSWORD }, work)
  try {
    const code = /^\s+display\s.*?: (\S+)\s+http/m.exec(first.output())?.[1]
    if (!code) throw new Error(`no display pairing code in the banner:\n${first.output()}`)
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/devices/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pairingCode: code }),
    })
    const body = (await res.json()) as { token?: string }
    if (!body.token) throw new Error(`pairing failed: ${JSON.stringify(body)}`)
    return body.token
  } finally {
    await stop(first.child)
  }
}

export async function compiledServerBench(): Promise<void> {
  // the same build npm run build makes
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' })
  const work = mkdtempSync(join(tmpdir(), 'tabour-compiled-bench-'))
  try {
    const port = await freePort()
    const dataDir = join(work, 'data')
    mkdirSync(dataDir)
    const config = join(work, 'config.json')
    writeFileSync(config, JSON.stringify({ port, host: '127.0.0.1', dataDir, demo: true, logLevel: 'warn' }))
    const token = await seedAndPair(config, port, work)

    const nodeRuns: number[] = []
    const bare: { ready: number; rss: number }[] = []
    const tabour: { ready: number; idle: number; screens: number }[] = []
    const sources: { ready: number; idle: number }[] = []
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now()
      execFileSync(process.execPath, ['-e', ''])
      nodeRuns.push(performance.now() - t0)

      const barePort = await freePort()
      const b = await startTimed(['--input-type=module', '-e', BARE_FASTIFY], barePort, { PORT: String(barePort) }, work)
      await sleep(IDLE_SECONDS * 1000)
      bare.push({ ready: b.readyMs, rss: rssMb(b.child.pid!) })
      await stop(b.child)

      const t = await startTimed([ENTRY, 'start', '--config', config], port, { TABOUR_ADMIN_PASSWORD: CHILD_ADMIN_PASSWORD }, work)
      await sleep(IDLE_SECONDS * 1000)
      const idle = rssMb(t.child.pid!)
      const screens = await connectScreens(`http://127.0.0.1:${port}`, token, SCREENS)
      await sleep(3000)
      const withScreens = rssMb(t.child.pid!)
      for (const s of screens) s.disconnect()
      await stop(t.child)
      tabour.push({ ready: t.readyMs, idle, screens: withScreens })

      // what production ran before the build: the TypeScript sources through tsx, cold
      const src = await startTimed(
        ['server/cli/tabour.mjs', 'start', '--config', config],
        port,
        { TABOUR_ADMIN_PASSWORD: CHILD_ADMIN_PASSWORD },
        work,
      )
      await sleep(IDLE_SECONDS * 1000)
      sources.push({ ready: src.readyMs, idle: rssMb(src.child.pid!) })
      await stop(src.child)
    }

    const ms = (v: number) => Math.round(v)
    const mb = (v: number) => Math.round(v)
    console.log(
      `\n## The compiled server as systemd starts it (cold TMPDIR, demo center; median of ${RUNS}; RSS after ${IDLE_SECONDS} s idle)`,
    )
    console.table([
      {
        case: "baseline: node -e '' (spawn → exit)",
        'ready ms': ms(median(nodeRuns)),
        'idle RSS MB': '',
        [`RSS MB, ${SCREENS} screens`]: '',
      },
      {
        case: 'baseline: bare Fastify app (spawn → first 200)',
        'ready ms': ms(median(bare.map((b) => b.ready))),
        'idle RSS MB': mb(median(bare.map((b) => b.rss))),
        [`RSS MB, ${SCREENS} screens`]: '',
      },
      {
        case: 'Tabour demo center, node dist/server/tabour.js start (spawn → first 200)',
        'ready ms': ms(median(tabour.map((t) => t.ready))),
        'idle RSS MB': mb(median(tabour.map((t) => t.idle))),
        [`RSS MB, ${SCREENS} screens`]: mb(median(tabour.map((t) => t.screens))),
      },
      {
        case: 'before: the sources through tsx, node server/cli/tabour.mjs start',
        'ready ms': ms(median(sources.map((t) => t.ready))),
        'idle RSS MB': mb(median(sources.map((t) => t.idle))),
        [`RSS MB, ${SCREENS} screens`]: '',
      },
    ])
    const ratio = median(tabour.map((t) => t.ready)) / median(bare.map((b) => b.ready))
    console.log(`ratio compiled Tabour / bare Fastify start-up: ${ratio.toFixed(2)}`)
    console.log('targets: ready ≤ 1000 ms, idle RSS ≤ 100 MB, ≤ 150 MB with 50 screens')
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await compiledServerBench()
