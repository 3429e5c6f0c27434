import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'
import { withoutReorderingControls } from '../../../protocol/public-text.ts'
import type { Counter } from '../../../protocol/entities.ts'
import type { CounterState } from '../records.ts'

type CounterService = Counter['services'][number]

interface CounterRow {
  id: number
  number: number
  name: string
  zone: string
  state: CounterState
  clerk_id: number | null
  current_ticket_id: string | null
  priority_streak: number
  appointment_streak: number
  pause_reason: string | null
  paused_at: number | null
  away_since: number | null
  active: number
  printer_device_id: number | null
  clerk_username: string | null
  clerk_display_name: string | null
}

/** A counter with the bookkeeping the domain needs but the API does not show. */
export interface CounterRecord extends Counter {
  priorityStreak: number
  /** Appointments it called in a row, counted at each call (migration 37): what rule f of its next call reads. */
  appointmentStreak: number
}

const SELECT = `SELECT c.*, u.username AS clerk_username, u.display_name AS clerk_display_name, cp.device_id AS printer_device_id
  FROM counters c LEFT JOIN users u ON u.id = c.clerk_id LEFT JOIN counter_printers cp ON cp.counter_id = c.id`

export interface CounterFields {
  number: number
  name: string
  zone: string
  active: boolean
  services: { serviceId: number; weight: number }[]
  /** The printer walk-ins issued here print on (a device id); null: none. */
  printerDeviceId: number | null
}

