import { afterEach, describe, expect, it } from 'vitest'
import { candidateMaker } from './waiting-candidate.ts'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { DEFAULT_CALL_POLICY_PARAMS } from '../../../protocol/call-policy.ts'
import type { CallCandidate, CallPolicyName } from '../../../server/queue/types.ts'
import { type ForecastCounter, forecastCalls } from '../../../server/queue/line-forecast.ts'
import { type LineTicket, placedAheadOf } from '../../../server/queue/placed-ahead.ts'
import { placedAheadText } from '../../../protocol/messages/status.ts'

/**
 * Walk s52: a status page's "people ahead" grew from 2 to 3 while nobody had left, and the page said
 * nothing. The public ticket names who was placed ahead of it after it joined and why; those ahead
 * of it when it joined (what its kiosk ticket counted) are not.
 */
describe('people placed ahead of a waiting ticket', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('a later priority ticket and one sent to its counter are named; earlier and later ordinary ones are not', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock, config: { queue: { policy: 'priority' } } })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const one = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const two = await center.createCounter({ number: 2, serviceIds: [b.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    await center.openCounterAs('clerk1', one.id)
    const clerk2 = await center.openCounterAs('clerk2', two.id)
    const page = async (id: string) => (await center!.request('GET', `/api/v1/tickets/${id}`)).json()

    await center.issue(kiosk, { serviceId: a.id, priority: 'elderly' })
    clock.advance(60)
    const mine = await center.issue(kiosk, { serviceId: a.id })
    // the elderly citizen was ahead when this ticket was taken: its paper said 1 ahead already
    expect(await page(mine.id)).toMatchObject({ position: 1 })
    expect((await page(mine.id)).placedAhead).toBeUndefined()

    clock.advance(60)
    await center.issue(kiosk, { serviceId: a.id, priority: 'pregnant' })
    clock.advance(60)
    await center.issue(kiosk, { serviceId: a.id }) // behind: not named
    expect(await page(mine.id)).toMatchObject({ position: 2, placedAhead: { priority: 1 } })

    // a B ticket called at counter 2 and sent by its clerk to counter 1 goes first there (rule a)
    clock.advance(60)
    await center.issue(kiosk, { serviceId: b.id })
    expect((await center.action(clerk2, two.id, 'call-next')).statusCode).toBe(200)
    expect((await center.action(clerk2, two.id, 'transfer', { counterId: one.id })).statusCode).toBe(200)
    const now = await page(mine.id)
    expect(now).toMatchObject({ position: 3, placedAhead: { priority: 1, counter: 1 } })
    expect(placedAheadText(now.placedAhead, 'en')).toBe(
      'Placed ahead of you after you joined the line: 1 person with priority, 1 person sent to a counter that serves you.',
    )
    expect(placedAheadText(now.placedAhead, 'ar', 'arabic-indic')).toBe(
      'وُضع أمامك بعد انضمامك إلى الدور: شخص واحد له أولوية، شخص واحد حُوِّل إلى شباك يخدمك.',
    )
  })
})

const NOW = Date.parse('2026-12-07T08:00:00Z')
const MIN = 60_000
/** A waiting ticket queued `minutesAgo` before NOW (test/server/queue/waiting-candidate.ts). */
const candidate = candidateMaker(NOW)
const line = (c: CallCandidate): LineTicket => ({ id: c.ticketId, serviceId: c.serviceId, queuedAt: c.queuedAt, priority: c.priority })

function placed(mine: CallCandidate, counters: ForecastCounter[], later: CallCandidate[], policy: CallPolicyName = 'fifo') {
  const calls = forecastCalls({ now: NOW, policy, params: DEFAULT_CALL_POLICY_PARAMS, counters, serviceSeconds: () => 300 })
  return placedAheadOf(line(mine), calls, new Map(later.map((c) => [c.ticketId, line(c)])))
}
const at = (id: number, candidates: CallCandidate[], over: Partial<ForecastCounter> = {}): ForecastCounter => ({
  id,
  freeAt: NOW,
  priorityStreak: 0,
  candidates,
  ...over,
})

it('with no counter serving its service, a later priority ticket is named in its own line (walk s53)', async () => {
  const clock = new TestClock()
  const center = await TestCenter.start({ clock, config: { queue: { policy: 'priority' } } })
  try {
    const f = await center.createService({ prefix: 'F' })
    const g = await center.createService({ prefix: 'G' })
    await center.createCounter({ number: 1, serviceIds: [f.id] }) // closed
    const mine = await center.issue(await center.admin(), { serviceId: f.id })
    clock.advance(60)
    for (const serviceId of [f.id, f.id, g.id]) await center.issue(await center.admin(), { serviceId, priority: 'elderly' })
    await center.issue(await center.admin(), { serviceId: f.id })
    expect((await center.request('GET', `/api/v1/tickets/${mine.id}`)).json()).toMatchObject({
      position: 2,
      estimatedWaitSeconds: null,
      placedAhead: { priority: 2 },
    })
  } finally {
    await center.close()
  }
})

describe('why a later ticket is ahead (placedAheadOf on the line forecast)', () => {
  it('a due appointment, an earlier place kept, and a heavier service are each named by their kind', () => {
    const mine = candidate('A1', 1, 10)
    const booked = candidate('A2', 1, 1, { slotStart: NOW - MIN })
    const back = candidate('A0', 1, 20) // a no-show put back: its place from before A1
    const heavy = candidate('B1', 2, 8, { weight: 3 }) // 8 min × 3 beats 10 min × 1
    const calls = [mine, booked, back, heavy]
    expect(placed(mine, [at(1, calls)], [booked, back, heavy])).toEqual({ appointment: 1, earlier: 1, line: 1 })
    // the same tickets, joined before A1: ahead from the start, nobody placed
    expect(placed(mine, [at(1, calls)], [])).toBeNull()
  })

  it("another counter's calls are not counted, and anti-starvation is not given a reason", () => {
    const mine = candidate('P1', 1, 10, { priority: 'elderly' })
    const other = candidate('B1', 2, 1, { priority: 'elderly' })
    // B1 is called at counter 2, which cannot call P1
    expect(placed(mine, [at(1, [mine]), at(2, [other])], [other], 'priority')).toBeNull()
    // after three priority calls in a row an ordinary ticket, even a later one, goes next: not named
    const ordinary = candidate('A9', 1, 1)
    expect(placed(mine, [at(1, [mine, ordinary], { priorityStreak: 3 })], [ordinary], 'priority')).toBeNull()
  })

  it('says every count in words and figures of the page', () => {
    expect(placedAheadText({ appointment: 2, earlier: 3, line: 11 }, 'en')).toBe(
      'Placed ahead of you after you joined the line: 2 people with appointments due now, 3 people who took their places before you, 11 people of services called before yours now.',
    )
    expect(placedAheadText({ priority: 3 }, 'ar', 'arabic-indic')).toBe('وُضع أمامك بعد انضمامك إلى الدور: ٣ أشخاص لهم أولوية.')
    expect(placedAheadText(undefined, 'ar')).toBeNull()
  })
})
