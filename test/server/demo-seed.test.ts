import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../server/db/connection.ts'
import { ensureAdmin } from '../../server/bootstrap.ts'
import { DEMO_PASSWORD, demoCalendar, seedDemo } from '../../server/demo/seed.ts'
import { TestCenter, TestClock } from '../helpers/test-center.ts'
import { CalendarRepo } from '../../server/db/repositories/calendar-repo.ts'
import { hoursNow } from '../../protocol/opening-hours.ts'
import { calendarProblems } from '../../protocol/calendar-validation.ts'
import { bookableSpansOn } from '../../protocol/bookable-hours.ts'
import { PairingCodeDigest } from '../../server/auth/pairing-codes.ts'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/**
 * A counter has one name, shown as written on every screen in either language, next to the number
 * the screen writes itself in its language and digits: the demo's names carry no number (it would
 * repeat it in fixed digits: «شباك 1 · شباك ١ — تراخيص» on a Western center) and read in both languages
 * (the English console showed an Arabic-only name).
 */
describe('the demo counters’ names', () => {
  it('are bilingual and carry no digits; the clerks have names, not numbers', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-demo-seed-'))
    dirs.push(dataDir)
    const db = openDatabase(join(dataDir, 'tabour.sqlite'))
    await ensureAdmin(db, 'admin-password-long', Date.now())
    const seed = await seedDemo(db, Date.now(), PairingCodeDigest.forDataDir(dataDir))
    expect(seed.created).toBe(true)
    // the start-up banner prints these logins: the admin made before the seed keeps its own password, so it is not among them
    expect(seed.users.map((u) => u.username)).not.toContain('admin')
    expect(seed.users.filter((u) => u.role === 'clerk')).toHaveLength(6)
    // the quick start's admin, made with the demo's password, is listed
    const quickDir = mkdtempSync(join(tmpdir(), 'tabour-demo-seed-'))
    dirs.push(quickDir)
    const quickDb = openDatabase(join(quickDir, 'tabour.sqlite'))
    await ensureAdmin(quickDb, DEMO_PASSWORD, Date.now())
    const quick = await seedDemo(quickDb, Date.now(), PairingCodeDigest.forDataDir(quickDir))
    quickDb.close()
    expect(quick.users[0]).toEqual({ username: 'admin', role: 'admin', password: DEMO_PASSWORD })
    const names = (db.prepare('SELECT name FROM counters ORDER BY number').all() as { name: string }[]).map((r) => r.name)
    // devices too: a name is the admin's text, shown as typed on an Arabic and an English dashboard
    const deviceNames = db.prepare('SELECT name FROM devices').pluck().all() as string[]
    // the demo's call order puts priority first: its kiosk asks the question, so a newcomer meets it
    const kiosk = db.prepare("SELECT config FROM devices WHERE kind = 'kiosk'").pluck().get() as string
    expect(JSON.parse(kiosk)).toMatchObject({ askPriority: true })
    const clerks = db.prepare("SELECT display_name FROM users WHERE role = 'clerk'").pluck().all() as string[]
    db.close()
    // a clerk's name is a name: no number in fixed digits («موظف 1» on an Arabic-Indic center)
    expect(clerks).toHaveLength(6)
    for (const clerk of clerks) expect(clerk, clerk).not.toMatch(/[0-9\u0660-\u0669]/)
    expect(names).toHaveLength(6)
    expect(deviceNames).toHaveLength(3)
    for (const name of [...names, ...deviceNames]) {
      expect(name, name).toMatch(/\p{Script=Arabic}/u)
      expect(name, name).toMatch(/[A-Za-z]/)
      expect(name, name).not.toMatch(/[0-9\u0660-\u0669]/)
    }
  })
})

/**
 * The demo shows opening hours (Sunday–Thursday 08:00–16:00 Cairo) and still works at any hour a
 * newcomer starts it: an "always open" exception from the day it is seeded keeps the kiosk issuing
 * at night and on Fridays; without it the same hours close the center.
 */
