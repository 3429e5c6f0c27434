import { afterEach, describe, expect, it } from 'vitest'
import type { HourFigures } from '../../../protocol/upstream.ts'
import { addStepFigures } from '../../../server/upstream/step-figures-upstream.ts'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { twoStepVisitCenter } from './upstream-helpers.ts'

/**
 * A later step's line calls a ticket, marks it no-show, the no-show is undone and the ticket called
 * again: one step call for the hub, with the first call's wait (the second ends no wait, README "A
 * ticket's wait"; its event carries afterUndo). The hub was sent two (walk s54, s54-mend-console).
 */
describe('step figures for the hub after an undone no-show', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('count the call after the undo as no second step call and add no wait', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z'))
    center = await TestCenter.start({ clock, config: { queue: { minSecondsBeforeNoShow: 60, noShowGraceMinutes: 30 } } })
    const { a, b, c1, c2, kiosk, clerk1, clerk2, act } = await twoStepVisitCenter(center)
    const ticket = await center.issue(kiosk, { serviceId: a })
    for (const action of ['call-next', 'start', 'finish']) await act(clerk1, c1, action)
    clock.advance(120)
    await act(clerk2, c2, 'call-next')
    clock.advance(60)
    await act(clerk2, c2, 'no-show')
    clock.advance(30)
    expect((await center.request('POST', `/api/v1/tickets/${ticket.id}/reinstate`, { token: clerk2 })).statusCode).toBe(200)
    clock.advance(30)
    await act(clerk2, c2, 'call-next')

    const db = center.app.tabour.db
    db.function('test_one_hour', (_at: unknown) => 8)
    const cells = new Map<number, HourFigures>()
    const cell = (_hour: number, serviceId: number) => {
      if (!cells.has(serviceId)) cells.set(serviceId, {} as HourFigures)
      return cells.get(serviceId)!
    }
    const [{ day }] = db.prepare("SELECT day FROM events WHERE type = 'ticket.called' LIMIT 1").all() as { day: string }[]
    addStepFigures(db, day, 'test_one_hour', cell)
    expect(cells.get(b)).toEqual({ stepCalls: 1, stepWaitSumSeconds: 120 })
    expect(cells.has(a)).toBe(false)
  })
})
