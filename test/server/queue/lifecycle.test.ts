import { describe, it, expect } from 'vitest'
import { DomainError } from '../../../server/errors.ts'
import { httpStatusOf } from '../../../server/routes/error-status.ts'
import {
  assertTransition,
  isActive,
  isTerminal,
  legalActions,
  nextStatus,
  TICKET_ACTIONS,
  TICKET_STATUSES,
} from '../../../server/queue/lifecycle.ts'
import type { TicketAction, TicketStatus } from '../../../server/queue/types.ts'

const STATUSES: TicketStatus[] = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'remote', 'parked', 'abandoned']
const ACTIONS: TicketAction[] = ['call', 'recall', 'start', 'finish', 'no_show', 'transfer', 'cancel', 'park', 'resume', 'abandon']

// The expected table, written out independently of the implementation.
const LEGAL: Record<string, TicketStatus> = {
  'waiting/call': 'called',
  'waiting/cancel': 'cancelled',
  'called/recall': 'called',
  'called/start': 'serving',
  'called/no_show': 'no_show',
  'called/transfer': 'waiting',
  'called/cancel': 'cancelled',
  'called/park': 'parked',
  'serving/finish': 'done',
  'serving/transfer': 'waiting',
  'serving/park': 'parked',
  'remote/cancel': 'cancelled',
  'parked/cancel': 'cancelled',
  'parked/resume': 'called',
  'parked/abandon': 'abandoned',
}

const combos = STATUSES.flatMap((from) => ACTIONS.map((action) => ({ from, action })))

describe('lifecycle transition table', () => {
  it('covers all 9 × 10 combinations', () => {
    expect(combos).toHaveLength(90)
    expect([...TICKET_STATUSES].sort()).toEqual([...STATUSES].sort())
    expect([...TICKET_ACTIONS].sort()).toEqual([...ACTIONS].sort())
  })

  it.each(combos)('$from + $action', ({ from, action }) => {
    const expected = LEGAL[`${from}/${action}`] ?? null
    expect(nextStatus(from, action)).toBe(expected)
    if (expected) {
      expect(assertTransition(from, action)).toBe(expected)
    } else {
      let err: unknown
      try {
        assertTransition(from, action)
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(DomainError)
      // the domain error carries only the code; the edge answers it with 409
      expect(httpStatusOf(err as DomainError)).toBe(409)
      expect((err as DomainError).code).toBe('TABOUR_ERR_ILLEGAL_TRANSITION')
      expect((err as DomainError).message).toContain(action)
      expect((err as DomainError).message).toContain(from)
    }
  })

  it('names the action and the state in the message', () => {
    expect(() => assertTransition('waiting', 'finish')).toThrow('cannot finish a ticket that is waiting')
  })

  it('rejects strings that are not states or actions', () => {
    expect(nextStatus('waiting', 'toString' as TicketAction)).toBeNull()
    expect(nextStatus('constructor' as TicketStatus, 'call')).toBeNull()
  })
})

describe('legalActions', () => {
  it('lists exactly the legal moves per state', () => {
    expect(legalActions('waiting')).toEqual(['call', 'cancel'])
    expect(legalActions('called')).toEqual(['recall', 'start', 'no_show', 'transfer', 'cancel', 'park'])
    expect(legalActions('serving')).toEqual(['finish', 'transfer', 'park'])
    expect(legalActions('parked')).toEqual(['cancel', 'resume', 'abandon'])
    expect(legalActions('done')).toEqual([])
    expect(legalActions('no_show')).toEqual([])
    expect(legalActions('cancelled')).toEqual([])
  })
  it('agrees with nextStatus everywhere', () => {
    for (const s of STATUSES) {
      expect(legalActions(s)).toEqual(ACTIONS.filter((a) => LEGAL[`${s}/${a}`] !== undefined))
    }
  })
})

describe('isActive / isTerminal', () => {
  it('classifies every state', () => {
    expect(STATUSES.filter(isActive)).toEqual(['called', 'serving'])
    expect(STATUSES.filter(isTerminal)).toEqual(['done', 'no_show', 'cancelled', 'abandoned'])
  })
  it('terminal states are exactly those with no legal action', () => {
    for (const s of STATUSES) expect(isTerminal(s)).toBe(legalActions(s).length === 0)
  })
})
