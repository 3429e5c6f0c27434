/**
 * The appointment figures (appointment-figures.ts) as CSV: one line per service (the services of
 * the booking table and of the waits, in the services' order) and a total line; the booking
 * figures, then called / mean / median wait for each ticket origin. Headers in `lang`.
 */
import { csvTable, type CsvColumn, type CsvLang } from '../../protocol/csv.ts'
import { csvText } from '../../protocol/messages/csv.ts'
import type { ServiceNames } from './ticket-log.ts'
import { appointmentFigureText, type AppointmentFigureKey } from '../../protocol/messages/appointment-figures.ts'
import {
  TICKET_ORIGINS,
  type AppointmentFigures,
  type AppointmentServiceFigures,
  type ServiceWaitsByOrigin,
} from '../../protocol/appointment-figures.ts'

interface Line {
  serviceId: number | null
  booking: AppointmentServiceFigures | undefined
  waits: ServiceWaitsByOrigin | undefined
}

const COUNTS = ['booked', 'checkedIn', 'noShow', 'pending', 'cancelled', 'moved', 'early', 'onTime', 'late'] as const
const PERCENTS = [
  ['punctualPercent', 'apf.punctual'],
  ['bookedPercent', 'apf.bookedPercent'],
  ['checkedInPercent', 'apf.checkedInPercent'],
] as const

/** The figures of local days from..to as one CSV table with a total line. */
export function appointmentFiguresCsv(f: AppointmentFigures, lang: CsvLang, services: readonly ServiceNames[]): string {
  const t = (key: AppointmentFigureKey, values?: Record<string, string>) => appointmentFigureText(key, lang, values)
  const byId = new Map(services.map((s) => [s.id, s]))
  const booking = new Map(f.services.map((s) => [s.serviceId, s]))
  const waits = new Map(f.waits.map((w) => [w.serviceId, w]))
  const lines: Line[] = services
    .filter((s) => booking.has(s.id) || waits.has(s.id))
    .map((s) => ({ serviceId: s.id, booking: booking.get(s.id), waits: waits.get(s.id) }))
  lines.push({ serviceId: null, booking: f.total, waits: f.waitsTotal })
  const service = (l: Line) => (l.serviceId === null ? undefined : byId.get(l.serviceId))
  const columns: CsvColumn<Line>[] = [
    { header: csvText('ticket.serviceCode', lang), value: (l) => service(l)?.prefix ?? csvText('report.total', lang), id: true },
    { header: csvText('ticket.serviceAr', lang), value: (l) => service(l)?.nameAr ?? null },
    { header: csvText('ticket.serviceEn', lang), value: (l) => service(l)?.nameEn ?? null },
    ...COUNTS.map((k): CsvColumn<Line> => ({ header: t(`apf.${k}`), value: (l) => l.booking?.[k] ?? null })),
    { header: t('apf.meanCheckIn'), value: (l) => l.booking?.meanCheckInMinutes ?? null },
    { header: t('apf.places'), value: (l) => l.booking?.places ?? null },
    ...PERCENTS.map(
      ([k, key]): CsvColumn<Line> => ({ header: t('apf.csv.percent', { name: t(key) }), value: (l) => l.booking?.[k] ?? null }),
    ),
    ...TICKET_ORIGINS.flatMap((o): CsvColumn<Line>[] => {
      const origin = t(`apf.origin.${o}`)
      return [
        { header: `${origin}: ${t('apf.called')}`, value: (l) => l.waits?.[o].called ?? 0 },
        { header: `${origin}: ${t('apf.csv.meanWait')}`, value: (l) => l.waits?.[o].meanWaitSeconds ?? null },
        { header: `${origin}: ${t('apf.csv.medianWait')}`, value: (l) => l.waits?.[o].medianWaitSeconds ?? null },
      ]
    }),
  ]
  return csvTable(columns, lines)
}
