import { describe, expect, it } from 'vitest'
import { EventRecorder, useListeningCenter, waitForEvent, waitUntil } from '../../helpers/socket-client.ts'
import { buildFloor, openCounter } from './floor.ts'

/**
 * Walk findings 1 and 10: the citizen's screens follow an admin's change without a reload. A
 * change of the center's settings (call policy, digits…) reaches every kiosk and display as
 * `config:changed` {deviceId: null} and every status page as a fresh `ticket:status`; an edit of
 * one device's config reaches them as `config:changed` with its id. And under `fifo` a
 * kiosk's priority category is not recorded (nothing could honour it), while a clerk's still is.
 */
describe('screens follow setting changes', () => {
  const { clients, start } = useListeningCenter()

  it('pushes config:changed to kiosks and displays after a settings change, and names the device after a device edit', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    const admin = await center.admin()
    const kiosk = await clients.connect(url, floor.kiosk.token)
    const tv = await clients.connect(url, floor.displayAll.token)

    // the center's settings: every kiosk and every display loads them again (a TV kept Western
    // digits until someone reloaded it)
    const afterSettings = [waitForEvent(kiosk, 'config:changed'), waitForEvent(tv, 'config:changed')]
    const put = await center.request('PUT', '/api/v1/settings', { token: admin, body: { callPolicy: 'fifo' } })
    expect(put.statusCode, put.body).toBe(200)
    for (const pushed of await Promise.all(afterSettings)) expect(pushed.deviceId).toBeNull()

    // one device's config: the push names it, and every other device ignores it
    const afterKioskEdit = [waitForEvent(kiosk, 'config:changed'), waitForEvent(tv, 'config:changed')]
    const patch = await center.request('PATCH', `/api/v1/devices/${floor.kiosk.id}`, {
      token: admin,
      body: { config: { askPriority: true, askPhone: true } },
    })
    expect(patch.statusCode, patch.body).toBe(200)
    for (const pushed of await Promise.all(afterKioskEdit)) expect(pushed.deviceId).toBe(floor.kiosk.id)

    const afterTvEdit = waitForEvent(tv, 'config:changed')
    const tvPatch = await center.request('PATCH', `/api/v1/devices/${floor.displayAll.id}`, {
      token: admin,
      body: { config: { announcement: 'long' } },
    })
    expect(tvPatch.statusCode, tvPatch.body).toBe(200)
    expect((await afterTvEdit).deviceId).toBe(floor.displayAll.id)
  })

  it('pushes the new digits to a watched ticket when the center switches to Arabic-Indic digits', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    await openCounter(center, floor.clerkGround, floor.ground.id)
    const ticket = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    const phone = clients.open(url, undefined, { auth: { watch: [ticket.id] } })
    const seen = new EventRecorder(phone)
    expect((await waitForEvent(phone, 'ticket:status')).ticket.center.digits).toBe('western')

    const put = await center.request('PUT', '/api/v1/settings', { token: await center.admin(), body: { digits: 'arabic-indic' } })
    expect(put.statusCode, put.body).toBe(200)
    await waitUntil(
      () => seen.events.some((e) => e.name === 'ticket:status' && e.payload.ticket.center.digits === 'arabic-indic'),
      2000,
      'the new digits on the status page',
    )
  })

  it("records a kiosk's priority category only under the priority policy; a clerk's always", async () => {
    const { center } = await start()
    const floor = await buildFloor(center)
    await openCounter(center, floor.clerkGround, floor.ground.id)
    const admin = await center.admin()
    const underPriority = await center.issue(floor.kiosk.token, { serviceId: floor.service.id, priority: 'elderly' })
    expect(underPriority.priority).toBe('elderly')

    expect((await center.request('PUT', '/api/v1/settings', { token: admin, body: { callPolicy: 'fifo' } })).statusCode).toBe(200)
    // a kiosk page that has not heard of the change yet still sends the category: it is not recorded
    const fromKiosk = await center.issue(floor.kiosk.token, { serviceId: floor.service.id, priority: 'elderly' })
    expect(fromKiosk.priority).toBe('none')
    const stored = await center.request('GET', `/api/v1/tickets/${fromKiosk.id}`, { token: floor.manager })
    expect(stored.statusCode, stored.body).toBe(200)
    expect(stored.json().priority ?? 'none').toBe('none')
    // a clerk at reception may still record one (README: counted, not served first)
    const fromClerk = await center.issue(floor.clerkGround, { serviceId: floor.service.id, priority: 'elderly' })
    expect(fromClerk.priority).toBe('elderly')
  })
})
