/**
 * A service's mean service time, the unit of every wait estimate. The waits themselves come from
 * the call policy played forward over the open counters (line-forecast.ts, queue-view.ts).
 */

/** Mean of recent service durations in seconds, ignoring non-finite and negative samples; `defaultSeconds` with fewer than `minSamples` (default 1) usable ones. */
export function rollingMeanServiceSeconds(samples: readonly number[], defaultSeconds: number, minSamples = 1): number {
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
  return n === 0 || n < minSamples ? defaultSeconds : sum / n
}
