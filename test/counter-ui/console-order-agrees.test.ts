/**
 * The console's "next" labels against the server's calls: the queue panel lists each line's next
 * tickets from what the console gets over the wire (the live tickets, its counter with its priority
 * streak, the services, GET /center's policy), by the call policy the server calls with
 * (protocol/call-policy.ts). Here a real center calls them one after another on a frozen clock,
 * under the priority policy with its cap, across two lines of different weights, and each line's
 * tickets come in the order the console listed them, from any streak the counter starts at.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { counterQueue, type LineOrder } from '../../counter-ui/queue-model.ts'
import type { CenterInfo } from '../../protocol/center.ts'
import type { Counter, Service, Ticket } from '../../protocol/entities.ts'
import { TestCenter, TestClock } from '../helpers/test-center.ts'

describe("the console's next labels are the tickets the server calls", () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('under the priority policy with its cap, across two weighted lines, from a counter that has just called priority tickets', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock, config: { queue: { policy: 'priority', maxPriorityInARow: 2, priorityAgingSeconds: 1800 } } })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const counter = await center.createCounter({
      number: 1,
      services: [
        { serviceId: a.id, weight: 1 },
        { serviceId: b.id, weight: 2 },
      ],
    })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter.id)
    // a morning's line: ordinary and priority tickets in both lines, three minutes apart
    const issued: [number, string | undefined][] = [
      [a.id, undefined],
      [b.id, 'elderly'],
      [a.id, undefined],
      [b.id, undefined],
      [a.id, 'elderly'],
      [b.id, undefined],
      [a.id, 'pregnant'],
      [a.id, undefined],
      [b.id, 'elderly'],
    ]
    for (const [serviceId, priority] of issued) {
      await center.issue(kiosk, { serviceId, ...(priority ? { priority } : {}) })
      clock.advance(180)
    }
    // two priority tickets called just now (the streak at the cap), the console reading its counter then
    for (let i = 0; i < 2; i++) {
      await center.action(clerk, counter.id, 'call-next')
      await center.action(clerk, counter.id, 'start')
      await center.action(clerk, counter.id, 'finish')
    }

    const get = async <T>(path: string) => (await center!.request('GET', `/api/v1${path}`, { token: clerk })).json() as T
    const info = await get<CenterInfo>('/center')
    const mine = (await get<Counter[]>('/counters')).find((c) => c.id === counter.id)!
    expect(mine.priorityStreak).toBe(2)
    const order: LineOrder = {
      policy: info.callPolicy,
      priorityAgingSeconds: info.priorityAgingSeconds!,
      maxPriorityInARow: info.maxPriorityInARow!,
      maxAppointmentsInARow: info.maxAppointmentsInARow!,
    }
    const queue = counterQueue(mine, await get<Service[]>('/services'), await get<Ticket[]>('/tickets'), clock.now, {
      order,
      nextCount: 10,
    })
    const listed = new Map(queue.rows.map((row) => [row.service.id, row.next.map((e) => e.label)]))

    // the server calls everything that waits, the clock still
    const called = new Map<number, string[]>([
      [a.id, []],
      [b.id, []],
    ])
    for (;;) {
      const answer = (await center.action(clerk, counter.id, 'call-next')).json() as { ticket: Ticket | null }
      if (!answer.ticket) break
      called.get(answer.ticket.serviceId)!.push(answer.ticket.label)
      await center.action(clerk, counter.id, 'start')
      await center.action(clerk, counter.id, 'finish')
    }
    expect(called.get(a.id)!.length + called.get(b.id)!.length).toBe(issued.length - 2)
    expect(listed).toEqual(called)
  })
})
