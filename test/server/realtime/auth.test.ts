import { describe, expect, it } from 'vitest'
import { TestClock, type TestCenter } from '../../helpers/test-center.ts'
import { ErrorCodes } from '../../../server/errors.ts'
import { useListeningCenter, waitForConnectError, waitForDisconnect, waitUntil, type TabourSocket } from '../../helpers/socket-client.ts'

/** A refused client: connect_error with the code, never `connect`, and no socket kept on the server. */
async function expectRefused(center: TestCenter, socket: TabourSocket, code: string): Promise<void> {
  const before = center.app.tabour.realtime.socketCount()
  let connected = false
  socket.on('connect', () => {
    connected = true
  })
  const err = await waitForConnectError(socket)
  expect(err.data).toEqual({ code })
  expect(err.message).toEqual(expect.any(String))
  expect(connected).toBe(false)
  expect(socket.connected).toBe(false)
  expect(center.app.tabour.realtime.socketCount()).toBe(before)
}

describe('socket.io authentication at connect', () => {
  const { clients, start } = useListeningCenter()

  it('refuses a client without a token', async () => {
    const { center, url } = await start()
    await expectRefused(center, clients.open(url, undefined), ErrorCodes.UNAUTHENTICATED)
  })

  it('refuses a token that is not a string', async () => {
    const { center, url } = await start()
    await expectRefused(center, clients.open(url, undefined, { auth: { token: 12345 } }), ErrorCodes.UNAUTHENTICATED)
    await expectRefused(center, clients.open(url, undefined, { auth: { token: { $gt: '' } } }), ErrorCodes.UNAUTHENTICATED)
  })

  it('refuses a garbage token', async () => {
    const { center, url } = await start()
    await expectRefused(center, clients.open(url, 'not-a-real-token'), ErrorCodes.UNAUTHENTICATED)
    await expectRefused(center, clients.open(url, 'x'.repeat(10_000)), ErrorCodes.UNAUTHENTICATED)
  })

  it('refuses a revoked device token', async () => {
    const { center, url } = await start()
    const display = await center.createDevice('display')
    const res = await center.request('POST', `/api/v1/devices/${display.id}/revoke`, { token: await center.admin() })
    expect(res.statusCode).toBe(200)
    await expectRefused(center, clients.open(url, display.token), ErrorCodes.UNAUTHENTICATED)
  })

  it('refuses an expired user token with TOKEN_EXPIRED, and accepts it before expiry', async () => {
    const clock = new TestClock()
    const { center, url } = await start({ clock })
    const manager = await center.createUser('manager', 'manager')
    await clients.connect(url, manager.token)
    clock.advance(center.config.auth.userTokenTtlSeconds + 1)
    await expectRefused(center, clients.open(url, manager.token), ErrorCodes.TOKEN_EXPIRED)
  })

  it('ends the feed of a socket whose user token expires while connected; its reconnect is refused with TOKEN_EXPIRED; a display stays', async () => {
    const clock = new TestClock()
    const { center, url } = await start({ clock, config: { realtime: { tokenCheckSeconds: 0.1 } } })
    const manager = await center.createUser('manager', 'manager')
    const display = await center.createDevice('display')
    const staff = await clients.connect(url, manager.token)
    const screen = await clients.connect(url, display.token)
    const refused = waitForConnectError(staff, 5_000)
    const dropped = waitForDisconnect(staff, 5_000)
    clock.advance(center.config.auth.userTokenTtlSeconds + 1)
    expect(await dropped).toBe('io server disconnect')
    // the client library does not reconnect after a server disconnect by itself; the UIs' feed does
    staff.connect()
    expect((await refused).data).toEqual({ code: ErrorCodes.TOKEN_EXPIRED })
    await waitUntil(() => center.app.tabour.realtime.socketCount() === 1, 15_000, 'only the display left')
    expect(screen.connected).toBe(true)
  })

  it('accepts a fresh connection after refusals (a refusal leaves nothing behind)', async () => {
    const { center, url } = await start()
    const display = await center.createDevice('display')
    await expectRefused(center, clients.open(url, 'nope'), ErrorCodes.UNAUTHENTICATED)
    const socket = await clients.connect(url, display.token)
    expect(socket.connected).toBe(true)
    expect(center.app.tabour.realtime.socketCount()).toBe(1)
  })
})

