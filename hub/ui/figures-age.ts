/**
 * How old a center's figures on the open-data page are, in whole minutes. The hub's answer says it
 * at its own `generatedAt` (the phone's clock may be off, so the two hub times are compared, not
 * the phone's and the hub's); the time since the page received that answer, on the phone's own
 * clock, is added. A page whose refreshes fail (no signal, too many requests) keeps the last figures
 * on screen under its error, and they age: they said "Updated less than a minute ago" for as long as
 * the failures lasted (walk s48).
 */
export function minutesOld(answer: { generatedAt: number }, updatedAt: number, receivedAt: number, now: number): number {
  return Math.max(0, Math.floor((answer.generatedAt - updatedAt + Math.max(0, now - receivedAt)) / 60_000))
}
