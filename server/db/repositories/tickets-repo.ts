import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'
import type { CallCandidate, PriorityCode, TicketStatus } from '../records.ts'
import type { Lang } from '../../../protocol/common.ts'

/** A ticket row, camel-cased; times are epoch ms. */
export interface TicketRecord {
  id: string
  /** The line the ticket is in now (a transfer changes it). */
  serviceId: number
  /** The service that issued its number; the label and the day's sequence belong to it. */
  issuedServiceId: number
  day: string
  number: number
  label: string
  priority: PriorityCode
  phone: string | null
  lang: Lang
  status: TicketStatus
  issuedAt: number
  queuedAt: number
  /** The first call of the line (kept when a parked ticket is resumed: its wait ends here). */
  calledAt: number | null
  /** When a parked ticket was last resumed (migration 21); null or absent when never. */
  resumedAt?: number | null
  /**
   * When it last joined a line again after its issue: a transfer, a reinstatement, a next step or
   * a check-in arrival (migration 32); null when never. Its wait began here, or at its
   * issue (server/queue/wait-facts.ts); its place in the line is `queuedAt`.
   */
  rejoinedAt: number | null
  startedAt: number | null
  finishedAt: number | null
  counterId: number | null
  targetCounterId: number | null
  clerkId: number | null
  recallCount: number
  transferCount: number
  outcome: string | null
  issuedByType: 'user' | 'device' | 'system'
  issuedById: number | null
  idempotencyKey: string | null
  /** How it was taken: at a kiosk or by staff, at an appointment's check-in, or from a phone (migration 11). */
  origin: TicketOrigin
  /**
   * A checked-in appointment's slot start (epoch ms, its booking's): the call policy calls it ahead
   * once the slot has come (rule f), so the console, playing the policy forward, needs it too.
   * Null or absent for every other ticket.
   */
  slotStart?: number | null
}

export type TicketOrigin = 'walk_in' | 'appointment' | 'remote'

/** A waiting ticket a closing cancels: what its log row and its wait (wait-facts.ts) need. */
export type StaleWaiting = Pick<TicketRecord, 'id' | 'serviceId' | 'day' | 'issuedAt' | 'rejoinedAt'>

const COLUMNS = `id, service_id AS serviceId, issued_service_id AS issuedServiceId, day, number, label, priority, phone, lang, status,
  issued_at AS issuedAt, queued_at AS queuedAt, called_at AS calledAt, resumed_at AS resumedAt, rejoined_at AS rejoinedAt, started_at AS startedAt,
  finished_at AS finishedAt, counter_id AS counterId, target_counter_id AS targetCounterId,
  clerk_id AS clerkId, recall_count AS recallCount, transfer_count AS transferCount, outcome,
  issued_by_type AS issuedByType, issued_by_id AS issuedById, idempotency_key AS idempotencyKey, origin,
  CASE WHEN origin = 'appointment' THEN (SELECT slot_start FROM bookings WHERE ticket_id = tickets.id) END AS slotStart`

/** Fields a lifecycle step may change. */
export type TicketChanges = Partial<
  Pick<
    TicketRecord,
    | 'status'
    | 'serviceId'
    | 'queuedAt'
    | 'calledAt'
    | 'resumedAt'
    | 'rejoinedAt'
    | 'startedAt'
    | 'finishedAt'
    | 'counterId'
    | 'targetCounterId'
    | 'clerkId'
    | 'recallCount'
    | 'transferCount'
    | 'outcome'
  >
>

const CHANGE_COLUMNS: Record<keyof TicketChanges, string> = {
  status: 'status',
  serviceId: 'service_id',
  queuedAt: 'queued_at',
  calledAt: 'called_at',
  resumedAt: 'resumed_at',
  rejoinedAt: 'rejoined_at',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  counterId: 'counter_id',
  targetCounterId: 'target_counter_id',
  clerkId: 'clerk_id',
  recallCount: 'recall_count',
  transferCount: 'transfer_count',
  outcome: 'outcome',
}

/** A row of `candidatesFor`, in its SELECT's column order. */
type CandidateRow = [string, number, PriorityCode, number, number, number, number, number, number | null]

