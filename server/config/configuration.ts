import type { Config } from '../config.ts'
import type { QueueContext } from '../queue/queue-context.ts'
import { CenterCommands } from './center-commands.ts'
import { CalendarCommands } from './calendar-commands.ts'
import { AppointmentCommands } from './appointment-commands.ts'
import { CounterCommands } from './counter-commands.ts'
import { DeviceCommands } from './device-commands.ts'
import { ServiceCommands } from './service-commands.ts'
import { UserCommands } from './user-commands.ts'
import { PairingCodeDigest } from '../auth/pairing-codes.ts'

/**
 * The center's configuration as domain commands: services, counters, users, devices, the
 * center settings and the news line. Each command is one `BEGIN IMMEDIATE` transaction
 * (QueueContext.write) that writes the change and its `config.changed` audit row together, and
 * publishes its domain events after the commit. Like the queue, it knows no Fastify, no
 * sockets and no drivers.
 */
export class Configuration {
  readonly services: ServiceCommands
  readonly counters: CounterCommands
  readonly users: UserCommands
  readonly devices: DeviceCommands
  readonly center: CenterCommands
  /** Opening hours, holidays, the business day (issue 18). */
  readonly calendar: CalendarCommands
  /** Appointment settings per service and a day's block or extra places (issue 19). */
  readonly appointments: AppointmentCommands

  constructor(
    private readonly ctx: QueueContext,
    config: Config,
  ) {
    this.services = new ServiceCommands(ctx)
    this.counters = new CounterCommands(ctx)
    this.users = new UserCommands(ctx, config.passwords)
    this.devices = new DeviceCommands(ctx, PairingCodeDigest.forDataDir(config.dataDir), config.devicePaths)
    this.center = new CenterCommands(ctx, config)
    this.calendar = new CalendarCommands(ctx)
    this.appointments = new AppointmentCommands(ctx)
  }

  /** The latest configuration changes (the audit log), newest first. */
  auditLog(limit: number) {
    return this.ctx.events.configChanges(limit)
  }
}