describe('the demo calendar', () => {
  it('holds the weekly hours and is open on a Friday night, closed there once the exception is gone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-demo-seed-'))
    dirs.push(dataDir)
    const db = openDatabase(join(dataDir, 'tabour.sqlite'))
    await ensureAdmin(db, 'admin-password-long', Date.now())
    const fridayNight = Date.parse('2026-12-04T21:30:00Z') // 23:30 in Cairo
    expect((await seedDemo(db, fridayNight, PairingCodeDigest.forDataDir(dataDir), 'Africa/Cairo')).created).toBe(true)
    const cal = new CalendarRepo(db).load()
    db.close()
    expect(cal).toEqual(demoCalendar(fridayNight, 'Africa/Cairo'))
    expect(cal.weekly?.sun).toEqual([{ open: '08:00', close: '16:00' }])
    expect(cal.weekly?.fri).toEqual([])
    expect(calendarProblems(cal, [])).toEqual([])
    // ten years, as the README says: to the same day (3650 days ended three leap days short, on 2036-12-01)
    expect(cal.exceptions[0]).toMatchObject({ from: '2026-12-04', to: '2036-12-04', hours: [{ open: '00:00', close: '24:00' }] })
    expect(demoCalendar(Date.parse('2028-02-29T10:00:00Z'), 'Africa/Cairo').exceptions[0]).toMatchObject({
      from: '2028-02-29',
      to: '2038-02-28',
    })
    // walk-ins only: a booking keeps the weekly hours (protocol/bookable-hours.ts), Sunday 08:00–16:00 Cairo, nothing on Friday
    expect(cal.exceptions[0]?.walkInsOnly).toBe(true)
    const serviceId = 1
    expect(bookableSpansOn(cal, serviceId, '2026-12-06', 'Africa/Cairo')).toEqual([
      { start: Date.parse('2026-12-06T06:00:00Z'), end: Date.parse('2026-12-06T14:00:00Z') },
    ])
    expect(bookableSpansOn(cal, serviceId, '2026-12-11', 'Africa/Cairo')).toEqual([])
    // the day it is seeded, a Friday, bookings too are open all day (s53): a newcomer sees slots today
    expect(cal.exceptions[1]).toMatchObject({ from: '2026-12-04', to: '2026-12-04', nameEn: 'Demo: bookings open today' })
    expect(cal.exceptions[1]?.walkInsOnly).toBeUndefined()
    expect(bookableSpansOn(cal, serviceId, '2026-12-04', 'Africa/Cairo')).toEqual([
      { start: Date.parse('2026-12-03T22:00:00Z'), end: Date.parse('2026-12-04T22:00:00Z') },
    ])
    const later = fridayNight + 300 * 86_400_000
    for (const at of [fridayNight, later]) expect(hoursNow(cal, null, at, 'Africa/Cairo')).toMatchObject({ open: true, closedReason: null })
    // the daily close is kept (numbers restart each day, as in a government center), and the screens say it:
    // at 23:30 the line closes at midnight, the day's close, not the center's
    expect(cal.dailyClose).toBe(true)
    expect(hoursNow(cal, null, fridayNight, 'Africa/Cairo')).toMatchObject({ closesAt: '2026-12-04T22:00:00.000Z', dayClose: true })
    const hoursOnly = { ...cal, exceptions: [] }
    expect(hoursNow(hoursOnly, null, fridayNight, 'Africa/Cairo')).toMatchObject({
      open: false,
      opensAt: '2026-12-06T06:00:00.000Z', // Sunday 08:00 in Cairo
    })
  })
})

/**
 * Open around the clock for walk-ins so a newcomer can issue and call at any hour, but bookable as a
 * government center is: a service whose bookings are turned on offered a slot at 00:00 and every
 * quarter hour of the night and the weekend (walk s50), which no center would.
 */
