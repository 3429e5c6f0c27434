import { afterEach, describe, expect, it } from 'vitest'
import parsePrometheusTextFormat from 'parse-prometheus-text-format'
import { TestCenter, TestClock } from '../helpers/test-center.ts'
import { loadConfig, validateConfig } from '../../server/config.ts'
import { isFaulty } from '../../protocol/device-health.ts'
import { printerHealth } from '../helpers/device-health.ts'

type Families = ReturnType<typeof parsePrometheusTextFormat>

/** The value of one sample of a counter or gauge family (0 when the labelled sample is absent). */
function value(families: Families, name: string, labels: Record<string, string> = {}): number {
  const family = families.find((f) => f.name === name)
  if (!family) throw new Error(`no metric ${name}`)
  const sample = family.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
  return sample ? Number(sample.value) : 0
}

describe('GET /metrics', () => {
  const centers: TestCenter[] = []
  afterEach(async () => {
    await Promise.all(centers.splice(0).map((c) => c.close()))
  })
  // /metrics is closed unless configured: these tests scrape from this machine, so they allow it
  const start = async (config: Record<string, unknown> = {}, clock?: TestClock) => {
    const c = await TestCenter.start({ config: { metrics: { allow: ['127.0.0.1'] }, ...config }, clock })
    centers.push(c)
    return c
  }
  const scrape = async (c: TestCenter) => {
    const res = await c.request('GET', '/metrics')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    return parsePrometheusTextFormat(res.body)
  }

  it('parses as Prometheus text and its counters move when tickets are issued and served', async () => {
    const clock = new TestClock()
    const c = await start({}, clock)
    const a = await c.createService({ prefix: 'A' })
    const b = await c.createService({ prefix: 'B' })
    const counter = await c.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    const kiosk = await c.createDevice('kiosk')
    const clerk = await c.openCounterAs('clerk1', counter.id)

    const before = await scrape(c)
    expect(before.find((f) => f.name === 'tabour_tickets_issued_total')?.type).toBe('COUNTER')
    expect(before.find((f) => f.name === 'tabour_call_wait_seconds')?.type).toBe('HISTOGRAM')
    expect(value(before, 'tabour_tickets_waiting', { service: 'A' })).toBe(0)
    expect(value(before, 'tabour_counters', { state: 'open' })).toBe(1)
    expect(before.some((f) => f.name === 'nodejs_eventloop_lag_seconds')).toBe(true)
    expect(before.some((f) => f.name === 'tabour_sockets')).toBe(true)

    await c.issue(kiosk.token, { serviceId: a.id })
    await c.issue(kiosk.token, { serviceId: a.id })
    await c.issue(kiosk.token, { serviceId: b.id })
    const issued = await scrape(c)
    expect(value(issued, 'tabour_tickets_issued_total', { service: 'A' })).toBe(2)
    expect(value(issued, 'tabour_tickets_issued_total', { service: 'B' })).toBe(1)
    expect(value(issued, 'tabour_tickets_waiting', { service: 'A' })).toBe(2)
    expect(value(issued, 'tabour_tickets_served_total', { service: 'A' })).toBe(0)

    clock.advance(400) // the first ticket waited 400 s before its call
    expect((await c.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
    expect((await c.action(clerk, counter.id, 'start')).statusCode).toBe(200)
    expect((await c.action(clerk, counter.id, 'finish')).statusCode).toBe(200)
    expect((await c.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
    expect((await c.action(clerk, counter.id, 'no-show')).statusCode).toBe(200)

    const served = await scrape(c)
    const servedTotal =
      value(served, 'tabour_tickets_served_total', { service: 'A' }) + value(served, 'tabour_tickets_served_total', { service: 'B' })
    expect(servedTotal).toBe(1)
    const noShows =
      value(served, 'tabour_tickets_not_served_total', { service: 'A', reason: 'no_show' }) +
      value(served, 'tabour_tickets_not_served_total', { service: 'B', reason: 'no_show' })
    expect(noShows).toBe(1)
    expect(served.find((f) => f.name === 'tabour_call_wait_seconds')?.type).toBe('HISTOGRAM')
    // parse-prometheus-text-format folds labelled histograms together, so read the buckets from the registry itself
    const waits = async (labels: Record<string, string | number>, name = 'tabour_call_wait_seconds_bucket') =>
      (
        (await c.app.tabour.ops.metrics.registry.getSingleMetric('tabour_call_wait_seconds')!.get()).values as {
          metricName?: string
          labels: Record<string, string | number>
          value: number
        }[]
      )
        .filter((v) => v.metricName === name && Object.entries(labels).every(([k, x]) => v.labels[k] === x))
        .reduce((n, v) => n + v.value, 0)
    expect(await waits({}, 'tabour_call_wait_seconds_count')).toBe(2)
    expect(await waits({ service: 'A' }, 'tabour_call_wait_seconds_sum')).toBeGreaterThanOrEqual(400)
    expect(await waits({ service: 'A', le: 300 })).toBe(0)
    expect(await waits({ service: 'A', le: 600 })).toBe(1)
    expect(value(served, 'tabour_tickets_waiting', { service: 'A' }) + value(served, 'tabour_tickets_waiting', { service: 'B' })).toBe(1)

    // the last ticket: parked and resumed (no second wait), then transferred to the other service, where
    // it waits 30 s from the transfer, not the 400-odd since its issue; each wait observed once, in its line's service
    const last = (await c.action(clerk, counter.id, 'call-next')).json().ticket
    const other = last.serviceId === a.id ? b : a
    const before30 = {
      count: await waits({ service: other.prefix }, 'tabour_call_wait_seconds_count'),
      quick: await waits({ service: other.prefix, le: 30 }),
    }
    expect(await waits({}, 'tabour_call_wait_seconds_count')).toBe(3)
    expect((await c.action(clerk, counter.id, 'park', { reason: 'missing_document', minutes: 15 })).statusCode).toBe(200)
    clock.advance(60)
    expect((await c.action(clerk, counter.id, 'resume-parked', { ticketId: last.id })).statusCode).toBe(200)
    expect(await waits({}, 'tabour_call_wait_seconds_count')).toBe(3)
    expect((await c.action(clerk, counter.id, 'start')).statusCode).toBe(200)
    expect((await c.action(clerk, counter.id, 'transfer', { serviceId: other.id })).statusCode).toBe(200)
    clock.advance(30)
    expect((await c.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(last.id)
    expect(await waits({}, 'tabour_call_wait_seconds_count')).toBe(4)
    expect(await waits({ service: other.prefix }, 'tabour_call_wait_seconds_count')).toBe(before30.count + 1)
    expect(await waits({ service: other.prefix, le: 30 })).toBe(before30.quick + 1)
  })

  it('two apps in one process keep separate registries', async () => {
    const one = await start()
    const two = await start()
    const s1 = await one.createService({ prefix: 'A' })
    await two.createService({ prefix: 'A' })
    const kiosk = await one.createDevice('kiosk')
    await one.issue(kiosk.token, { serviceId: s1.id })
    expect(value(await scrape(one), 'tabour_tickets_issued_total', { service: 'A' })).toBe(1)
    expect(value(await scrape(two), 'tabour_tickets_issued_total', { service: 'A' })).toBe(0)
    expect(one.app.tabour.ops.metrics.registry).not.toBe(two.app.tabour.ops.metrics.registry)
  })

  it('is refused to other machines with 403 and a stable code, unless the configured token is given', async () => {
    const open = await start()
    const res = await open.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '192.168.1.20' })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ statusCode: 403, code: 'TABOUR_ERR_FORBIDDEN' })

    const token = 'scrape-token-0123456789'
    const guarded = await start({ metrics: { token, allow: ['127.0.0.1', '::1'] } })
    const remote = (headers: Record<string, string> = {}) =>
      guarded.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3', headers })
    expect((await remote()).statusCode).toBe(401)
    expect((await remote({ authorization: 'Bearer wrong-token-0123456789' })).json().code).toBe('TABOUR_ERR_UNAUTHENTICATED')
    // the token is compared whole (a prefix or a longer one is refused), the scheme in any case: protocol/bearer.ts, as at the hub
    for (const wrong of [token.slice(0, -1), `${token}9`, `${token} ${token}`])
      expect((await remote({ authorization: `Bearer ${wrong}` })).statusCode, wrong).toBe(401)
    expect((await remote({ authorization: `BEARER ${token}` })).statusCode).toBe(200)
    const ok = await remote({ authorization: `Bearer ${token}` })
    expect(ok.statusCode).toBe(200)
    expect(parsePrometheusTextFormat(ok.body).length).toBeGreaterThan(5)
    // an allowed address needs no token
    expect((await guarded.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200)
  })

  it('is closed unless configured: loopback alone is not trusted (a local reverse proxy), the allow-list takes networks', async () => {
    const closed = await TestCenter.start()
    centers.push(closed)
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.0.5.7']) {
      const res = await closed.app.inject({ method: 'GET', url: '/metrics', remoteAddress })
      expect([res.statusCode, res.json().code], remoteAddress).toEqual([403, 'TABOUR_ERR_FORBIDDEN'])
    }
    const listed = await start({ metrics: { allow: ['10.0.5.0/24', 'fd00::/8'] } })
    const from = (remoteAddress: string) => listed.app.inject({ method: 'GET', url: '/metrics', remoteAddress })
    expect((await from('10.0.5.7')).statusCode).toBe(200)
    expect((await from('::ffff:10.0.5.200')).statusCode).toBe(200)
    expect((await from('fd00::1:2')).statusCode).toBe(200)
    expect((await from('10.0.6.1')).json()).toMatchObject({ statusCode: 403, code: 'TABOUR_ERR_FORBIDDEN' })
    expect((await from('127.0.0.1')).statusCode).toBe(403)
    expect(() => validateConfig({ metrics: { allow: ['10.0.5.0/33'] } })).toThrow('/metrics/allow')
    expect(loadConfig({ env: { TABOUR_METRICS_ALLOW: '10.0.5.7, ::1' } }).metrics.allow).toEqual(['10.0.5.7', '::1'])
  })

  it('counts a device going faulty once per fault', async () => {
    const c = await start()
    const kiosk = await c.createDevice('kiosk')
    // as a kiosk's printer driver reports (DeviceStatus): the gauge reads the device list, which keeps the report
    const status = c.app.tabour.queue.deviceStatus
    const fault = printerHealth({ reachable: false, online: true })
    status.report(kiosk.id, fault)
    status.report(kiosk.id, fault)
    let m = await scrape(c)
    expect(value(m, 'tabour_device_faults_total', { kind: 'kiosk' })).toBe(1)
    expect(value(m, 'tabour_devices_faulty')).toBe(1)
    status.report(kiosk.id, printerHealth({ reachable: true, online: true }))
    m = await scrape(c)
    expect(value(m, 'tabour_devices_faulty')).toBe(0)
    expect(isFaulty(printerHealth({ paperOut: true }))).toBe(true)
    expect(isFaulty(printerHealth({ paperNearEnd: true, online: true }))).toBe(false)
  })
})
