/**
 * The wait shown on the kiosk before a ticket is taken and printed on it. Deliberately simple
 * and explainable: people ahead × mean service time ÷ counters open for the service.
 */

/** Mean of recent service durations in seconds, ignoring non-finite and negative samples; `defaultSeconds` when no usable sample. */
export function rollingMeanServiceSeconds(samples: number[], defaultSeconds: number): number {
  // The caller picks the window (e.g. the last N finished tickets of the service); a corrupt
  // sample (clock jump, missing start) must not drag the estimate, so it is dropped.
  let sum = 0
  let n = 0
  for (const s of samples) {
    if (Number.isFinite(s) && s >= 0) {
      sum += s
      n++
    }
  }
  return n === 0 ? defaultSeconds : sum / n
}

export interface WaitEstimateInput {
  /** Tickets that will be served before this one. */
  peopleAhead: number
  /** Counters currently open for the service. */
  openCounters: number
  /** Mean service time, seconds (see rollingMeanServiceSeconds). */
  meanServiceSeconds: number
}

/**
 * Estimated wait in whole seconds: round(peopleAhead × meanServiceSeconds ÷ max(openCounters, 1)); 0 when nobody is ahead.
 *
 * With no counter open we assume one will open (divide by 1) rather than answer "unknown" or
 * infinity: the kiosk can still show and print an estimate early in the morning or during a
 * break, and a manager reading it knows it is "as if one counter were serving".
 */
export function estimateWaitSeconds({ peopleAhead, openCounters, meanServiceSeconds }: WaitEstimateInput): number {
  // Written as negated comparisons so NaN inputs fall to the safe side instead of printing NaN.
  if (!(peopleAhead > 0) || !(meanServiceSeconds > 0)) return 0
  const counters = openCounters >= 1 ? openCounters : 1
  return Math.round((peopleAhead * meanServiceSeconds) / counters)
}