describe('the demo’s booking page', () => {
  it('offers slots from 08:00 to 16:00 Sunday to Thursday only, while its kiosk issues on a Friday night', async () => {
    const fridayNight = Date.parse('2026-12-04T21:30:00Z') // 23:30 in Cairo
    const center = await TestCenter.start({ clock: new TestClock(fridayNight), config: { demo: true, timeZone: 'Africa/Cairo' } })
    try {
      const admin = await center.admin()
      const services = (await center.request('GET', '/api/v1/services', { token: admin })).json() as { id: number; prefix: string }[]
      const idOf = (prefix: string) => services.find((s) => s.prefix === prefix)!.id
      const registry = idOf('C')
      const put = await center.request('PUT', `/api/v1/appointments/settings/${registry}`, { token: admin, body: { enabled: true } })
      expect(put.statusCode, put.body).toBe(200)
      const slotsOn = async (day: string) =>
        (await center.request('GET', `/api/v1/appointments/slots?serviceId=${registry}&day=${day}`)).json() as {
          reason: string | null
          slots: { start: string; end: string }[]
        }
      // Sunday: the weekly hours, 08:00 (06:00 UTC) to 16:00, not from midnight
      const sunday = await slotsOn('2026-12-06')
      expect(sunday.reason).toBeNull()
      expect(sunday.slots[0]?.start).toBe('2026-12-06T06:00:00.000Z')
      expect(sunday.slots.at(-1)?.end).toBe('2026-12-06T14:00:00.000Z')
      // Friday and Saturday: open for walk-ins (the demo), no bookings: «لا حجز» / "no bookings", not "closed"
      for (const day of ['2026-12-05', '2026-12-11', '2026-12-12'])
        expect(await slotsOn(day), day).toEqual(expect.objectContaining({ reason: 'blocked', slots: [] }))
      const [offered] = (await center.request('GET', '/api/v1/appointments/services')).json() as {
        shutDays: { day: string; reason: string }[]
      }[]
      // the day it is seeded offers its slots not yet begun (s53: a newcomer sees bookings today), but not
      // Friday 23:45: its check-in would run to 00:00, when the day's line closes and cancels what waits (s55)
      expect(offered!.shutDays.slice(0, 3)).toEqual([
        { day: '2026-12-04', reason: 'past' },
        { day: '2026-12-05', reason: 'blocked' },
        { day: '2026-12-11', reason: 'blocked' },
      ])
      expect(await slotsOn('2026-12-04')).toEqual(expect.objectContaining({ reason: 'past', slots: [] }))
      // a booking at 02:00 on Sunday is refused, as the page never offers it
      const night = await center.request('POST', '/api/v1/appointments', {
        body: { serviceId: registry, slotStart: '2026-12-06T00:00:00.000Z', name: 'Mona Ali', phone: '01012345678' },
      })
      expect(night.statusCode, night.body).toBe(422)
      expect(night.json().code).toBe('TABOUR_ERR_SLOT_NOT_FOUND')
      // and the kiosk still issues at 23:30 on a Friday (enquiries take a ticket with no counter open)
      const kiosk = (await center.createDevice('kiosk')).token
      expect((await center.issue(kiosk, { serviceId: idOf('F') })).label).toBe('F-001')
    } finally {
      await center.close()
    }
  })
})

describe('a demo center started', () => {
  it('runs on the seeded calendar (the queue reads the calendar once) and names its zones from its first start', async () => {
    const center = await TestCenter.start({ config: { demo: true } })
    try {
      const cal = (await center.request('GET', '/api/v1/calendar', { token: await center.admin() })).json()
      expect(cal.weekly.sun).toEqual([{ open: '08:00', close: '16:00' }])
      expect(cal.exceptions.map((e: { nameEn: string }) => e.nameEn)).toEqual(['Demo: always open', 'Demo: bookings open today'])
      // a visit of two steps and a bookable service, without the API (s53)
      const services = (await center.request('GET', '/api/v1/services', { token: await center.admin() })).json() as {
        id: number
        prefix: string
      }[]
      const idOf = (prefix: string) => services.find((x) => x.prefix === prefix)!.id
      const steps = (await center.request('GET', `/api/v1/services/${idOf('A')}/steps`, { token: await center.admin() })).json()
      expect(steps).toMatchObject({ steps: [idOf('B')] })
      const bookable = (await center.request('GET', '/api/v1/appointments/services')).json() as { id: number }[]
      expect(bookable.map((x) => x.id)).toEqual([idOf('C')])
      // its zones have names in both languages: the Arabic counters table read the raw ids «ground», «first» (walk s50)
      const admin = await center.admin()
      const settings = (await center.request('GET', '/api/v1/settings', { token: admin })).json()
      expect(settings.values.zoneNames).toEqual({
        ground: { nameAr: 'الدور الأرضي', nameEn: 'Ground floor' },
        first: { nameAr: 'الدور الأول', nameEn: 'First floor' },
      })
      // every zone the demo's counters and devices use is named
      const zones = (await center.request('GET', '/api/v1/counters', { token: await center.admin() })).json() as { zone: string }[]
      for (const { zone } of zones) expect(settings.values.zoneNames, zone).toHaveProperty(zone)
      // they are the center's own settings, as the dashboard's Save of the zone names makes them (s52): saved again
      // as they are, nothing the dashboard reads changes, not even the stored row; renamed, the new names are the center's
      const row = () => center.app.tabour.db.prepare("SELECT value FROM center_settings WHERE key = 'overrides'").pluck().get()
      const seeded = row()
      const save = (zoneNames: unknown) => center.request('PUT', '/api/v1/settings', { token: admin, body: { zoneNames } })
      const saved = await save(settings.values.zoneNames)
      expect(saved.statusCode, saved.body).toBe(200)
      expect(saved.json()).toEqual(settings)
      expect(row()).toBe(seeded)
      const first = { nameAr: 'الطابق الأول', nameEn: 'First storey' }
      expect((await save({ ...settings.values.zoneNames, first })).json().values.zoneNames).toEqual({ ...settings.values.zoneNames, first })
    } finally {
      await center.close()
    }
  })
})
