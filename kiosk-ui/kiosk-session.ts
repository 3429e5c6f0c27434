/**
 * The kiosk's link to its center: a DeviceSession (pairing, revocation, the live feed, the
 * services with their figures, out of service while the center cannot be reached) plus what is
 * the kiosk's own: its settings, the center's name and priority categories, and its printer's
 * reports. Its host renders the state, issues tickets, and tells it when an HTTP call of its
 * own found no server (`serverDown`) or was refused (`unpair`).
 */
import type { ReactiveControllerHost } from 'lit'
import type { CenterInfo } from '../protocol/center.ts'
import type { PrinterStatusReport } from '../protocol/device-config.ts'
import type { Device, ServiceWithQueue } from '../protocol/entities.ts'
import type { QueueFigures, ServerToClientEvents, Snapshot } from '../protocol/events.ts'
import { DeviceSession } from '../ui-common/device-session.ts'
import { takeStartData } from '../ui-common/start-data.ts'
import { fetchCenter, fetchOwnDevice } from '../ui-common/device-api.ts'
import { fetchServiceGroups, fetchServices } from './kiosk-api.ts'
import type { ServiceGroup } from '../protocol/service-menu.ts'
import { DEFAULT_SETTINGS, kioskSettings, type KioskSettings } from './kiosk-settings.ts'
import { printerReportOf } from './printer-state.ts'

/** What the session tells its host besides "render again". */
export interface KioskSessionHooks {
  /** The kiosk's own printer reported (`device:status` for this device). */
  onPrinterReport(report: PrinterStatusReport): void
  /** The server just became unreachable, or the kiosk was unpaired: drop any half-done step. */
  onInterrupted(): void
  /** Settings were (re)loaded: `idleSeconds` may have changed. */
  onSettings(settings: KioskSettings): void
}

type DeviceStatusEvent = Parameters<ServerToClientEvents['device:status']>[0]

/** What the kiosk's start-up requests answer, as the center inlines it in the page (server/routes/start-data.ts). */
export interface KioskStartData {
  device: Device | null
  center: CenterInfo
  services: ServiceWithQueue[]
  groups: ServiceGroup[]
}

export class KioskSession extends DeviceSession {
  center: CenterInfo | null = null
  settings: KioskSettings = DEFAULT_SETTINGS
  /** The kiosk menu's groups (issue 21); reloaded with the hours tick. */
  groups: ServiceGroup[] = []
  /** The last report of every printer of the center (this kiosk's and any other), by device id: whether a reprint is possible. */
  readonly printers = new Map<number, PrinterStatusReport>()

  /** `base`: the server's prefix (the kiosk page is at `<base>/kiosk/`). */
  constructor(
    host: ReactiveControllerHost,
    base: string,
    private readonly hooks: KioskSessionHooks,
  ) {
    super(host, { kind: 'kiosk', base, startData: true, feedAfterLoad: true, followsConfig: true })
    this.feed.on('device:status', (e) => this.onDeviceStatus(e))
  }

  /**
   * The kiosk's config, the center and (until the feed has sent its own) the services: inlined in
   * the page at the first load, else asked all at once. Once the feed's snapshot is on screen the
   * feed keeps the services: an HTTP list asked before a push but answered after it would put
   * back what the push changed (a service that just began taking bookings lost its check-in).
   */
  protected override async load(token: string): Promise<() => void> {
    const { device, center, services, groups } = takeStartData<KioskStartData>(token) ?? (await this.fetchStart(token))
    return () => {
      this.groups = groups
      if (device) this.deviceId = device.id
      this.applySettings(kioskSettings(device?.config, center))
      this.center = center
      if (services && this.snapshotFrom !== 'feed') this.services = services
    }
  }

  private async fetchStart(token: string): Promise<Omit<KioskStartData, 'services'> & { services: ServiceWithQueue[] | null }> {
    const needsServices = this.snapshotFrom !== 'feed'
    const [device, center, services, groups] = await Promise.all([
      fetchOwnDevice(this.base, token),
      fetchCenter(this.base, token),
      needsServices ? fetchServices(this.base, token) : null,
      fetchServiceGroups(this.base, token).catch(() => [] as ServiceGroup[]),
    ])
    return { device, center, services, groups }
  }

  protected override paired(device: Device): void {
    this.deviceId = device.id
    this.applySettings(kioskSettings(device.config, this.center))
  }

  /** A printer fault reported before this kiosk (re)connected is in the snapshot. */
  protected override applySnapshot(snapshot: Snapshot): void {
    this.printers.clear()
    for (const p of snapshot.printers ?? []) this.printers.set(p.deviceId, p.status)
    const own = snapshot.printers?.find((p) => p.deviceId === this.deviceId)
    if (own) this.hooks.onPrinterReport(own.status)
  }

  protected override interrupted(): void {
    this.hooks.onInterrupted()
  }

  /**
   * A service deactivated while the kiosk shows it leaves the menu at once, as it leaves the kiosk's
   * snapshot and list (decision 0008: deactivating stops new tickets): it stayed as a greyed tile
   * saying "Not available now" until the next reload, a tile that invited a tap and promised a later
   * (walk s53). Its people already waiting are served; the kiosk has nothing to sell them.
   */
  protected override applyFigures(figures: readonly QueueFigures[]): void {
    super.applyFigures(figures)
    if (this.services.some((s) => s.active === false)) this.update(() => (this.services = this.services.filter((s) => s.active !== false)))
  }

  protected override reset(): void {
    this.printers.clear()
    this.deviceId = null
    this.center = null
  }

  /** Fetches the groups again (an admin may have renamed or regrouped them); keeps the old ones on a failure. */
  async refreshGroups(): Promise<void> {
    const token = this.token
    if (token === null) return
    try {
      const groups = await fetchServiceGroups(this.base, token)
      this.update(() => (this.groups = groups))
    } catch {
      // the next tick tries again
    }
  }

  private onDeviceStatus(event: DeviceStatusEvent): void {
    const report = printerReportOf(event.status)
    if (!report) return
    this.printers.set(event.deviceId, report)
    if (event.deviceId === this.deviceId) this.hooks.onPrinterReport(report)
    else this.host.requestUpdate()
  }

  private applySettings(settings: KioskSettings): void {
    this.settings = settings
    this.hooks.onSettings(settings)
    this.host.requestUpdate()
  }
}