describe('revoking a device', () => {
  const { clients, start } = useListeningCenter()

  it('disconnects its sockets at once and only its sockets; it cannot come back', async () => {
    const { center, url } = await start()
    const revoked = await center.createDevice('display', 'ground')
    const other = await center.createDevice('display', 'ground')
    // two sockets of the revoked device (two tabs), with reconnection on as a real display has
    const a = await clients.connect(url, revoked.token, { reconnection: true, reconnectionDelay: 20, reconnectionDelayMax: 20 })
    const b = await clients.connect(url, revoked.token, { reconnection: true, reconnectionDelay: 20, reconnectionDelayMax: 20 })
    const kept = await clients.connect(url, other.token)
    expect(center.app.tabour.realtime.socketCount()).toBe(3)

    const aGone = waitForDisconnect(a)
    const bGone = waitForDisconnect(b)
    let keptDropped = false
    kept.on('disconnect', () => {
      keptDropped = true
    })
    const res = await center.request('POST', `/api/v1/devices/${revoked.id}/revoke`, { token: await center.admin() })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: revoked.id, revoked: true })

    // a server-side disconnect: the client is told so and does not try to reconnect
    expect(await aGone).toBe('io server disconnect')
    expect(await bGone).toBe('io server disconnect')
    await waitUntil(() => center.app.tabour.realtime.socketCount() === 1, 15_000, 'one socket left')
    expect(kept.connected).toBe(true)
    expect(keptDropped).toBe(false)

    // connecting again with the old token, by hand, is refused
    a.connect()
    const err = await waitForConnectError(a)
    expect(err.data).toEqual({ code: ErrorCodes.UNAUTHENTICATED })
  })

  it('refuses the old token after the device is paired again, and accepts the new one', async () => {
    const { center, url } = await start()
    const display = await center.createDevice('display')
    const code = await center.request('POST', `/api/v1/devices/${display.id}/pairing-code`, { token: await center.admin() })
    expect(code.statusCode).toBe(200)
    const paired = await center.request('POST', '/api/v1/devices/pair', { body: { pairingCode: code.json().pairingCode } })
    expect(paired.statusCode).toBe(200)
    // the old token is dead for new connections...
    const again = clients.open(url, display.token)
    expect((await waitForConnectError(again)).data).toEqual({ code: ErrorCodes.UNAUTHENTICATED })
    // ...and the new one works
    await clients.connect(url, paired.json().token)
  })
})

describe("ending a user's sessions", () => {
  const { clients, start } = useListeningCenter()

  it("logout, a new password and a disabled account each drop that user's live sockets, and only theirs", async () => {
    const { center, url } = await start()
    const admin = await center.admin()
    const other = await center.createUser('other', 'manager')
    const kept = await clients.connect(url, other.token)
    for (const end of ['logout', 'password', 'disable'] as const) {
      const user = await center.createUser(`clerk-${end}`)
      const socket = await clients.connect(url, user.token)
      const gone = waitForDisconnect(socket)
      const res =
        end === 'logout'
          ? await center.request('POST', '/api/v1/auth/logout', { token: user.token })
          : await center.request('PATCH', `/api/v1/users/${user.id}`, {
              token: admin,
              body: end === 'password' ? { password: 'a-new-password' } : { active: false },
            })
      expect(res.statusCode, res.body).toBeLessThan(300)
      expect(await gone).toBe('io server disconnect')
      await expectRefused(center, clients.open(url, user.token), ErrorCodes.UNAUTHENTICATED)
    }
    expect(kept.connected).toBe(true)
  })
})
