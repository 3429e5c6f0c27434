import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../../protocol/error-codes.ts'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { RemoteJoin } from '../../../server/queue/remote-join.ts'
import { abandonOverdueRemote, arrive, arriveByScan, ticketIdInScan } from '../../../server/queue/remote-arrival.ts'
import { DomainError } from '../../../server/errors.ts'
import { rows } from '../routes/route-helpers.ts'

/**
 * The arrival rule of remote tickets (server/queue/remote-arrival.ts), on a real SQLite file:
 * where an arrived ticket stands, that unarrived ones are in nobody's "people ahead", when a
 * held place is lost (abandoned), the counter's wait for a call-ahead ticket, and the scanner.
 */
describe('remote arrival', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  async function setUp() {
    const clock = new TestClock()
    center = await TestCenter.start({
      clock,
      config: {
        remoteJoin: {
          services: [
            { prefix: 'A', mode: 'check-in', arriveMinutes: 10 },
            { prefix: 'B', mode: 'call-ahead', arriveMinutes: 5 },
          ],
        },
      },
    })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const counter = await center.createCounter({ number: 3, name: 'Counter 3', serviceIds: [a.id, b.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const { queue, config } = center.app.tabour
    const remote = new RemoteJoin(queue.ctx, queue.view, queue.issuer, () => config.remoteJoin)
    const join = (serviceId: number) => remote.join({ serviceId, address: '10.0.0.7', publicBase: 'http://center.example' }).ticket
    const standing = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json()
    const callNext = async () => (await center.action(clerk, counter.id, 'call-next')).json().ticket
    return { a, b, counter, kiosk, clerk, clock, queue, join, standing, callNext }
  }

  const codeOf = (fn: () => unknown) => {
    try {
      fn()
    } catch (err) {
      if (err instanceof DomainError) return err.code
      throw err
    }
    return null
  }

  it('an unarrived check-in ticket is never called and in nobody\'s "people ahead"; once arrived it stands at its join time', async () => {
    const { a, kiosk, queue, join, standing, callNext, clock } = await setUp()
    const held = join(a.id)
    clock.advance(60)
    const w1 = await center.issue(kiosk, { serviceId: a.id })
    const w2 = await center.issue(kiosk, { serviceId: a.id })
    // the held place: nobody present is ahead of it; the walk-ins see only each other
    expect((await standing(held.id)).position).toBe(0)
    expect([(await standing(w1.id)).position, (await standing(w2.id)).position]).toEqual([0, 1])
    expect((await callNext()).id).toBe(w1.id)
    arrive(queue.ctx, held.id, 'phone')
    // it keeps the place of its join time: ahead of w2, who came later
    expect((await standing(w2.id)).position).toBe(1)
    expect(rows(center, 'SELECT status FROM tickets WHERE id = ?', held.id)).toEqual([{ status: 'waiting' }])
  })

  it('its turn comes when a later ticket is called: the page shows the deadline; arriving within it goes next, after it the place is lost', async () => {
    const { a, kiosk, queue, join, standing, callNext, clock, clerk, counter } = await setUp()
    const held = join(a.id)
    const late = join(a.id)
    clock.advance(60)
    const w1 = await center.issue(kiosk, { serviceId: a.id })
    await center.issue(kiosk, { serviceId: a.id })
    expect((await standing(held.id)).remote.arriveBy).toBeNull()
    const calledAt = clock.now
    expect((await callNext()).id).toBe(w1.id)
    expect((await standing(held.id)).remote.arriveBy).toBe(new Date(calledAt + 10 * 60_000).toISOString())
    // nine minutes later: held arrives and is next; late never does
    clock.advance(9 * 60)
    expect(abandonOverdueRemote(queue.ctx)).toBe(0)
    arrive(queue.ctx, held.id, 'scan')
    await center.action(clerk, counter.id, 'start')
    await center.action(clerk, counter.id, 'finish')
    expect((await callNext()).id).toBe(held.id)
    clock.advance(2 * 60)
    expect(abandonOverdueRemote(queue.ctx)).toBe(1)
    expect(rows(center, 'SELECT status, finished_at AS f FROM tickets WHERE id = ?', late.id)).toEqual([
      { status: 'abandoned', f: clock.now },
    ])
    const log = rows<{ data: string }>(center, "SELECT data FROM events WHERE type = 'ticket.abandoned' AND ticket_id = ?", late.id)
    expect(JSON.parse(log[0]!.data)).toMatchObject({ reason: 'turn_passed' })
    expect(codeOf(() => arrive(queue.ctx, late.id, 'phone'))).toBe(ErrorCodes.REMOTE_PLACE_LOST)
    // the arrived ticket's wait is counted from its arrival, not from the join
    const call = rows<{ data: string }>(center, "SELECT data FROM events WHERE type = 'ticket.called' AND ticket_id = ?", held.id)
    expect(JSON.parse(call[0]!.data).waitedSeconds).toBeLessThan(5 * 60)
  })

  it('a place still held when its day is over ends abandoned (day_closed)', async () => {
    const { a, queue, join, clock } = await setUp()
    const held = join(a.id)
    clock.advance(24 * 3600)
    expect(abandonOverdueRemote(queue.ctx)).toBe(1)
    const log = rows<{ data: string }>(center, "SELECT data FROM events WHERE type = 'ticket.abandoned' AND ticket_id = ?", held.id)
    expect(JSON.parse(log[0]!.data)).toMatchObject({ reason: 'day_closed' })
  })

  it('call-ahead: waits from the start; once called the counter waits arriveMinutes before a no-show, recall or not, until it arrives', async () => {
    const { b, kiosk, queue, join, standing, callNext, clock, clerk, counter } = await setUp()
    const t = join(b.id)
    const w = await center.issue(kiosk, { serviceId: b.id })
    expect((await standing(t.id)).status).toBe('waiting')
    expect((await standing(w.id)).position).toBe(1)
    const calledAt = clock.now
    const called = await callNext()
    expect(called.id).toBe(t.id)
    expect((await standing(t.id)).remote).toMatchObject({ mode: 'call-ahead', arriveBy: new Date(calledAt + 5 * 60_000).toISOString() })
    // the clerk's console is told the same time, and that no recall shortens it
    const promised = { at: new Date(calledAt + 5 * 60_000).toISOString(), inMs: 5 * 60_000, recallLifts: false }
    expect(called.noShowAllowed).toEqual(promised)
    expect((await center.action(clerk, counter.id, 'recall')).json().ticket.noShowAllowed).toEqual(promised)
    clock.advance(4 * 60)
    const early = await center.action(clerk, counter.id, 'no-show')
    expect([early.statusCode, early.json().code]).toEqual([409, ErrorCodes.NO_SHOW_TOO_SOON])
    // arrival is recorded; the status stays called, and the clerk's ordinary rule applies again
    arrive(queue.ctx, t.id, 'phone')
    expect((await standing(t.id)).status).toBe('called')
    expect((await center.action(clerk, counter.id, 'no-show')).statusCode).toBe(200)
  })

  it('the scanner: a remote link or bare code checks in; anything else is not ours (null)', async () => {
    const { a, kiosk, queue, join } = await setUp()
    const held = join(a.id)
    const walkIn = await center.issue(kiosk, { serviceId: a.id })
    expect(ticketIdInScan(`https://center.example/tabour/t/${held.id}?x=1`)).toBe(held.id)
    expect(ticketIdInScan(`  ${held.id}\n`)).toBe(held.id)
    expect(ticketIdInScan('BOOK-1234')).toBeNull()
    expect(ticketIdInScan(`https://center.example/t/${held.id}/extra`)).toBeNull()
    expect(arriveByScan(queue.ctx, 'BOOK-1234')).toBeNull()
    expect(arriveByScan(queue.ctx, `http://center.example/t/${walkIn.id}`)).toBeNull()
    expect(arriveByScan(queue.ctx, 'AAAAAAAAAAAAAAAAAAAAAA')).toBeNull()
    expect(arriveByScan(queue.ctx, `http://center.example/t/${held.id}`)?.status).toBe('waiting')
    expect(codeOf(() => arriveByScan(queue.ctx, held.id))).toBe(ErrorCodes.ALREADY_ARRIVED)
  })
})
