import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'
import type { Lang } from '../../../protocol/common.ts'
import { APPOINTMENT_DEFAULTS, type AppointmentDay, type AppointmentSettings, type BookingStatus } from '../../../protocol/appointments.ts'

/** A booking row, camel-cased; times are epoch ms. */
export interface BookingRecord {
  id: number
  code: string
  serviceId: number
  day: string
  slotStart: number
  slotEnd: number
  name: string
  phone: string
  lang: Lang
  status: BookingStatus
  createdAt: number
  createdByType: 'public' | 'user'
  createdById: number | null
  clientAddress: string | null
  ticketId: string | null
  checkedInAt: number | null
  cancelledAt: number | null
  movedCount: number
  /** The slot start it was last moved from; null when never moved (migration 36). */
  movedFrom: number | null
}

const COLUMNS = `id, code, service_id AS serviceId, day, slot_start AS slotStart, slot_end AS slotEnd, name, phone, lang, status,
  created_at AS createdAt, created_by_type AS createdByType, created_by_id AS createdById, client_address AS clientAddress,
  ticket_id AS ticketId, checked_in_at AS checkedInAt, cancelled_at AS cancelledAt, moved_count AS movedCount, moved_from AS movedFrom`

/** Appointment settings, day overrides and bookings (migration 12). */
export class BookingsRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  /** The key that signs this center's booking codes. */
  codeKey(): Buffer {
    return (this.sql('SELECT secret FROM booking_key WHERE id = 1').get() as { secret: Buffer }).secret
  }

  /** The service's settings over the defaults (appointments off when none are stored). */
  settings(serviceId: number): AppointmentSettings {
    const row = this.sql('SELECT settings FROM appointment_settings WHERE service_id = ?').get(serviceId) as
      | { settings: string }
      | undefined
    return { ...APPOINTMENT_DEFAULTS, ...(row ? (JSON.parse(row.settings) as Partial<AppointmentSettings>) : {}) }
  }

  setSettings(serviceId: number, settings: AppointmentSettings): void {
    this.sql(
      `INSERT INTO appointment_settings (service_id, settings) VALUES (?, ?)
       ON CONFLICT (service_id) DO UPDATE SET settings = excluded.settings`,
    ).run(serviceId, JSON.stringify(settings))
  }

  /** Services whose stored settings turn appointments on. */
  enabledServiceIds(): number[] {
    return (
      this.sql("SELECT service_id AS id FROM appointment_settings WHERE json_extract(settings, '$.enabled') = 1").all() as { id: number }[]
    ).map((r) => r.id)
  }

  dayOverride(serviceId: number, day: string): AppointmentDay | null {
    const row = this.sql('SELECT blocked, extra_per_slot AS extra FROM appointment_days WHERE service_id = ? AND day = ?').get(
      serviceId,
      day,
    ) as { blocked: number; extra: number } | undefined
    return row ? { blocked: row.blocked === 1, extraPerSlot: row.extra } : null
  }

  /**
   * The manager's changes of a service's days from `from` to `to` (inclusive), by day: one read for a
   * whole day list (GET /appointments/services asked dayOverride once per day offered, every minute
   * from each desk's booking card).
   */
  dayOverrides(serviceId: number, from: string, to: string): Map<string, AppointmentDay> {
    const rows = this.sql(
      'SELECT day, blocked, extra_per_slot AS extra FROM appointment_days WHERE service_id = ? AND day >= ? AND day <= ?',
    ).all(serviceId, from, to) as { day: string; blocked: number; extra: number }[]
    return new Map(rows.map((r) => [r.day, { blocked: r.blocked === 1, extraPerSlot: r.extra }]))
  }

  setDay(serviceId: number, day: string, d: AppointmentDay): void {
    this.sql(
      `INSERT INTO appointment_days (service_id, day, blocked, extra_per_slot) VALUES (?, ?, ?, ?)
       ON CONFLICT (service_id, day) DO UPDATE SET blocked = excluded.blocked, extra_per_slot = excluded.extra_per_slot`,
    ).run(serviceId, day, d.blocked ? 1 : 0, d.extraPerSlot)
  }

  /** The counters that serve the service: active, the weight they give it, the sum of the weights (> 0) they give all their services. */
  servingCounters(serviceId: number): { active: boolean; weight: number; totalWeight: number }[] {
    const rows = this.sql(
      `SELECT c.active, cs.weight,
              (SELECT COALESCE(SUM(x.weight), 0) FROM counter_services x WHERE x.counter_id = c.id AND x.weight > 0) AS totalWeight
       FROM counter_services cs JOIN counters c ON c.id = cs.counter_id WHERE cs.service_id = ?`,
    ).all(serviceId) as { active: number; weight: number; totalWeight: number }[]
    return rows.map((r) => ({ ...r, active: r.active === 1 }))
  }

  /** Live (not cancelled) bookings per slot start of the service between `from` and `to`. */
  bookedBySlot(serviceId: number, from: number, to: number): Map<number, number> {
    const rows = this.sql(
      `SELECT slot_start AS start, count(*) AS n FROM bookings
       WHERE service_id = ? AND slot_start >= ? AND slot_start < ? AND status <> 'cancelled' GROUP BY slot_start`,
    ).all(serviceId, from, to) as { start: number; n: number }[]
    return new Map(rows.map((r) => [r.start, r.n]))
  }

  /** Live bookings of a phone on local days from..to (inclusive), but `exceptId`. */
  countByPhone(phone: string, from: string, to: string, exceptId = 0): number {
    return (
      this.sql("SELECT count(*) AS n FROM bookings WHERE phone = ? AND day >= ? AND day <= ? AND status <> 'cancelled' AND id <> ?").get(
        phone,
        from,
        to,
        exceptId,
      ) as { n: number }
    ).n
  }

  /** Bookings made from a client address since `since` (any status: a cancelled one was still made). */
  countByAddress(address: string, since: number): number {
    return (
      this.sql('SELECT count(*) AS n FROM bookings WHERE client_address = ? AND created_at >= ?').get(address, since) as { n: number }
    ).n
  }

  insert(b: Omit<BookingRecord, 'id'>): BookingRecord {
    const info = this.sql(
      `INSERT INTO bookings (code, service_id, day, slot_start, slot_end, name, phone, lang, status, created_at, created_by_type,
         created_by_id, client_address, ticket_id, checked_in_at, cancelled_at, moved_count, moved_from)
       VALUES (@code, @serviceId, @day, @slotStart, @slotEnd, @name, @phone, @lang, @status, @createdAt, @createdByType,
         @createdById, @clientAddress, @ticketId, @checkedInAt, @cancelledAt, @movedCount, @movedFrom)`,
    ).run(b)
    return { ...b, id: Number(info.lastInsertRowid) }
  }

  byCode(code: string): BookingRecord | undefined {
    return this.sql(`SELECT ${COLUMNS} FROM bookings WHERE code = ?`).get(code) as BookingRecord | undefined
  }

  /** Moves a booking to another slot, keeping the slot start it leaves (`from`) for its page's "moved from". */
  move(id: number, day: string, slotStart: number, slotEnd: number, from: number): void {
    this.sql('UPDATE bookings SET day = ?, slot_start = ?, slot_end = ?, moved_count = moved_count + 1, moved_from = ? WHERE id = ?').run(
      day,
      slotStart,
      slotEnd,
      from,
      id,
    )
  }

  cancel(id: number, at: number): void {
    this.sql("UPDATE bookings SET status = 'cancelled', cancelled_at = ? WHERE id = ?").run(at, id)
  }

  /** The slot's start (epoch ms) of the booking checked in as `ticketId`, or null for a ticket no booking gave (bookings_ticket index). */
  slotOfTicket(ticketId: string): number | null {
    const row = this.sql('SELECT slot_start AS slotStart FROM bookings WHERE ticket_id = ?').get(ticketId) as
      | { slotStart: number }
      | undefined
    return row?.slotStart ?? null
  }

  /** Marks the booking used; its ticket is linked by `linkTicket` in the same transaction, once issued (Appointments.checkIn). */
  checkIn(id: number, at: number): void {
    this.sql("UPDATE bookings SET status = 'checked_in', checked_in_at = ? WHERE id = ?").run(at, id)
  }

  linkTicket(id: number, ticketId: string): void {
    this.sql('UPDATE bookings SET ticket_id = ? WHERE id = ?').run(ticketId, id)
  }

  /**
   * Places still held for walk-ins' sake: live bookings of the service not checked in whose slot
   * began less than `releaseMs` ago or has not begun; the walk-in estimate counts them ahead.
   */
  heldPlaces(serviceId: number, now: number, releaseMs: number, horizonMs: number): number {
    return (
      this.sql("SELECT count(*) AS n FROM bookings WHERE service_id = ? AND status = 'booked' AND slot_start > ? AND slot_start <= ?").get(
        serviceId,
        now - releaseMs,
        now + horizonMs,
      ) as { n: number }
    ).n
  }

  /** A day's bookings not cancelled, by slot (reception's list), with the label of the ticket a check-in gave. */
  onDay(day: string): (BookingRecord & { ticketLabel: string | null })[] {
    return this.sql(
      `SELECT ${COLUMNS.split(',')
        .map((c) => `b.${c.trim()}`)
        .join(', ')}, t.label AS ticketLabel
       FROM bookings b LEFT JOIN tickets t ON t.id = b.ticket_id
       WHERE b.day = ? AND b.status <> 'cancelled' ORDER BY b.slot_start, b.id`,
    ).all(day) as (BookingRecord & { ticketLabel: string | null })[]
  }
}
