import { describe, expect, it } from 'vitest'
import { listeningCenter } from '../../helpers/listening-center.ts'
import { useListeningCenter, waitForConnect, waitForDisconnect, waitForEvent } from '../../helpers/socket-client.ts'
import { expectError } from './route-helpers.ts'

/**
 * A display reports its own health (POST /devices/me/status): a browser that blocks its sound
 * (autoplay policy) is a fault staff see at once (device:status on the staff feed) and in the
 * dashboard's device list (GET /stats/devices), instead of a "tap the screen" the public reads.
 */

const STATUS = '/api/v1/devices/me/status'
const BLOCKED = { sound: 'blocked', lastError: 'sound blocked by the browser: start it with --autoplay-policy=no-user-gesture-required' }

describe('POST /devices/me/status', () => {
  const { clients, start } = useListeningCenter()

  it('a blocked sound goes to staff live and into the device list as a fault; ok clears it', async () => {
    const { center, url } = await start()
    const display = await center.createDevice('display', 'hall')
    const staff = await clients.connect(url, await center.admin())
    const heard = waitForEvent(staff, 'device:status')

    const res = await center.request('POST', STATUS, { token: display.token, body: BLOCKED })
    expect(res.statusCode, res.body).toBe(204)
    const pushed = await heard
    expect(pushed.deviceId).toBe(display.id)
    expect(pushed.status).toMatchObject({ display: BLOCKED })
    expect(Date.parse((pushed.status.display as { at: string }).at)).not.toBeNaN()

    const list = async () =>
      (await center.request('GET', '/api/v1/stats/devices', { token: await center.admin() }))
        .json()
        .find((d: { id: number }) => d.id === display.id)
    expect(await list()).toMatchObject({ kind: 'display', faulty: true, status: { display: BLOCKED } })

    expect((await center.request('POST', STATUS, { token: display.token, body: { sound: 'ok' } })).statusCode).toBe(204)
    expect(await list()).toMatchObject({ faulty: false, status: { display: { sound: 'ok' } } })
  })

  it('a blocked sound is still listed after a restart, when the display is back on its feed', async () => {
    const { center, url, port } = await start()
    const display = await center.createDevice('display', 'hall')
    const feed = await clients.connect(url, display.token)
    expect((await center.request('POST', STATUS, { token: display.token, body: BLOCKED })).statusCode).toBe(204)

    // the same data, the same port: the display's feed connects again (its FeedController, after a
    // server's disconnect) and says nothing more
    const gone = waitForDisconnect(feed)
    await center.app.close()
    await gone
    const cleanups: (() => unknown)[] = []
    try {
      const again = (await listeningCenter({ config: { dataDir: center.dataDir }, port }, cleanups)).center
      feed.connect()
      await waitForConnect(feed)
      const row = (await again.request('GET', '/api/v1/stats/devices', { token: await again.admin() }))
        .json()
        .find((d: { id: number }) => d.id === display.id)
      expect(row).toMatchObject({ kind: 'display', faulty: true, status: { display: BLOCKED } })
    } finally {
      for (const cleanup of cleanups) await cleanup()
    }
  })

  it('only a display may report, and only the documented shape', async () => {
    const { center } = await start()
    const display = await center.createDevice('display')
    const kiosk = await center.createDevice('kiosk')
    expectError(await center.request('POST', STATUS, { token: kiosk.token, body: BLOCKED }), 403, 'TABOUR_ERR_FORBIDDEN')
    expectError(await center.request('POST', STATUS, { token: await center.admin(), body: BLOCKED }), 403, 'TABOUR_ERR_FORBIDDEN')
    for (const body of [{ sound: 'loud' }, {}, { sound: 'ok', lastError: 7 }, { sound: 'blocked', lastError: 'x'.repeat(301) }]) {
      const res = await center.request('POST', STATUS, { token: display.token, body })
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
    }
    // nothing reported: no status, no fault
    const row = (await center.request('GET', '/api/v1/stats/devices', { token: await center.admin() }))
      .json()
      .find((d: { id: number }) => d.id === display.id)
    expect(row).toMatchObject({ status: null, faulty: false })
  })
})
