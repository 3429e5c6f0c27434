import { describe, expect, it, vi } from 'vitest'
import { QueuePanel } from '../../counter-ui/queue-panel.ts'
import { markup } from '../../server/first-screen/shadow-markup.ts'
import {
  CONSOLE_ACTIONS,
  CONFIRMED_ACTIONS,
  isTypingTarget,
  KEY_MAP,
  legalConsoleActions,
  primaryAction,
  shortcutAction,
  type ConsoleAction,
  type CounterState,
} from '../../counter-ui/console-actions.ts'
import { counterQueue, OLDEST_FIRST } from '../../counter-ui/queue-model.ts'
import { wholeMinutes } from '../../ui-common/whole-minutes.ts'
import { minutesLeft } from '../../ui-common/minutes-left.ts'
import { counterTime, counterTimeValue, ticketMinutes, type CounterTime } from '../../counter-ui/current-ticket.ts'
import { issueChoice } from '../../counter-ui/issue-choices.ts'
import { parkNoticeNow, type LocalParked } from '../../counter-ui/parking-state.ts'
import { LiveState } from '../../counter-ui/live-state.ts'
import { CountdownController } from '../../counter-ui/countdown-controller.ts'
import { counterLost, messageForCode, messageForError } from '../../counter-ui/error-messages.ts'
import { sessionEnded as needsLogin } from '../../ui-common/staff-session.ts'
import { CONSOLE_MESSAGES, consoleText } from '../../protocol/messages/console.ts'
import { ticketToolsText } from '../../protocol/messages/ticket-tools.ts'
import { legalActions, TICKET_STATUSES } from '../../protocol/ticket-lifecycle.ts'
import { legalActions as serverLegalActions } from '../../server/queue/lifecycle.ts'
import { ErrorCodes } from '../../protocol/error-codes.ts'
import type { Counter, Service, Ticket } from '../../protocol/entities.ts'
import { ApiError, NetworkError } from '../../ui-common/api-client.ts'

const TICKET_MOVES: ConsoleAction[] = ['recall', 'start', 'finish', 'no_show', 'transfer', 'park']

describe('legal console actions', () => {
  it('an open idle counter calls, pauses, closes and issues; nothing acts on a ticket', () => {
    expect(legalConsoleActions('open', null)).toEqual(['call_next', 'call_ticket', 'pause', 'issue', 'close'])
  })

  it('a paused counter resumes or closes (and can still issue a walk-in ticket)', () => {
    expect(legalConsoleActions('paused', null)).toEqual(['resume', 'issue', 'close'])
  })

  it('a closed counter offers nothing', () => {
    for (const s of TICKET_STATUSES) expect(legalConsoleActions('closed', s)).toEqual([])
    expect(legalConsoleActions('closed', null)).toEqual([])
  })

  it('a called ticket: recall, start, no-show, transfer, park; no call, no pause, no close, no finish', () => {
    expect(legalConsoleActions('open', 'called')).toEqual(['recall', 'start', 'no_show', 'transfer', 'park', 'issue'])
  })

  it('a ticket being served: finish, transfer or park only (a served citizen is never a no-show)', () => {
    expect(legalConsoleActions('open', 'serving')).toEqual(['finish', 'transfer', 'park', 'issue'])
  })

  it('a ticket that has left the counter (done, no-show, cancelled, back to waiting) counts as none', () => {
    for (const s of ['done', 'no_show', 'cancelled', 'waiting', 'parked', 'abandoned'] as const)
      expect(legalConsoleActions('open', s)).toEqual(legalConsoleActions('open', null))
  })

  it.each(['called', 'serving'] as const)(
    'the ticket moves offered for a %s ticket are exactly the lifecycle table’s (the server’s own)',
    (status) => {
      const offered = legalConsoleActions('open', status).filter((a) => TICKET_MOVES.includes(a))
      const lifecycle = legalActions(status).filter((a) => a !== 'cancel' && a !== 'call')
      expect(offered).toEqual(lifecycle)
      // one table: the server's enforcement and the console's buttons read the same one
      expect(serverLegalActions(status)).toEqual(legalActions(status))
    },
  )

  it('the primary button is the usual next step', () => {
    const cases: [CounterState, Ticket['status'] | null, ConsoleAction | null][] = [
      ['open', null, 'call_next'],
      ['open', 'called', 'start'],
      ['open', 'serving', 'finish'],
      ['paused', null, 'resume'],
      ['closed', null, null],
    ]
    for (const [state, status, primary] of cases)
      expect(primaryAction(legalConsoleActions(state, status)), `${state}/${status}`).toBe(primary)
  })

  it('no-show and close ask to confirm', () => {
    expect([...CONFIRMED_ACTIONS].sort()).toEqual(['close', 'no_show'])
  })
})

