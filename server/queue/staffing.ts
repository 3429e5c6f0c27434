import type { Service } from '../../protocol/entities.ts'

/**
 * When a service is on sale. A service is **staffed** while at least one counter that serves it
 * is open or paused and its clerk is not away (a console seen within
 * queue.awayAfterSeconds): a paused clerk is coming back, an away one may not be. Only open
 * counters count as capacity in the estimate, so a service served only by paused counters is
 * staffed but has no estimate (null: nobody is serving it this minute). A backup counter (weight 0)
 * counts: it calls the service's tickets whenever its own services have nobody waiting (call-policy.ts),
 * so "no counter is open for this service" would be untrue while one is open, and the line forecast
 * plays it like any other counter.
 *
 * An unstaffed service follows its `whenUnstaffed` setting: `not-offered` (the default) is not
 * sold at the kiosk (shown greyed out with "no counter is serving this service now"; POST /tickets from a kiosk
 * answers 409 SERVICE_UNSTAFFED), `offer-without-estimate` is sold with "no counter is serving now,
 * you may wait" and no estimate. Staff (a clerk at reception, a manager) may always issue.
 */
export interface Staffing {
  /** Open counters (clerk present) serving the service: the estimate's capacity. */
  open: number
  /** Paused counters (clerk present) serving the service. */
  paused: number
}

/** True when someone can serve the service: an open or paused counter whose clerk is not away. */
export const isStaffed = (s: Staffing): boolean => s.open + s.paused > 0

/** Whether a kiosk may sell the service now (the daily cap and `active` are judged separately). */
export function kioskMaySell(service: Pick<Service, 'whenUnstaffed'>, staffed: boolean): boolean {
  return staffed || service.whenUnstaffed === 'offer-without-estimate'
}
