/**
 * The busy day's model: its size (BENCH_BUSY_DAY_* knobs), the service catalogue, how often a
 * clerk meets a no-show, a recall, a transfer, and the seeded randomness the arrivals, service
 * times and fates are drawn from (every run simulates the same day).
 *
 * 30,000 tickets through 60 counters in a 12-hour day leave 86 s of counter time per ticket, so
 * the catalogue is a fast one (payments, extracts, enquiries: medians of 20 s to 2 min).
 */

/** Tickets in the day (BENCH_BUSY_DAY_TICKETS, default 30,000; counters stay 60: fewer tickets just means idle clerks). */
export const TICKETS = Number(process.env.BENCH_BUSY_DAY_TICKETS ?? 30_000)
export const COUNTERS = 60
/** Requests in flight at most (a center has many kiosks and clerks; the window in simulate.ts bounds it further). */
export const MAX_IN_FLIGHT = Number(process.env.BENCH_BUSY_DAY_IN_FLIGHT ?? 12)
/** Simulated seconds: the least delay between a response and anything it schedules. */
export const LOOKAHEAD_S = 1
/** Relative arrival intensity for each hour from 08:00 to 19:00 (the doors close at 20:00). */
const HOURLY = [0.6, 1.3, 1.5, 1.4, 1.0, 0.8, 1.0, 1.1, 1.0, 0.9, 0.8, 0.6]
export const KIOSKS = 6
export const DISPLAYS = 4
/** Clerk consoles with a socket open during the day (BENCH_BUSY_DAY_CONSOLES, default 12). */
export const CONSOLES = Number(process.env.BENCH_BUSY_DAY_CONSOLES ?? 12)
/**
 * How long the server idles after the day before the last figures: past socket.io's recovery
 * window (120 s, every broadcast is kept that long) and its once-a-minute sweep. Default 200 s.
 */
export const IDLE_S = Math.max(15, Number(process.env.BENCH_BUSY_DAY_IDLE_S ?? 200))

/** The catalogue: arrival share, median handling time (s, lognormal σ 0.6), counters whose main service it is. */
export const SERVICES = [
  { prefix: 'P', nameAr: 'المدفوعات والتحصيل', nameEn: 'Payments and collections', share: 0.4, medianS: 20, counters: 15, zone: 'ground' },
  {
    prefix: 'C',
    nameAr: 'مستخرجات السجل المدني',
    nameEn: 'Civil-registry extracts',
    share: 0.22,
    medianS: 35,
    counters: 12,
    zone: 'ground',
  },
  {
    prefix: 'F',
    nameAr: 'الاستعلامات والشكاوى',
    nameEn: 'Enquiries and complaints',
    share: 0.15,
    medianS: 30,
    counters: 7,
    zone: 'ground',
  },
  { prefix: 'D', nameAr: 'توصيل المرافق', nameEn: 'Utility connections', share: 0.1, medianS: 60, counters: 8, zone: 'first' },
  { prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits', share: 0.08, medianS: 90, counters: 10, zone: 'first' },
  { prefix: 'E', nameAr: 'خدمات المستثمرين', nameEn: 'Investor services', share: 0.05, medianS: 120, counters: 8, zone: 'first' },
]
export const P_NO_SHOW = 0.04
export const P_RECALL = 0.03
export const P_TRANSFER = 0.03
export const P_PRIORITY = 0.06
export const OUTCOMES = ['served', 'served', 'served', 'served', 'served', 'served', 'served', 'served', 'referred', 'incomplete_papers']

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0
    let t = seed
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/** The day's one stream of randomness: every draw, wherever it is made, comes from it in simulated order. */
export const rand = mulberry32(20_260_301)
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
export const lognormal = (median: number, sigma: number) => median * Math.exp(sigma * normal())
export const pick = <T>(weights: readonly number[], items: readonly T[]): T => {
  const total = weights.reduce((a, b) => a + b, 0)
  let r = rand() * total
  for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i]
  return items[items.length - 1]
}

/** The day's arrival times (s after opening), sorted: a Poisson process with hourly rates, given its total. */
export function arrivalTimes(n: number): number[] {
  const hours = HOURLY.map((_, h) => h)
  return Array.from({ length: n }, () => pick(HOURLY, hours) * 3600 + rand() * 3600).sort((a, b) => a - b)
}
