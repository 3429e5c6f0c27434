import type { QueueContext, WriteScope } from '../queue/queue-context.ts'
import type { CenterCalendar } from '../../protocol/calendar.ts'
import { actorIds, type Actor } from '../queue/actor.ts'
import { calendarProblems, wireField } from '../../protocol/calendar-validation.ts'
import { businessDay } from '../../protocol/center-clock.ts'
import { hoursDay } from '../../protocol/opening-hours.ts'
import { ErrorCodes, fieldError } from '../errors.ts'
import { auditChange } from './config-audit.ts'
import { refuseHubHolidayChanges } from './hub-holidays.ts'
import { refuseHubWeeklyHoursChange } from './hub-weekly-hours.ts'
import { exportIcs, importIcs, mergeImport, previewImport, type IcsPreview } from './calendar-ics.ts'

type Command = 'calendar.update' | 'calendar.import'

/**
 * The center's calendar as configuration commands: replacing it whole (the dashboard's
 * editor) or merging holidays from an .ics file; neither touches a holiday the hub's bundle set
 * (hub-holidays.ts) nor the weekly hours a running bundle sets (hub-weekly-hours.ts). Each is validated first (the first problem
 * names its field or event; nothing is stored), then stored with its audit row in one
 * transaction, and applied after the commit; kiosks hear `queue:updated` for every service
 * (a service may have opened or closed).
 */
export class CalendarCommands {
  constructor(private readonly ctx: QueueContext) {}

  /** The calendar now (the default, always open, until an admin sets one). */
  calendar(): CenterCalendar {
    return this.ctx.calendar()
  }

  /** Replaces the calendar; VALIDATION naming `body/<field>` on the first problem, with `field` (`weekly/mon/1`) and `reason` (`overlap`). */
  update(actor: Actor, cal: CenterCalendar): CenterCalendar {
    this.validate(cal, 'body/')
    this.refuseMovingToday(cal, 'body/')
    refuseHubHolidayChanges(this.ctx.calendar(), cal, 'body/')
    refuseHubWeeklyHoursChange(this.ctx.db, this.ctx.calendar(), cal, 'body/')
    return this.store(actor, cal, 'calendar.update', cal)
  }

  /** update inside the caller's transaction (a configuration bundle); call what it returns after the commit. */
  updateIn(tx: WriteScope, actor: Actor, cal: CenterCalendar): () => CenterCalendar {
    this.validate(cal, 'calendar/')
    return this.storeIn(tx, actor, cal, 'calendar.update', cal)
  }

  /** What importing `ics` would change (nothing is stored). */
  previewIcs(ics: string): IcsPreview {
    return previewImport(this.ctx.calendar(), this.parse(ics))
  }

  /** Merges the exceptions of `ics` into the calendar (same UID replaced, new ones added). */
  importIcs(actor: Actor, ics: string): CenterCalendar {
    const imported = this.parse(ics)
    const next = mergeImport(this.ctx.calendar(), imported)
    this.validate(next, '')
    // an event of the file with a hub holiday's uid would replace it
    refuseHubHolidayChanges(this.ctx.calendar(), next, '')
    // the audit row keeps what was imported, not the whole file
    return this.store(actor, next, 'calendar.import', { imported })
  }

  /** The center-wide exceptions as an .ics file. */
  exportIcs(): string {
    return exportIcs(this.ctx.calendar(), 'Center calendar')
  }

  /** The file's exceptions, a yearly one from the center's today on (hoursDay: the date whose hours apply now, as the hours tab's). */
  private parse(ics: string) {
    return importIcs(ics, hoursDay(this.ctx.clock(), this.ctx.config.timeZone))
  }

  /**
   * A new start of the business day that would put this very moment in another business day is
   * refused (VALIDATION, field `businessDayStartsAt`, reason `moves-business-day`): the day's
   * tickets would be closed as yesterday's and their numbers issued again (a claims check moved it
   * past the clock and back: D-001 was cancelled and D-001 issued again). Between the old and the
   * new start this moment belongs to different days; before both or after both, to the same one,
   * so the admin changes it then. A hub bundle is not held to this (it would be refused for good):
   * its change applies as sent.
   */
  private refuseMovingToday(cal: CenterCalendar, prefix: string): void {
    const before = this.ctx.calendar().businessDayStartsAt
    if (cal.businessDayStartsAt === before) return
    const now = this.ctx.clock()
    const tz = this.ctx.config.timeZone
    const today = businessDay(now, tz, before)
    const then = businessDay(now, tz, cal.businessDayStartsAt)
    if (today === then) return
    throw fieldError(
      ErrorCodes.VALIDATION,
      { field: 'businessDayStartsAt', reason: 'moves-business-day' },
      `${prefix}businessDayStartsAt ${cal.businessDayStartsAt} would move this moment from business day ${today} to ${then}; change it before ${minTime(before, cal.businessDayStartsAt)} or after ${maxTime(before, cal.businessDayStartsAt)}`,
    )
  }

  private validate(cal: CenterCalendar, prefix: string): void {
    const problem = calendarProblems(
      cal,
      this.ctx.services.list().map((s) => s.id),
    )[0]
    if (problem)
      throw fieldError(
        problem.conflict ? ErrorCodes.DUPLICATE_EXCEPTION : ErrorCodes.VALIDATION,
        { field: wireField(problem.field), reason: problem.reason },
        `${prefix}${problem.field} ${problem.message}`,
      )
  }

  private store(actor: Actor, cal: CenterCalendar, command: Command, audited: unknown): CenterCalendar {
    return this.ctx.write((tx) => this.storeIn(tx, actor, cal, command, audited))()
  }

  /** Stores and audits `cal` in `tx`; what it returns makes it the running calendar (after the commit). */
  private storeIn(tx: WriteScope, actor: Actor, cal: CenterCalendar, command: Command, audited: unknown): () => CenterCalendar {
    this.ctx.calendars.store(cal, tx.now, actorIds(actor).userId)
    auditChange(tx, actor, command, {}, audited)
    tx.emit({ type: 'queue:updated', serviceIds: this.ctx.services.list().map((s) => s.id) })
    return () => {
      this.ctx.useCalendar(cal)
      return cal
    }
  }
}

/** The earlier and the later of two HH:MM times of day (the same width, so they compare as text). */
const minTime = (a: string, b: string): string => (a < b ? a : b)
const maxTime = (a: string, b: string): string => (a < b ? b : a)
