import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp, databaseFile, type TabourDeps } from '../../server/app.ts'
import { validateConfig, type Config } from '../../server/config.ts'
import { dayStartMs, localDay } from '../../protocol/center-clock.ts'
import { newDeviceToken } from '../../server/auth/tokens.ts'
import { placeMigratedDatabase } from './migrated-template.ts'

export const ADMIN_PASSWORD = 'admin-test-password'
export const STAFF_PASSWORD = 'staff-test-password'

/** A controllable clock for tests: starts at `start` and only moves when told. */
export class TestClock {
  constructor(public now: number = Date.parse('2026-03-10T08:00:00Z')) {}
  readonly fn = () => this.now
  advance(seconds: number): void {
    this.now += seconds * 1000
  }
  set(iso: string): void {
    this.now = Date.parse(iso)
  }
}

/**
 * How far to move a test server's clock from real time so that its "now" is local daytime
 * (10:00–22:00 in `timeZone`): 0 when it already is, else the way to 12:30 of the same local
 * day. A test that plays a morning up to "now" must not cross the center's midnight, where the
 * day close cancels what still waits (a CI run just after Cairo midnight lost its tickets so).
 */
export function daytimeShiftMs(timeZone = 'Africa/Cairo', now = Date.now()): number {
  const dayStart = dayStartMs(localDay(now, timeZone), timeZone)
  const localHour = (now - dayStart) / 3600_000
  return localHour >= 10 && localHour <= 22 ? 0 : dayStart + 12.5 * 3600_000 - now
}

export interface TestCenterOptions {
  /** Config keys to override (deep-merged over the test defaults). */
  config?: Record<string, unknown>
  /** A fake clock; default: real time. */
  clock?: TestClock
  /** Other dependencies to swap (e.g. openPrinter). */
  deps?: Omit<TabourDeps, 'clock'>
}

/**
 * A center server on a real SQLite file in a fresh temp dir, with silent logs and a known admin
 * password, plus helpers to create what a test needs through the real API. Always `close()` it.
 */
export class TestCenter {
  readonly dataDir: string
  readonly config: Config
  readonly app: FastifyInstance
  private adminToken: string | null = null

  constructor(options: TestCenterOptions = {}) {
    this.dataDir = mkdtempSync(join(tmpdir(), 'tabour-test-'))
    const overrides = options.config ?? {}
    this.config = validateConfig({
      dataDir: this.dataDir,
      adminPassword: ADMIN_PASSWORD,
      logLevel: 'silent',
      port: 0,
      host: '127.0.0.1',
      uiDir: join(this.dataDir, 'no-ui'),
      ...overrides,
      auth: { loginMaxAttempts: 1000, ...(overrides.auth as object | undefined) },
      // tests log many users in from one address: the flood limits have their own tests
      // the serial tests wire boards to pty links (socat) in the temp folder
      devicePaths: { allowedRoots: ['/dev', tmpdir()], ...(overrides.devicePaths as object | undefined) },
      logins: { maxPerAddress: 100_000, maxFailuresPerUsername: 100_000, ...(overrides.logins as object | undefined) },
      // tests issue and resync far faster than a kiosk or a display: the per-device limits have their own tests
      deviceLimits: {
        ticketsPerMinute: 1_000_000,
        ticketBurst: 100_000,
        snapshotsPerMinute: 1_000_000,
        snapshotBurst: 100_000,
        ...(overrides.deviceLimits as object | undefined),
      },
      // most tests mark a no-show right after the call; the tests of that rule set their own minimum
      queue: { minSecondsBeforeNoShow: 0, ...(overrides.queue as object | undefined) },
    })
    // a fresh data dir gets a copy of a migrated database instead of migrating (migrated-template.ts);
    // a dir the server is to make itself, or a database the test brought, is left as it is
    if (!options.deps?.db && existsSync(this.config.dataDir)) placeMigratedDatabase(databaseFile(this.config))
    this.app = buildApp(this.config, { ...options.deps, clock: options.clock?.fn })
  }

  static async start(options: TestCenterOptions = {}): Promise<TestCenter> {
    const center = new TestCenter(options)
    await center.app.ready()
    return center
  }

  /** Listens on loopback, on `port` (default 0: a random one); returns the base URL (http://127.0.0.1:PORT). */
  async listen(port = 0): Promise<string> {
    await this.app.listen({ port, host: '127.0.0.1' })
    const address = this.app.server.address()
    if (!address || typeof address === 'string') throw new Error('no address')
    return `http://127.0.0.1:${address.port}`
  }

  async close(): Promise<void> {
    await this.app.close()
    rmSync(this.dataDir, { recursive: true, force: true })
  }