/** Counters (شبابيك) and the services each serves, with a weight each. */
export class CountersRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  /** The counter of row `r`; `services` when its caller read every counter's at once (a list: one read, not one a counter). */
  private toCounter(r: CounterRow, services: CounterService[] = this.servicesOf([r.id]).get(r.id) ?? []): CounterRecord {
    return {
      id: r.id,
      number: r.number,
      // shown on displays: a name stored before direction controls were refused is shown without them
      name: withoutReorderingControls(r.name),
      zone: r.zone,
      state: r.state,
      clerk:
        r.clerk_id === null
          ? null
          : { id: r.clerk_id, username: r.clerk_username ?? '', displayName: withoutReorderingControls(r.clerk_display_name ?? '') },
      currentTicketId: r.current_ticket_id,
      pauseReason: r.pause_reason,
      services,
      active: r.active === 1,
      // only when bound, so a counter's answer keeps its shape for clients that predate the binding
      ...(r.printer_device_id === null ? {} : { printerDeviceId: r.printer_device_id }),
      awaySince: r.away_since === null ? null : new Date(r.away_since).toISOString(),
      // only while paused, so an open or closed counter's answer keeps its shape
      ...(r.state === 'paused' && r.paused_at !== null ? { pausedSince: new Date(r.paused_at).toISOString() } : {}),
      priorityStreak: r.priority_streak,
      appointmentStreak: r.appointment_streak,
    }
  }

  list(): CounterRecord[] {
    return this.toCounters(this.sql(`${SELECT} ORDER BY c.number`).all() as CounterRow[])
  }

  private toCounters(rows: CounterRow[]): CounterRecord[] {
    const services = this.servicesOf(rows.map((r) => r.id))
    return rows.map((r) => this.toCounter(r, services.get(r.id) ?? []))
  }

  /** The services each of `ids` serves, by service id, in one read. */
  private servicesOf(ids: number[]): Map<number, CounterService[]> {
    const rows = this.sql(
      `SELECT counter_id AS counterId, service_id AS serviceId, weight FROM counter_services
       WHERE counter_id IN (SELECT value FROM json_each(?)) ORDER BY counter_id, service_id`,
    ).all(JSON.stringify(ids)) as (CounterService & { counterId: number })[]
    const by = new Map<number, CounterService[]>()
    for (const { counterId, ...service } of rows) by.set(counterId, [...(by.get(counterId) ?? []), service])
    return by
  }

  get(id: number): CounterRecord | undefined {
    const row = this.sql(`${SELECT} WHERE c.id = ?`).get(id) as CounterRow | undefined
    return row && this.toCounter(row)
  }

  findByClerk(clerkId: number): CounterRecord | undefined {
    const row = this.sql(`${SELECT} WHERE c.clerk_id = ?`).get(clerkId) as CounterRow | undefined
    return row && this.toCounter(row)
  }

  findByNumber(number: number): CounterRecord | undefined {
    const row = this.sql(`${SELECT} WHERE c.number = ?`).get(number) as CounterRow | undefined
    return row && this.toCounter(row)
  }

  insert(f: CounterFields, now: number): CounterRecord {
    const { lastInsertRowid } = this.sql('INSERT INTO counters (number, name, zone, active, created_at) VALUES (?, ?, ?, ?, ?)').run(
      f.number,
      f.name,
      f.zone,
      f.active ? 1 : 0,
      now,
    )
    const id = Number(lastInsertRowid)
    this.replaceServices(id, f.services)
    this.setPrinter(id, f.printerDeviceId)
    return this.get(id)!
  }

  update(id: number, f: CounterFields): CounterRecord {
    this.sql('UPDATE counters SET number = ?, name = ?, zone = ?, active = ? WHERE id = ?').run(
      f.number,
      f.name,
      f.zone,
      f.active ? 1 : 0,
      id,
    )
    this.replaceServices(id, f.services)
    this.setPrinter(id, f.printerDeviceId)
    return this.get(id)!
  }

  /** Binds the counter to a printer (a device id), or unbinds it with null. */
  private setPrinter(id: number, deviceId: number | null): void {
    this.sql('DELETE FROM counter_printers WHERE counter_id = ?').run(id)
    if (deviceId !== null) this.sql('INSERT INTO counter_printers (counter_id, device_id) VALUES (?, ?)').run(id, deviceId)
  }

  private replaceServices(id: number, services: { serviceId: number; weight: number }[]): void {
    this.sql('DELETE FROM counter_services WHERE counter_id = ?').run(id)
    for (const s of services) {
      this.sql('INSERT INTO counter_services (counter_id, service_id, weight) VALUES (?, ?, ?)').run(id, s.serviceId, s.weight)
    }
  }

  /** Opens or closes the counter; any change of state or clerk also ends an away spell: the clerk (or a manager) just acted on it. */
  setState(id: number, state: Exclude<CounterState, 'paused'>, clerkId: number | null): void {
    this.sql('UPDATE counters SET state = ?, clerk_id = ?, pause_reason = NULL, paused_at = NULL, away_since = NULL WHERE id = ?').run(
      state,
      clerkId,
      id,
    )
  }

  /**
   * Pauses the counter at `at` with `reason`; one paused already keeps the time it paused (a new
   * reason does not make the pause shorter). Ends an away spell as setState does.
   */
  setPaused(id: number, clerkId: number, reason: string | null, at: number): void {
    this.sql(
      `UPDATE counters SET paused_at = CASE WHEN state = 'paused' AND paused_at IS NOT NULL THEN paused_at ELSE ? END,
         state = 'paused', clerk_id = ?, pause_reason = ?, away_since = NULL WHERE id = ?`,
    ).run(at, clerkId, reason, id)
  }

  /** Marks the counter away since `at`, or present again with null. */
  setAwaySince(id: number, at: number | null): void {
    this.sql('UPDATE counters SET away_since = ? WHERE id = ?').run(at, id)
  }

  setCurrentTicket(id: number, ticketId: string | null): void {
    this.sql('UPDATE counters SET current_ticket_id = ? WHERE id = ?').run(ticketId, id)
  }

  /** A call: the ticket it called is its current one, and its appointment streak is the one after that call. */
  setCalled(id: number, ticketId: string, appointmentStreak: number): void {
    this.sql('UPDATE counters SET current_ticket_id = ?, appointment_streak = ? WHERE id = ?').run(ticketId, appointmentStreak, id)
  }

  setPriorityStreak(id: number, streak: number): void {
    this.sql('UPDATE counters SET priority_streak = ? WHERE id = ?').run(streak, id)
  }

  /**
   * A closed counter's next opening starts both runs afresh (the call policy's caps count calls in a
   * row at one sitting of the counter): before migration 37 only the priority run was reset, and an
   * appointment run carried over a closing into the next day's first calls.
   */
  resetStreaks(id: number): void {
    this.sql('UPDATE counters SET priority_streak = 0, appointment_streak = 0 WHERE id = ?').run(id)
  }

  /** Every counter's zone, once each. */
  zones(): string[] {
    return (this.sql('SELECT DISTINCT zone FROM counters').all() as { zone: string }[]).map((r) => r.zone)
  }

  /**
   * Counters serving this service with a positive weight whose clerk is not away, by state:
   * `open` ones are the estimate's capacity, `open` and `paused` ones make the service staffed.
   */
  servingCounts(serviceId: number): { open: number; paused: number } {
    const row = this.sql(
      `SELECT coalesce(sum(c.state = 'open'), 0) AS open, coalesce(sum(c.state = 'paused'), 0) AS paused
         FROM counters c JOIN counter_services cs ON cs.counter_id = c.id
        WHERE cs.service_id = ? AND c.active = 1 AND c.away_since IS NULL`,
    ).get(serviceId) as { open: number; paused: number }
    return { open: row.open, paused: row.paused }
  }

  /** Open or paused counters with a clerk: the ones whose clerk may be away. */
  listHeld(): CounterRecord[] {
    return this.toCounters(
      this.sql(`${SELECT} WHERE c.state <> 'closed' AND c.clerk_id IS NOT NULL ORDER BY c.number`).all() as CounterRow[],
    )
  }
}
