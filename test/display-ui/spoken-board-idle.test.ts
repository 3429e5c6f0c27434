import { expect, it } from 'vitest'
import { callKey, idleNowKey, spokenBoard } from '../../display-ui/spoken-board.ts'
import type { CalledTicket } from '../../protocol/events.ts'

const called = (label: string, counter: number): CalledTicket => ({
  ticket: { id: `t-${label}`, label, serviceId: 1 },
  counter: { id: counter, number: counter, name: `Counter ${counter}`, zone: 'hall' },
  at: new Date(Date.UTC(2026, 11, 5, 9)).toISOString(),
  recall: false,
})

// walk of 2026-12-05: D-001 called, recalled, served and finished quickly while the voice still
// spoke it, D-002 called meanwhile; the TV said "No calls right now" beside D-002 "next to be announced"
it('with no big call, says "no calls right now" only when no call waits to be spoken', () => {
  const first = called('D-001', 2)
  const second = called('D-002', 2)
  // D-001 has left its counter (no longer among the calls) but is still being spoken; D-002 waits its turn
  const board = spokenBoard([second], { speaking: callKey(first), queued: [callKey(second)] })
  expect(board.now).toBeUndefined()
  expect(board.next.map((c) => c.ticket.label)).toEqual(['D-002'])
  expect(idleNowKey(board)).toBe('display.callComing')
  // nothing at a counter and nothing to say: then it is true
  expect(idleNowKey(spokenBoard([], { speaking: null, queued: [] }))).toBe('display.noCalls')
})
