/**
 * Whether a ticket that ended can be taken again from a phone: the status page's way onward offers
 * the join page only when a phone can join the ticket's own service now (listed, and open to joins).
 * It offered it whenever the center took joins for any service (walk s52: a cancelled Building
 * permits ticket was told «انضم إلى الدور من جديد من هاتفك», where only two other services took joins).
 */
import type { Lang } from '../protocol/common.ts'
import type { RemoteService } from '../protocol/remote-join.ts'

/** Whether `serviceId` is among the services a phone may join now. */
export function phoneRejoinable(services: readonly Pick<RemoteService, 'id' | 'closedReason'>[], serviceId: number): boolean {
  return services.some((s) => s.id === serviceId && s.closedReason === null)
}

/** The join page in `lang` with the ticket's service already chosen (the page reads `?service=`). */
export function phoneRejoinUrl(base: string, lang: Lang, serviceId: number): string {
  return `${base}/join/${lang}/?service=${serviceId}`
}
