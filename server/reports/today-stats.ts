import type { QueueContext } from '../queue/queue-context.ts'
import type { ClerkStatsToday, StatsToday } from '../../protocol/stats.ts'
import { byKey, figureRows, toFigures, type Figures, type FigureRow } from './figures.ts'
import { liveMissSql, waitedSecondsSql } from './overdue.ts'
import { servedByOutcome } from './served-by-outcome.ts'
import { counterCurrent } from './counter-current.ts'

interface WaitingRow {
  serviceId: number
  waiting: number
  longest: number
  pastTarget: number
  /** Of `pastTarget`, the SLA's live misses (overdue.ts). */
  overdue: number
}

/**
 * Each line's length, its longest wait now and how many of its tickets are past the service's
 * target now, each wait measured as the call will record it (waitedSecondsSql: since the ticket
 * joined its present line): the live view marks a line past target from the same figure it shows
 * as the longest wait, and that is the wait the ticket's call then adds to the day's figures.
 * The SLA's live misses (overdue.ts) are the same tickets less those back after an undone
 * no-show, whose wait their first call counted; they wait too long all the same. One pass over
 * the waiting tickets gives both.
 */
const WAITING_SQL = `
  SELECT t.service_id AS serviceId, COUNT(*) AS waiting, MAX(${waitedSecondsSql('t')}) AS longest,
    SUM(${waitedSecondsSql('t')} > s.target_wait_seconds) AS pastTarget, SUM(${liveMissSql('t', 's')}) AS overdue
  FROM tickets t JOIN services s ON s.id = t.service_id
  WHERE t.status = 'waiting'
  GROUP BY t.service_id`

/** Today's figures in the shape of GET /stats/today (which names transfers `transferredOut`). */
function todayFigures(row: FigureRow | undefined, waiting: number, longestWaitSeconds: number | null, overdue: number) {
  const f: Figures = toFigures(row, overdue)
  return {
    issued: f.issued,
    called: f.called,
    served: f.served,
    noShow: f.noShow,
    cancelled: f.cancelled,
    cancelledAtClosing: f.cancelledAtClosing,
    transferredOut: f.transferred,
    waiting,
    avgWaitSeconds: f.avgWaitSeconds,
    maxWaitSeconds: f.maxWaitSeconds,
    slaPercent: f.slaPercent,
    slaCounted: f.slaCounted,
    avgServiceSeconds: f.avgServiceSeconds,
    p90WaitSeconds: f.p90WaitSeconds,
    p90ServiceSeconds: f.p90ServiceSeconds,
    noShowPercent: f.noShowPercent,
    longestWaitSeconds,
  }
}

/**
 * Today's KPIs from the event log (not from the tickets' current state): what happened today
 * stays counted even when a ticket later moves on. By service, by counter, and in total; the
 * waiting line and its longest wait are the only figures read from the tickets as they are now.
 */
export function todayStats(ctx: QueueContext): StatsToday {
  ctx.closePastDays()
  const now = ctx.clock()
  const day = ctx.dayOf(now)
  const q = { from: day, to: day, tz: ctx.config.timeZone }
  const byService = byKey(figureRows(ctx.db, 'service', q))
  const byCounter = byKey(figureRows(ctx.db, 'counter', q))
  const total = figureRows(ctx.db, 'total', q)[0]
  const waitingRows = ctx.db.prepare(WAITING_SQL).all({ now }) as WaitingRow[]
  const waitingBy = new Map(waitingRows.map((r) => [r.serviceId, r]))
  let waitingTotal = 0
  let longestTotal: number | null = null
  let overdueTotal = 0
  const services = ctx.services.list().map((s) => {
    const w = waitingBy.get(s.id)
    waitingTotal += w?.waiting ?? 0
    overdueTotal += w?.overdue ?? 0
    if (w && (longestTotal === null || w.longest > longestTotal)) longestTotal = w.longest
    return {
      serviceId: s.id,
      prefix: s.prefix,
      nameAr: s.nameAr,
      nameEn: s.nameEn,
      ...todayFigures(byService.get(String(s.id)), w?.waiting ?? 0, w?.longest ?? null, w?.overdue ?? 0),
      targetWaitSeconds: s.targetWaitSeconds,
      pastTarget: w?.pastTarget ?? 0,
    }
  })
  // a ticket transferred to one counter waits for that counter alone (call-policy.ts): the dashboard
  // warns when it is closed, as nobody else will call it
  const waitingFor = new Map(
    (
      ctx.db
        .prepare(
          "SELECT target_counter_id AS counterId, COUNT(*) AS n FROM tickets WHERE status = 'waiting' AND target_counter_id IS NOT NULL GROUP BY target_counter_id",
        )
        .all() as { counterId: number; n: number }[]
    ).map((r) => [r.counterId, r.n]),
  )
  const counters = ctx.counters.list().map((c) => {
    const f = toFigures(byCounter.get(String(c.id)))
    return {
      counterId: c.id,
      number: c.number,
      name: c.name,
      state: c.state,
      called: f.called,
      served: f.served,
      noShow: f.noShow,
      avgServiceSeconds: f.avgServiceSeconds,
      waitingForIt: waitingFor.get(c.id) ?? 0,
      current: counterCurrent(c.currentTicketId === null ? undefined : ctx.tickets.get(c.currentTicketId)),
    }
  })
  const byOutcome = servedByOutcome(ctx.db, { from: day, to: day, timeZone: q.tz, finishOutcomes: ctx.config.queue.finishOutcomes })
  return {
    day,
    totals: todayFigures(total, waitingTotal, longestTotal, overdueTotal),
    services,
    counters,
    servedByOutcome: { outcomes: byOutcome.outcomes, counts: byOutcome.totals.counts },
    parkedNow: ctx.db.prepare("SELECT COUNT(*) FROM tickets WHERE status = 'parked'").pluck().get() as number,
  }
}

/**
 * Today's figures of one member of staff, from the same event-log pass as `todayStats`
 * (grouped by the acting user): what they called, served, marked no-show and transferred, and
 * their mean service time (call to finish). `issued` counts tickets they issued at reception.
 */
export function clerkTodayStats(ctx: QueueContext, userId: number): ClerkStatsToday {
  ctx.closePastDays()
  const day = ctx.dayOf(ctx.clock())
  const [row] = figureRows(ctx.db, 'clerk', {
    from: day,
    to: day,
    tz: ctx.config.timeZone,
    where: 'AND user_id = @userId',
    params: { userId },
  })
  const f = toFigures(row)
  return {
    day,
    userId,
    issued: f.issued,
    called: f.called,
    served: f.served,
    noShow: f.noShow,
    transferredOut: f.transferred,
    avgServiceSeconds: f.avgServiceSeconds,
  }
}
