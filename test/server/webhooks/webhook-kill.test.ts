/**
 * The real center process SIGKILLed while a receiver holds a delivery it has already stored:
 * after the restart every event arrives, in order, and the only repeat is that delivery, under
 * the same idempotency id and body (a receiver drops it), nothing skipped.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { ChildServer, CHILD_ADMIN_PASSWORD, killAllChildren, sleep } from '../../helpers/child-server.ts'
import { createDevice, createService, expectHttp, loginAs } from '../../helpers/http.ts'

async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (check()) return
    await sleep(25)
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('SIGKILL of the center mid-delivery', () => {
  let dataDir: string | undefined
  let server: Server | undefined
  afterEach(async () => {
    await killAllChildren()
    server?.closeAllConnections()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = undefined
  })

  it('loses nothing and repeats only what the receiver drops by its idempotency id', { timeout: 180_000 }, async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = []
    let holdAt = 5
    let onHeld!: () => void
    const held = new Promise<void>((resolve) => (onHeld = resolve))
    server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
        // the fifth delivery is stored here, and its answer never leaves before the kill
        if (received.length === holdAt) {
          onHeld()
          return
        }
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/in`

    dataDir = mkdtempSync(join(tmpdir(), 'tabour-webhook-kill-'))
    const configFile = join(dataDir, 'config.json')
    const webhooks = { allowedHosts: ['127.0.0.1'], httpHosts: ['127.0.0.1'], pollSeconds: 0.2, retryMinSeconds: 0.1, retryMaxSeconds: 0.5 }
    writeFileSync(configFile, JSON.stringify({ webhooks }))
    const env = { TABOUR_CONFIG: configFile }
    let center = await ChildServer.start({ dataDir, env }, 60_000)
    const admin = await loginAs(center.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    const service = await createService(center.baseUrl, admin, 'A')
    const kiosk = await createDevice(center.baseUrl, admin, 'kiosk', 'kiosk 1')
    await expectHttp(201, center.baseUrl, 'POST', '/api/v1/webhooks', { token: admin, body: { url, eventTypes: ['ticket.issued'] } })
    for (let i = 0; i < 10; i++)
      await expectHttp(201, center.baseUrl, 'POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })

    await held
    center.process.kill('SIGKILL')
    expect(await center.exited).toEqual({ code: null, signal: 'SIGKILL' })
    holdAt = -1
    center = await ChildServer.start({ dataDir, env }, 60_000)
    for (let i = 0; i < 3; i++)
      await expectHttp(201, center.baseUrl, 'POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })
    const distinct = () => new Set(received.map((r) => r.headers['tabour-delivery'])).size
    await until('13 distinct deliveries', () => distinct() === 13)

    const db = new Database(join(dataDir, 'tabour.sqlite'), { readonly: true })
    const events = (db.prepare(`SELECT id FROM events WHERE type = 'ticket.issued' ORDER BY id`).all() as { id: number }[]).map(
      (e) => `evt_${e.id}`,
    )
    db.close()
    // first arrivals, in order, are exactly the events
    const firsts = new Map<string, string>()
    for (const r of received)
      if (!firsts.has(String(r.headers['tabour-delivery']))) firsts.set(String(r.headers['tabour-delivery']), r.body)
    expect([...firsts.values()].map((b) => JSON.parse(b).id)).toEqual(events)
    // every repeat is the held delivery again: same id, same bytes
    const repeats = received.filter(
      (r, i) => received.findIndex((o) => o.headers['tabour-delivery'] === r.headers['tabour-delivery']) !== i,
    )
    expect(repeats.length).toBeGreaterThanOrEqual(1)
    for (const r of repeats) {
      expect(r.headers['tabour-delivery']).toBe(received[4]!.headers['tabour-delivery'])
      expect(r.body).toBe(received[4]!.body)
    }
  })
})
