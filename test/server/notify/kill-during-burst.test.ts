import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ChildServer, CHILD_ADMIN_PASSWORD, killAllChildren, noonTimeZone } from '../../helpers/child-server.ts'
import { createDevice, createService, expectHttp, http, loginAs } from '../../helpers/http.ts'
import { FakeGateway, until } from './fake-gateway.ts'

/**
 * The real center process (`server/main.ts`) texting through an HTTP SMS gateway that is down:
 * a burst of tickets and calls, SIGKILL in the middle of it, a restart with the gateway up. Every
 * message whose cause was committed is sent, each exactly once.
 */
describe('SIGKILL during a burst with the SMS gateway down', () => {
  let dataDir: string | undefined
  let gateway: FakeGateway | undefined
  afterEach(async () => {
    await killAllChildren()
    await gateway?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = undefined
  })

  it('after the restart every due message is sent exactly once', { timeout: 90_000 }, async () => {
    gateway = await FakeGateway.start()
    gateway.mode = 'down'
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-sms-kill-'))
    const configFile = join(dataDir, 'config.json')
    writeFileSync(
      configFile,
      JSON.stringify({
        timeZone: noonTimeZone(),
        queue: { minSecondsBeforeNoShow: 0 },
        messages: {
          provider: 'http',
          aheadAt: 0,
          scanSeconds: 0.05,
          retryMinSeconds: 0.05,
          retryMaxSeconds: 0.2,
          http: { url: `${gateway.url}/send`, token: 'gw-token' },
        },
      }),
    )
    let center = await ChildServer.start({ dataDir, env: { TABOUR_CONFIG: configFile } })
    const admin = await loginAs(center.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    const service = await createService(center.baseUrl, admin, 'A')
    const counter = await expectHttp(201, center.baseUrl, 'POST', '/api/v1/counters', {
      token: admin,
      body: { number: 1, name: 'Counter 1', serviceIds: [service.id] },
    })
    await expectHttp(201, center.baseUrl, 'POST', '/api/v1/users', {
      token: admin,
      body: { username: 'amira', password: 'nile-sunrise-4721', role: 'clerk' },
    })
    const clerk = await loginAs(center.baseUrl, 'amira', 'nile-sunrise-4721')
    await expectHttp(200, center.baseUrl, 'POST', `/api/v1/counters/${counter.id}/open`, { token: clerk })
    const kiosk = await createDevice(center.baseUrl, admin, 'kiosk', 'kiosk 1')
    const issue = (i: number) =>
      http(center.baseUrl, 'POST', '/api/v1/tickets', {
        token: kiosk.token,
        body: { serviceId: service.id, phone: `0100${String(i).padStart(7, '0')}`, messagesOptIn: true },
      })
    // the first part of the burst is surely committed and tried against the dead gateway
    for (let i = 0; i < 10; i++) expect((await issue(i)).status).toBe(201)
    const callAndMiss = async () => {
      await expectHttp(200, center.baseUrl, 'POST', `/api/v1/counters/${counter.id}/call-next`, { token: clerk })
      await expectHttp(200, center.baseUrl, 'POST', `/api/v1/counters/${counter.id}/no-show`, { token: clerk })
    }
    for (let i = 0; i < 3; i++) await callAndMiss()
    const outboxPath = join(dataDir, 'tabour.sqlite')
    const rows = (sql: string) => {
      const db = new Database(outboxPath, { readonly: true, fileMustExist: true })
      try {
        return db.prepare(sql).all() as Record<string, unknown>[]
      } finally {
        db.close()
      }
    }
    await until('messages tried and failing', () => rows(`SELECT 1 FROM message_outbox WHERE attempts > 0`).length >= 10)
    // the rest of the burst is under way when the process is killed
    const burst = Array.from({ length: 20 }, (_, i) => issue(100 + i).catch(() => null))
    const calls = (async () => {
      for (let i = 0; i < 3; i++) await callAndMiss().catch(() => null)
    })()
    await until('a few more tickets', () => rows(`SELECT 1 FROM tickets`).length >= 14)
    await center.kill('SIGKILL')
    await Promise.all([...burst, calls])
    expect(gateway.requests.length).toBe(0)

    gateway.mode = 'up'
    center = await ChildServer.start({ dataDir, env: { TABOUR_CONFIG: configFile } }, 60_000)
    // what was committed: each consenting ticket's issue, call and no-show is one message
    const causes = () =>
      rows(
        `SELECT COUNT(*) AS n FROM events e JOIN message_consent c ON c.ticket_id = e.ticket_id WHERE e.type IN ('ticket.issued', 'ticket.called', 'ticket.no_show')`,
      )[0].n as number
    const expected = causes()
    expect(expected).toBeGreaterThanOrEqual(14 + 3 + 3)
    await until('every message sent', () => gateway!.requests.length >= expected, 30_000)
    await until('every message accepted', () => rows(`SELECT 1 FROM message_outbox WHERE status = 'accepted'`).length === expected, 30_000)
    const keys = gateway.requests.map((r) => r.headers['idempotency-key'])
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.length).toBe(expected)
    expect(rows(`SELECT COUNT(*) AS n FROM message_outbox`)[0].n).toBe(expected)
    expect(gateway.requests.every((r) => r.headers.authorization === 'Bearer gw-token')).toBe(true)
  })
})
