import type { ServiceWithQueue } from '../protocol/entities.ts'

/**
 * What the console's "Issue a ticket" dialog says of a service. Staff may issue what the kiosk may
 * not sell (README "Unstaffed, per service", "The kiosk follows the hours"): the server refuses staff
 * only an inactive service or one at its daily cap (server/queue/ticket-issuer.ts), so only those
 * are greyed out, each with its reason; a service no counter serves now, or outside its hours, stays
 * choosable and says so, as the transfer dialog does. Greying out by the kiosk's `available` hid
 * tickets staff may issue, with no reason (walk s54).
 */
export interface IssueChoice {
  disabled: boolean
  /** Its mark beside the name (protocol/messages/console.ts key), or null for none. */
  mark: 'issue.capReached' | 'issue.outsideHours' | 'transfer.unstaffedService' | null
}

export function issueChoice(s: Pick<ServiceWithQueue, 'active' | 'dailyCap' | 'issuedToday' | 'staffed' | 'hours'>): IssueChoice {
  if (s.dailyCap !== null && s.issuedToday >= s.dailyCap) return { disabled: true, mark: 'issue.capReached' }
  if (!s.active) return { disabled: true, mark: null }
  if (s.hours && s.hours.closedReason !== null) return { disabled: false, mark: 'issue.outsideHours' }
  return { disabled: false, mark: s.staffed ? null : 'transfer.unstaffedService' }
}
