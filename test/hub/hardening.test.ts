import { afterEach, describe, expect, it } from 'vitest'
import { FigureLimits, type HourBatch, type HourFigures, UpstreamPaths } from '../../protocol/upstream.ts'
import { BACKENDS, batchPath, postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'

/**
 * Issue 16 at the hub, on every backend (PostgreSQL when TABOUR_TEST_PG_URL is set): absurd
 * figures are refused with a 400 naming the field (never a 500 that blocks a center's outbox,
 * never a distorted national total), the route is part of the signature, and the CSV export
 * defuses formulas a center's service names may carry.
 */

const row = (code: string, o: Partial<HourFigures> = {}): HourFigures => ({
  serviceCode: code,
  serviceNameAr: `خدمة ${code}`,
  serviceNameEn: `Service ${code}`,
  issued: 5,
  called: 5,
  served: 4,
  noShow: 1,
  cancelled: 0,
  transferredIn: 0,
  transferredOut: 0,
  waitSumSeconds: 500,
  waitCount: 5,
  waitMaxSeconds: 300,
  waitWithinTarget: 4,
  serviceSumSeconds: 240,
  serviceCount: 4,
  counterOpenMinutes: 60,
  ...o,
})

const batch = (seq: number, rows: HourFigures[], o: Partial<HourBatch> = {}): HourBatch => ({
  centerId: 'C1',
  seq,
  day: '2026-03-10',
  hour: 10,
  timeZone: 'Africa/Cairo',
  revision: seq,
  final: false,
  generatedAt: Date.now(),
  rows,
  ...o,
})

describe.each(BACKENDS)('hub hardening on %s', (backend) => {
  let hub: TestHub
  afterEach(async () => {
    await hub?.close()
  })

  const issuedAtHub = async () => {
    const res = await fetch(`${hub.url}/api/hub/v1/figures?from=2026-03-10&by=center`)
    return (await res.json()).totals.issued
  }

  it("labels each refusal with its status's own name, and calls a body too large or of another type the caller's request, not 'not found'", async () => {
    hub = await startTestHub({ backend })
    const post = (body: string, type = 'application/json') =>
      fetch(`${hub.url}/api/hub/v1/auth/login`, { method: 'POST', headers: { 'content-type': type }, body })
    const wrong = await post(JSON.stringify({ username: 'nobody', password: 'wrong-password' }))
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ code: 'HUB_ERR_BAD_CREDENTIALS', error: 'Unauthorized' })
    const huge = await post(JSON.stringify({ username: 'x'.repeat(1100 * 1024), password: 'p' }))
    expect(huge.status).toBe(413)
    expect(await huge.json()).toMatchObject({ code: 'HUB_ERR_VALIDATION', error: 'Payload Too Large' })
    const other = await post('username=x', 'application/x-www-form-urlencoded')
    expect(other.status).toBe(415)
    expect(await other.json()).toMatchObject({ code: 'HUB_ERR_VALIDATION', error: 'Unsupported Media Type' })
  })

  it('refuses absurd figures with 400 HUB_ERR_VALIDATION naming the field, and stores nothing', async () => {
    hub = await startTestHub({ backend })
    const secret = await registerCenter(hub, 'C1')
    const cases: [HourBatch, string][] = [
      [batch(1, [row('A', { issued: 2 ** 53 - 1 })]), 'issued'],
      [batch(2, [row('A', { issued: 2 ** 31 })]), 'issued'],
      [batch(3, [row('A', { waitMaxSeconds: FigureLimits.seconds + 1 })]), 'waitMaxSeconds'],
      [batch(4, [row('A', { waitSumSeconds: 6 * FigureLimits.seconds })]), 'waitSumSeconds'],
      [batch(5, [row('A', { counterOpenMinutes: 10_000_000 })]), 'counterOpenMinutes'],
      [batch(6, [row('A'), row('A')]), 'serviceCode'],
      [batch(7, [row('A')], { revision: 2 ** 40 }), 'revision'],
      [
        batch(
          8,
          Array.from({ length: FigureLimits.services + 1 }, (_, i) => row(`S${i}`)),
        ),
        'rows',
      ],
      [
        batch(9, [row('A')], {
          health: { at: Date.now(), countersOpen: 2 ** 40, devicesFaulty: 0, version: 'x', outboxPending: 0 },
        }),
        'countersOpen',
      ],
      // more still waiting past the target than past it uncalled in all
      [batch(11, [row('A', { waitMissedUncalled: 1, waitingPastTarget: 2 })]), 'waitingPastTarget'],
    ]
    for (const [body, field] of cases) {
      const res = await postSigned(hub.url, batchPath, 'C1', secret, body)
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).toBe(400)
      expect(res.body.code).toBe('HUB_ERR_VALIDATION')
      expect(res.body.message).toContain(field)
    }
    expect(await issuedAtHub()).toBe(0)
    // the bounds themselves are accepted
    const edge = row('A', { issued: FigureLimits.count, waitMaxSeconds: FigureLimits.seconds, waitSumSeconds: 5 * FigureLimits.seconds })
    const ok = await postSigned(hub.url, batchPath, 'C1', secret, batch(10, [edge]))
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(await issuedAtHub()).toBe(FigureLimits.count)
  })

  it('binds the route into the signature: a batch signed for /batches is refused on /heartbeat, and the other way', async () => {
    hub = await startTestHub({ backend })
    const secret = await registerCenter(hub, 'C1')
    const body = batch(1, [row('A')], { health: { at: Date.now(), countersOpen: 1, devicesFaulty: 0, version: 'x', outboxPending: 0 } })
    const replayed = await postSigned(hub.url, UpstreamPaths.heartbeat, 'C1', secret, body, { signedPath: UpstreamPaths.batches })
    expect(replayed.status).toBe(401)
    expect(replayed.body.code).toBe('HUB_ERR_BAD_SIGNATURE')
    const beat = { centerId: 'C1', health: body.health! }
    const moved = await postSigned(hub.url, batchPath, 'C1', secret, beat, { signedPath: UpstreamPaths.heartbeat })
    expect(moved.status).toBe(401)
    // signed for their own routes, both go through
    expect((await postSigned(hub.url, UpstreamPaths.heartbeat, 'C1', secret, beat)).status).toBe(200)
    expect((await postSigned(hub.url, batchPath, 'C1', secret, body)).status).toBe(200)
  })

  it("the CSV export defuses formulas in a center's service names (=, +, -, @, TAB, CR)", async () => {
    hub = await startTestHub({ backend })
    const secret = await registerCenter(hub, 'C1')
    const names: [string, string][] = [
      ['A', '=HYPERLINK("http://evil.example/","click")'],
      ['B', "+cmd|' /C calc'!A0"],
      ['C', '-1+2'],
      ['D', '@SUM(1)'],
      ['E', '\t=1+1'],
      ['F', '\r=1+1'],
    ]
    const rows = names.map(([code, name]) => row(code, { serviceNameEn: name, serviceNameAr: name }))
    expect((await postSigned(hub.url, batchPath, 'C1', secret, batch(1, rows))).status).toBe(200)
    const csv = await (await fetch(`${hub.url}/api/hub/v1/figures.csv?from=2026-03-10&by=service`)).text()
    // every cell: either it does not start with a trigger, or it is the quoted, defused form
    const cells = csv
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)/g) ?? [])
      .map((c) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c))
    for (const [, name] of names) expect(cells, name).toContain(`'${name}`)
    for (const c of cells) expect(/^[=+@\t\r]/.test(c), JSON.stringify(c)).toBe(false)
  })
})