describe('the keyboard map', () => {
  it('every action has a key, and no two actions that can be legal together share one', () => {
    for (const a of CONSOLE_ACTIONS) expect(KEY_MAP[a].code).toMatch(/^Key[A-Z]$/)
    for (const state of ['open', 'paused'] as const) {
      for (const status of [null, 'called', 'serving'] as const) {
        const codes = legalConsoleActions(state, status).map((a) => KEY_MAP[a].code)
        expect(new Set(codes).size, `${state}/${status}`).toBe(codes.length)
      }
    }
    expect(KEY_MAP.call_next.label).toBe('N')
  })

  it('maps a key to the legal action only', () => {
    const idle = legalConsoleActions('open', null)
    expect(shortcutAction({ code: 'KeyN' }, idle)).toBe('call_next')
    expect(shortcutAction({ code: 'KeyS' }, idle)).toBeNull()
    const called = legalConsoleActions('open', 'called')
    expect(shortcutAction({ code: 'KeyS' }, called)).toBe('start')
    expect(shortcutAction({ code: 'KeyN' }, called)).toBeNull()
    expect(shortcutAction({ code: 'KeyX' }, called)).toBe('no_show')
    expect(shortcutAction({ code: 'KeyF' }, legalConsoleActions('open', 'serving'))).toBe('finish')
    expect(shortcutAction({ code: 'KeyP' }, idle)).toBe('pause')
    expect(shortcutAction({ code: 'KeyP' }, legalConsoleActions('paused', null))).toBe('resume')
    expect(shortcutAction({ code: 'KeyQ' }, idle)).toBe('close')
    expect(shortcutAction({ code: 'Digit1' }, idle)).toBeNull()
  })

  it('never fires while typing, with a modifier (browser shortcuts) or on auto-repeat', () => {
    const idle = legalConsoleActions('open', null)
    expect(shortcutAction({ code: 'KeyN', typing: true }, idle)).toBeNull()
    expect(shortcutAction({ code: 'KeyN', ctrlKey: true }, idle)).toBeNull()
    expect(shortcutAction({ code: 'KeyN', altKey: true }, idle)).toBeNull()
    expect(shortcutAction({ code: 'KeyN', metaKey: true }, idle)).toBeNull()
    expect(shortcutAction({ code: 'KeyN', repeat: true }, idle)).toBeNull()
  })

  it('tells typing targets apart, through shadow roots', () => {
    expect(isTypingTarget([{ tagName: 'INPUT', type: 'text' } as never, { tagName: 'DIV' } as never])).toBe(true)
    expect(isTypingTarget([{ tagName: 'INPUT', type: 'password' } as never])).toBe(true)
    expect(isTypingTarget([{ tagName: 'TEXTAREA' } as never])).toBe(true)
    expect(isTypingTarget([{ tagName: 'SELECT' } as never])).toBe(true)
    expect(isTypingTarget([{ tagName: 'DIV', isContentEditable: true } as never])).toBe(true)
    expect(isTypingTarget([{ tagName: 'INPUT', type: 'radio' } as never])).toBe(false)
    expect(isTypingTarget([{ tagName: 'BUTTON' } as never, { tagName: 'BODY' } as never])).toBe(false)
    expect(isTypingTarget([])).toBe(false)
  })
})

const service = (id: number, prefix: string): Service => ({
  id,
  prefix,
  nameAr: `خدمة ${prefix}`,
  nameEn: `Service ${prefix}`,
  targetWaitSeconds: 600,
  dailyCap: null,
  active: true,
  sortOrder: 0,
  whenUnstaffed: 'not-offered',
})
const NOW = Date.parse('2026-03-10T10:00:00Z')
let n = 0
const ticket = (serviceId: number, prefix: string, minutesAgo: number, extra: Partial<Ticket> = {}): Ticket => {
  n++
  return {
    id: `t${n}`,
    label: `${prefix}-${String(n).padStart(3, '0')}`,
    number: n,
    serviceId,
    status: 'waiting',
    priority: 'none',
    lang: 'ar',
    issuedAt: new Date(NOW - minutesAgo * 60_000).toISOString(),
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    counterId: null,
    targetCounterId: null,
    recallCount: 0,
    transferCount: 0,
    outcome: null,
    ...extra,
  }
}

