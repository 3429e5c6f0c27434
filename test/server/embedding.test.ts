import { afterEach, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tabourPlugin, type Tabour } from '../../server/app.ts'
import { validateConfig, type Config } from '../../server/config.ts'
import { ErrorCodes } from '../../server/errors.ts'
import { http } from '../helpers/http.ts'
import { SocketClients, waitForConnect, waitForConnectError, waitForEvent } from '../helpers/socket-client.ts'

const ADMIN_PASSWORD = 'embedded-admin-password'
const CLERK_PASSWORD = 'embedded-desk-password'

/** A host app of its own with one route, and the center registered in it under `prefix`. */
interface Hosted {
  host: FastifyInstance
  tabour: Tabour
  config: Config
}

describe('the center embedded as a plugin in another Fastify app', () => {
  const dirs: string[] = []
  const hosts: FastifyInstance[] = []
  const clients = new SocketClients()
  afterEach(async () => {
    clients.closeAll()
    for (const host of hosts.splice(0)) await host.close()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  function configFor(): Config {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-embed-'))
    dirs.push(dataDir)
    return validateConfig({ dataDir, adminPassword: ADMIN_PASSWORD, logLevel: 'silent', uiDir: join(dataDir, 'no-ui') })
  }

  async function hostWith(prefixes: string[] = ['/center']): Promise<Hosted[]> {
    const host = Fastify()
    hosts.push(host)
    host.get('/host-ping', async () => ({ pong: true }))
    host.get('/host-fails', async () => {
      throw new Error('the host route broke')
    })
    const hosted: Hosted[] = []
    for (const prefix of prefixes) {
      const config = configFor()
      const box: { tabour?: Tabour } = {}
      await host.register(tabourPlugin, { prefix, config, expose: (t) => (box.tabour = t) })
      if (!box.tabour) throw new Error('expose was not called')
      hosted.push({ host, config, tabour: box.tabour })
    }
    await host.ready()
    return hosted
  }

  /** inject() with JSON; `token` adds the bearer header. */
  async function call(host: FastifyInstance, method: 'GET' | 'POST', url: string, options: { token?: string; body?: unknown } = {}) {
    const res = await host.inject({
      method,
      url,
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    })
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null }
  }

  /** Logs in, builds a service, a counter, a clerk and a kiosk under `prefix`, all through the API. */
  async function setUp(host: FastifyInstance, prefix: string) {
    const admin = (await call(host, 'POST', `${prefix}/api/v1/auth/login`, { body: { username: 'admin', password: ADMIN_PASSWORD } })).body
      .token as string
    const created = async (url: string, body: unknown) => {
      const res = await call(host, 'POST', `${prefix}${url}`, { token: admin, body })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body
    }
    const service = await created('/api/v1/services', {
      prefix: 'A',
      nameAr: 'خدمة',
      nameEn: 'Service',
      targetWaitSeconds: 600,
      whenUnstaffed: 'offer-without-estimate', // issued from the kiosk before a counter opens
    })
    const counter = await created('/api/v1/counters', { number: 1, name: 'Counter 1', zone: 'hall', serviceIds: [service.id] })
    await created('/api/v1/users', { username: 'clerk', password: CLERK_PASSWORD, role: 'clerk' })
    const clerk = (await call(host, 'POST', `${prefix}/api/v1/auth/login`, { body: { username: 'clerk', password: CLERK_PASSWORD } })).body
      .token as string
    const pairingCode = (await created('/api/v1/devices', { kind: 'kiosk', name: 'kiosk' })).pairingCode
    const kiosk = (await call(host, 'POST', `${prefix}/api/v1/devices/pair`, { body: { pairingCode } })).body.token as string
    const displayCode = (await created('/api/v1/devices', { kind: 'display', name: 'hall tv', zone: 'hall' })).pairingCode
    const display = (await call(host, 'POST', `${prefix}/api/v1/devices/pair`, { body: { pairingCode: displayCode } })).body.token as string
    return { admin, service, counter, clerk, kiosk, display }
  }

  it('keeps the host route working, and serves login under the prefix only', async () => {
    const [{ host }] = await hostWith()
    expect(await call(host, 'GET', '/host-ping')).toEqual({ status: 200, body: { pong: true } })
    // the center's auth hook is encapsulated: a bearer header means nothing to the host's routes
    const ping = await host.inject({ method: 'GET', url: '/host-ping', headers: { authorization: 'Bearer garbage' } })
    expect(ping.statusCode).toBe(200)

    const login = await call(host, 'POST', '/center/api/v1/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } })
    expect(login.status).toBe(200)
    expect(login.body).toMatchObject({ token: expect.any(String), user: { username: 'admin', role: 'admin' } })

    const outside = await call(host, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } })
    expect(outside.status).toBe(404)
    // the host's own 404, not the center's
    expect(outside.body.code).toBeUndefined()
  })

  it('runs the whole flow under the prefix: service, counter, clerk, issue, call next', async () => {
    const [{ host }] = await hostWith()
    const s = await setUp(host, '/center')
    const issued = await call(host, 'POST', '/center/api/v1/tickets', { token: s.kiosk, body: { serviceId: s.service.id } })
    expect(issued.status).toBe(201)
    expect(issued.body).toMatchObject({ label: 'A-001', serviceId: s.service.id, status: 'waiting' })
    expect((await call(host, 'POST', `/center/api/v1/counters/${s.counter.id}/open`, { token: s.clerk })).status).toBe(200)
    const called = await call(host, 'POST', `/center/api/v1/counters/${s.counter.id}/call-next`, { token: s.clerk })
    expect(called.status).toBe(200)
    expect(called.body.ticket).toMatchObject({ id: issued.body.id, status: 'called', counterId: s.counter.id })
    const status = await call(host, 'GET', `/center/api/v1/tickets/${issued.body.id}`)
    expect(status).toMatchObject({ status: 200, body: { status: 'called' } })
    const services = await call(host, 'GET', '/center/api/v1/services', { token: s.kiosk })
    expect(services.body).toEqual([expect.objectContaining({ id: s.service.id, waiting: 0 })])
  })

  it('answers /center/healthz and the OpenAPI document', async () => {
    const [{ host }] = await hostWith()
    const health = await call(host, 'GET', '/center/healthz')
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', database: true } })
    expect((await call(host, 'GET', '/healthz')).status).toBe(404)

    const openapi = await call(host, 'GET', '/center/api/v1/openapi.json')
    expect(openapi.status).toBe(200)
    expect(openapi.body.openapi).toBe('3.0.3')
    const paths = Object.keys(openapi.body.paths)
    expect(paths).toContain('/center/api/v1/auth/login')
    expect(paths).toContain('/center/api/v1/counters/{id}/call-next')
    expect(paths.some((p) => p.startsWith('/center/api/v1/tickets'))).toBe(true)
    // the document describes the center only, not the host
    expect(paths.filter((p) => !p.startsWith('/center/'))).toEqual([])
  })

  it("keeps the center's error shape under the prefix and leaves the host's errors alone", async () => {
    const [{ host }] = await hostWith()
    const shape = (body: Record<string, unknown>) => Object.keys(body).sort()
    const tabourShape = ['code', 'error', 'message', 'statusCode']

    const unknownRoute = await call(host, 'GET', '/center/api/v1/no-such-thing')
    expect(unknownRoute.status).toBe(404)
    expect(unknownRoute.body.code).toBe(ErrorCodes.ROUTE_NOT_FOUND)
    expect(shape(unknownRoute.body)).toEqual(tabourShape)

    const unauthenticated = await call(host, 'GET', '/center/api/v1/services')
    expect(unauthenticated.status).toBe(401)
    expect(shape(unauthenticated.body)).toEqual(tabourShape)

    const badBody = await host.inject({
      method: 'POST',
      url: '/center/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    })
    expect(badBody.statusCode).toBe(400)
    expect(shape(badBody.json())).toEqual(tabourShape)

    // the center's 64 KiB body limit holds inside a host whose own limit is Fastify's 1 MiB
    const oversized = await host.inject({
      method: 'POST',
      url: '/center/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x'.repeat(100_000), password: 'y' }),
    })
    expect(oversized.statusCode).toBe(413)
    expect(shape(oversized.json())).toEqual(tabourShape)

    const invalid = await call(host, 'POST', '/center/api/v1/auth/login', { body: { username: 42 } })
    expect(invalid.status).toBe(400)
    expect(invalid.body.code).toBe(ErrorCodes.VALIDATION)

    // the host's 404 and 500 are Fastify's own, untouched by the plugin's handlers
    const hostMissing = await call(host, 'GET', '/nope')
    expect(hostMissing).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Route GET:/nope not found' } })
    const hostBroken = await call(host, 'GET', '/host-fails')
    expect(hostBroken.status).toBe(500)
    expect(hostBroken.body.code).toBeUndefined()
    expect(hostBroken.body.message).toBe('the host route broke')
  })

  it('serves socket.io at /center/socket.io on the listening host: a display gets ticket:called', async () => {
    const [{ host, tabour }] = await hostWith()
    const s = await setUp(host, '/center')
    await host.listen({ port: 0, host: '127.0.0.1' })
    const address = host.server.address()
    if (!address || typeof address === 'string') throw new Error('no address')
    const url = `http://127.0.0.1:${address.port}`

    expect((await http(url, 'GET', '/host-ping')).body).toEqual({ pong: true })
    // nothing listens at the default path: the host answers it
    expect((await http(url, 'GET', '/socket.io/?EIO=4&transport=polling')).status).toBe(404)
    const wrongPath = clients.open(url, s.display)
    await waitForConnectError(wrongPath)

    const display = clients.open(url, s.display, { path: '/center/socket.io' })
    const joined = waitForEvent(display, 'feed:joined')
    await waitForConnect(display)
    expect(tabour.realtime.socketCount()).toBe(1)
    expect((await joined).feed).toBe('feed:display:hall')
    const called = waitForEvent(display, 'ticket:called')
    const issued = await http(url, 'POST', '/center/api/v1/tickets', { token: s.kiosk, body: { serviceId: s.service.id } })
    expect(issued.status).toBe(201)
    expect((await http(url, 'POST', `/center/api/v1/counters/${s.counter.id}/open`, { token: s.clerk })).status).toBe(200)
    expect((await http(url, 'POST', `/center/api/v1/counters/${s.counter.id}/call-next`, { token: s.clerk })).status).toBe(200)
    expect(await called).toMatchObject({
      ticket: { id: issued.body.id, label: 'A-001' },
      counter: { id: s.counter.id, zone: 'hall' },
      recall: false,
    })

    // a bad token is refused under the prefix too
    const refused = clients.open(url, 'garbage', { path: '/center/socket.io' })
    expect((await waitForConnectError(refused)).data).toEqual({ code: ErrorCodes.UNAUTHENTICATED })
  })

  it('closing the host closes the center: its sockets, its database', async () => {
    const [{ host, tabour }] = await hostWith()
    const s = await setUp(host, '/center')
    await host.listen({ port: 0, host: '127.0.0.1' })
    const address = host.server.address()
    if (!address || typeof address === 'string') throw new Error('no address')
    const display = await clients.connect(`http://127.0.0.1:${address.port}`, s.display, { path: '/center/socket.io', reconnection: true })
    expect(tabour.db.open).toBe(true)
    const gone = new Promise<string>((resolve) => display.once('disconnect', resolve))

    const started = Date.now()
    await host.close()
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(tabour.db.open).toBe(false)
    expect(await gone).toBe('io server disconnect')
  })

  it('two centers under two prefixes in one host stay apart', async () => {
    const [a, b] = await hostWith(['/north', '/south'])
    expect(a!.tabour.db).not.toBe(b!.tabour.db)
    const north = await setUp(a!.host, '/north')
    // a token of one center means nothing to the other
    const crossed = await call(a!.host, 'GET', '/south/api/v1/services', { token: north.admin })
    expect(crossed.status).toBe(401)
    expect(crossed.body.code).toBe(ErrorCodes.UNAUTHENTICATED)
    const issued = await call(a!.host, 'POST', '/north/api/v1/tickets', { token: north.kiosk, body: { serviceId: north.service.id } })
    expect(issued.status).toBe(201)
    expect((await call(a!.host, 'GET', `/south/api/v1/tickets/${issued.body.id}`)).status).toBe(404)

    await a!.host.listen({ port: 0, host: '127.0.0.1' })
    const address = a!.host.server.address()
    if (!address || typeof address === 'string') throw new Error('no address')
    const url = `http://127.0.0.1:${address.port}`
    const northDisplay = clients.open(url, north.display, { path: '/north/socket.io' })
    expect((await waitForEvent(northDisplay, 'feed:joined')).feed).toBe('feed:display:hall')
    expect(a!.tabour.realtime.socketCount()).toBe(1)
    expect(b!.tabour.realtime.socketCount()).toBe(0)
    const wrongCenter = clients.open(url, north.display, { path: '/south/socket.io' })
    expect((await waitForConnectError(wrongCenter)).data).toEqual({ code: ErrorCodes.UNAUTHENTICATED })

    await a!.host.close()
    expect(a!.tabour.db.open).toBe(false)
    expect(b!.tabour.db.open).toBe(false)
  })
})
