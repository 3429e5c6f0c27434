/**
 * How each member of staff, or each counter, spent its time at counters over a range of days, from
 * the event log: open (opened/resumed until paused, closed or taken over), paused (paused until
 * resumed or closed), busy (busy-time.ts: a ticket at the counter from its call to its end, credited
 * to whoever ended it and where, on the day it ended, and one still at a counter up to now) and
 * idle = open − busy. Intervals are clipped to the range and, when it reaches today, to now; a
 * counter still open counts up to now. A clerk's open and paused time is the counter holder's; a
 * counter's is its own, whoever held it.
 */
import type Database from 'better-sqlite3'
import { addDays, dayStartMs } from '../../protocol/center-clock.ts'
import { busyMsBy } from './busy-time.ts'

export interface ClerkTime {
  busySeconds: number
  idleSeconds: number
  pauseSeconds: number
  /**
   * busy ÷ open time (paused time aside), %: how much of the time the clerk or counter was open a ticket
   * was at it; null when it was never open in the range. At most 100: a ticket called before the range
   * and ended in it brings all its busy time to the day it ended (busy-time.ts), the open time is clipped.
   */
  busyPercent: number | null
}

type Holder = { userId: number; state: 'open' | 'paused'; since: number }

/** The figures by staff member (user id). */
export const clerkTimes = (db: Database.Database, q: TimeQuery): Map<number, ClerkTime> => timesBy(db, q, 'clerk')

/** The figures by counter (counter id), whoever held it. */
export const counterTimes = (db: Database.Database, q: TimeQuery): Map<number, ClerkTime> => timesBy(db, q, 'counter')

interface TimeQuery {
  from: string
  to: string
  tz: string
  now: number
}

interface CounterEventRow {
  at: number
  type: string
  counterId: number
  userId: number | null
}

function timesBy(db: Database.Database, q: TimeQuery, group: 'clerk' | 'counter'): Map<number, ClerkTime> {
  const start = dayStartMs(q.from, q.tz)
  const end = Math.min(dayStartMs(addDays(q.to, 1), q.tz), q.now)
  const open = new Map<number, number>()
  const paused = new Map<number, number>()
  const add = (m: Map<number, number>, key: number, a: number, b: number) => {
    const ms = Math.min(b, end) - Math.max(a, start)
    if (ms > 0) m.set(key, (m.get(key) ?? 0) + ms)
  }
  // one day earlier too, so a counter opened the evening before the range is seen open
  const events = db
    .prepare(
      `SELECT at, type, counter_id AS counterId, user_id AS userId FROM events
       WHERE day BETWEEN ? AND ? AND type IN ('counter.opened', 'counter.resumed', 'counter.paused', 'counter.closed', 'counter.taken_over') ORDER BY id`,
    )
    .all(addDays(q.from, -1), q.to) as CounterEventRow[]
  const holders = new Map<number, Holder>()
  // a spell ends: its time goes to its holder (by clerk) or to the counter (by counter)
  const end_ = (counterId: number, h: Holder | undefined, at: number) => {
    if (!h) return
    add(h.state === 'open' ? open : paused, group === 'clerk' ? h.userId : counterId, h.since, at)
  }
  for (const e of events) {
    const h = holders.get(e.counterId)
    switch (e.type) {
      case 'counter.opened':
      case 'counter.resumed':
        end_(e.counterId, h, e.at)
        if (e.userId !== null) holders.set(e.counterId, { userId: e.userId, state: 'open', since: e.at })
        break
      case 'counter.paused':
        end_(e.counterId, h, e.at)
        if (e.userId !== null) holders.set(e.counterId, { userId: h?.userId ?? e.userId, state: 'paused', since: e.at })
        break
      case 'counter.closed':
      case 'counter.taken_over':
        end_(e.counterId, h, e.at)
        holders.delete(e.counterId)
        break
    }
  }
  for (const [counterId, h] of holders) end_(counterId, h, end)

  // busy: the one definition of busy-time.ts (ended tickets from the rollups, and those still at a counter up to now)
  const busy = new Map([...busyMsBy(db, group, q)].map(([key, ms]) => [Number(key), ms]))
  const out = new Map<number, ClerkTime>()
  for (const id of new Set([...open.keys(), ...paused.keys(), ...busy.keys()])) {
    const b = busy.get(id) ?? 0
    const o = open.get(id) ?? 0
    out.set(id, {
      busySeconds: Math.round(b / 1000),
      idleSeconds: Math.round(Math.max(0, o - b) / 1000),
      pauseSeconds: Math.round((paused.get(id) ?? 0) / 1000),
      busyPercent: o > 0 ? Math.round((Math.min(b, o) / o) * 1000) / 10 : null,
    })
  }
  return out
}
