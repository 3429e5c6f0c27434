/**
 * What the clerk may do now, and which key does it: pure functions of the counter's state and
 * its current ticket's status. Ticket moves come from the shared lifecycle table
 * (protocol/ticket-lifecycle.ts), the same one the server enforces, so the console never offers
 * a button the server would refuse with TABOUR_ERR_ILLEGAL_TRANSITION.
 */
import { isActive, nextStatus, type TicketAction, type TicketStatus } from '../protocol/ticket-lifecycle.ts'

/** Every action of the console, in the order its buttons appear. */
export type ConsoleAction =
  | 'call_next'
  | 'call_ticket'
  | 'recall'
  | 'start'
  | 'finish'
  | 'no_show'
  | 'transfer'
  | 'park'
  | 'pause'
  | 'resume'
  | 'issue'
  | 'close'

export const CONSOLE_ACTIONS: readonly ConsoleAction[] = Object.freeze([
  'call_next',
  'call_ticket',
  'recall',
  'start',
  'finish',
  'no_show',
  'transfer',
  'park',
  'pause',
  'resume',
  'issue',
  'close',
] as const)

export type CounterState = 'closed' | 'open' | 'paused'

/** The console actions that are lifecycle moves of the current ticket, and the move each is. */
const TICKET_MOVES: Partial<Record<ConsoleAction, TicketAction>> = {
  recall: 'recall',
  start: 'start',
  finish: 'finish',
  no_show: 'no_show',
  transfer: 'transfer',
  park: 'park',
}

/**
 * The legal actions for a counter in `state` whose current ticket is `ticket` (null: none, or
 * one that has left the counter). Mirrors server/queue/counter-actions.ts: calling needs an open
 * idle counter, pause and close need an idle one, resume a paused one; ticket moves follow the
 * lifecycle table. Issuing a walk-in ticket is always possible at a counter one holds.
 */
export function legalConsoleActions(state: CounterState, ticket: TicketStatus | null): ConsoleAction[] {
  if (state === 'closed') return []
  const current = ticket !== null && isActive(ticket) ? ticket : null
  const legal = new Set<ConsoleAction>(['issue'])
  if (current === null) {
    if (state === 'open') {
      legal.add('call_next').add('call_ticket').add('pause')
    } else {
      legal.add('resume')
    }
    legal.add('close')
  } else {
    for (const [action, move] of Object.entries(TICKET_MOVES) as [ConsoleAction, TicketAction][]) {
      if (nextStatus(current, move) !== null) legal.add(action)
    }
  }
  return CONSOLE_ACTIONS.filter((a) => legal.has(a))
}

/** The one action the screen makes the big, obvious button: what a clerk does next most of the time. */
export function primaryAction(legal: readonly ConsoleAction[]): ConsoleAction | null {
  for (const a of ['finish', 'start', 'call_next', 'resume'] as const) if (legal.includes(a)) return a
  return null
}

/** Actions that lose something when pressed by mistake: they ask to confirm first. */
export const CONFIRMED_ACTIONS: ReadonlySet<ConsoleAction> = new Set(['no_show', 'close'])

/** Actions that need more input (a dialog) before the request. */
export const DIALOG_ACTIONS: ReadonlySet<ConsoleAction> = new Set([
  'finish',
  'transfer',
  'park',
  'pause',
  'call_ticket',
  'issue',
  'no_show',
  'close',
])

/**
 * The keyboard map. Keys are physical (`KeyboardEvent.code`), so they work the same with the
 * Arabic layout on (where N types "ى"). Shown on each button as its Latin letter.
 */
export const KEY_MAP: Readonly<Record<ConsoleAction, { code: string; label: string }>> = {
  call_next: { code: 'KeyN', label: 'N' },
  call_ticket: { code: 'KeyC', label: 'C' },
  recall: { code: 'KeyR', label: 'R' },
  start: { code: 'KeyS', label: 'S' },
  finish: { code: 'KeyF', label: 'F' },
  no_show: { code: 'KeyX', label: 'X' },
  transfer: { code: 'KeyT', label: 'T' },
  park: { code: 'KeyK', label: 'K' },
  pause: { code: 'KeyP', label: 'P' },
  resume: { code: 'KeyP', label: 'P' },
  issue: { code: 'KeyI', label: 'I' },
  close: { code: 'KeyQ', label: 'Q' },
}

/** What a shortcut needs to know about a key press. */
export interface KeyPress {
  code: string
  repeat?: boolean
  ctrlKey?: boolean
  altKey?: boolean
  metaKey?: boolean
  /** The press happened while typing (an input, a textarea, a select, an editable element). */
  typing?: boolean
}

/**
 * The action a key press asks for, among the `legal` ones; null when it is not a shortcut, the
 * clerk is typing, a modifier is held (browser shortcuts stay the browser's), or the key is
 * held down (auto-repeat must never call twice). Pause and resume share P: only one is legal.
 */
export function shortcutAction(press: KeyPress, legal: readonly ConsoleAction[]): ConsoleAction | null {
  if (press.typing || press.repeat || press.ctrlKey || press.altKey || press.metaKey) return null
  return legal.find((a) => KEY_MAP[a].code === press.code) ?? null
}

/** Whether an element takes typed text (so letters must not fire shortcuts), looking through shadow roots. */
export function isTypingTarget(path: readonly EventTarget[]): boolean {
  for (const target of path) {
    const el = target as { tagName?: string; isContentEditable?: boolean; type?: string }
    if (!el || typeof el.tagName !== 'string') continue
    const tag = el.tagName.toUpperCase()
    if (tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable) return true
    if (tag === 'INPUT' && !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(String(el.type ?? 'text'))) return true
  }
  return false
}
