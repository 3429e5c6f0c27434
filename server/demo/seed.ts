import type { Db } from '../db/connection.ts'
import { ServicesRepo } from '../db/repositories/services-repo.ts'
import { CountersRepo } from '../db/repositories/counters-repo.ts'
import { UsersRepo } from '../db/repositories/users-repo.ts'
import { DevicesRepo } from '../db/repositories/devices-repo.ts'
import { hashPassword, verifyPassword } from '../auth/passwords.ts'
import { newPairingCode, PAIRING_CODE_TTL_MS } from '../auth/tokens.ts'
import type { PairingCodeDigest } from '../auth/pairing-codes.ts'
import { CalendarRepo } from '../db/repositories/calendar-repo.ts'
import { BookingsRepo } from '../db/repositories/bookings-repo.ts'
import { ServiceStepsRepo } from '../db/repositories/service-steps-repo.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type OpenInterval } from '../../protocol/calendar.ts'
import { localDay } from '../../protocol/center-clock.ts'
import { PAIRING_KINDS } from '../../protocol/device-verdict.ts'
import type { CenterSettings, ZoneName } from '../../protocol/settings.ts'
import { storeOverrides } from '../config/center-settings.ts'

/** The demo clerks' password: this is a demo, printed on every start; never use TABOUR_DEMO in production. */
export const DEMO_PASSWORD = 'tabour-demo'

export interface DemoSeed {
  /** True when this start seeded the demo; a center holding anything but its first admin is never touched. */
  created: boolean
  /** The demo's staff logins; empty unless this start created them. */
  users: { username: string; role: string; password: string }[]
  /**
   * Devices not yet paired. `pairingCode` only when this start created the device: a code is
   * stored as a digest, so it is shown once, when made (`tabour device pair` makes a new one).
   */
  devices: { id: number; kind: string; name: string; zone: string | null; pairingCode: string | null }[]
}

