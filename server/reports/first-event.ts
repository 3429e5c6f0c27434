/**
 * When the center's event log begins: the business day and the instant of its earliest event,
 * or null while nothing has happened. The reports count no open minute and no baseline week
 * before it (a center does not stand open, idle, on days before it existed). MIN over the log, not
 * its first row: a log restored or back-filled out of order still begins at its earliest event.
 * Both reads go through the `events_day_type` index.
 */
import type Database from 'better-sqlite3'

export function firstEvent(db: Database.Database): { day: string; at: number } | null {
  const day = db.prepare('SELECT MIN(day) FROM events').pluck().get() as string | null
  if (day === null) return null
  const at = db.prepare('SELECT MIN(at) FROM events WHERE day = ?').pluck().get(day) as number
  return { day, at }
}
