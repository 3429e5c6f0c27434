import type {
  ClerkStatsToday,
  HourlySeries,
  RangeQuery,
  Report,
  ReportCsvQuery,
  ReportQuery,
  ShiftQuery,
  ShiftReport,
  StatsToday,
  TicketLogQuery,
} from '../../protocol/stats.ts'
import type { DomainEvents } from '../queue/domain-events.ts'
import type { QueueContext } from '../queue/queue-context.ts'
import type { DeviceStatus } from '../queue/device-status.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { dayCount, isRealDay } from '../../protocol/center-clock.ts'
import { DeviceHealthBoard } from './device-health.ts'
import { hourlySeries } from './hourly.ts'
import { hoursSoFar } from '../../protocol/hours-so-far.ts'
import { rangeReport } from './range-report.ts'
import { shiftReport } from './shift-report.ts'
import { reportCsv, ticketLogCsv } from './ticket-log.ts'
import { clerkTodayStats, todayStats } from './today-stats.ts'

/** The longest range a report covers (a year and a day). */
export const MAX_REPORT_DAYS = 366

/**
 * The queries of the statistics, in one place for the routes: each closes a past day first (so
 * yesterday's leftovers are counted as the day close leaves them) and checks its range, so a
 * route only parses, authorizes and calls one of these. The figures themselves come from the
 * event log (figures.ts); device health from the pushed `device:status` events.
 */
export class Reports {
  /** The last health each device pushed. */
  readonly devices: DeviceHealthBoard

  constructor(
    private readonly ctx: QueueContext,
    events: DomainEvents,
    deviceStatus: Pick<DeviceStatus, 'printer'>,
  ) {
    this.devices = new DeviceHealthBoard(ctx.db, events, deviceStatus)
  }

  /** Today's KPIs by service and by counter. */
  today(): StatsToday {
    return todayStats(this.ctx)
  }

  /** Today's figures of one clerk. */
  clerkToday(userId: number): ClerkStatsToday {
    return clerkTodayStats(this.ctx, userId)
  }

  /** KPIs over local days `from..to`, grouped as asked. */
  range(q: ReportQuery): Report {
    this.checkRange(q)
    this.ctx.closePastDays()
    return rangeReport(this.ctx.db, {
      ...q,
      timeZone: this.ctx.config.timeZone,
      now: this.ctx.clock(),
      calendar: this.ctx.calendar(),
      finishOutcomes: this.ctx.config.queue.finishOutcomes,
    })
  }

  /** The same report as CSV, headers in `lang` (default ar). */
  rangeCsv({ lang, ...q }: ReportCsvQuery): string {
    return reportCsv(this.range(q), lang ?? 'ar', this.ctx.services.list())
  }

  /** The raw ticket log of local days `from..to` (times local with their offset); phone numbers only when `withPhone`. */
  ticketLogCsv({ lang, ...q }: TicketLogQuery, withPhone: boolean): string {
    this.checkRange(q)
    const { finishOutcomes, priorityCategories } = this.ctx.config.queue
    return ticketLogCsv(this.ctx.db, {
      ...q,
      withPhone,
      timeZone: this.ctx.config.timeZone,
      lang: lang ?? 'ar',
      finishOutcomes,
      priorityCategories,
    })
  }

  /** The center's zone (CSV file names carry it). */
  get timeZone(): string {
    return this.ctx.config.timeZone
  }

  /** Issued, served and mean wait per local hour of `day` (default today) beside the same weekday of `weeks` earlier weeks. */
  hourly(day: string | undefined, weeks: number): HourlySeries {
    this.ctx.closePastDays()
    const local = day ?? this.ctx.dayOf(this.ctx.clock())
    if (!isRealDay(local)) throw domainError(ErrorCodes.VALIDATION, `querystring/day ${local} is not a date`)
    const tz = this.ctx.config.timeZone
    const series = hourlySeries(this.ctx.db, { day: local, weeks, timeZone: tz })
    // the hours of today still to come are gaps, by the center's clock (not zeros: nothing happened yet)
    const soFar = (values: (number | null)[]) => hoursSoFar(values, local, this.ctx.clock(), tz)
    return {
      ...series,
      issued: soFar(series.issued),
      served: soFar(series.served),
      avgWaitSeconds: soFar(series.avgWaitSeconds),
      services: series.services.map((s) => ({ ...s, issued: soFar(s.issued), served: soFar(s.served) })),
    }
  }

  /** One clerk's shift on local day `day`: their figures, counter sessions and calls (the printable shift report). */
  shift(q: ShiftQuery): ShiftReport {
    this.checkRange({ from: q.day, to: q.day })
    this.ctx.closePastDays()
    const report = shiftReport(this.ctx.db, {
      ...q,
      timeZone: this.ctx.config.timeZone,
      now: this.ctx.clock(),
      finishOutcomes: this.ctx.config.queue.finishOutcomes,
    })
    if (!report) throw domainError(ErrorCodes.USER_NOT_FOUND, `no user ${q.userId}`)
    return report
  }

  /** Stops following device health. */
  stop(): void {
    this.devices.stop()
  }

  /** Refuses a range that is not two real days in order, or longer than MAX_REPORT_DAYS. */
  checkRange({ from, to }: RangeQuery): void {
    if (!isRealDay(from)) throw domainError(ErrorCodes.VALIDATION, `querystring/from ${from} is not a date`)
    if (!isRealDay(to)) throw domainError(ErrorCodes.VALIDATION, `querystring/to ${to} is not a date`)
    if (to < from) throw domainError(ErrorCodes.VALIDATION, 'querystring/to must not be before from')
    if (dayCount(from, to) > MAX_REPORT_DAYS)
      throw domainError(ErrorCodes.VALIDATION, `querystring/to a report covers at most ${MAX_REPORT_DAYS} days`)
  }
}
