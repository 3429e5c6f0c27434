/**
 * The one announcement queue of a display: calls are spoken first in, first out, one at a time,
 * so two announcements never overlap or cut each other off. Nothing is dropped when calls pile
 * up (ten clerks pressing "call" in the same two seconds are all announced, in order): a citizen
 * who hears nothing misses their turn, which costs more than a late announcement.
 *
 * The wording is chosen when a call STARTS, not when it arrives: a call is said as configured
 * (chime, long form, English, if the settings ask for them) only when nobody waits behind it and
 * it has itself waited less than `shortenAfterMs`; otherwise it is said in the shortest form
 * (`SHORTEST`: Arabic, no chime, «A خمسة عشر، شباك ثلاثة», about 3.5 s). So a queue drains at
 * the shortest form's pace, and a burst of calls is spoken in about 3.5 s a call.
 */
import type { ClipPlayer } from './clip-player.ts'
import { composeCall, SHORTEST, type ComposeOptions } from './compose.ts'
import type { AnnouncementRecord, Announcer } from './contract.ts'

/** Settings of `createAnnouncementQueue`. */
export interface AnnouncementQueueOptions extends ComposeOptions {
  /** Plays each call's clips; a fake in tests. */
  player: ClipPlayer
  /** Clock for queuedAt/startedAt/endedAt, in ms; default performance.now. */
  now?: () => number
  /** A call that has waited this long when its turn comes is said in the shortest form; default 5000 ms. */
  shortenAfterMs?: number
  /** How many records `log` keeps; default 50 (the contract's bound). */
  logSize?: number
  /** Called whenever a record changes state (queued, playing, done, failed); default none. */
  onChange?: (record: AnnouncementRecord) => void
  /** Where failed plays are reported; default console.warn. */
  warn?: (message: string, error?: unknown) => void
}

/** A record the queue may update; the outside sees it read-only through `log`. */
type MutableRecord = { -readonly [K in keyof AnnouncementRecord]: AnnouncementRecord[K] }

/** An `Announcer` over any `ClipPlayer`. */
export function createAnnouncementQueue(options: AnnouncementQueueOptions): Announcer {
  const { player } = options
  const now = options.now ?? (() => performance.now())
  const logSize = options.logSize ?? 50
  const warn = options.warn ?? ((message, error) => console.warn(`[announcer] ${message}`, error ?? ''))
  const shortenAfterMs = options.shortenAfterMs ?? 5000
  const compose: ComposeOptions = { languages: [...options.languages], chime: options.chime, form: options.form }

  const log: MutableRecord[] = []
  // Kept apart from `log`: the log is bounded, the queue is not (nothing queued is ever dropped).
  const pending: MutableRecord[] = []
  let current: MutableRecord | null = null
  let pumping = false
  let closed = false

  const changed = (record: MutableRecord): void => {
    try {
      options.onChange?.(record)
    } catch (error) {
      warn('onChange threw', error)
    }
  }

  /** Plays the pending calls one after another; only one pump runs at a time. */
  async function pump(): Promise<void> {
    if (pumping) return
    pumping = true
    try {
      while (!closed && pending.length > 0) {
        const record = pending.shift()!
        record.startedAt = now()
        record.shortened = pending.length > 0 || record.startedAt - record.queuedAt > shortenAfterMs
        try {
          record.clips = composeCall(record.announcement, record.shortened ? SHORTEST : compose)
        } catch (error) {
          warn(`cannot compose ${String(record.announcement?.label)}`, error)
        }
        record.state = 'playing'
        current = record
        changed(record)
        try {
          await player.play(record.clips)
          // stopped by close() half-way: it was not fully heard
          record.state = closed ? 'failed' : 'done'
        } catch (error) {
          // one bad call (audio locked, clips gone) must not hold up the calls behind it
          record.state = 'failed'
          warn(`announcing ${record.announcement.label} failed`, error)
        }
        record.endedAt = now()
        current = null
        changed(record)
      }
    } finally {
      pumping = false
    }
  }

  return {
    announce(announcement) {
      if (closed) return
      const record: MutableRecord = { announcement: { ...announcement }, clips: [], state: 'queued', queuedAt: now(), shortened: false }
      log.push(record)
      if (log.length > logSize) log.splice(0, log.length - logSize)
      pending.push(record)
      changed(record)
      void pump()
    },

    get log() {
      return log
    },

    get current() {
      return current
    },

    get pending() {
      return pending
    },

    unlock: () => player.unlock(),

    close() {
      if (closed) return
      closed = true
      // calls never started stay 'queued' in the log: they were never tried
      pending.length = 0
      player.close()
    },
  }
}
