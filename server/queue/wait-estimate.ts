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
  /** Counters open for the service now, whose clerk is not away (paused ones do not serve). */
  openCounters: number
  /** Mean service time, seconds (see rollingMeanServiceSeconds). */
  meanServiceSeconds: number
}

/**
 * Estimated wait in whole seconds: round(peopleAhead × meanServiceSeconds ÷ openCounters); 0 when
 * nobody is ahead and a counter is open; null (unknown) when no counter is open for the service.
 *
 * No open counter means nobody is serving the line: any figure would be a promise nobody can keep
 * (the first ticket would read "less than a minute" with every counter closed), so the screens
 * and the paper say the wait is unknown instead.
 */
export function estimateWaitSeconds({ peopleAhead, openCounters, meanServiceSeconds }: WaitEstimateInput): number | null {
  if (!(openCounters >= 1)) return null
  // Written as negated comparisons so NaN inputs fall to the safe side instead of printing NaN.
  if (!(peopleAhead > 0) || !(meanServiceSeconds > 0)) return 0
  return Math.round((peopleAhead * meanServiceSeconds) / openCounters)
}
