import type { DisplaySoundReport } from '../../protocol/device-config.ts'
import type { DeviceHealthReport } from '../../protocol/device-health.ts'
import type { QueueContext } from './queue-context.ts'

/**
 * A device's health as its driver reports it (a printer out of paper, a serial line that
 * closed). Health is runtime state, not stored: nothing is written, so the report is published
 * at once as a `device:status` domain event (the broadcaster pushes it, metrics and reports
 * keep the last one). Drivers' bindings call this rather than emitting themselves, so every
 * event still comes from the domain.
 */
export class DeviceStatus {
  constructor(private readonly ctx: QueueContext) {}

  report(deviceId: number, status: DeviceHealthReport): void {
    this.ctx.publish([{ type: 'device:status', deviceId, status }])
  }

  /** A display's report about itself (its sound), stamped with the server's clock. */
  reportDisplay(deviceId: number, report: DisplaySoundReport): void {
    this.report(deviceId, { display: { ...report, at: new Date(this.ctx.clock()).toISOString() } })
  }
}
