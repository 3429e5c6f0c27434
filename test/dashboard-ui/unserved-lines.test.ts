import { describe, expect, it } from 'vitest'
import { unservedLines, unservedServiceText } from '../../dashboard-ui/unserved-lines.ts'
import { dashboardText } from '../../protocol/messages/dashboard.ts'
import type { Counter, ServiceWithQueue } from '../../protocol/entities.ts'
import type { StatsToday } from '../../protocol/stats.ts'

const service = (id: number, prefix: string, waiting: number, staffed: boolean, active = true) =>
  ({ id, prefix, nameAr: `خدمة ${prefix}`, nameEn: `Service ${prefix}`, waiting, staffed, active }) as ServiceWithQueue
const counter = (id: number, state: Counter['state'], awaySince: string | null = null, serviceIds: number[] = []) =>
  ({
    id,
    number: id,
    name: `Window ${id}`,
    state,
    active: true,
    awaySince,
    services: serviceIds.map((serviceId) => ({ serviceId, weight: 1 })),
  }) as Counter
const stats = (waitingFor: Record<number, number>) =>
  ({
    counters: Object.entries(waitingFor).map(([id, n]) => ({ counterId: Number(id), number: Number(id), waitingForIt: n })),
  }) as unknown as StatsToday

/**
 * The live view's warning (issue s34 item 3): tickets waiting for a service nobody serves, or for
 * a counter they were transferred to while it is closed or away, and nothing else.
 */
describe('tickets waiting with nobody to call them', () => {
  it('lists an unstaffed service with a line and a closed or away counter with tickets sent to it', () => {
    const services = [service(2, 'B', 3, false), service(1, 'A', 5, true), service(3, 'C', 0, false)]
    const counters = [counter(1, 'open'), counter(2, 'closed'), counter(3, 'open', '2026-12-05T05:00:00Z'), counter(4, 'paused')]
    expect(unservedLines(services, counters, stats({ 1: 2, 2: 1, 3: 4, 4: 1 }))).toEqual([
      { kind: 'service', serviceId: 2, prefix: 'B', nameAr: 'خدمة B', nameEn: 'Service B', waiting: 3, active: true, away: [] },
      { kind: 'counter', counterId: 2, number: 2, name: 'Window 2', waiting: 1, why: 'closed' },
      { kind: 'counter', counterId: 3, number: 3, name: 'Window 3', waiting: 4, why: 'away' },
    ])
  })

  // walk s54: D deactivated with tickets in line read only "no counter is serving this service now"
  it('says when the service is deactivated, so the line is read as the last of it', () => {
    const [line] = unservedLines([service(4, 'D', 2, false, false)], [], stats({}))
    expect(line).toMatchObject({ kind: 'service', prefix: 'D', active: false })
    expect(dashboardText('live.inactive', 'en')).toBe('Deactivated: no new tickets')
    expect(dashboardText('live.inactive', 'ar')).toBe('متوقفة عن إصدار التذاكر')
  })

  it('is empty when every waiting ticket has a counter that will call it', () => {
    expect(unservedLines([service(1, 'A', 5, true), service(2, 'B', 0, false)], [counter(1, 'closed')], stats({ 1: 0 }))).toEqual([])
  })

  it('says it in Arabic and English, with plural forms', () => {
    expect(dashboardText('live.unservedService', 'en', { n: 1 })).toBe('1 ticket waits: no counter is serving this service now')
    expect(dashboardText('live.unservedService', 'ar', { n: 2 })).toBe('تذكرتان تنتظران: لا يقدّم هذه الخدمة أي شباك الآن')
    expect(dashboardText('live.unservedCounter', 'en', { n: 3, state: dashboardText('live.unservedClosed', 'en') })).toBe(
      '3 tickets transferred to it wait: the counter is closed',
    )
    expect(dashboardText('live.unservedCounter', 'ar', { n: 3, state: dashboardText('live.unservedClosed', 'ar') })).toBe(
      '3 تذاكر حُوّلت إليه تنتظر: الشباك مغلق',
    )
  })

  // walk s50: F waited «لا يقدّم هذه الخدمة أي شباك الآن» while counter 3, open and serving F as a
  // backup, read «مفتوح · غائب» in the counters table: the reason is its clerk, and the line says so
  it('names the open counters serving the line whose clerks are away', () => {
    const f = service(6, 'F', 2, false)
    const counters = [
      counter(3, 'open', '2026-12-07T07:00:00Z', [6]),
      counter(5, 'paused', '2026-12-07T07:10:00Z', [6]),
      counter(4, 'closed', null, [6]),
      counter(2, 'open', '2026-12-07T07:00:00Z', [1]),
    ]
    const [line] = unservedLines([f], counters, stats({}))
    expect(line).toMatchObject({
      kind: 'service',
      prefix: 'F',
      away: [
        { number: 3, name: 'Window 3' },
        { number: 5, name: 'Window 5' },
      ],
    })
    if (line?.kind !== 'service') throw new Error('a service line')
    expect(unservedServiceText(line, 'en', 'western')).toBe(
      '2 tickets wait: counters 3\u00a0— Window 3, 5\u00a0— Window 5 serve it, but their clerks are away (not connected)',
    )
    const one = { ...line, waiting: 1, away: [{ number: 3, name: 'شباك ٣ · Window 3' }] }
    expect(unservedServiceText(one, 'en', 'western')).toBe(
      '1 ticket waits: counter 3\u00a0— Window 3 serves it, but its clerk is away (not connected)',
    )
    expect(unservedServiceText(one, 'ar', 'arabic-indic')).toBe('تذكرة واحدة تنتظر: يقدّمها الشباك ٣\u00a0— شباك ٣ لكن موظفه غير متصل')
    // none away: no counter serving it is open
    expect(unservedServiceText({ ...line, away: [] }, 'ar', 'western')).toBe('تذكرتان تنتظران: لا يقدّم هذه الخدمة أي شباك الآن')
  })
})
