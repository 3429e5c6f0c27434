/**
 * Which printers the center has and which one a ticket goes to. A printer is a device with a
 * `printer` in its config: a kiosk's own, or a stand-alone `printer` device (at reception).
 * A counter is bound to one of them by reference (the `counter_printers` table) rather than
 * holding a printer config of its own, so one physical printer keeps one connection, one
 * health report and one address to edit, whether a kiosk, a counter or both use it.
 * Pure domain rules over the repositories: the printing binding (server/devices/printing.ts)
 * opens the drivers.
 */
import type { Device } from '../../protocol/entities.ts'
import type { PrinterConfig } from '../../protocol/device-config.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { QueueContext } from './queue-context.ts'
import { domainError, ErrorCodes } from '../errors.ts'

/** The printer config of a device that has one (a kiosk or printer device, not revoked); otherwise undefined. */
export function printerConfigOf(device: Device): PrinterConfig | undefined {
  if (device.revoked || (device.kind !== 'kiosk' && device.kind !== 'printer')) return undefined
  return (device.config as { printer?: PrinterConfig }).printer
}

/** Every device the center can print a ticket on, by kind then name. */
export function centerPrinters(ctx: QueueContext): Device[] {
  return ctx.devices
    .list()
    .filter((d) => printerConfigOf(d) !== undefined)
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name))
}

/** The device `deviceId` as a printer: DEVICE_NOT_FOUND when there is no such device, NO_PRINTER when it cannot print. */
export function assertPrinter(ctx: QueueContext, deviceId: number): Device {
  const device = ctx.devices.get(deviceId)
  if (!device) throw domainError(ErrorCodes.DEVICE_NOT_FOUND, `device ${deviceId} does not exist`)
  if (!printerConfigOf(device)) throw domainError(ErrorCodes.NO_PRINTER, `device ${deviceId} (${device.name}) has no printer`)
  return device
}

/**
 * Where a just-issued ticket prints: on the kiosk that issued it, or, for a walk-in a clerk
 * issued, on the printer bound to the counter that clerk holds. Null: nowhere (the screen
 * shows the ticket). Whether that device really has a printer is the binding's question.
 */
export function issuePrinterOf(ctx: QueueContext, ticket: TicketRecord): number | null {
  if (ticket.issuedById === null) return null
  if (ticket.issuedByType === 'device') return ticket.issuedById
  if (ticket.issuedByType !== 'user') return null
  return ctx.counters.findByClerk(ticket.issuedById)?.printerDeviceId ?? null
}
