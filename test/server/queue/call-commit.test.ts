import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import type { DomainEvent } from '../../../server/queue/domain-events.ts'
import type { Actor } from '../../../server/queue/actor.ts'

/**
 * A call no longer reads back the counter and ticket it has just written (issue 22: the call's
 * push waits for its commit): what it answers and publishes is built from what it read and what
 * it changed. On a real SQLite file, that is checked against the stored rows, for a call by the
 * policy (whose priority streak moves), a call of one ticket by id, and a ticket transferred to
 * the counter by name (a candidate `targetedHere`).
 */
describe('a call answers with what it stored', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('the answer and the ticket:called event equal the counter and ticket as stored', async () => {
    center = await TestCenter.start({ config: { queue: { policy: 'priority' } } })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const one = await center.createCounter({ number: 1, zone: 'ground', serviceIds: [a.id] })
    const two = await center.createCounter({ number: 2, zone: 'ground', serviceIds: [b.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', one.id)
    const clerk2 = await center.openCounterAs('clerk2', two.id)
    const { queue, auth } = center.app.tabour
    const actor = auth.authenticate(clerk) as Actor
    const published: DomainEvent[] = []
    queue.events.on((e) => published.push(e))

    const ordinary = await center.issue(kiosk, { serviceId: a.id })
    const elderly = await center.issue(kiosk, { serviceId: a.id, priority: 'elderly' })
    const stored = () => ({
      counter: queue.ctx.counters.get(one.id)!,
      ticket: queue.ctx.tickets.get(queue.ctx.counters.get(one.id)!.currentTicketId!)!,
    })
    const calledEvent = () => published.findLast((e) => e.type === 'ticket:called') as Extract<DomainEvent, { type: 'ticket:called' }>

    // the policy picks the elderly ticket: the streak moves to 1 in the same transaction
    const first = queue.counters.callNext(actor, one.id)
    expect(first.ticket!.id).toBe(elderly.id)
    expect(first).toEqual(stored())
    expect(first.counter.priorityStreak).toBe(1)
    expect({ counter: calledEvent().counter, ticket: calledEvent().ticket }).toEqual(stored())

    // one ticket by id, out of the policy's order (the streak stays)
    queue.counters.noShow(actor, one.id)
    const later = await center.issue(kiosk, { serviceId: a.id })
    const byId = queue.counters.callTicket(actor, one.id, later.id)
    expect(byId.ticket!.id).toBe(later.id)
    expect(byId).toEqual(stored())
    expect({ counter: calledEvent().counter, ticket: calledEvent().ticket }).toEqual(stored())

    // a ticket of B transferred to counter 1 by name goes first there, and its call is stored as answered
    queue.counters.noShow(actor, one.id)
    const b1 = await center.issue(kiosk, { serviceId: b.id })
    await center.action(clerk2, two.id, 'call-next')
    await center.action(clerk2, two.id, 'transfer', { counterId: one.id })
    const targeted = queue.counters.callNext(actor, one.id)
    expect(targeted.ticket!.id).toBe(b1.id)
    expect(targeted).toEqual(stored())
    expect(targeted.counter.priorityStreak).toBe(0)
    expect({ counter: calledEvent().counter, ticket: calledEvent().ticket }).toEqual(stored())
    expect(queue.ctx.tickets.get(ordinary.id)!.status).toBe('waiting')
  })
})
