/**
 * Ticket issue over real HTTP, beside two baselines measured in the same run (machines are
 * noisy, ratios are what to compare): a bare Fastify route that echoes JSON, and a raw
 * better-sqlite3 single-row insert per transaction with the same pragmas (WAL, synchronous=FULL).
 */
import { pathToFileURL } from 'node:url'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TestCenter } from '../test/helpers/test-center.ts'

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5)
const CONNECTIONS = 10

interface HttpFigures {
  name: string
  requestsPerSec: number
  p50: number
  p99: number
  errors: number
}

async function load(name: string, url: string, headers: Record<string, string>, body: string): Promise<HttpFigures> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections: CONNECTIONS,
    duration: DURATION_S,
  })
  return {
    name,
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

function rawInserts(): { name: string; insertsPerSec: number } {
  const dir = mkdtempSync(join(tmpdir(), 'tabour-bench-'))
  const db = new Database(join(dir, 'raw.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, service_id INTEGER, number INTEGER, issued_at INTEGER)')
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)')
  const tx = db.transaction((i: number) => insert.run(`id-${i}`, 1, i, Date.now()))
  const start = performance.now()
  let i = 0
  while (performance.now() - start < DURATION_S * 1000) tx(i++)
  const seconds = (performance.now() - start) / 1000
  db.close()
  rmSync(dir, { recursive: true, force: true })
  return { name: 'raw better-sqlite3 insert (1 row/tx, WAL, FULL)', insertsPerSec: i / seconds }
}

export async function ticketIssueBench(): Promise<void> {
  const bare = Fastify()
  bare.post('/echo', async (request) => ({ ok: true, got: request.body }))
  await bare.listen({ port: 0, host: '127.0.0.1' })
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/echo`

  const center = await TestCenter.start()
  const service = await center.createService({ prefix: 'A' })
  const kiosk = await center.createDevice('kiosk')
  const base = await center.listen()

  const figures: HttpFigures[] = []
  figures.push(await load('bare Fastify POST route', bareUrl, {}, JSON.stringify({ serviceId: service.id })))
  figures.push(
    await load(
      'POST /api/v1/tickets (kiosk)',
      `${base}/api/v1/tickets`,
      { authorization: `Bearer ${kiosk.token}` },
      JSON.stringify({ serviceId: service.id }),
    ),
  )
  const raw = rawInserts()
  const issued = (center.app.tabour.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n
  await center.close()
  await bare.close()

  const [bareFig, tabourFig] = figures
  console.log(`\n## Ticket issue (${DURATION_S} s each, ${CONNECTIONS} connections, loopback, load generator in the same process)`)
  console.table(
    figures.map((f) => ({ case: f.name, 'req/s': Math.round(f.requestsPerSec), 'p50 ms': f.p50, 'p99 ms': f.p99, errors: f.errors })),
  )
  console.table([{ case: raw.name, 'inserts/s': Math.round(raw.insertsPerSec) }])
  console.log(`tickets issued during the run: ${issued}`)
  console.log(`ratio ticket issue / bare route: ${(tabourFig.requestsPerSec / bareFig.requestsPerSec).toFixed(3)}`)
  console.log(`ratio ticket issue / raw insert: ${(tabourFig.requestsPerSec / raw.insertsPerSec).toFixed(3)}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await ticketIssueBench()
