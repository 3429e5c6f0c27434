import { afterEach, describe, expect, it } from 'vitest'
import type { TestCenter } from '../../helpers/test-center.ts'
import { oneCounterDay } from '../../helpers/one-counter-day.ts'

/**
 * Walk s40: a clerk parked A-002 for 15 minutes and took a break; the park kept counting through the
 * break and the citizen, back in time, found the ticket abandoned. The park clock stops while the
 * counter that parked the ticket is paused (server/queue/parking-rules.ts), and the status page
 * names the reason the clerk picked and the counter to go back to.
 */
describe('the park clock stops while the parking counter is paused', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  /** One service, counter 1 open by clerk1, a ticket called and parked there for 15 minutes (payment) at 08:00 UTC. */
  async function parkedAtCounterOne() {
    const day = await oneCounterDay('2026-03-10T08:00:00Z')
    center = day.center
    const { clock, center: c, a, counter: c1, kiosk, clerk } = day
    const t = await c.issue(kiosk, { serviceId: a.id })
    await c.action(clerk, c1.id, 'call-next')
    const parked = await c.action(clerk, c1.id, 'park', { reason: 'payment', minutes: 15 })
    expect(parked.statusCode, parked.body).toBe(200)
    const parkedAt = clock.now
    const status = async () => (await c.request('GET', `/api/v1/tickets/${t.id}`)).json()
    const list = async () => (await c.request('GET', '/api/v1/tickets/parked', { token: clerk })).json().parked
    return { clock, c, c1, clerk, t, parkedAt, status, list }
  }

  it('a 30-minute break in the middle of a 15-minute park loses the citizen nothing: 10 minutes are left when the clerk is back', async () => {
    const { clock, c, c1, clerk, t, parkedAt, status, list } = await parkedAtCounterOne()
    clock.advance(5 * 60)
    expect((await c.action(clerk, c1.id, 'pause', { reason: 'break' })).statusCode).toBe(200)
    clock.advance(30 * 60)
    // past the stored deadline, but the clock stood still: parked, 10 minutes left, and it says why
    expect(await list()).toEqual([expect.objectContaining({ secondsLeft: 10 * 60, clockStopped: true })])
    const paused = await status()
    expect(paused.status).toBe('parked')
    expect(paused.parked).toMatchObject({
      until: new Date(parkedAt + 45 * 60_000).toISOString(),
      secondsLeft: 10 * 60,
      clockStopped: true,
      reason: { nameEn: 'Making a payment', nameAr: 'السداد' },
      counter: { number: 1 },
    })
    expect((await c.action(clerk, c1.id, 'open')).statusCode).toBe(200)
    // the clock runs again from the clerk's return: 10 minutes, not a second more
    expect(await list()).toEqual([expect.objectContaining({ secondsLeft: 10 * 60, clockStopped: false })])
    expect((await status()).parked).toMatchObject({ until: new Date(parkedAt + 45 * 60_000).toISOString(), clockStopped: false })
    clock.advance(60)
    // running again: the public page counts down with it
    expect((await status()).parked).toMatchObject({ secondsLeft: 9 * 60, clockStopped: false })
    clock.advance(8 * 60)
    const back = await c.action(clerk, c1.id, 'resume-parked', { ticketId: t.id })
    expect(back.statusCode, back.body).toBe(200)
    expect(back.json().ticket).toMatchObject({ id: t.id, status: 'called' })
  })

  it('the clock runs again when the paused counter closes, and the ticket is abandoned at the deadline moved by the pause', async () => {
    const { clock, c, c1, clerk, t, status } = await parkedAtCounterOne()
    expect((await c.action(clerk, c1.id, 'pause')).statusCode).toBe(200)
    clock.advance(20 * 60)
    expect((await c.action(clerk, c1.id, 'close')).statusCode).toBe(200)
    clock.advance(15 * 60 - 1)
    expect((await status()).status).toBe('parked')
    clock.advance(1)
    expect((await status()).status).toBe('abandoned')
    const again = await c.openCounterAs('clerk2', c1.id)
    const late = await c.action(again, c1.id, 'resume-parked', { ticketId: t.id })
    expect(late.statusCode).toBe(410)
  })

  it('a park not under a pause runs out as before, and a paused counter still may not resume a parked ticket (the console says to resume the counter first)', async () => {
    const { clock, c, c1, clerk, t, status } = await parkedAtCounterOne()
    expect((await c.action(clerk, c1.id, 'pause')).statusCode).toBe(200)
    const refused = await c.action(clerk, c1.id, 'resume-parked', { ticketId: t.id })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().code).toBe('TABOUR_ERR_COUNTER_NOT_OPEN')
    expect((await c.action(clerk, c1.id, 'open')).statusCode).toBe(200)
    clock.advance(15 * 60)
    expect((await status()).status).toBe('abandoned')
  })

  it('a counter left paused overnight does not keep the ticket: the pause stops the clock only until the park day ends', async () => {
    const { clock, c, c1, clerk, status } = await parkedAtCounterOne()
    expect((await c.action(clerk, c1.id, 'pause')).statusCode).toBe(200)
    // 10:00 in Cairo: the day ends at 22:00 UTC, so the 15 minutes run out at 22:15 UTC
    clock.set('2026-03-10T22:14:59Z')
    expect((await status()).status).toBe('parked')
    clock.set('2026-03-10T22:15:00Z')
    expect((await status()).status).toBe('abandoned')
  })

  it('a manager closing the paused counter of a clerk gone away also keeps the paused time', async () => {
    const { clock, c, c1, clerk, status } = await parkedAtCounterOne()
    expect((await c.action(clerk, c1.id, 'pause')).statusCode).toBe(200)
    clock.advance(20 * 60)
    // the clerk's console has been gone for long (console-presence.test.ts covers how a counter becomes away)
    c.app.tabour.queue.ctx.db.prepare('UPDATE counters SET away_since = ? WHERE id = ?').run(clock.now - 10 * 60_000, c1.id)
    const manager = (await c.createUser('manager', 'manager')).token
    const closed = await c.request('POST', `/api/v1/counters/${c1.id}/close-away`, { token: manager })
    expect(closed.statusCode, closed.body).toBe(200)
    clock.advance(15 * 60 - 1)
    expect((await status()).status).toBe('parked')
    clock.advance(1)
    expect((await status()).status).toBe('abandoned')
  })
})
