/**
 * The center's local calendar. Ticket numbers, daily caps and reports all follow the day as
 * people in the center live it, in its IANA zone (default Africa/Cairo, which has DST), not the
 * UTC day: a ticket taken at 00:30 local must not belong to "yesterday".
 */

// One formatter per zone: building an Intl.DateTimeFormat is costly (it loads zone data) and
// these run on every ticket. Invalid zones throw on construction and are never cached.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      // h23, not hour12:false: some ICU versions render midnight as "24" with hour12:false.
      hourCycle: 'h23',
    })
    formatters.set(timeZone, f)
  }
  return f
}

interface LocalParts {
  year: string
  month: string
  day: string
  hour: number
}

// formatToParts rather than format(): the literal separators and their order depend on the
// locale data shipped with Node's ICU, the parts do not.
function localParts(epochMs: number, timeZone: string): LocalParts {
  if (!Number.isFinite(epochMs)) throw new RangeError(`invalid timestamp: ${epochMs}`)
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {}
  for (const p of formatterFor(timeZone).formatToParts(epochMs)) parts[p.type] = p.value
  const { year, month, day, hour } = parts
  if (!year || !month || !day || hour === undefined) {
    throw new RangeError(`cannot read local date in ${timeZone} for ${epochMs}`)
  }
  return { year: year.padStart(4, '0'), month, day, hour: Number(hour) % 24 }
}

/** The local calendar day `YYYY-MM-DD` of `epochMs` in IANA `timeZone`; throws RangeError for an unknown zone or a non-finite time. */
export function localDay(epochMs: number, timeZone: string): string {
  const { year, month, day } = localParts(epochMs, timeZone)
  return `${year}-${month}-${day}`
}

/** The local wall-clock hour 0–23 of `epochMs` in IANA `timeZone` (for hourly reports); throws like localDay. */
export function localHour(epochMs: number, timeZone: string): number {
  return localParts(epochMs, timeZone).hour
}

/** True when `tz` is an IANA zone this runtime knows (e.g. `Africa/Cairo`, `UTC`); false for anything else, including ''. */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz === '') return false
  try {
    formatterFor(tz)
    return true
  } catch {
    return false
  }
}
