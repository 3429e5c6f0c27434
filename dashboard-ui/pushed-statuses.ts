/**
 * Each device's last status the staff feed pushed (`device:status`), numbered in the order they
 * came, so a device list read from the server can be shown with every push that came after it was
 * asked for laid over it. The devices table read health when it opened and after an action only:
 * a printer reactivated there said "OK" (then "No report yet") until a reload, while the server
 * had already pushed that it did not answer. A push's number, not its arrival against the
 * answer's, decides: a list asked before a push and answered after it must not put the old state
 * back (the live view's refreshSlow had the same race, walk s46).
 *
 * Immutable: every push makes a new value, so a lit property holding it re-renders its table.
 */
import { isFaulty, type DeviceHealthReport } from '../protocol/device-health.ts'
import type { DeviceHealth } from '../protocol/stats.ts'

export class PushedStatuses {
  static readonly NONE = new PushedStatuses(0, new Map())

  private constructor(
    /** How many pushes came so far: what a read asked now is marked with (`over`'s `askedAt`). */
    readonly count: number,
    private readonly last: ReadonlyMap<number, { n: number; status: DeviceHealthReport }>,
  ) {}

  /** These with `status` pushed for `deviceId` now. */
  with(deviceId: number, status: DeviceHealthReport): PushedStatuses {
    const last = new Map(this.last)
    last.set(deviceId, { n: this.count + 1, status })
    return new PushedStatuses(this.count + 1, last)
  }

  /**
   * `list`, read from the server by a request asked when `askedAt` pushes had come, with every
   * device's status pushed since laid over it (a push the answer already held is the same status
   * again). A device pushed only before the asking keeps what the answer says.
   */
  over(list: readonly DeviceHealth[], askedAt: number): DeviceHealth[] {
    return list.map((d) => {
      const pushed = this.last.get(d.id)
      return pushed && pushed.n > askedAt ? { ...d, status: pushed.status, faulty: isFaulty(pushed.status) } : d
    })
  }
}