  /** An inject() call with JSON in and out; `token` adds the bearer header. */
  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse & { json: <T = any>() => T }> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    return this.app.inject({ method, url, headers, ...(options.body !== undefined ? { payload: options.body as object } : {}) }) as never
  }

  async login(username: string, password: string): Promise<string> {
    const res = await this.request('POST', '/api/v1/auth/login', { body: { username, password } })
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`)
    return res.json().token as string
  }

  async admin(): Promise<string> {
    this.adminToken ??= await this.login('admin', ADMIN_PASSWORD)
    return this.adminToken
  }

  /** Creates through the API and returns the created body; throws on any non-201. */
  private async create(url: string, body: unknown): Promise<any> {
    const res = await this.request('POST', url, { token: await this.admin(), body })
    if (res.statusCode !== 201) throw new Error(`POST ${url} failed: ${res.statusCode} ${res.body}`)
    return res.json()
  }

  /**
   * Creates a service. Offered without estimate while no counter serves it (unless the test says
   * otherwise), so tests about numbering, printing or the lifecycle can issue from a kiosk with no
   * counter open; staffing itself is tested with `whenUnstaffed: 'not-offered'` (the product's default).
   */
  createService(body: {
    prefix: string
    nameAr?: string
    nameEn?: string
    targetWaitSeconds?: number
    dailyCap?: number | null
    whenUnstaffed?: 'not-offered' | 'offer-without-estimate'
    nationalCode?: string | null
  }) {
    return this.create('/api/v1/services', {
      nameAr: `خدمة ${body.prefix}`,
      nameEn: `Service ${body.prefix}`,
      targetWaitSeconds: 600,
      whenUnstaffed: 'offer-without-estimate',
      ...body,
    })
  }

  /** Creates a counter; an active one (the default) must name its services, as the API asks (an inactive one may have none). */
  createCounter(body: {
    number: number
    name?: string
    zone?: string
    active?: boolean
    serviceIds?: number[]
    services?: { serviceId: number; weight: number }[]
  }) {
    return this.create('/api/v1/counters', { name: `Counter ${body.number}`, ...body })
  }

  /** Creates a user (clerk by default) and returns its token. */
  async createUser(username: string, role: 'clerk' | 'manager' | 'admin' = 'clerk'): Promise<{ id: number; token: string }> {
    const user = await this.create('/api/v1/users', { username, password: STAFF_PASSWORD, role })
    return { id: user.id, token: await this.login(username, STAFF_PASSWORD) }
  }

  /**
   * Creates and pairs a device; returns its id and token. A printer, board or keypad never pairs
   * (no code): its token is stored as one paired before that was so, for the tests of what such a token may do.
   */
  async createDevice(
    kind: 'kiosk' | 'display' | 'printer' | 'board' | 'keypad',
    zone: string | null = null,
  ): Promise<{ id: number; token: string }> {
    const device = await this.create('/api/v1/devices', { kind, name: `${kind} ${zone ?? ''}`.trim(), zone })
    if (device.pairingCode === null) {
      const token = newDeviceToken()
      this.app.tabour.queue.ctx.tokens.insert(token, 'device', device.id, Date.now(), null)
      return { id: device.id, token }
    }
    const res = await this.request('POST', '/api/v1/devices/pair', { body: { pairingCode: device.pairingCode } })
    if (res.statusCode !== 200) throw new Error(`pairing failed: ${res.body}`)
    return { id: device.id, token: res.json().token }
  }

  /** A clerk who has opened the given counter. */
  async openCounterAs(username: string, counterId: number): Promise<string> {
    const { token } = await this.createUser(username)
    const res = await this.request('POST', `/api/v1/counters/${counterId}/open`, { token })
    if (res.statusCode !== 200) throw new Error(`open failed: ${res.body}`)
    return token
  }

  async issue(token: string, body: { serviceId: number; priority?: string; phone?: string }, headers: Record<string, string> = {}) {
    const res = await this.request('POST', '/api/v1/tickets', { token, body, headers })
    if (res.statusCode !== 201) throw new Error(`issue failed: ${res.statusCode} ${res.body}`)
    return res.json()
  }

  /** A place taken from a phone (POST /remote/join, from an address outside the center's Wi-Fi); throws unless 201. */
  async joinFromPhone(serviceId: number, remoteAddress = '203.0.113.9'): Promise<{ id: string; label: string }> {
    const res = await this.app.inject({ method: 'POST', url: '/api/v1/remote/join', payload: { serviceId }, remoteAddress })
    if (res.statusCode !== 201) throw new Error(`join failed: ${res.statusCode} ${res.body}`)
    return res.json()
  }

  /** POST /counters/:id/<action>; returns the raw response. */
  action(token: string, counterId: number, action: string, body?: unknown) {
    return this.request('POST', `/api/v1/counters/${counterId}/${action}`, { token, body })
  }
}
