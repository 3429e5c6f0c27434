import type { QueueContext } from '../queue/queue-context.ts'
import type { ClerkStatsToday, StatsToday } from '../../protocol/stats.ts'

interface FigureRow {
  key: number | null
  issued: number
  called: number
  served: number
  noShow: number
  cancelled: number
  transferredOut: number
  avgWaitSeconds: number | null
  maxWaitSeconds: number | null
  withinTarget: number
  avgServiceSeconds: number | null
}

/** One pass over a day's events, grouped by a column (service_id, counter_id or user_id); NULL key = the whole day. */
const figuresSql = (groupBy: 'service_id' | 'counter_id' | 'user_id' | null, where = '') => `
  SELECT ${groupBy ?? 'NULL'} AS key,
    COALESCE(SUM(type = 'ticket.issued'), 0) AS issued,
    COALESCE(SUM(type = 'ticket.called'), 0) AS called,
    COALESCE(SUM(type = 'ticket.finished'), 0) AS served,
    COALESCE(SUM(type = 'ticket.no_show'), 0) AS noShow,
    COALESCE(SUM(type = 'ticket.cancelled'), 0) AS cancelled,
    COALESCE(SUM(type = 'ticket.transferred'), 0) AS transferredOut,
    AVG(CASE WHEN type = 'ticket.called' THEN json_extract(data, '$.waitedSeconds') END) AS avgWaitSeconds,
    MAX(CASE WHEN type = 'ticket.called' THEN json_extract(data, '$.waitedSeconds') END) AS maxWaitSeconds,
    COALESCE(SUM(type = 'ticket.called' AND json_extract(data, '$.withinTarget') = 1), 0) AS withinTarget,
    AVG(CASE WHEN type = 'ticket.finished' THEN json_extract(data, '$.serviceSeconds') END) AS avgServiceSeconds
  FROM events WHERE day = ? AND type LIKE 'ticket.%' ${where} ${groupBy ? `AND ${groupBy} IS NOT NULL GROUP BY ${groupBy}` : ''}`

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)

function figures(row: FigureRow | undefined, waiting: number) {
  const r = row ?? ({ issued: 0, called: 0, served: 0, noShow: 0, cancelled: 0, transferredOut: 0, avgWaitSeconds: null, maxWaitSeconds: null, withinTarget: 0, avgServiceSeconds: null } as FigureRow)
  return {
    issued: r.issued,
    called: r.called,
    served: r.served,
    noShow: r.noShow,
    cancelled: r.cancelled,
    transferredOut: r.transferredOut,
    waiting,
    avgWaitSeconds: round1(r.avgWaitSeconds),
    maxWaitSeconds: r.maxWaitSeconds,
    slaPercent: r.called > 0 ? round1((100 * r.withinTarget) / r.called) : null,
    avgServiceSeconds: round1(r.avgServiceSeconds),
  }
}

/**
 * Today's KPIs from the event log (not from the tickets' current state): what happened today
 * stays counted even when a ticket later moves on. By service, by counter, and in total.
 */
export function todayStats(ctx: QueueContext): StatsToday {
  ctx.closePastDays()
  const day = ctx.dayOf(ctx.clock())
  const byService = new Map((ctx.db.prepare(figuresSql('service_id')).all(day) as FigureRow[]).map((r) => [r.key, r]))
  const byCounter = new Map((ctx.db.prepare(figuresSql('counter_id')).all(day) as FigureRow[]).map((r) => [r.key, r]))
  const total = ctx.db.prepare(figuresSql(null)).get(day) as FigureRow
  let waitingTotal = 0
  const services = ctx.services.list().map((s) => {
    const waiting = ctx.tickets.waitingCount(s.id)
    waitingTotal += waiting
    return { serviceId: s.id, prefix: s.prefix, nameAr: s.nameAr, nameEn: s.nameEn, ...figures(byService.get(s.id), waiting) }
  })
  const counters = ctx.counters.list().map((c) => {
    const f = figures(byCounter.get(c.id), 0)
    return { counterId: c.id, number: c.number, name: c.name, state: c.state, called: f.called, served: f.served, noShow: f.noShow, avgServiceSeconds: f.avgServiceSeconds }
  })
  return { day, totals: figures(total, waitingTotal), services, counters }
}

/**
 * Today's figures of one member of staff, from the same event-log pass as `todayStats`
 * (grouped by the acting user): what they called, served, marked no-show and transferred, and
 * their mean service time (call to finish). `issued` counts tickets they issued at reception.
 */
export function clerkTodayStats(ctx: QueueContext, userId: number): ClerkStatsToday {
  ctx.closePastDays()
  const day = ctx.dayOf(ctx.clock())
  const row = ctx.db.prepare(figuresSql('user_id', 'AND user_id = ?')).get(day, userId) as FigureRow | undefined
  const f = figures(row, 0)
  return { day, userId, issued: f.issued, called: f.called, served: f.served, noShow: f.noShow, transferredOut: f.transferredOut, avgServiceSeconds: f.avgServiceSeconds }
}
