import { afterEach, describe, expect, it } from 'vitest'
import { UpstreamPaths, type HourBatch, type HourFigures } from '../../protocol/upstream.ts'
import { readCsv } from '../helpers/read-csv.ts'
import {
  addNationalService,
  BACKENDS,
  batchPath,
  HUB_ADMIN_TOKEN,
  PG_SKIP_REASON,
  PG_URL,
  postSigned,
  registerCenter,
  startTestHub,
  type TestHub,
} from './hub-harness.ts'

/**
 * The hub's ingest, on every backend: signed batches are stored once (a resend or an older
 * revision never double-counts), and unsigned, forged, replayed, stale or other centers'
 * batches are refused with their code and counted.
 */

// each local prefix mapped to the national code of the same name (the catalogue's own tests are in national-catalogue.test.ts)
const figures = (code: string, n: number): HourFigures => ({
  serviceCode: code,
  nationalCode: code,
  serviceNameAr: `خدمة ${code}`,
  serviceNameEn: `Service ${code}`,
  issued: n,
  called: n,
  served: n - 1,
  noShow: 1,
  cancelled: 0,
  transferredIn: 0,
  transferredOut: 0,
  waitSumSeconds: 100 * n,
  waitCount: n,
  waitMaxSeconds: 300,
  waitWithinTarget: n - 1,
  serviceSumSeconds: 60 * n,
  serviceCount: n - 1,
  counterOpenMinutes: 60,
})

const batch = (centerId: string, seq: number, revision: number, rows: HourFigures[], o: Partial<HourBatch> = {}): HourBatch => ({
  centerId,
  seq,
  day: '2026-03-10',
  hour: 10,
  timeZone: 'Africa/Cairo',
  revision,
  final: false,
  generatedAt: Date.now(),
  rows,
  ...o,
})

if (!PG_URL) {
  // said out loud: a skipped test's name alone does not show in the default reporter
  console.warn(`[hub] ${PG_SKIP_REASON}`)
  describe.skip(`PostgreSQL: ${PG_SKIP_REASON}`, () => it('hub ingest, reporter and migrations on PostgreSQL', () => {}))
}

