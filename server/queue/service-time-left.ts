/**
 * How long a service still has to go once it has lasted a while: what the line forecast counts
 * a busy counter as busy for (counter-free-at.ts).
 *
 * The mean service time alone does not say it. Counted as "the call plus the mean", a service
 * that had lasted longer than the mean ended in the past, the forecast played its counter free
 * "now", and the ticket behind read "1 ahead, less than a minute" while the clerk was still busy
 * with a long service (s52). What is true is the expected time still to go for a service that
 * has already lasted `served` seconds: the mean residual life.
 *
 * It is read from the same sample the mean is (the service's last `queue.serviceTimeWindow`
 * call-to-finish times, TicketsRepo.recentServiceSeconds) with the same rule for what counts
 * (countsAsService: a click-through is no service), so the two never disagree:
 * - the mean of d − served over the recent durations d longer than `served`. Before the service
 *   has outlasted any of them this is exactly the mean − served, the countdown the forecast has
 *   always made; past the short ones it follows the long ones, so a service that has gone on
 *   longer than usual is expected to go on as the long ones did;
 * - no recent duration counts (a new service, a new day's database): the configured default
 *   stands in as the one duration, as it stands in for the mean;
 * - none is longer than `served`: the mean itself, never "now". The service has outlasted every
 *   recent one, so the sample says nothing about what is left: such a service is an unusual case
 *   (a missing paper, a hard file) still being worked on. The mean is the answer if service times
 *   had no memory (exponential), and it is what the forecast already counts for a counter whose
 *   service has not begun (a ticket called, not started); a fixed share of the mean would be a
 *   number fitted to nothing. It may err long as well as short, but it never tells the ticket
 *   behind that a counter still busy is about to call.
 * The estimate can jump there: just before `served` passes the longest recent duration, what is
 * left is that one's few seconds; just after, a mean. Both are what the sample says at that moment.
 *
 * Cheap: one pass over the window (20 by default), once per busy counter per play of the line.
 */
import { countsAsService } from './wait-estimate.ts'

/**
 * Expected seconds still to go of a service that has lasted `servedSeconds`, from the service's
 * recent durations (seconds, any order) and the configured default (see the header). At 0 it is
 * the mean (rollingMeanServiceSeconds of the same samples); never 0 or less for a service whose
 * durations are all positive.
 */
export function expectedSecondsLeft(samples: readonly number[], defaultSeconds: number, servedSeconds: number): number {
  let usable = 0
  let usableSum = 0
  let longer = 0
  let leftSum = 0
  for (const d of samples) {
    if (!countsAsService(d)) continue
    usable++
    usableSum += d
    if (d > servedSeconds) {
      longer++
      leftSum += d - servedSeconds
    }
  }
  if (usable === 0) return defaultSeconds > servedSeconds ? defaultSeconds - servedSeconds : defaultSeconds
  return longer > 0 ? leftSum / longer : usableSum / usable
}
