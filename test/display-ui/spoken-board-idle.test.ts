import { expect, it } from 'vitest'
import { callKey, idleNowKey, isEarlierCall, spokenBoard } from '../../display-ui/spoken-board.ts'
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

// s51: B-001 called at counter 1, then A-005 at counter 2; A-005 marked a no-show: the big panel
// fell back to B-001 as though it had just been called
it('shows the call it falls back to, after a later call left its counter, as an earlier call; a new call or a recall is the latest', () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 10, 0, seconds)).toISOString()
  const b1 = { ...called('B-001', 1), at: at(0) }
  const a5 = { ...called('A-005', 2), at: at(15) }
  const silent = { speaking: null, queued: [] }
  // A-005 is the big call while it is at its counter
  const before = spokenBoard([a5, b1], silent)
  expect(before.now?.ticket.label).toBe('A-005')
  expect(isEarlierCall(before, [])).toBe(false)
  // A-005 left (now a past call): B-001 is the big call, an earlier one
  const after = spokenBoard([b1], silent)
  expect(after.now?.ticket.label).toBe('B-001')
  expect(isEarlierCall(after, [a5])).toBe(true)
  // recalled, B-001 is a new call again (its time is the recall's)
  const recalled = { ...b1, at: at(40), recall: true }
  expect(isEarlierCall(spokenBoard([recalled], silent), [a5])).toBe(false)
  // while its announcement plays it is the call being made, whatever left before
  expect(isEarlierCall(spokenBoard([b1], { speaking: callKey(b1), queued: [] }), [a5])).toBe(false)
  // a past call older than the big one changes nothing
  expect(isEarlierCall(spokenBoard([a5], silent), [b1])).toBe(false)
  expect(isEarlierCall(spokenBoard([], silent), [a5])).toBe(false)
})
