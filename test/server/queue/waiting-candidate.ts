import type { CallCandidate } from '../../../server/queue/types.ts'

const MIN = 60_000

/**
 * Waiting tickets as the call policy and the line forecast see them, queued some minutes before
 * `now`: ordinary, weight 1, a 20-minute target, numbered in the order they are made.
 */
export function candidateMaker(
  now: number,
): (id: string, serviceId: number, minutesAgo: number, over?: Partial<CallCandidate>) => CallCandidate {
  let seq = 0
  return (id, serviceId, minutesAgo, over = {}) => ({
    ticketId: id,
    serviceId,
    priority: 'none',
    queuedAt: now - minutesAgo * MIN,
    targetWaitSeconds: 1200,
    weight: 1,
    targetedHere: false,
    number: ++seq,
    ...over,
  })
}
