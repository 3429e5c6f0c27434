/**
 * `queue:updated` carries each service's live figures, not its names: every screen that lists
 * services merges them the same way, and asks for a snapshot when a figure names a service it
 * has never seen (just created, or active again).
 */
import type { ServiceWithQueue } from '../protocol/entities.ts'
import type { QueueFigures, WaitingFigure } from '../protocol/events.ts'

/** The services with the pushed figures applied; services without a figure are kept as they were. */
export function withFigures<S extends ServiceWithQueue>(services: readonly S[], figures: readonly QueueFigures[]): S[] {
  const byId = new Map(figures.map((f) => [f.serviceId, f]))
  return services.map((s) => {
    const f = byId.get(s.id)
    return f
      ? {
          ...s,
          waiting: f.waiting,
          sentToCounters: f.sentToCounters ?? [],
          estimatedWaitSeconds: f.estimatedWaitSeconds,
          ahead: f.ahead,
          staffed: f.staffed,
          available: f.available,
          issuedToday: f.issuedToday,
          checkIn: f.checkIn,
          active: f.active ?? s.active,
        }
      : s
  })
}

/**
 * The services with the pushed line lengths applied (a display's call: CallBoard), the other
 * figures kept. A service the screen does not list is not asked for: the ticket just called was
 * issued with a `queue:updated` that named its service first.
 */
export function withWaiting<S extends ServiceWithQueue>(services: readonly S[], counts: readonly WaitingFigure[]): S[] {
  const byId = new Map(counts.map((c) => [c.serviceId, c]))
  return services.map((s) => {
    const c = byId.get(s.id)
    return c ? { ...s, waiting: c.waiting, sentToCounters: c.sentToCounters ?? [] } : s
  })
}

/**
 * Whether a figure is for a service missing from `services` that a snapshot would list (only a
 * snapshot brings its names): an active one (snapshots list every active service, even one at its
 * daily cap). An inactive service is in no kiosk's snapshot, and in the others only while its line
 * still holds tickets (server lineQueues), a line the screen knew before its deactivation: its
 * figures never ask for one. From an older server without `active`: an available one, or one not
 * on sale only because no counter is open (a kiosk shows it greyed with "no counter is serving
 * this service now").
 */
export function needsSnapshot(services: readonly ServiceWithQueue[], figures: readonly QueueFigures[]): boolean {
  return figures.some((f) => (f.active ?? (f.available || f.staffed === false)) && !services.some((s) => s.id === f.serviceId))
}

/** Whether some service takes a code to check in (a booking, a place joined from a phone): only then do the kiosk and console offer check-in. */
export function checkInOffered(services: readonly ServiceWithQueue[]): boolean {
  return services.some((s) => s.checkIn)
}