/** A citizen-service technology center's catalogue (services of Egyptian one-stop-shop windows). */
export const DEMO_SERVICES = [
  { prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits', targetWaitSeconds: 900 },
  { prefix: 'B', nameAr: 'طلبات التصالح', nameEn: 'Reconciliation requests', targetWaitSeconds: 1200 },
  { prefix: 'C', nameAr: 'مستخرجات السجل المدني', nameEn: 'Civil-registry extracts', targetWaitSeconds: 600 },
  { prefix: 'D', nameAr: 'توصيل المرافق (كهرباء ومياه وغاز)', nameEn: 'Utility connections', targetWaitSeconds: 900 },
  { prefix: 'E', nameAr: 'خدمات المستثمرين', nameEn: 'Investor services', targetWaitSeconds: 1800 },
  // enquiries take a ticket even before a counter opens (without an estimate); the others wait for a clerk
  {
    prefix: 'F',
    nameAr: 'الاستعلامات والشكاوى',
    nameEn: 'Enquiries and complaints',
    targetWaitSeconds: 600,
    whenUnstaffed: 'offer-without-estimate' as const,
  },
]

/**
 * Six counters in two zones (ground floor and first floor); counter → service prefixes and weights.
 * A counter has one name, shown next to the number each screen writes itself in its language and
 * digits («شباك ١» / "Counter 1"). So a name carries no number (it would repeat it, in fixed digits)
 * and is written in both languages, as a bilingual center's signs are, «Arabic · English»: a screen
 * or text in one language shows its own part (protocol/name-in-language.ts), the TV both.
 */
const COUNTERS: { number: number; name: string; zone: string; services: [string, number][] }[] = [
  {
    number: 1,
    name: 'تراخيص · Permits',
    zone: 'ground',
    services: [
      ['A', 2],
      ['B', 1],
    ],
  },
  {
    number: 2,
    name: 'تراخيص وتصالح · Permits and reconciliation',
    zone: 'ground',
    services: [
      ['A', 1],
      ['B', 2],
    ],
  },
  {
    number: 3,
    name: 'سجل مدني · Civil registry',
    zone: 'ground',
    services: [
      ['C', 1],
      ['F', 0],
    ],
  },
  { number: 4, name: 'مرافق · Utilities', zone: 'first', services: [['D', 1]] },
  {
    number: 5,
    name: 'مستثمرون · Investors',
    zone: 'first',
    services: [
      ['E', 1],
      ['D', 0],
    ],
  },
  {
    number: 6,
    name: 'استعلامات · Enquiries',
    zone: 'first',
    services: [
      ['F', 1],
      ['C', 1],
    ],
  },
]

/**
 * What a newcomer should meet without the API (walk s52: service A had no route and nothing took
 * bookings, so seeing either needed `PUT /services/:id/steps` and `PUT /appointments/settings`):
 * a building permit's visit goes on to the reconciliation line (two steps, one ticket, counters 1
 * and 2 serving both), and civil-registry extracts take bookings (counters 3 and 6 give it
 * places), slots today included (demoCalendar's one-day exception).
 */
export const DEMO_ROUTES: Record<string, string[]> = { A: ['B'] }
export const DEMO_BOOKABLE = ['C']

/** The demo clerks' names, as their console and the dashboard show them. */
const CLERK_NAMES = ['أحمد حسن', 'منى علي', 'محمود سعيد', 'سارة إبراهيم', 'ياسر عبد الله', 'هدى محمد']

const USERS = [
  { username: 'admin', role: 'admin' as const, displayName: 'Administrator' },
  { username: 'manager', role: 'manager' as const, displayName: 'مدير المركز' },
  // a person's name, not «موظف 1»: a number written into a name keeps its digits whatever the center's setting
  ...COUNTERS.map((c, i) => ({ username: `clerk${c.number}`, role: 'clerk' as const, displayName: CLERK_NAMES[i % CLERK_NAMES.length]! })),
]

/**
 * A device's name is the admin's text, shown as typed in either language: bilingual like the
 * counters' (the English dashboard listed Arabic-only names). The kiosk asks the priority
 * question: the demo's call order is the default, priority first, and a newcomer should meet it.
 */
const DEVICES = [
  { kind: 'kiosk' as const, name: 'كشك المدخل · Entrance kiosk', zone: null, config: { askPriority: true } },
  { kind: 'display' as const, name: 'شاشة الدور الأرضي · Ground floor screen', zone: 'ground', config: {} },
  { kind: 'display' as const, name: 'شاشة الدور الأول · First floor screen', zone: 'first', config: {} },
]

/**
 * What the demo's two zones are called on the screens (settings `zoneNames`): without them the Arabic
 * counters table and zone picker read the raw ids «ground», «first» (walk s50).
 */
export const DEMO_ZONE_NAMES: Record<string, ZoneName> = {
  ground: { nameAr: 'الدور الأرضي', nameEn: 'Ground floor' },
  first: { nameAr: 'الدور الأول', nameEn: 'First floor' },
}

/**
 * Names the zones as a manager does, with the dashboard's Save of the zone names (PUT /settings
 * `zoneNames`): the center's settings, which the config file never names (server/config/center-settings.ts
 * reads them at the start, after the seed), written by the same function, keeping any other setting a
 * fresh center already holds. By no one (the seed), as the demo's services, counters and calendar are.
 */
function seedZoneNames(db: Db, now: number): void {
  const row = db.prepare("SELECT value FROM center_settings WHERE key = 'overrides'").pluck().get() as string | undefined
  let overrides: Partial<CenterSettings> = {}
  try {
    if (row) overrides = JSON.parse(row) as Partial<CenterSettings>
  } catch {
    return // an unreadable row is the settings store's to ignore; the demo does not replace it
  }
  if (overrides.zoneNames) return
  storeOverrides(db, { ...overrides, zoneNames: DEMO_ZONE_NAMES }, now, null)
}

/** How long the demo's "always open" exception runs from the day it is seeded: ten calendar years (3650 days fell short by the leap days). */
const DEMO_OPEN_YEARS = 10

/** The same month and day `years` later (29 February → 28 February when that year has none). */
function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const leapDayGone = m === 2 && d === 29 && new Date(Date.UTC(y + years, 1, 29)).getUTCMonth() !== 1
  return `${String(y + years).padStart(4, '0')}-${day.slice(5, 8)}${leapDayGone ? '28' : day.slice(8)}`
}

/**
 * The demo's calendar: the hours of an Egyptian government center (Sunday to Thursday, 08:00–16:00),
 * so the hours editor, the month grid and the reports' open minutes have something to show; and an
 * exception from the day it is seeded, open around the clock, so the demo issues and calls at
 * whatever hour a newcomer tries it (closed, the kiosk would offer nothing, and nights and Fridays
 * would look broken). Deleting the exception in the dashboard's hours view puts the weekly hours in force.
 *
 * The exception is for walk-in tickets only (`walkInsOnly`, protocol/bookable-hours.ts): a service
 * whose bookings a newcomer turns on offers slots in the weekly hours, 08:00 to 16:00 Sunday to
 * Thursday, as a government center does, and marks Friday and Saturday «لا حجز» / "no bookings".
 * Open around the clock for bookings too, the booking page offered a slot at 00:00 and every
 * quarter hour of the night and the weekend, which no center would (walk s50). A newcomer tries a
 * ticket at any hour and a booking in a real center's hours; each screen says which is which.
 *
 * The day it is seeded is the exception's exception: a one-day exception, open around the clock for
 * bookings too (the shorter range wins, protocol/calendar.ts), so a newcomer who starts the demo in
 * the evening or on a Friday sees the bookable service's slots today, not only from the next
 * working day (walk s52); from the next day on, bookings keep a government center's hours.
 *
 * It keeps the default daily close (`dailyClose: true`), though open around the clock: it shows a
 * government center, whose numbers restart at A-001 every morning and whose leftovers are not
 * called the next day, and with the exception gone it must be one. `dailyClose: false` is for a
 * real 24-hour center (README). Since the day's close is a closing on every citizen's screen
 * (protocol/opening-hours.ts nextClosing), the demo says so before midnight instead of cancelling
 * silently (walk 2026-12-05).
 */
