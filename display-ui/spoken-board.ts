/**
 * What the board shows while the voice speaks, as a pure function, so the board and the voice
 * can never disagree (the rule is unit-tested with the announcer on a fake clock):
 *
 * - The big "now serving" panel shows the call whose announcement is playing. Between
 *   announcements it keeps the last call spoken (or shown) that is still at its counter.
 * - A call not yet spoken is never the big call: it waits in the recent list, first, marked
 *   "next to be announced", in the order it will be spoken.
 * - Calls the display never hands to the voice (before its settings load, a snapshot after a
 *   reload) are not waiting for anything: the newest of them is the big call at once.
 * - A call whose counter moved on before its turn (the clerk called someone else) leaves the
 *   board as before; it is still spoken, never dropped, but not shown as current.
 */
import type { CalledTicket } from '../protocol/events.ts'
import type { Announcer } from './announcer/contract.ts'

/** The key the board and the announcer share for one call (a recall of the same ticket is a new key). */
export const callKey = (call: Pick<CalledTicket, 'ticket' | 'at'>): string => `${call.ticket.id}@${call.at}`

/** The voice as the board needs it. */
export interface VoiceState {
  /** The key of the call being spoken now, or null. */
  speaking: string | null
  /** Keys of the calls waiting to be spoken, in the order they will be. */
  queued: readonly string[]
}

export const SILENT: VoiceState = { speaking: null, queued: [] }

/** The board's three parts. */
export interface SpokenBoard {
  /** The big call, or undefined when no call is at a counter. */
  now: CalledTicket | undefined
  /** Whether `now` is being spoken at this moment. */
  speaking: boolean
  /** Calls still to be announced, in speaking order. */
  next: CalledTicket[]
  /** The other calls still at a counter, newest first. */
  earlier: CalledTicket[]
}

/** The board for `calls` (the calls still at a counter, newest first) while the voice is in `voice`. */
export function spokenBoard(calls: readonly CalledTicket[], voice: VoiceState): SpokenBoard {
  const byKey = new Map(calls.map((c) => [callKey(c), c]))
  const queued = new Set(voice.queued)
  const next = voice.queued.flatMap((key) => byKey.get(key) ?? [])
  const spoken = voice.speaking === null ? undefined : byKey.get(voice.speaking)
  const now = spoken ?? calls.find((c) => !queued.has(callKey(c)))
  const earlier = calls.filter((c) => c !== now && !queued.has(callKey(c)))
  return { now, speaking: spoken !== undefined, next, earlier }
}

/**
 * What the big panel says when it has no call: "no calls right now" only when that is true; with
 * a call waiting to be spoken (listed as next to be announced, e.g. while the voice still finishes
 * a call whose ticket has already left its counter) the next call is a moment away.
 */
export function idleNowKey(board: Pick<SpokenBoard, 'next'>): 'display.noCalls' | 'display.callComing' {
  return board.next.length > 0 ? 'display.callComing' : 'display.noCalls'
}

/**
 * Whether the big call is an earlier one the board fell back to: a later call at this display's
 * counters has left its counter since (a no-show, a finish, a transfer), and the big panel shows
 * the latest call still at a counter. True, but drawn as the big call it looked like a new call
 * to the hall (s51: B-001, called before at counter 1, took the panel when A-005 was marked a
 * no-show); the board then says "Called earlier", without the call's colours (board-view.ts).
 * Nothing chimes or flashes for it: only a call pushed live is announced and flashed. A call
 * being announced is never earlier, and a recall is a new call (its time is the recall's).
 */
export function isEarlierCall(board: Pick<SpokenBoard, 'now' | 'speaking'>, past: readonly Pick<CalledTicket, 'at'>[]): boolean {
  const { now } = board
  if (now === undefined || board.speaking) return false
  const at = Date.parse(now.at)
  return past.some((p) => Date.parse(p.at) > at)
}

/** The voice state of an announcer whose announcements carry the board's `callKey` as their id. */
export function voiceStateOf(announcer: Pick<Announcer, 'current' | 'pending'> | null): VoiceState {
  if (!announcer) return SILENT
  return {
    speaking: announcer.current?.announcement.id ?? null,
    queued: announcer.pending.flatMap((r) => (r.announcement.id === undefined ? [] : [r.announcement.id])),
  }
}
