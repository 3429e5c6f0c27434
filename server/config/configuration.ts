import type { Config } from '../config.ts'
import type { QueueContext } from '../queue/queue-context.ts'
import { CenterCommands } from './center-commands.ts'
import { CalendarCommands } from './calendar-commands.ts'
import { AppointmentCommands } from './appointment-commands.ts'
import { CounterCommands } from './counter-commands.ts'
import { DeviceCommands } from './device-commands.ts'
import { ServiceCommands } from './service-commands.ts'
import { ServiceGroupCommands } from './service-group-commands.ts'
import { UserCommands } from './user-commands.ts'
import { PairingCodeDigest } from '../auth/pairing-codes.ts'
import { WebhookCommands } from './webhook-commands.ts'
import { ServiceStepCommands } from './service-step-commands.ts'
import { FinishOutcomeCommands } from './finish-outcome-commands.ts'
import { auditSubject, shownChanges } from './audit-subject.ts'
import type { ConfigChange } from './config-audit.ts'

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
  /** The kiosk menu's service groups (issue 21). */
  readonly serviceGroups: ServiceGroupCommands
  /** Webhook subscriptions for integrators (issue 20). */
  readonly webhooks: WebhookCommands
  /** Appointment settings per service and a day's block or extra places (issue 19). */
  readonly appointments: AppointmentCommands
  /** Routes of steps for visits that pass several services (issue 21). */
  readonly serviceSteps: ServiceStepCommands
  /** The outcomes a clerk finishes a ticket with, as a manager sets them (a hub bundle, when one runs, wins). */
  readonly finishOutcomes: FinishOutcomeCommands

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
    this.serviceGroups = new ServiceGroupCommands(ctx)
    this.webhooks = new WebhookCommands(ctx, config.webhooks)
    this.appointments = new AppointmentCommands(ctx)
    this.serviceSteps = new ServiceStepCommands(ctx)
    // before the hub's bundle commands (app.ts), which put a running bundle's outcomes over these at start
    this.finishOutcomes = new FinishOutcomeCommands(ctx, config)
  }

  /** The latest configuration changes (the audit log), newest first, each with the name of what it changed. */
  auditLog(limit: number) {
    const zoneNames = this.center.settings().values.zoneNames
    return this.ctx.events.configChanges(limit).map((row) => ({
      ...row,
      subject: auditSubject(this.ctx, row.data as Partial<ConfigChange>, row.deviceName),
      changes: shownChanges(this.ctx, row.data as Partial<ConfigChange>, zoneNames),
    }))
  }
}
