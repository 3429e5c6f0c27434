/**
 * Rule (f) of the call policy (protocol/call-policy.ts): blending checked-in appointments with walk-ins.
 *
 * An appointment is *due* once its slot has started (slotStart ≤ now). A due appointment goes
 * ahead of walk-ins (and of priority tickets: it holds a promise of a time), the earliest slot
 * first, then the usual tie-breakers; so with a counter free every few minutes it is called
 * within one service time of its slot. Before its slot a checked-in appointment waits like any
 * ticket, by the policy's own order (it arrived early; it does not jump the line yet).
 *
 * Walk-ins are never starved: once this counter has called `maxAppointmentsInARow` appointment
 * tickets in a row and a ticket that is not a due appointment waits, the rule steps aside and the
 * policy's own order picks (which may still be an appointment that simply waited longest).
 */
import type { CallCandidate } from './call-candidate.ts'

/** Default cap: at most 2 appointments in a row at one counter while a walk-in waits. */
export const DEFAULT_MAX_APPOINTMENTS_IN_A_ROW = 2

/** True for a checked-in appointment whose slot has started at `now`. */
export function isDueAppointment(c: CallCandidate, now: number): boolean {
  return c.slotStart !== undefined && c.slotStart <= now
}

/**
 * The due appointment to call ahead of the policy's order, or null (none due, or the cap is
 * reached while another ticket waits). `streak`: appointments this counter called in a row just
 * before; `maxInARow` < 1 is taken as 1; `tieBreak` orders equal slots (call-policy.ts passes its own, so
 * this file does not import it back).
 */
export function dueAppointment(
  pool: readonly CallCandidate[],
  now: number,
  streak: number,
  maxInARow: number,
  tieBreak: (a: CallCandidate, b: CallCandidate) => number,
): CallCandidate | null {
  let top: CallCandidate | null = null
  let othersWait = false
  for (const c of pool) {
    if (!isDueAppointment(c, now)) {
      othersWait = true
      continue
    }
    if (top === null || c.slotStart! < top.slotStart! || (c.slotStart === top.slotStart && tieBreak(c, top) < 0)) top = c
  }
  if (top === null) return null
  if (othersWait && streak >= Math.max(1, maxInARow)) return null
  return top
}

/** The appointment streak after calling a ticket of `origin`: +1 for an appointment, else 0. */
export const nextAppointmentStreak = (previous: number, origin: string): number => (origin === 'appointment' ? previous + 1 : 0)

/** The streak from the origins of this counter's latest calls, newest first: how many appointments lead them. */
export function appointmentStreakOf(recentOrigins: readonly string[]): number {
  let n = 0
  for (const o of recentOrigins) {
    if (o !== 'appointment') break
    n++
  }
  return n
}
