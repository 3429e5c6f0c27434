/**
 * A hub's start in one process (issue 22's start-up work, on the hub): `buildHub` + `ready()` for
 * several hubs in a row on fresh SQLite stores, and each one's first answer of the centers list,
 * against a bare Fastify app's `ready()` and first answer in the same run. The hub compiles a
 * route's validator and builds its serializer at its first use, once a process
 * (protocol/schema-cache.ts): the first hub pays its routes' first uses, the next ones reuse them
 * (a test file's next hub, a host that builds its server again). Before session 49 every hub built
 * every route's at `ready()`: 1.3–6.2 s a hub on a loaded box (a one-off probe, not this bench).
 * `BENCH_HUB_STARTS` sets how many hubs (6).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Fastify from 'fastify'
import { buildHub } from '../hub/app.ts'
import { loadHubConfig } from '../hub/config.ts'
import { openHubStore } from '../hub/open-store.ts'

const STARTS = Number(process.env.BENCH_HUB_STARTS ?? 6)
const ADMIN = 'bench-admin-token-'.padEnd(32, 'x')
const ms = (n: number) => +n.toFixed(1)

async function oneHub(): Promise<{ ready: number; firstAnswer: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tabour-bench-hub-'))
  const config = loadHubConfig({}, { dataDir, adminToken: ADMIN, logLevel: 'silent', host: '127.0.0.1', uiDir: join(dataDir, 'no-ui') })
  const store = await openHubStore(config)
  try {
    const t0 = performance.now()
    const app = buildHub(config, { store })
    await app.ready()
    const ready = performance.now() - t0
    const t1 = performance.now()
    const res = await app.inject({ url: '/api/hub/v1/centers', headers: { authorization: `Bearer ${ADMIN}` } })
    const firstAnswer = performance.now() - t1
    if (res.statusCode !== 200) throw new Error(`centers list: ${res.statusCode} ${res.body}`)
    await app.close()
    return { ready, firstAnswer }
  } finally {
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function bareFastify(): Promise<{ ready: number; firstAnswer: number }> {
  const t0 = performance.now()
  const app = Fastify()
  app.get('/', async () => ({ ok: true }))
  await app.ready()
  const ready = performance.now() - t0
  const t1 = performance.now()
  await app.inject({ url: '/' })
  const firstAnswer = performance.now() - t1
  await app.close()
  return { ready, firstAnswer }
}

export async function hubStartBench(): Promise<void> {
  const rows: Record<string, string | number>[] = []
  for (let i = 1; i <= STARTS; i++) {
    const bare = await bareFastify()
    const hub = await oneHub()
    rows.push({
      hub: i,
      'buildHub + ready ms': ms(hub.ready),
      'first GET /centers ms': ms(hub.firstAnswer),
      'bare Fastify ready ms': ms(bare.ready),
      'bare first answer ms': ms(bare.firstAnswer),
    })
  }
  console.log(`\n## Hub start in one process, ${STARTS} hubs in a row (SQLite store; baseline: a bare Fastify app in the same run)`)
  console.table(rows)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await hubStartBench()