describe.each(BACKENDS)('hub ingest on %s', (backend) => {
  let hub: TestHub
  afterEach(async () => {
    await hub?.close()
  })

  const centerFigures = async (centerId: string) => {
    const res = await fetch(`${hub.url}/api/hub/v1/figures?from=2026-03-10&by=center&center=${centerId}`)
    return (await res.json()).rows[0]
  }

  it('stores a batch; a resend and an older revision change nothing; a newer revision replaces', async () => {
    hub = await startTestHub({ backend })
    const secret = await registerCenter(hub, 'C1')
    for (const code of ['A', 'B']) await addNationalService(hub, code)
    const first = await postSigned(hub.url, batchPath, 'C1', secret, batch('C1', 1, 1, [figures('A', 5), figures('B', 3)]))
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toEqual({ ack: 1, stored: 2, ignored: 0 })
    expect((await centerFigures('C1')).issued).toBe(8)

    // the same batch again (a lost ack: new nonce, same content)
    const again = await postSigned(hub.url, batchPath, 'C1', secret, batch('C1', 1, 1, [figures('A', 5), figures('B', 3)]))
    expect(again.body).toEqual({ ack: 1, stored: 0, ignored: 2 })
    expect((await centerFigures('C1')).issued).toBe(8)

    // revision 3 of the hour, then a late revision 2: the later one is ignored
    expect((await postSigned(hub.url, batchPath, 'C1', secret, batch('C1', 3, 3, [figures('A', 9), figures('B', 3)]))).body).toEqual({
      ack: 3,
      stored: 2,
      ignored: 0,
    })
    expect((await postSigned(hub.url, batchPath, 'C1', secret, batch('C1', 2, 2, [figures('A', 7), figures('B', 3)]))).body).toEqual({
      ack: 2,
      stored: 0,
      ignored: 2,
    })
    const row = await centerFigures('C1')
    expect(row).toMatchObject({
      key: 'C1',
      issued: 12,
      called: 12,
      served: 10,
      waitCount: 12,
      waitSumSeconds: 1200,
      avgWaitSeconds: 100,
      waitWithinTarget: 10,
    })
    expect(row.slaPercent).toBeCloseTo((100 * 10) / 12, 1)

    // by service and by governorate
    const byService = await (await fetch(`${hub.url}/api/hub/v1/figures?from=2026-03-10&by=service`)).json()
    expect(byService.rows.map((r: { key: string; issued: number }) => [r.key, r.issued])).toEqual([
      ['A', 9],
      ['B', 3],
    ])
    const status = (await (await fetch(`${hub.url}/api/hub/v1/centers`)).json())[0]
    expect(status).toMatchObject({ id: 'C1', offline: false })
  })

  it('a service renamed mid-day (B to R, one national code): each newer revision of an hour replaces all its rows, every view counts them once, a late older revision changes nothing', async () => {
    hub = await startTestHub({ backend })
    const secret = await registerCenter(hub, 'C1')
    for (const code of ['A', 'B']) await addNationalService(hub, code)
    let seq = 0
    const send = async (hour: number, revision: number, rows: HourFigures[]) => {
      const res = await postSigned(hub.url, batchPath, 'C1', secret, batch('C1', ++seq, revision, rows, { hour }))
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body
    }
    const renamed = (n: number): HourFigures => ({ ...figures('R', n), nationalCode: 'B' })
    // the morning under B, then the admin changes B's letter to R and the center re-sends the day's hours under R
    for (const hour of [9, 10]) await send(hour, 1, [figures('A', 5), figures('B', 3)])
    for (const hour of [9, 10]) expect(await send(hour, 2, [figures('A', 5), renamed(3)])).toEqual({ ack: seq, stored: 2, ignored: 0 })
    // a late revision 1 of hour 10 (B again): the hub holds revision 2 of that hour, so nothing of it is stored
    expect(await send(10, 1, [figures('A', 7), figures('B', 4)])).toEqual({ ack: seq, stored: 0, ignored: 2 })
    // hour 11: revision 1 with B, revision 2 with nothing left (every ticket of the hour refolded away), then the late revision 1 again
    await send(11, 1, [figures('B', 6)])
    expect(await send(11, 2, [])).toEqual({ ack: seq, stored: 0, ignored: 0 })
    await send(11, 1, [figures('B', 6)])

    const issued = 2 * (5 + 3)
    const get = async (path: string) => (await fetch(`${hub.url}/api/hub/v1/${path}`)).json()
    const summary = await get('summary?from=2026-03-10')
    expect(summary.totals.issued).toBe(issued)
    for (const list of [summary.byCenter, summary.byGovernorate]) expect(list.map((r: { issued: number }) => r.issued)).toEqual([issued])
    const keyed = (rows: { key: string; issued: number }[]) => rows.map((r) => [r.key, r.issued])
    expect(keyed(summary.byService)).toEqual([
      ['A', 10],
      ['B', 6],
    ])
    expect(keyed(summary.byTime)).toEqual([
      ['9', 8],
      ['10', 8],
    ])
    expect(keyed((await get('figures?from=2026-03-10&by=service')).rows)).toEqual([
      ['A', 10],
      ['B', 6],
    ])
    expect(keyed((await get('figures?from=2026-03-10&by=center')).rows)).toEqual([['C1', issued]])
    expect(keyed((await get('figures?from=2026-03-10&by=hour&service=B')).rows)).toEqual([
      ['9', 3],
      ['10', 3],
    ])
    const res = await fetch(`${hub.url}/api/hub/v1/figures.csv?from=2026-03-10&by=service&lang=en`)
    const csv = readCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()))
    expect(csv.rows.map((r) => [r.Code, r['Tickets issued']])).toEqual([
      ['A', '10'],
      ['B', '6'],
    ])
  })

  it('takes a backlog of hours in one signed request: all stored, the last seq acknowledged, a re-send changes nothing, a bad batch refuses them all', async () => {
    hub = await startTestHub({ backend })
    const secret = await registerCenter(hub, 'C1')
    await registerCenter(hub, 'C2')
    for (const code of ['A', 'B']) await addNationalService(hub, code)
    const hours = [9, 10, 11].map((hour, i) => batch('C1', 20 + i, 1, [figures('A', 2 + i), figures('B', 2)], { hour }))
    const backlog = { centerId: 'C1', batches: hours }
    const post = (body: unknown) => postSigned(hub.url, UpstreamPaths.backlog, 'C1', secret, body, { seq: 22 })
    const first = await post(backlog)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toEqual({ ack: 22, stored: 6, ignored: 0 })
    expect((await centerFigures('C1')).issued).toBe(2 + 3 + 4 + 3 * 2)
    expect((await post(backlog)).body).toEqual({ ack: 22, stored: 0, ignored: 6 })
    expect((await centerFigures('C1')).issued).toBe(15)

    // one implausible batch, or one of another center, refuses the request: nothing of it is stored
    const later = [12, 13].map((hour, i) => batch('C1', 30 + i, 1, [figures('A', 5)], { hour }))
    later[1].rows[0].waitWithinTarget = 99
    const bad = await post({ centerId: 'C1', batches: later })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({
      code: 'HUB_ERR_VALIDATION',
      message: expect.stringContaining('body/batches/1/rows/0/waitWithinTarget'),
    })
    const foreign = await post({ centerId: 'C1', batches: [later[0], { ...later[0], centerId: 'C2', hour: 14 }] })
    expect(foreign.status).toBe(403)
    expect(foreign.body.code).toBe('HUB_ERR_CENTER_MISMATCH')
    expect((await centerFigures('C1')).issued).toBe(15)
    // signed for one hour's route, sent to the backlog's: refused
    const misrouted = await postSigned(hub.url, UpstreamPaths.backlog, 'C1', secret, backlog, { seq: 22, signedPath: batchPath })
    expect(misrouted.body.code).toBe('HUB_ERR_BAD_SIGNATURE')
  })

  it("refuses unsigned, forged, wrong-secret, replayed, stale and other centers' batches, and counts them", async () => {
    hub = await startTestHub({ backend })
    const s1 = await registerCenter(hub, 'C1')
    const s2 = await registerCenter(hub, 'C2', { governorate: 'Giza' })
    for (const code of ['A', 'B']) await addNationalService(hub, code)
    const b = batch('C1', 1, 1, [figures('A', 5)])

    const unsigned = await fetch(hub.url + batchPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(b),
    })
    expect(unsigned.status).toBe(401)
    expect((await unsigned.json()).code).toBe('HUB_ERR_UNSIGNED')

    // a body changed after signing
    const signed = await postSigned(hub.url, batchPath, 'C1', s1, b)
    expect(signed.status).toBe(200)
    const tampered = JSON.stringify({ ...b, rows: [figures('A', 500)] })
    const forged = await fetch(hub.url + batchPath, {
      method: 'POST',
      headers: { ...signed.headers, 'x-tabour-nonce': 'n'.repeat(20) },
      body: tampered,
    })
    expect(forged.status).toBe(401)
    expect((await forged.json()).code).toBe('HUB_ERR_BAD_SIGNATURE')

    // C1's batch signed with C2's secret
    expect((await postSigned(hub.url, batchPath, 'C1', s2, b)).body.code).toBe('HUB_ERR_BAD_SIGNATURE')
    // an unknown center
    expect((await postSigned(hub.url, batchPath, 'C9', s1, { ...b, centerId: 'C9' })).body.code).toBe('HUB_ERR_UNKNOWN_CENTER')

    // the exact request captured and sent again
    const replay = await fetch(hub.url + batchPath, { method: 'POST', headers: signed.headers, body: signed.text })
    expect(replay.status).toBe(401)
    expect((await replay.json()).code).toBe('HUB_ERR_REPLAYED')

    // a timestamp outside the window, either way
    expect((await postSigned(hub.url, batchPath, 'C1', s1, b, { timestamp: Date.now() - 3_600_000 })).body.code).toBe(
      'HUB_ERR_STALE_TIMESTAMP',
    )
    expect((await postSigned(hub.url, batchPath, 'C1', s1, b, { timestamp: Date.now() + 3_600_000 })).body.code).toBe(
      'HUB_ERR_STALE_TIMESTAMP',
    )

    // C2, correctly signed with its own secret, writing C1's figures
    const other = await postSigned(hub.url, batchPath, 'C2', s2, { ...b, rows: [figures('A', 999)], revision: 99 })
    expect(other.status).toBe(403)
    expect(other.body.code).toBe('HUB_ERR_CENTER_MISMATCH')

    // a deactivated center
    await hub.app.inject({
      method: 'PATCH',
      url: '/api/hub/v1/admin/centers/C2',
      headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` },
      payload: { active: false },
    })
    expect((await postSigned(hub.url, batchPath, 'C2', s2, { ...b, centerId: 'C2' })).body.code).toBe('HUB_ERR_CENTER_INACTIVE')

    // nothing of the refused requests reached the figures
    const c1 = (await (await fetch(`${hub.url}/api/hub/v1/figures?from=2026-03-10&by=center&center=C1`)).json()).rows[0]
    expect(c1.issued).toBe(5)
    const c2 = (await (await fetch(`${hub.url}/api/hub/v1/figures?from=2026-03-10&by=center&center=C2`)).json()).rows[0]
    expect(c2.issued).toBe(0)

    const counted = await hub.app.inject({ url: '/api/hub/v1/admin/rejections', headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` } })
    const byCode = Object.fromEntries(
      counted.json().map((r: { code: string; centerId: string; count: number }) => [`${r.code}:${r.centerId}`, r.count]),
    )
    expect(byCode).toEqual({
      'HUB_ERR_UNSIGNED:': 1,
      'HUB_ERR_BAD_SIGNATURE:C1': 2,
      'HUB_ERR_UNKNOWN_CENTER:': 1,
      'HUB_ERR_REPLAYED:C1': 1,
      'HUB_ERR_STALE_TIMESTAMP:C1': 2,
      'HUB_ERR_CENTER_MISMATCH:C2': 1,
      'HUB_ERR_CENTER_INACTIVE:C2': 1,
    })
  })

  it("admin API needs the token; a center's secret is shown once and can be rotated", async () => {
    hub = await startTestHub({ backend })
    const secret = await registerCenter(hub, 'C1')
    expect((await hub.app.inject({ url: '/api/hub/v1/admin/centers' })).json().code).toBe('HUB_ERR_UNAUTHENTICATED')
    expect(
      (await hub.app.inject({ url: '/api/hub/v1/admin/centers', headers: { authorization: 'Bearer wrong-token-wrong-token' } })).statusCode,
    ).toBe(401)
    const list = await hub.app.inject({ url: '/api/hub/v1/admin/centers', headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` } })
    expect(JSON.stringify(list.json())).not.toContain(secret)
    const dup = await hub.app.inject({
      method: 'POST',
      url: '/api/hub/v1/admin/centers',
      headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` },
      payload: { id: 'C1', nameAr: 'x', nameEn: 'x', governorate: 'x', kind: 'mobile' },
    })
    expect(dup.statusCode).toBe(409)
    const rotated = await hub.app.inject({
      method: 'POST',
      url: '/api/hub/v1/admin/centers/C1/rotate-secret',
      headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` },
    })
    const fresh = rotated.json().secret as string
    expect(fresh).not.toBe(secret)
    expect((await postSigned(hub.url, batchPath, 'C1', secret, batch('C1', 1, 1, []))).body.code).toBe('HUB_ERR_BAD_SIGNATURE')
    expect((await postSigned(hub.url, batchPath, 'C1', fresh, batch('C1', 1, 1, []))).status).toBe(200)
  })
})