/** Tickets and their per-service, per-day numbering. */
export class TicketsRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  /** Bumps and returns the service's number for that local day. Call inside the insert's transaction. */
  allocateNumber(serviceId: number, day: string): number {
    const row = this.sql(
      `INSERT INTO ticket_sequences (service_id, day, last_number) VALUES (?, ?, 1)
       ON CONFLICT (service_id, day) DO UPDATE SET last_number = last_number + 1
       RETURNING last_number AS n`,
    ).get(serviceId, day) as { n: number }
    return row.n
  }

  /** Whether a number may not be given again: its label is still in the line, or the service used it that day (continuous numbering, issue 18). */
  numberTaken(serviceId: number, day: string, number: number, label: string): boolean {
    return (
      this.sql(
        `SELECT 1 FROM tickets WHERE (issued_service_id = @serviceId AND day = @day AND number = @number)
           OR (label = @label AND status IN ('waiting', 'called', 'serving')) LIMIT 1`,
      ).get({ serviceId, day, number, label }) !== undefined
    )
  }

  /** Tickets still waiting that were issued before `at` (epoch ms): the line at a closing time. */
  waitingIssuedBefore(at: number): StaleWaiting[] {
    return this.sql(
      `SELECT id, service_id AS serviceId, day, issued_at AS issuedAt, rejoined_at AS rejoinedAt FROM tickets WHERE status = 'waiting' AND issued_at < ?`,
    ).all(at) as StaleWaiting[]
  }

  /** How many tickets the service has issued that day (its sequence's last number). */
  issuedOn(serviceId: number, day: string): number {
    const row = this.sql('SELECT last_number AS n FROM ticket_sequences WHERE service_id = ? AND day = ?').get(serviceId, day) as
      | { n: number }
      | undefined
    return row?.n ?? 0
  }

  insert(t: TicketRecord): void {
    this.sql(
      `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, priority, phone, lang, status, issued_at, queued_at,
         issued_by_type, issued_by_id, idempotency_key, origin)
       VALUES (@id, @serviceId, @issuedServiceId, @day, @number, @label, @priority, @phone, @lang, @status, @issuedAt, @queuedAt,
         @issuedByType, @issuedById, @idempotencyKey, @origin)`,
    ).run(t)
  }

  get(id: string): TicketRecord | undefined {
    return this.sql(`SELECT ${COLUMNS} FROM tickets WHERE id = ?`).get(id) as TicketRecord | undefined
  }

  /** The tickets of a local day that carry this number (one per service at most), in issue order. */
  numberedOn(day: string, number: number): TicketRecord[] {
    return this.sql(`SELECT ${COLUMNS} FROM tickets WHERE day = ? AND number = ? ORDER BY issued_at`).all(day, number) as TicketRecord[]
  }

  findByIdempotencyKey(issuedByType: string, issuedById: number | null, key: string): TicketRecord | undefined {
    return this.sql(`SELECT ${COLUMNS} FROM tickets WHERE issued_by_type = ? AND issued_by_id IS ? AND idempotency_key = ?`).get(
      issuedByType,
      issuedById,
      key,
    ) as TicketRecord | undefined
  }

  update(id: string, changes: TicketChanges): void {
    const keys = Object.keys(changes) as (keyof TicketChanges)[]
    if (keys.length === 0) return
    const set = keys.map((k) => `${CHANGE_COLUMNS[k]} = @${k}`).join(', ')
    this.sql(`UPDATE tickets SET ${set} WHERE id = @id`).run({ ...changes, id })
  }

  /**
   * The waiting tickets a counter may call: those of the services it serves (with its weight for
   * each), plus those transferred to it by name; never those transferred to another counter.
   */
  candidatesFor(counterId: number): CallCandidate[] {
    const rows = this.sql(
      `SELECT t.id AS ticketId, t.service_id AS serviceId, t.priority, t.queued_at AS queuedAt, t.number,
              s.target_wait_seconds AS targetWaitSeconds, COALESCE(cs.weight, 1) AS weight,
              (t.target_counter_id IS NOT NULL) AS targetedHere, b.slot_start AS slotStart
       FROM tickets t
       JOIN services s ON s.id = t.service_id
       LEFT JOIN bookings b ON b.ticket_id = t.id AND t.origin = 'appointment'
       LEFT JOIN counter_services cs ON cs.service_id = t.service_id AND cs.counter_id = @counterId
       WHERE t.status = 'waiting'
         AND (t.target_counter_id = @counterId OR (t.target_counter_id IS NULL AND cs.counter_id IS NOT NULL))`,
    )
      // rows as arrays, each made into a candidate of one shape here: half the cost of row objects
      // copied with rest and spread, and this runs before every call's push (issue 22) and per open counter in the line forecast
      .raw(true)
      .all({ counterId }) as CandidateRow[]
    return rows.map(([ticketId, serviceId, priority, queuedAt, number, targetWaitSeconds, weight, targetedHere, slotStart]) => {
      const candidate: CallCandidate = {
        ticketId,
        serviceId,
        priority,
        queuedAt,
        number,
        targetWaitSeconds,
        weight,
        targetedHere: targetedHere === 1,
      }
      if (slotStart !== null) candidate.slotStart = slotStart
      return candidate
    })
  }

  /**
   * Tickets still waiting that were issued on a day before `day` and left untouched since: one a
   * clerk sent back to waiting on `day` (a transfer after midnight) is in today's line. Without
   * the events test the answer would depend on whether the process had already closed the day
   * before the transfer or restarted after it.
   */
  waitingBefore(day: string): StaleWaiting[] {
    return this.sql(
      `SELECT id, service_id AS serviceId, day, issued_at AS issuedAt, rejoined_at AS rejoinedAt FROM tickets t WHERE status = 'waiting' AND day < @day
         AND NOT EXISTS (SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.day >= @day)`,
    ).all({ day }) as StaleWaiting[]
  }

  waitingCount(serviceId: number): number {
    return (this.sql("SELECT count(*) AS n FROM tickets WHERE status = 'waiting' AND service_id = ?").get(serviceId) as { n: number }).n
  }

  /** The service's waiting tickets sent to one counter (a transfer to a counter), by counter: a floor's TV counts them where they will be called. */
  waitingByTargetCounter(serviceId: number): { counterId: number; waiting: number }[] {
    return this.sql(
      `SELECT target_counter_id AS counterId, count(*) AS waiting FROM tickets
       WHERE status = 'waiting' AND service_id = ? AND target_counter_id IS NOT NULL GROUP BY target_counter_id ORDER BY target_counter_id`,
    ).all(serviceId) as { counterId: number; waiting: number }[]
  }

  /**
   * Waiting tickets that joined a line after `at` (epoch ms): issued then, or back in a line since
   * (a transfer, a reinstatement, a next step, a phone's arrival: `rejoined_at`). Who may have been
   * placed ahead of a ticket that joined at `at` (server/queue/placed-ahead.ts).
   */
  waitingJoinedAfter(at: number): { id: string; serviceId: number; queuedAt: number; priority: PriorityCode }[] {
    return this.sql(
      `SELECT id, service_id AS serviceId, queued_at AS queuedAt, priority FROM tickets
       WHERE status = 'waiting' AND COALESCE(rejoined_at, issued_at) > ?`,
    ).all(at) as { id: string; serviceId: number; queuedAt: number; priority: PriorityCode }[]
  }

  /** Waiting tickets of the same service that arrived before this one (by queue time, then number). */
  waitingAhead(t: { serviceId: number; queuedAt: number; number: number; id: string }, onlyPriority: boolean): number {
    const priorityFilter = onlyPriority ? "AND priority <> 'none'" : ''
    return (
      this.sql(
        `SELECT count(*) AS n FROM tickets
         WHERE status = 'waiting' AND service_id = @serviceId AND id <> @id ${priorityFilter}
           AND (queued_at, number) < (@queuedAt, @number)`,
      ).get(t) as { n: number }
    ).n
  }

  /** Waiting priority tickets of the service, wherever they are in the line (they go first). */
  waitingPriorityCount(serviceId: number): number {
    return (
      this.sql("SELECT count(*) AS n FROM tickets WHERE status = 'waiting' AND service_id = ? AND priority <> 'none'").get(serviceId) as {
        n: number
      }
    ).n
  }

  /**
   * Service time of the service's most recent completed tickets, newest first: call to finish,
   * except for a ticket that was parked and resumed, whose time parked is not service time; its
   * finish recorded what it was (server/queue/service-time.ts), so that is read back. The wait
   * estimates the kiosk and the status page show are made from these; booking capacity reads only
   * those finished before `finishedBefore` (epoch ms; default all), its day's start.
   */
  recentServiceSeconds(serviceId: number, limit: number, finishedBefore = Number.MAX_SAFE_INTEGER): number[] {
    return (
      this.sql(
        `SELECT COALESCE(
           CASE WHEN t.resumed_at IS NOT NULL THEN
             (SELECT json_extract(e.data, '$.serviceSeconds') FROM events e
              WHERE e.ticket_id = t.id AND e.type = 'ticket.finished' ORDER BY e.id DESC LIMIT 1)
           END,
           (t.finished_at - t.called_at) / 1000.0) AS s
         FROM tickets t
         WHERE t.service_id = ? AND t.status = 'done' AND t.called_at IS NOT NULL AND t.finished_at < ?
         ORDER BY t.finished_at DESC LIMIT ?`,
      ).all(serviceId, finishedBefore, limit) as { s: number }[]
    ).map((r) => r.s)
  }

  /**
   * Active (called or serving) tickets and waiting tickets: the live queue, by place in line, then
   * number, then id (the call policy's own tie-breakers: compareTieBreak), so two services' tickets
   * of one millisecond and one number come in one fixed order, not the scan's.
   */
  listLive(): TicketRecord[] {
    return this.sql(
      `SELECT ${COLUMNS} FROM tickets WHERE status IN ('waiting', 'called', 'serving') ORDER BY queued_at, number, id`,
    ).all() as TicketRecord[]
  }

  listByDay(day: string): TicketRecord[] {
    return this.sql(`SELECT ${COLUMNS} FROM tickets WHERE day = ? ORDER BY issued_at, number`).all(day) as TicketRecord[]
  }

  /**
   * Every ticket at a counter now, the latest call first (a display's current calls after a
   * reconnect). No limit: a counter holds one ticket at a time, so these are at most one row per
   * counter, and a display filters them to its zone before it keeps its first few; a limit taken
   * centre-wide first would drop a quiet zone's call behind a busy zone's (a center of 60 counters).
   */
  currentCalls(): TicketRecord[] {
    return this.sql(
      `SELECT ${COLUMNS} FROM tickets WHERE called_at IS NOT NULL AND status IN ('called', 'serving')
       ORDER BY called_at DESC`,
    ).all() as TicketRecord[]
  }
}
