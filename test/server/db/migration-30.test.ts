import { expect, it } from 'vitest'
import { migrate } from '../../../server/db/migrate.ts'
import { databaseBefore } from '../../helpers/database-before.ts'
import { migrations } from '../../../server/db/migrations.ts'
import { DEFAULT_CALENDAR, type HoursException } from '../../../protocol/calendar.ts'
import { calendarProblems } from '../../../protocol/calendar-validation.ts'
import { openSpansOn } from '../../../protocol/opening-hours.ts'

// Migration 30 merges the calendar exceptions stored twice (the same dates for the same services,
// the dashboard's Add pressed twice) before the calendar refuses them: of each set the last one
// decides the day, so it is kept where it stands; a dropped copy's .ics UID moves to it.

const holiday = (over: Partial<HoursException> = {}): HoursException => ({
  from: '2027-01-07',
  to: '2027-01-07',
  nameAr: 'عيد الميلاد',
  nameEn: 'Christmas',
  hours: [],
  ...over,
})

const calendarAfter = (exceptions: HoursException[]) => {
  const db = databaseBefore(30)
  const stored = { ...DEFAULT_CALENDAR, exceptions }
  db.prepare(`INSERT INTO center_settings (key, value, updated_at, updated_by) VALUES ('calendar', ?, 1, NULL)`).run(JSON.stringify(stored))
  expect(
    migrate(
      db,
      migrations.filter((m) => m.version <= 30),
    ).to,
  ).toBe(30)
  const value = JSON.parse(db.prepare(`SELECT value FROM center_settings WHERE key = 'calendar'`).pluck().get() as string)
  db.close()
  return { before: stored, after: value as typeof stored }
}

it('keeps the last of each set of copies where it stands, the others untouched; every day opens as before', () => {
  const ramadan = holiday({ from: '2027-02-18', to: '2027-03-19', nameEn: 'Ramadan', hours: [{ open: '09:00', close: '14:00' }] })
  const exceptions = [
    holiday({ uid: 'christmas@gov' }),
    ramadan,
    holiday({ nameEn: 'Christmas (typed again)', hours: [{ open: '10:00', close: '12:00' }] }),
    holiday({ serviceIds: [3, 1] }),
    holiday({ serviceIds: [1, 3], nameEn: 'Christmas for two services' }),
    holiday({ to: '2027-01-08' }),
  ]
  const { before, after } = calendarAfter(exceptions)
  expect(after.exceptions).toEqual([ramadan, { ...exceptions[2], uid: 'christmas@gov' }, exceptions[4], exceptions[5]])
  expect(calendarProblems(after, [1, 3])).toEqual([])
  for (const day of ['2027-01-07', '2027-01-08', '2027-02-20'])
    for (const service of [null, 1, 2])
      expect(openSpansOn(after, service, day, 'Africa/Cairo')).toEqual(openSpansOn(before, service, day, 'Africa/Cairo'))
})

it('leaves a calendar without copies as it was stored', () => {
  const exceptions = [holiday(), holiday({ from: '2027-01-25', to: '2027-01-25', nameEn: 'Revolution Day' })]
  const { after } = calendarAfter(exceptions)
  expect(after.exceptions).toEqual(exceptions)
})
