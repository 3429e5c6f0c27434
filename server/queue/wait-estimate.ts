/**
 * A service's mean service time, the unit of every wait estimate. The waits themselves come from
 * the call policy played forward over the open counters (line-forecast.ts, queue-view.ts).
 */

/**
 * The shortest call-to-finish that counts as a service in the mean. A ticket finished within
 * seconds of its call served nobody: the call, the walk from the hall to the counter and a word
 * take longer than this before anything is done. Such finishes come from a clerk clicking through
 * a line (or a test), and counted they made the mean about 0 s: the kiosk and the status page then
 * promised "less than a minute" with three waiting (s49). Left out, the mean is that of the real
 * services in the window, or the configured default when there are none, so no estimate assumes a
 * citizen is served faster than this.
 */
export const SHORTEST_SERVICE_SECONDS = 20

/** Whether a recent duration counts as a service: finite and at least SHORTEST_SERVICE_SECONDS (the mean's and the time-left's one rule). */
export function countsAsService(seconds: number): boolean {
  return Number.isFinite(seconds) && seconds >= SHORTEST_SERVICE_SECONDS
}

/**
 * Mean of recent service durations in seconds, ignoring non-finite samples and those shorter than
 * SHORTEST_SERVICE_SECONDS (negative ones included); `defaultSeconds` with fewer than `minSamples`
 * (default 1) usable ones.
 */
export function rollingMeanServiceSeconds(samples: readonly number[], defaultSeconds: number, minSamples = 1): number {
  // The caller picks the window (e.g. the last N finished tickets of the service); a corrupt
  // sample (clock jump, missing start) or a click-through must not drag the estimate, so it is dropped.
  let sum = 0
  let n = 0
  for (const s of samples) {
    if (countsAsService(s)) {
      sum += s
      n++
    }
  }
  return n === 0 || n < minSamples ? defaultSeconds : sum / n
}