export function demoCalendar(now: number, timeZone: string): CenterCalendar {
  const day: OpenInterval[] = [{ open: '08:00', close: '16:00' }]
  const from = localDay(now, timeZone)
  return {
    ...structuredClone(DEFAULT_CALENDAR),
    weekly: { sun: day, mon: day, tue: day, wed: day, thu: day, fri: [], sat: [] },
    exceptions: [
      {
        from,
        to: addYears(from, DEMO_OPEN_YEARS),
        nameAr: 'عرض تجريبي: مفتوح دائمًا',
        nameEn: 'Demo: always open',
        hours: [{ open: '00:00', close: '24:00' }],
        walkInsOnly: true,
      },
      {
        from,
        to: from,
        nameAr: 'عرض تجريبي: الحجز متاح اليوم',
        nameEn: 'Demo: bookings open today',
        hours: [{ open: '00:00', close: '24:00' }],
      },
    ],
  }
}

/**
 * Seeds the demo center on an empty center only: no service, counter or device, and no account
 * but the first admin. A center that holds anything else is configured and never gets demo users
 * or codes, whatever the flag says. Codes are printed only when made: a later start issues none.
 */
export async function seedDemo(db: Db, now: number, codeDigest: PairingCodeDigest, timeZone = 'Africa/Cairo'): Promise<DemoSeed> {
  const services = new ServicesRepo(db)
  const counters = new CountersRepo(db)
  const users = new UsersRepo(db)
  const devices = new DevicesRepo(db)
  const created = services.list().length === 0 && counters.list().length === 0 && devices.list().length === 0 && users.count() <= 1
  const codes = new Map<number, string>()
  // the logins the banner prints with the demo's password: those made here, and an existing one only if that password opens it
  const seededUsers: (typeof USERS)[number][] = []
  const existingLogins: { user: (typeof USERS)[number]; passwordHash: string }[] = []
  if (created) {
    const passwordHash = await hashPassword(DEMO_PASSWORD)
    db.transaction(() => {
      const ids = new Map<string, number>()
      DEMO_SERVICES.forEach((s, i) =>
        ids.set(s.prefix, services.insert({ whenUnstaffed: 'not-offered', ...s, dailyCap: null, active: true, sortOrder: i }, now).id),
      )
      for (const c of COUNTERS) {
        counters.insert(
          {
            number: c.number,
            name: c.name,
            zone: c.zone,
            active: true,
            services: c.services.map(([p, weight]) => ({ serviceId: ids.get(p)!, weight })),
            printerDeviceId: null,
          },
          now,
        )
      }
      const steps = new ServiceStepsRepo(db)
      for (const [from, to] of Object.entries(DEMO_ROUTES))
        steps.replace(
          ids.get(from)!,
          to.map((p) => ids.get(p)!),
        )
      const bookings = new BookingsRepo(db)
      for (const p of DEMO_BOOKABLE) bookings.setSettings(ids.get(p)!, { ...APPOINTMENT_DEFAULTS, enabled: true })
      new CalendarRepo(db).store(demoCalendar(now, timeZone), now, null)
      seedZoneNames(db, now)
      for (const u of USERS) {
        const existing = users.findForLogin(u.username)
        if (existing) existingLogins.push({ user: u, passwordHash: existing.passwordHash })
        else {
          users.insert({ ...u, passwordHash }, now)
          seededUsers.push(u)
        }
      }
      for (const d of DEVICES) {
        const { id } = devices.insert(d, now)
        const pairingCode = newPairingCode()
        devices.setPairingCode(id, codeDigest.of(pairingCode), now + PAIRING_CODE_TTL_MS)
        codes.set(id, pairingCode)
      }
    })()
  }
  const unpaired = devices
    .list()
    // a printer, board or keypad never pairs: it is not "waiting to pair"
    .filter((d) => !d.paired && !d.revoked && PAIRING_KINDS.has(d.kind))
    .map((d) => ({ id: d.id, kind: d.kind, name: d.name, zone: d.zone, pairingCode: codes.get(d.id) ?? null }))
  // an existing login (the first admin) is listed only when the demo's password really opens it (the quick start's admin does; TABOUR_ADMIN_PASSWORD's does not)
  for (const { user, passwordHash: stored } of existingLogins) if (await verifyPassword(DEMO_PASSWORD, stored)) seededUsers.unshift(user)
  return {
    created,
    users: seededUsers.map((u) => ({ username: u.username, role: u.role, password: DEMO_PASSWORD })),
    devices: unpaired,
  }
}