describe('the queue panel', () => {
  const A = service(1, 'A')
  const B = service(2, 'B')
  const C = service(3, 'C')
  const counter: Counter = {
    id: 7,
    number: 3,
    name: 'Counter 3',
    zone: 'main',
    state: 'open',
    clerk: null,
    currentTicketId: null,
    pauseReason: null,
    services: [
      { serviceId: B.id, weight: 0 },
      { serviceId: A.id, weight: 1 },
    ],
    active: true,
    awaySince: null,
  }

  it('per line: waiting, the next labels oldest first, the longest wait, the priority ones; transfers to this counter apart', () => {
    const tickets = [
      ticket(A.id, 'A', 5),
      ticket(A.id, 'A', 30, { priority: 'elderly' }),
      ticket(A.id, 'A', 12),
      ticket(A.id, 'A', 1, { status: 'called', counterId: 9 }),
      ticket(B.id, 'B', 3, { targetCounterId: 7 }),
      ticket(B.id, 'B', 40, { targetCounterId: 99 }),
      ticket(C.id, 'C', 50),
    ]
    const q = counterQueue(counter, [A, B, C], tickets, NOW, { nextCount: 2 })
    // the line this counter really serves first, the backup (weight 0) after it
    expect(q.rows.map((r) => r.service.prefix)).toEqual(['A', 'B'])
    const a = q.rows[0]
    expect(a.waiting).toBe(3)
    expect(a.priorityWaiting).toBe(1)
    expect(a.longestWaitSeconds).toBe(30 * 60)
    expect(a.next.map((e) => e.label)).toEqual([tickets[1].label, tickets[2].label])
    expect(a.next[0].priority).toBe('elderly')
    // a ticket transferred to another counter is not ours; one transferred to us is listed apart
    expect(q.rows[1]).toMatchObject({ waiting: 0, longestWaitSeconds: null, next: [] })
    expect(q.targeted.map((e) => e.label)).toEqual([tickets[4].label])
    // what "call a specific ticket" offers: our lines and our transfers, never another counter's
    expect(q.callable.map((e) => e.label).sort()).toEqual([tickets[0], tickets[1], tickets[2], tickets[4]].map((t) => t.label).sort())
  })

  it('orders and ages a line by its place (queuedAt) as the call policy does: a ticket sent to the end of the line comes after those already in it', () => {
    const twoMinutesAgo = new Date(NOW - 2 * 60_000).toISOString()
    const transferred = ticket(A.id, 'A', 40, { transferCount: 1, queuedAt: twoMinutesAgo, rejoinedAt: twoMinutesAgo })
    const older = ticket(A.id, 'A', 10)
    const q = counterQueue(counter, [A, B, C], [transferred, older], NOW)
    const a = q.rows[0]
    expect(a.next.map((e) => e.label)).toEqual([older.label, transferred.label])
    // the longest wait is the line's: 10 minutes, not the transferred ticket's 40 since its issue
    expect(a.longestWaitSeconds).toBe(10 * 60)
    expect(a.next[1].waitedSeconds).toBe(2 * 60)
  })

  it('leaves out a deactivated service whose line is empty, and keeps one that still holds tickets (walk s52)', () => {
    const off = { ...B, active: false }
    expect(counterQueue(counter, [A, off, C], [ticket(A.id, 'A', 10)], NOW).rows.map((r) => r.service.prefix)).toEqual(['A'])
    const still = counterQueue(counter, [A, off, C], [ticket(A.id, 'A', 10), ticket(B.id, 'B', 5)], NOW)
    expect(still.rows.map((r) => [r.service.prefix, r.waiting])).toEqual([
      ['A', 1],
      ['B', 1],
    ])
    // the panel says why that line takes no new ticket, and that its people are still to be called (s53)
    const panel = new QueuePanel()
    panel.lang = 'en'
    panel.queue = still
    const text = markup(panel.render()).replace(/<[^>]*>/g, '')
    expect(text.match(/no new tickets; call those waiting/g)).toHaveLength(1)
    expect(text.indexOf('no new tickets')).toBeGreaterThan(text.indexOf('Service B'))
  })

  it('shows a wait since the ticket joined this line, whatever place it keeps: a check-in arrival or a transfer that keeps the issue time', () => {
    // joined from home 40 minutes ago, arrived a minute ago: first in line (the join's place), waited 1 minute
    const arrived = ticket(A.id, 'A', 40, { origin: 'remote', rejoinedAt: new Date(NOW - 60_000).toISOString() })
    const present = ticket(A.id, 'A', 10)
    // issued 30 minutes ago, transferred here 3 minutes ago with its issue time kept (its place)
    const kept = ticket(A.id, 'A', 30, { transferCount: 1, rejoinedAt: new Date(NOW - 3 * 60_000).toISOString() })
    const a = counterQueue(counter, [A, B, C], [present, kept, arrived], NOW).rows[0]
    expect(a.next.map((e) => e.label)).toEqual([arrived.label, kept.label, present.label])
    expect(a.next.map((e) => e.waitedSeconds)).toEqual([60, 3 * 60, 10 * 60])
    // the longest wait is the present citizen's 10 minutes, not the first in line's, nor 40 since the join
    expect(a.longestWaitSeconds).toBe(10 * 60)
    // and nobody is past the 600 s target: the present citizen is at it, not beyond (the dashboard's mark counts alike)
    expect(a.pastTarget).toBe(0)
    const later = counterQueue(counter, [A, B, C], [present, kept, arrived], NOW + 1000).rows[0]
    expect(later.pastTarget).toBe(1)
  })

  it("counts a line's past target by the wait rounded as the call records it, as /stats/today does, while showing whole seconds rounded down", () => {
    // 600 s target; 600.6 s waited: the server counts it past the target (601 s recorded), so must the console
    const atTheTarget = ticket(A.id, 'A', 10)
    const justPast = counterQueue(counter, [A, B, C], [atTheTarget], NOW + 600).rows[0]
    expect(justPast.pastTarget).toBe(1)
    expect(justPast.longestWaitSeconds).toBe(600)
    expect(counterQueue(counter, [A, B, C], [atTheTarget], NOW + 400).rows[0].pastTarget).toBe(0)
  })

  it('ages an ordinary ticket for the priority policy by its place, as the server does, not by its wait since rejoining', () => {
    // kept its issue-time place (transferKeepsIssueTime) 30 minutes ago, transferred here a minute ago
    const kept = ticket(A.id, 'A', 30, { transferCount: 1, rejoinedAt: new Date(NOW - 60_000).toISOString() })
    const elderly = ticket(A.id, 'A', 2, { priority: 'elderly' })
    const a = counterQueue(counter, [A, B, C], [kept, elderly], NOW, {
      order: { ...OLDEST_FIRST, policy: 'priority', priorityAgingSeconds: 20 * 60 },
    }).rows[0]
    // aged past 20 minutes by its place: called with the priority ones, in its place
    expect(a.next.map((e) => e.label)).toEqual([kept.label, elderly.label])
    expect(a.next[0].waitedSeconds).toBe(60)
  })

  it("lists a line's next labels in the order a call takes them: under the priority policy a category or an aged ticket first (walk of 2026-12-06)", () => {
    // A-005 (elderly) came last: "call next" calls it first, and the four labels left it out
    const line = [
      ticket(A.id, 'A', 9),
      ticket(A.id, 'A', 8),
      ticket(A.id, 'A', 7),
      ticket(A.id, 'A', 6),
      ticket(A.id, 'A', 1, { priority: 'elderly' }),
    ]
    const labels = (order?: { policy: string; priorityAgingSeconds: number }) =>
      counterQueue(counter, [A, B, C], line, NOW, { order: order && { ...OLDEST_FIRST, ...order } }).rows[0].next.map((e) => e.label)
    const [a1, a2, a3, , a5] = line.map((t) => t.label)
    expect(labels({ policy: 'priority', priorityAgingSeconds: 1800 })).toEqual([a5, a1, a2, a3])
    // an ordinary ticket waited past the ageing joins the priority ones, in its place by its wait
    expect(labels({ policy: 'priority', priorityAgingSeconds: 8 * 60 })).toEqual([a1, a2, a5, a3])
    // fifo and sla take one line oldest first; an older server that says nothing: oldest first
    expect(labels({ policy: 'fifo', priorityAgingSeconds: 1800 })).toEqual([a1, a2, a3, line[3].label])
    expect(labels()).toEqual([a1, a2, a3, line[3].label])
    // the longest wait stays the line's oldest
    expect(
      counterQueue(counter, [A, B, C], line, NOW, { order: { ...OLDEST_FIRST, policy: 'priority', priorityAgingSeconds: 1800 } }).rows[0]
        .longestWaitSeconds,
    ).toBe(9 * 60)
  })

  it("follows the policy's cap on priority calls in a row: at the cap, the oldest ordinary ticket is next (the server's rule, shared)", () => {
    const line = [
      ticket(A.id, 'A', 9),
      ticket(A.id, 'A', 8),
      ticket(A.id, 'A', 2, { priority: 'elderly' }),
      ticket(A.id, 'A', 1, { priority: 'disabled' }),
    ]
    const [a1, a2, e3, d4] = line.map((t) => t.label)
    const order = { ...OLDEST_FIRST, policy: 'priority', priorityAgingSeconds: 1800, maxPriorityInARow: 2 }
    const labels = (priorityStreak: number) =>
      counterQueue({ ...counter, priorityStreak }, [A, B, C], line, NOW, { order }).rows[0].next.map((e) => e.label)
    // no priority call just now: the two categories, then (the cap reached) an ordinary one, then the other category-less
    expect(labels(0)).toEqual([e3, d4, a1, a2])
    // one priority call just now: one more category, then the cap sends an ordinary ticket, then the next category
    expect(labels(1)).toEqual([e3, a1, d4, a2])
    // at the cap: the oldest ordinary ticket goes first (the console's own copy of the rule knew no cap)
    expect(labels(2)).toEqual([a1, e3, d4, a2])
  })

  it('plays forward only the tickets this counter may call: a priority ticket of a line it does not serve moves no streak', () => {
    // C is not this counter's: its elderly ticket, the oldest, is another counter's to call
    const line = [ticket(A.id, 'A', 9), ticket(A.id, 'A', 2, { priority: 'elderly' }), ticket(C.id, 'C', 20, { priority: 'elderly' })]
    const [a1, e2] = line.map((t) => t.label)
    const order = { ...OLDEST_FIRST, policy: 'priority', priorityAgingSeconds: 1800, maxPriorityInARow: 2 }
    const next = counterQueue({ ...counter, priorityStreak: 1 }, [A, B, C], line, NOW, { order }).rows.find(
      (r) => r.service.id === A.id,
    )!.next
    // one more priority call before the cap: A's elderly ticket, then the ordinary one
    expect(next.map((e) => e.label)).toEqual([e2, a1])
  })

  it("plays the cap on appointments in a row from the counter's appointment streak: at the cap, the walk-in is next", () => {
    const slotStart = new Date(NOW - 5 * 60_000).toISOString()
    const line = [
      ticket(A.id, 'A', 9),
      ticket(A.id, 'A', 2, { origin: 'appointment', slotStart }),
      ticket(A.id, 'A', 1, { origin: 'appointment', slotStart }),
    ]
    const [w1, b2, b3] = line.map((t) => t.label)
    const order = { ...OLDEST_FIRST, maxAppointmentsInARow: 2 }
    const next = (appointmentStreak: number) =>
      counterQueue({ ...counter, appointmentStreak }, [A, B, C], line, NOW, { order }).rows[0].next
    // none just called: both due appointments, then the walk-in
    expect(next(0).map((e) => e.label)).toEqual([b2, b3, w1])
    // one just called: one more, then the walk-in, then the other (its streak back at 0)
    expect(next(1).map((e) => e.label)).toEqual([b2, w1, b3])
    // at the cap: the walk-in first, as call-next takes it (the console played from none in a row)
    expect(next(2).map((e) => e.label)).toEqual([w1, b2, b3])
    // the chips mark the appointments, with their slot (a walk-in carries no mark)
    expect(next(2).map((e) => e.appointment)).toEqual([undefined, { slotStart }, { slotStart }])
  })

  it('rounds waits down to whole minutes', () => {
    expect(wholeMinutes(59)).toBe(0)
    expect(wholeMinutes(61)).toBe(1)
    expect(wholeMinutes(-5)).toBe(0)
  })

  it('shows one wait the same in the line and once called: both round down (a 1:59.6 wait is 1 min in both places)', () => {
    const issuedAt = new Date(NOW - 119_600).toISOString()
    const waiting = { ...ticket(A.id, 'A', 0), issuedAt, queuedAt: issuedAt }
    const inLine = wholeMinutes(counterQueue(counter, [A, B, C], [waiting], NOW).rows[0].longestWaitSeconds!)
    const called = ticketMinutes(
      { issuedAt, calledAt: new Date(NOW).toISOString(), resumedAt: undefined, status: 'called', startedAt: null },
      NOW,
    ).waited
    expect([inLine, called]).toEqual([1, 1])
  })
})

