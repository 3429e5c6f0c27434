import { describe, expect, it } from 'vitest'
import { TestClock } from '../../helpers/test-center.ts'
import { snapshotOf, useListeningCenter } from '../../helpers/socket-client.ts'
import { expectError } from './route-helpers.ts'
import type { Ticket } from '../../../protocol/entities.ts'

/**
 * The console is told when the server accepts a no-show of the called ticket (walk 2026-12-05:
 * the button was offered, confirmed, then refused "too early"). What it is told must be the very
 * instant the route starts accepting, on every way the console learns of the ticket: the action's
 * answer, the staff feed's pushes (a call from the keypad reaches it only so) and its snapshot.
 */
describe('when a no-show is accepted, as the called ticket says it', () => {
  const { clients, start } = useListeningCenter()

  /** A center at a test clock with a 60 s minimum; service A, counter 1 with a clerk, a kiosk, and the clerk's staff socket recording. */
  async function setup() {
    const clock = new TestClock()
    const { center, url } = await start({ clock, config: { queue: { minSecondsBeforeNoShow: 60 } } })
    const a = await center.createService({ prefix: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', c1.id)
    const { socket, seen } = await clients.listen(url, clerk)
    const act = (action: string) => center.action(clerk, c1.id, action)
    /** The last push of `name` about ticket `id`, waiting for it. */
    const pushed = async (name: 'ticket:called' | 'ticket:updated', id: string, from: number) => {
      const about = (e: { name: string; payload: any }) => e.name === name && e.payload.ticket.id === id
      await seen.until((events) => events.slice(from).some(about))
      return seen.since(from).findLast(about)!.payload
    }
    return { clock, center, a, c1, kiosk, clerk, socket, seen, act, pushed }
  }

  it('names the instant the route starts accepting: 409 a millisecond before, 200 at it', async () => {
    const s = await setup()
    const t = await s.center.issue(s.kiosk, { serviceId: s.a.id })
    const calledAt = s.clock.now
    const from = s.seen.events.length
    const called = await s.act('call-next')
    const allowed = { at: new Date(calledAt + 60_000).toISOString(), inMs: 60_000, recallLifts: true }
    expect(called.json().ticket.noShowAllowed).toEqual(allowed)
    // the push a console gets when the keypad called, and a reloaded console's snapshot, say the same
    expect((await s.pushed('ticket:called', t.id, from)).current).toMatchObject({ id: t.id, status: 'called', noShowAllowed: allowed })
    s.clock.advance(20)
    const snap = (await snapshotOf(s.socket)).tickets!.find((x) => x.id === t.id)!
    expect(snap.noShowAllowed).toEqual({ ...allowed, inMs: 40_000 })

    s.clock.now = calledAt + 60_000 - 1
    expectError(await s.act('no-show'), 409, 'TABOUR_ERR_NO_SHOW_TOO_SOON')
    s.clock.now = calledAt + 60_000
    expect((await s.act('no-show')).json().ticket).toMatchObject({ status: 'no_show' })
  })

  it('a recall lifts it at once: the answer and the push say "accepted now", and the route accepts', async () => {
    const s = await setup()
    const t = await s.center.issue(s.kiosk, { serviceId: s.a.id })
    await s.act('call-next')
    s.clock.advance(5)
    const from = s.seen.events.length
    const recalled = (await s.act('recall')).json().ticket as Ticket
    expect(recalled.noShowAllowed).toMatchObject({ inMs: 0, recallLifts: false })
    expect(Date.parse(recalled.noShowAllowed!.at)).toBeLessThanOrEqual(s.clock.now)
    expect((await s.pushed('ticket:updated', t.id, from)).ticket.noShowAllowed).toEqual(recalled.noShowAllowed)
    expect((await s.act('no-show')).statusCode).toBe(200)
  })

  it('is only on a called ticket: a served one, and every waiting one, carry none', async () => {
    const s = await setup()
    const first = await s.center.issue(s.kiosk, { serviceId: s.a.id })
    await s.center.issue(s.kiosk, { serviceId: s.a.id })
    await s.act('call-next')
    const started = (await s.act('start')).json().ticket as Ticket
    expect(started.id).toBe(first.id)
    expect(started).not.toHaveProperty('noShowAllowed')
    const live = (await s.center.request('GET', '/api/v1/tickets', { token: s.clerk })).json() as Ticket[]
    expect(live.filter((x) => 'noShowAllowed' in x)).toEqual([])
  })

  it('counts again from a resume after parking: a recall before the ticket was parked does not lift it', async () => {
    const s = await setup()
    const t = await s.center.issue(s.kiosk, { serviceId: s.a.id })
    await s.act('call-next')
    await s.act('recall')
    const parked = await s.center.request('POST', `/api/v1/counters/${s.c1.id}/park`, {
      token: s.clerk,
      body: { reason: 'photocopy', minutes: 10 },
    })
    expect(parked.statusCode).toBe(200)
    s.clock.advance(120)
    const resumedAt = s.clock.now
    const resumed = await s.center.request('POST', `/api/v1/counters/${s.c1.id}/resume-parked`, {
      token: s.clerk,
      body: { ticketId: t.id },
    })
    expect(resumed.json().ticket.noShowAllowed).toEqual({ at: new Date(resumedAt + 60_000).toISOString(), inMs: 60_000, recallLifts: true })
    expectError(await s.act('no-show'), 409, 'TABOUR_ERR_NO_SHOW_TOO_SOON')
  })
})
