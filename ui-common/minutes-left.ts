/**
 * Whole minutes left of a window (an undo, a parking) ending at `endsAt`, rounded up, at least 1:
 * what the console's lists and the citizen's status page count down. Measured from the later of
 * the screen's own "now" (`shownNow`: a console's 15 s ticker, the moment a status page was told)
 * and the clock: a window read just after it opened showed 31 of its 30 minutes when the ticker
 * was stale.
 */
export function minutesLeft(endsAt: number, shownNow: number, clock = Date.now()): number {
  return Math.max(1, Math.ceil((endsAt - Math.max(shownNow, clock)) / 60_000))
}
