import { describe, expect, it } from 'vitest'
import { useListeningCenter, waitForEvent } from '../../helpers/socket-client.ts'
import type { TestCenter } from '../../helpers/test-center.ts'

/**
 * Issue 14, item 4: a service is on sale only when someone can serve it. Real SQLite file, the
 * real routes, a real socket.io kiosk client.
 */
describe('staffing: a service is on sale only when an open or paused counter serves it', () => {
  const { clients, start } = useListeningCenter()

  /** A client that has had its feed's first push (so later pushes are not missed). */
  async function joined(url: string, token: string) {
    const socket = clients.open(url, token)
    await waitForEvent(socket, 'feed:joined')
    return socket
  }

  const services = async (center: TestCenter, token: string) =>
    (await center.request('GET', '/api/v1/services', { token })).json() as {
      id: number
      staffed: boolean
      available: boolean
      estimatedWaitSeconds: number | null
    }[]

  it('a not-offered service nobody serves: greyed out, no estimate, a kiosk gets 409 SERVICE_UNSTAFFED, staff may still issue', async () => {
    const { center } = await start()
    const a = await center.createService({ prefix: 'A', whenUnstaffed: 'not-offered' })
    const kiosk = await center.createDevice('kiosk')
    expect((await services(center, kiosk.token))[0]).toMatchObject({
      id: a.id,
      staffed: false,
      available: false,
      estimatedWaitSeconds: null,
    })
    const refused = await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: a.id } })
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({ code: 'TABOUR_ERR_SERVICE_UNSTAFFED' })
    // nothing was numbered for the refused ticket
    const reception = await center.createUser('reception')
    const staffTicket = await center.issue(reception.token, { serviceId: a.id })
    expect(staffTicket).toMatchObject({ label: 'A-001', position: 0, estimatedWaitSeconds: null })
    expect((await center.request('GET', `/api/v1/tickets/${staffTicket.id}`)).json()).toMatchObject({ estimatedWaitSeconds: null })
  })

  it('opens, pauses and closes: on sale while open or paused, estimate only while open, and kiosks hear each change', async () => {
    const { center, url } = await start()
    const a = await center.createService({ prefix: 'A', whenUnstaffed: 'not-offered' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = await center.createDevice('kiosk')
    const socket = await joined(url, kiosk.token)

    let pushed = waitForEvent(socket, 'queue:updated')
    const clerk = await center.openCounterAs('clerk1', counter.id)
    expect((await pushed).services).toEqual([
      {
        serviceId: a.id,
        waiting: 0,
        sentToCounters: [],
        estimatedWaitSeconds: 0,
        ahead: 0,
        staffed: true,
        available: true,
        issuedToday: 0,
        checkIn: false,
        active: true,
      },
    ])
    const first = await center.issue(kiosk.token, { serviceId: a.id })
    expect(first).toMatchObject({ position: 0, estimatedWaitSeconds: 0 })
    expect(await center.issue(kiosk.token, { serviceId: a.id })).toMatchObject({ position: 1, estimatedWaitSeconds: 300 })

    // paused: someone will serve it, but nobody does this minute: on sale, estimate unknown
    pushed = waitForEvent(socket, 'queue:updated', undefined, (e) => e.services[0]?.estimatedWaitSeconds === null)
    expect((await center.action(clerk, counter.id, 'pause', { reason: 'prayer' })).statusCode).toBe(200)
    expect((await pushed).services[0]).toMatchObject({ staffed: true, available: true, estimatedWaitSeconds: null })
    expect((await center.request('GET', `/api/v1/tickets/${first.id}`)).json()).toMatchObject({ position: 0, estimatedWaitSeconds: null })

    // its only counter closes: off sale at once, and the kiosk refuses
    expect((await center.action(clerk, counter.id, 'open')).statusCode).toBe(200)
    pushed = waitForEvent(socket, 'queue:updated', undefined, (e) => e.services[0]?.staffed === false)
    expect((await center.action(clerk, counter.id, 'close')).statusCode).toBe(200)
    expect((await pushed).services[0]).toEqual({
      serviceId: a.id,
      waiting: 2,
      sentToCounters: [],
      estimatedWaitSeconds: null,
      // no counter will call it: its own line is ahead of it
      ahead: 2,
      staffed: false,
      available: false,
      issuedToday: 2,
      checkIn: false,
      active: true,
    })
    const refused = await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: a.id } })
    expect(refused.json()).toMatchObject({ statusCode: 409, code: 'TABOUR_ERR_SERVICE_UNSTAFFED' })
    // the citizens already waiting are told the truth: no estimate
    expect((await center.request('GET', `/api/v1/tickets/${first.id}`)).json()).toMatchObject({
      status: 'waiting',
      estimatedWaitSeconds: null,
    })
  })

  it('a counter that serves the service with weight 0 (backup) staffs it: it will call the ticket, so the kiosk sells it', async () => {
    const { center } = await start()
    const a = await center.createService({ prefix: 'A', whenUnstaffed: 'not-offered' })
    const backup = await center.createCounter({ number: 1, services: [{ serviceId: a.id, weight: 0 }] })
    const kiosk = await center.createDevice('kiosk')
    expect((await services(center, kiosk.token))[0]).toMatchObject({ staffed: false, available: false, checkIn: false })
    const clerk = await center.openCounterAs('clerk1', backup.id)
    const offered = (await services(center, kiosk.token))[0]
    expect(offered).toMatchObject({ staffed: true, available: true, checkIn: false })
    // an estimate, because the backup counter is the one that calls it (the forecast plays it)
    expect(offered.estimatedWaitSeconds).not.toBeNull()
    const ticket = await center.issue(kiosk.token, { serviceId: a.id })
    expect((await center.action(clerk, backup.id, 'call-next')).json().ticket.id).toBe(ticket.id)
  })

  it('offer-without-estimate: sold with no estimate while unstaffed; the ticket and its status page say unknown', async () => {
    const { center } = await start()
    const a = await center.createService({ prefix: 'A', whenUnstaffed: 'offer-without-estimate' })
    const kiosk = await center.createDevice('kiosk')
    expect((await services(center, kiosk.token))[0]).toMatchObject({ staffed: false, available: true, estimatedWaitSeconds: null })
    const ticket = await center.issue(kiosk.token, { serviceId: a.id })
    // the first ticket with every counter closed: not "less than a minute"
    expect(ticket).toMatchObject({ position: 0, estimatedWaitSeconds: null })
    expect((await center.request('GET', `/api/v1/tickets/${ticket.id}`)).json()).toMatchObject({ estimatedWaitSeconds: null })
  })

  it('the admin switches whenUnstaffed through the service config (audited); kiosks hear it', async () => {
    const { center, url } = await start()
    const a = await center.createService({ prefix: 'A', whenUnstaffed: 'not-offered' })
    const kiosk = await center.createDevice('kiosk')
    const socket = await joined(url, kiosk.token)
    const pushed = waitForEvent(socket, 'queue:updated')
    const res = await center.request('PATCH', `/api/v1/services/${a.id}`, {
      token: await center.admin(),
      body: { whenUnstaffed: 'offer-without-estimate' },
    })
    expect(res.json()).toMatchObject({ whenUnstaffed: 'offer-without-estimate' })
    expect((await pushed).services[0]).toMatchObject({ staffed: false, available: true, estimatedWaitSeconds: null })
    const bad = await center.request('PATCH', `/api/v1/services/${a.id}`, { token: await center.admin(), body: { whenUnstaffed: 'hide' } })
    expect(bad.statusCode).toBe(400)
    const audit = center.app.tabour.queue.ctx.db
      .prepare(`SELECT data FROM events WHERE type = 'config.changed' ORDER BY id DESC LIMIT 1`)
      .get() as { data: string }
    expect(audit.data).toContain('offer-without-estimate')
  })
})
