/**
 * How each member of staff spent their time at counters over a range of days, from the event
 * log: open (opened/resumed until paused, closed or taken over), paused (paused until resumed
 * or closed), busy (busy-time.ts: a ticket at the counter from its call to its end, credited to
 * whoever ended it on the day it ended, and one still at a counter up to now) and idle = open − busy. Intervals are clipped to the range and,
 * when it reaches today, to now; a counter still open counts up to now.
 */
import type Database from 'better-sqlite3'
import { addDays, dayStartMs } from '../../protocol/center-clock.ts'
import { busyMsBy } from './busy-time.ts'

export interface ClerkTime {
  busySeconds: number
  idleSeconds: number
  pauseSeconds: number
}

interface CounterEventRow {
  at: number
  type: string
  counterId: number
  userId: number | null
}

interface Holder {
  userId: number
  state: 'open' | 'paused'
  since: number
}

export function clerkTimes(db: Database.Database, q: { from: string; to: string; tz: string; now: number }): Map<number, ClerkTime> {
  const start = dayStartMs(q.from, q.tz)
  const end = Math.min(dayStartMs(addDays(q.to, 1), q.tz), q.now)
  const open = new Map<number, number>()
  const paused = new Map<number, number>()
  const add = (m: Map<number, number>, userId: number, a: number, b: number) => {
    const ms = Math.min(b, end) - Math.max(a, start)
    if (ms > 0) m.set(userId, (m.get(userId) ?? 0) + ms)
  }
  // one day earlier too, so a counter opened the evening before the range is seen open
  const events = db
    .prepare(
      `SELECT at, type, counter_id AS counterId, user_id AS userId FROM events
       WHERE day BETWEEN ? AND ? AND type IN ('counter.opened', 'counter.resumed', 'counter.paused', 'counter.closed', 'counter.taken_over') ORDER BY id`,
    )
    .all(addDays(q.from, -1), q.to) as CounterEventRow[]
  const holders = new Map<number, Holder>()
  const end_ = (h: Holder | undefined, at: number) => {
    if (!h) return
    add(h.state === 'open' ? open : paused, h.userId, h.since, at)
  }
  for (const e of events) {
    const h = holders.get(e.counterId)
    switch (e.type) {
      case 'counter.opened':
      case 'counter.resumed':
        end_(h, e.at)
        if (e.userId !== null) holders.set(e.counterId, { userId: e.userId, state: 'open', since: e.at })
        break
      case 'counter.paused':
        end_(h, e.at)
        if (e.userId !== null) holders.set(e.counterId, { userId: h?.userId ?? e.userId, state: 'paused', since: e.at })
        break
      case 'counter.closed':
      case 'counter.taken_over':
        end_(h, e.at)
        holders.delete(e.counterId)
        break
    }
  }
  for (const h of holders.values()) end_(h, end)

  // busy: the one definition of busy-time.ts (ended tickets from the rollups, and those still at a counter up to now)
  const busy = new Map([...busyMsBy(db, 'clerk', q)].map(([key, ms]) => [Number(key), ms]))
  const out = new Map<number, ClerkTime>()
  for (const id of new Set([...open.keys(), ...paused.keys(), ...busy.keys()])) {
    const b = busy.get(id) ?? 0
    out.set(id, {
      busySeconds: Math.round(b / 1000),
      idleSeconds: Math.round(Math.max(0, (open.get(id) ?? 0) - b) / 1000),
      pauseSeconds: Math.round((paused.get(id) ?? 0) / 1000),
    })
  }
  return out
}