describe('the live state the console keeps', () => {
  it('follows pushes: a call moves the waiting ticket to its counter, a finished one leaves, figures update', () => {
    const live = new LiveState()
    const A = service(1, 'A')
    const waiting = ticket(A.id, 'A', 3)
    live.applySnapshot({
      seq: 1,
      feed: 'staff',
      services: [{ ...A, waiting: 1, estimatedWaitSeconds: 300, ahead: 1, issuedToday: 1, staffed: true, available: true, checkIn: false }],
      counters: [],
      recentCalls: [],
      pastCalls: [],
      news: { ar: '', en: '', updatedAt: null },
      tickets: [waiting],
    })
    live.applyCall({
      ticket: { id: waiting.id, label: waiting.label, serviceId: A.id },
      counter: { id: 7, number: 3, name: 'c', zone: 'main' },
      at: new Date(NOW).toISOString(),
      recall: false,
    })
    expect(live.tickets.get(waiting.id)).toMatchObject({ status: 'called', counterId: 7 })
    // a recall changes nothing here (its ticket:updated carries the new count)
    live.applyCall({
      ticket: { id: waiting.id, label: waiting.label, serviceId: A.id },
      counter: { id: 7, number: 3, name: 'c', zone: 'main' },
      at: new Date(NOW).toISOString(),
      recall: true,
    })
    expect(live.tickets.get(waiting.id)?.recallCount).toBe(0)
    live.upsertTicket({ ...waiting, status: 'done' })
    expect(live.tickets.has(waiting.id)).toBe(false)
    live.applyFigures([
      { serviceId: A.id, waiting: 0, estimatedWaitSeconds: 0, ahead: 0, staffed: true, available: false, issuedToday: 3, checkIn: false },
    ])
    expect(live.services[0]).toMatchObject({ waiting: 0, available: false, prefix: 'A' })
    // a call for a ticket never seen (issued before a gap) waits for the snapshot
    live.applyCall({
      ticket: { id: 'unknown', label: 'A-999', serviceId: A.id },
      counter: { id: 7, number: 3, name: 'c', zone: 'main' },
      at: new Date(NOW).toISOString(),
      recall: false,
    })
    expect(live.tickets.has('unknown')).toBe(false)
  })

  it("keeps when each called ticket's no-show is accepted in this browser's clock, from the server's wait", () => {
    const live = new LiveState()
    const called: Ticket = {
      ...ticket(1, 'A', 4),
      status: 'called',
      counterId: 7,
      // the server's clock is an hour off: only inMs counts
      noShowAllowed: { at: new Date(NOW - 3600_000).toISOString(), inMs: 4000, recallLifts: true },
    }
    live.upsertTicket(called, NOW)
    expect(live.noShowAcceptedFrom(called.id)).toBe(NOW + 4000)
    // the staff push of a call carries the ticket whole: it replaces what was known
    live.applyCall({
      ticket: { id: called.id, label: called.label, serviceId: 1 },
      counter: { id: 7, number: 3, name: 'c', zone: 'main' },
      at: new Date(NOW).toISOString(),
      recall: true,
      current: { ...called, recallCount: 1, noShowAllowed: { at: new Date(NOW).toISOString(), inMs: 0, recallLifts: false } },
    })
    expect(live.tickets.get(called.id)?.recallCount).toBe(1)
    expect(live.noShowAcceptedFrom(called.id)).toBeLessThanOrEqual(Date.now())
    // served: no longer a no-show candidate
    live.upsertTicket({ ...called, status: 'serving', noShowAllowed: undefined })
    expect(live.noShowAcceptedFrom(called.id)).toBeNull()
  })
})

