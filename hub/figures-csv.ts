/**
 * The national figures as CSV (GET /api/hub/v1/figures.csv), through the one CSV writer of
 * protocol/csv.ts: headers in the language asked for, both names of each row, codes and ids as
 * text, hours as local "14:00" (every center reports its own local hours).
 */
import { csvTable, type CsvColumn, type CsvLang } from '../protocol/csv.ts'
import { csvText, type CsvMessageKey } from '../protocol/messages/csv.ts'
import type { FigureRow, FiguresQuery } from './store/store.ts'
import type { CityNames } from '../protocol/hub-city.ts'
import { governorateName } from '../protocol/governorates.ts'
// a mean of seconds to one decimal (as avgWaitSeconds is), empty without a count
import { mean1 as average } from './store/figure-rows.ts'

const FIGURES: [CsvMessageKey, (r: FigureRow) => number | null][] = [
  ['figure.issued', (r) => r.issued],
  ['figure.called', (r) => r.called],
  ['figure.served', (r) => r.served],
  ['figure.noShow', (r) => r.noShow],
  ['figure.cancelled', (r) => r.cancelled],
  ['figure.transferredIn', (r) => r.transferredIn],
  ['figure.transferredOut', (r) => r.transferredOut],
  ['figure.avgWait', (r) => r.avgWaitSeconds],
  // empty where nobody was called, as the average beside it and the center's own CSV (a 0 reads as "called at once")
  ['figure.maxWait', (r) => (r.waitCount > 0 ? r.waitMaxSeconds : null)],
  ['figure.sla', (r) => r.slaPercent],
  ['figure.avgService', (r) => r.avgServiceSeconds],
  ['figure.counterOpenMinutes', (r) => r.counterOpenMinutes],
  ['figure.serviceOpenMinutes', (r) => r.openMinutes],
  ['figure.waitMissedUncalled', (r) => r.waitMissedUncalled],
  ['figure.waitingPastTarget', (r) => r.waitingPastTarget],
  // feedback (issue 21)
  ['figure.ratingCount', (r) => r.ratingCount],
  ['figure.avgRating', (r) => r.avgRating],
  ['figure.ratingLow', (r) => r.ratingLow],
  // visits with several steps (issue 21)
  ['figure.stepCalls', (r) => r.stepCalls],
  ['figure.avgStepWait', (r) => average(r.stepWaitSumSeconds, r.stepCalls)],
  // parking (issue 21)
  ['figure.parked', (r) => r.parked],
  ['figure.parkResumed', (r) => r.parkResumed],
  ['figure.parkAbandoned', (r) => r.parkAbandoned],
  // appointments and places taken from a phone (issue 19)
  ['figure.appointmentsBooked', (r) => r.appointmentsBooked],
  ['figure.appointmentsCancelled', (r) => r.appointmentsCancelled],
  ['figure.appointmentsCheckedIn', (r) => r.appointmentsCheckedIn],
  ['figure.appointmentNoShows', (r) => r.appointmentNoShows],
  ['figure.appointmentCalls', (r) => r.appointmentCalls],
  ['figure.avgAppointmentWait', (r) => average(r.appointmentWaitSecondsSum, r.appointmentCalls)],
  ['figure.remoteJoins', (r) => r.remoteJoins],
  ['figure.remoteCalls', (r) => r.remoteCalls],
  ['figure.avgRemoteWait', (r) => average(r.remoteWaitSecondsSum, r.remoteCalls)],
]

const hourLabel = (key: string) => (/^\d{1,2}$/.test(key) ? `${key.padStart(2, '0')}:00` : key)

/**
 * The rows of a figures query as CSV (BOM, CRLF), headers in `lang`. By center, `cities` (the
 * registry's, by center id) adds each center's city in both languages after its governorate.
 * A query narrowed to a governorate (a governorate analyst's scope, or ?governorate=) names it on
 * the rows that span governorates elsewhere (a national service, an hour): their figures are that
 * governorate's only, and a file whose rows said no governorate read as the nation's once it left
 * the page (walk s48: a Cairo analyst's "by service" file gave Cairo's 10 issued as BLD-PERMIT's).
 */
export function figuresCsv(
  rows: readonly FigureRow[],
  q: Pick<FiguresQuery, 'from' | 'to' | 'by' | 'governorate'>,
  lang: CsvLang,
  cities?: ReadonlyMap<string, CityNames>,
): string {
  const h = (key: CsvMessageKey) => csvText(key, lang)
  const hour = q.by === 'hour'
  const governorateOf = (r: FigureRow) => r.governorate ?? q.governorate ?? null
  const columns: CsvColumn<FigureRow>[] = [
    { header: h('hub.from'), value: () => q.from },
    { header: h('hub.to'), value: () => q.to },
    { header: h('hub.by'), value: () => h(`hub.by.${q.by}`) },
    { header: hour ? h('report.hour') : h('hub.key'), value: (r) => (hour ? hourLabel(r.key) : r.key), id: !hour },
    { header: h('hub.nameAr'), value: (r) => (hour ? hourLabel(r.nameAr) : r.nameAr) },
    { header: h('hub.nameEn'), value: (r) => (hour ? hourLabel(r.nameEn) : r.nameEn) },
    { header: h('hub.governorate'), value: (r) => governorateOf(r) },
    {
      header: h('hub.governorateName'),
      value: (r) => {
        const code = governorateOf(r)
        return code === null ? null : governorateName(code, lang)
      },
    },
    ...(q.by === 'center'
      ? [
          { header: h('hub.cityAr'), value: (r: FigureRow) => cities?.get(r.key)?.cityAr ?? '' },
          { header: h('hub.cityEn'), value: (r: FigureRow) => cities?.get(r.key)?.cityEn ?? '' },
        ]
      : []),
    ...(q.by === 'center' || q.by === 'governorate'
      ? [{ header: h('hub.reportingCenters'), value: (r: FigureRow) => r.reportingCenters ?? null }]
      : []),
    ...FIGURES.map(([key, f]): CsvColumn<FigureRow> => ({ header: h(key), value: f })),
  ]
  return csvTable(columns, rows)
}