describe('the countdown of a wait', () => {
  it('re-renders at each change of the whole seconds left and exactly when the wait ends, then stops', () => {
    vi.useFakeTimers({ now: NOW })
    try {
      const renders: number[] = []
      let until: number | null = NOW + 2500
      const host = {
        addController: () => {},
        removeController: () => {},
        requestUpdate: () => {
          renders.push(Date.now())
          countdown.hostUpdated()
        },
        updateComplete: Promise.resolve(true),
      }
      const countdown = new CountdownController(host, () => until)
      countdown.hostUpdated()
      expect(countdown.secondsLeft()).toBe(3)
      vi.advanceTimersByTime(5000)
      expect(renders.map((t) => t - NOW)).toEqual([500, 1500, 2500])
      expect(countdown.secondsLeft()).toBe(0)
      // a new wait (the next call) arms it again; none disarms it
      until = Date.now() + 1000
      countdown.hostUpdated()
      until = null
      countdown.hostUpdated()
      vi.advanceTimersByTime(2000)
      expect(renders).toHaveLength(3)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('error messages', () => {
  it('maps every code a clerk can meet to a bilingual message, and unknown ones to a generic one', () => {
    expect(messageForCode(ErrorCodes.NOT_YOUR_COUNTER)).toBe('err.notYourCounter')
    expect(messageForCode(ErrorCodes.COUNTER_TAKEN)).toBe('err.counterTaken')
    expect(messageForCode(ErrorCodes.TOKEN_EXPIRED)).toBe('err.sessionExpired')
    expect(messageForCode('TABOUR_ERR_SOMETHING_NEW')).toBe('err.generic')
    expect(messageForCode('toString')).toBe('err.generic')
    for (const code of Object.values(ErrorCodes)) expect(consoleText(messageForCode(code), 'ar')).toMatch(/\p{Script=Arabic}/u)
    expect(messageForError(new NetworkError('refused'))).toBe('err.network')
    expect(messageForError(new Error('x'))).toBe('err.generic')
    // a refused field the console fills is worded for that field (issue 15: the body's `field`, not its message)
    const tooLong = (field: string) =>
      new ApiError(400, ErrorCodes.VALIDATION, 'body/x must NOT have more than 500 characters', { field, reason: 'maxLength', limit: 500 })
    expect(messageForError(tooLong('note'))).toBe('err.noteTooLong')
    expect(messageForError(tooLong('reason'))).toBe('err.reasonTooLong')
    expect(messageForError(tooLong('toString'))).toBe('err.invalid')
  })

  it('knows when to ask for a login and when the counter was lost', () => {
    expect(needsLogin(new ApiError(401, ErrorCodes.TOKEN_EXPIRED, ''))).toBe(true)
    expect(needsLogin(new ApiError(401, ErrorCodes.BAD_CREDENTIALS, ''))).toBe(false)
    expect(needsLogin(new ApiError(403, ErrorCodes.NOT_YOUR_COUNTER, ''))).toBe(false)
    expect(counterLost(new ApiError(403, ErrorCodes.NOT_YOUR_COUNTER, ''))).toBe(true)
    expect(counterLost(new ApiError(409, ErrorCodes.COUNTER_BUSY, ''))).toBe(false)
  })
})

describe('every action has its words', () => {
  it.each(CONSOLE_ACTIONS)('%s', (a) => {
    expect(Object.hasOwn(CONSOLE_MESSAGES, `action.${a}`)).toBe(true)
  })
})

describe("the current ticket's figures and the resume notice say what happened", () => {
  const at = (hhmm: string) => `2026-12-04T${hhmm}:00.000Z`
  it('after a park and a resume: issue → first call, and at the counter since the resume (the time parked in neither)', () => {
    const resumed = { issuedAt: at('10:00'), calledAt: at('10:05'), resumedAt: at('10:30'), status: 'called', startedAt: null } as const
    expect(ticketMinutes(resumed, Date.parse(at('10:32')))).toEqual({
      waited: 5,
      inLine: null,
      atCounter: { label: 'ticket.calledAgo', minutes: 2 },
    })
  })

  it('after a transfer: issue → the new call, which holds the first service too, so the words say "issue to call", not "waited"', () => {
    const transferred = {
      issuedAt: at('10:00'),
      rejoinedAt: at('10:32'),
      calledAt: at('10:40'),
      resumedAt: undefined,
      status: 'called',
      startedAt: null,
    } as const
    // and beside it the wait in this line, from the transfer: what the call recorded against the target
    expect(ticketMinutes(transferred, Date.parse(at('10:41')))).toEqual({
      waited: 40,
      inLine: { label: 'ticket.waitedInLine', minutes: 8 },
      atCounter: { label: 'ticket.calledAgo', minutes: 1 },
    })
    expect(consoleText('ticket.waited', 'en')).toBe('Issue to call')
    expect(consoleText('ticket.waited', 'ar')).toBe('من الإصدار حتى النداء')
  })

  it('the call after an undone no-show: the wait in this line is the one its first call recorded, not the time since the undo (walk s54)', () => {
    const calledAgain = {
      issuedAt: at('10:00'),
      rejoinedAt: at('10:20'),
      calledAt: at('10:26'),
      resumedAt: undefined,
      status: 'called',
      startedAt: null,
      waitEnded: { calledAt: at('10:12'), waitedSeconds: 12 * 60 + 30 },
    } as const
    expect(ticketMinutes(calledAgain, Date.parse(at('10:27')))).toEqual({
      waited: 26,
      inLine: { label: 'ticket.waitedInLineToFirstCall', minutes: 12 },
      atCounter: { label: 'ticket.calledAgo', minutes: 1 },
    })
    expect(consoleText('ticket.waitedInLineToFirstCall', 'en')).toBe('Wait in this line to its first call')
  })

  it('a resumed ticket is said to be resumed and called back, not called as if for the first time', () => {
    expect(consoleText('parked.resumed', 'en', { label: 'A-004' })).toBe('Ticket A-004 resumed: called back to your counter.')
    expect(consoleText('parked.resumed', 'ar', { label: 'A-004' })).toContain('استُؤنفت')
  })
})

describe('minutes left of an undo or parking window', () => {
  it('never shows more than the window: 30 of 30 right after a no-show, though the ticker is 15 s old', () => {
    const clock = Date.parse('2026-12-05T03:00:00Z')
    expect(minutesLeft(clock + 30 * 60_000, clock - 15_000, clock)).toBe(30)
    expect(minutesLeft(clock + 29 * 60_000 + 1, clock, clock)).toBe(30)
    expect(minutesLeft(clock + 5_000, clock, clock)).toBe(1)
    expect(minutesLeft(clock - 5_000, clock, clock)).toBe(1)
  })
})

describe('the time at the counter', () => {
  const at = (hhmmss: string) => Date.parse(`2026-12-07T${hhmmss}.000Z`)
  const a002 = { calledAt: new Date(at('07:14:45')).toISOString(), resumedAt: undefined }

  it('counts from Start once started: "At the counter for 0 min" seconds after it, not 3 from the call (walk s50)', () => {
    const serving = { ...a002, status: 'serving', startedAt: new Date(at('07:18:10')).toISOString() } as const
    expect(counterTime(serving, at('07:18:20'))).toEqual({ label: 'ticket.atCounter', minutes: 0 })
    expect(counterTime(serving, at('07:21:10'))).toEqual({ label: 'ticket.atCounter', minutes: 3 })
  })

  it('while called, not started: "Called 3 min ago", counted from the call; the citizen has not come yet', () => {
    const called = { ...a002, status: 'called', startedAt: null } as const
    expect(counterTime(called, at('07:18:00'))).toEqual({ label: 'ticket.calledAgo', minutes: 3 })
  })

  it('says it in both languages, in the screen\'s digits: "Called 3 min ago", «نوديت منذ ٣ د», "just now" under a minute', () => {
    const said = (t: CounterTime, lang: 'ar' | 'en', digits: 'western' | 'arabic-indic' = 'western') =>
      `${consoleText(t.label, lang)} ${counterTimeValue(t, lang, digits)}`
    expect(said({ label: 'ticket.calledAgo', minutes: 3 }, 'en')).toBe('Called 3 min ago')
    expect(said({ label: 'ticket.calledAgo', minutes: 3 }, 'ar', 'arabic-indic')).toBe('نوديت منذ ٣ د')
    expect(said({ label: 'ticket.calledAgo', minutes: 0 }, 'en')).toBe('Called just now')
    expect(said({ label: 'ticket.calledAgo', minutes: 0 }, 'ar')).toBe('نوديت الآن')
    expect(said({ label: 'ticket.atCounter', minutes: 12 }, 'en')).toBe('At the counter for 12 min')
    expect(said({ label: 'ticket.atCounter', minutes: 12 }, 'ar', 'arabic-indic')).toBe('عند الشباك منذ ١٢ د')
  })
})

describe('the finish dialog of a visit of several steps (walk of 2026-12-07: it said nothing of the next line)', () => {
  it('says where the default outcome sends the ticket, and that another outcome ends the visit, in both languages', () => {
    const values = { outcome: 'Served', label: 'A-003', service: 'Reconciliation requests', step: '2', of: '2', others: 'yes' }
    expect(consoleText('finish.nextStep', 'en', values)).toBe(
      'With “Served”, A-003 goes on to the Reconciliation requests line (step 2 of 2); any other outcome ends the visit.',
    )
    expect(consoleText('finish.nextStep', 'ar', { ...values, outcome: 'تمت الخدمة', service: 'طلبات التصالح', others: 'no' })).toBe(
      'مع «تمت الخدمة» تنتقل A-003 إلى طابور طلبات التصالح (الخطوة 2 من 2).',
    )
  })
})

describe('the "Issue a ticket" dialog greys out only what the server refuses staff (walk s54)', () => {
  const base = { active: true, dailyCap: null, issuedToday: 3, staffed: true, hours: undefined }
  it('a service no counter serves stays choosable and says so; outside its hours too; at its cap it is refused and says why', () => {
    expect(issueChoice(base)).toEqual({ disabled: false, mark: null })
    expect(issueChoice({ ...base, staffed: false })).toEqual({ disabled: false, mark: 'transfer.unstaffedService' })
    expect(issueChoice({ ...base, dailyCap: 3 })).toEqual({ disabled: true, mark: 'issue.capReached' })
    expect(consoleText('transfer.unstaffedService', 'en')).toBe('no counter is serving it now')
    expect(consoleText('issue.capReached', 'ar')).toBe('بلغت حدها اليومي')
  })
})

describe('the banner of a parked ticket whose time ran out (walk s54)', () => {
  const parked = (endsAt: number, clockStopped = false) =>
    ({ ticket: { label: 'A-002' }, reason: 'payment', note: null, endsAt, clockStopped, secondsLeft: 0 }) as unknown as LocalParked
  const notice = { key: 'park.done', values: { label: 'A-002' }, tone: 'info' } as const
  it('no longer says "parked; the counter is free" once the list drops it: it says it lost its place', () => {
    expect(parkNoticeNow(notice, [parked(1000)], 999)).toBe(notice)
    expect(parkNoticeNow(notice, [parked(1000)], 1000)).toEqual({ key: 'parked.givenUp', values: { label: 'A-002' }, tone: 'info' })
    // its counter paused: its time stands still, it is still parked
    expect(parkNoticeNow(notice, [parked(1000, true)], 5000)).toBe(notice)
    expect(consoleText('parked.givenUp', 'en', { label: 'A-002' })).toContain('A-002 was parked past its time and has lost its place')
  })
})

describe('small words of the console (walk s54)', () => {
  it('"and N more" under a line has the Arabic plural forms', () => {
    expect([1, 2, 3, 11].map((n) => consoleText('queue.more', 'ar', { n }))).toEqual([
      'وتذكرة أخرى',
      'وتذكرتان أخريان',
      'و3 تذاكر أخرى',
      'و11 تذكرة أخرى',
    ])
    expect(consoleText('queue.more', 'en', { n: 4 })).toBe('and 4 more')
  })

  it('the search hint shows a number as tickets are numbered (A-001), not A-15', () => {
    expect(ticketToolsText('tools.findHint', 'en')).toContain('such as A-015')
    expect(ticketToolsText('tools.badQuery', 'ar')).toContain('مثل A-015')
  })
})
