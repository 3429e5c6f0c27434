import type { PrinterHealth, PrinterStatusReport, SerialHealth, SerialStatusReport } from '../../protocol/device-health.ts'

const AT = '2026-03-10T09:00:00.000Z'

/** A full printer report, healthy but for the flags given (what printing.ts pushes). */
export function printerHealth(flags: Partial<PrinterStatusReport> = {}): PrinterHealth {
  return {
    printer: { reachable: true, online: true, coverOpen: false, paperNearEnd: false, paperOut: false, error: false, at: AT, ...flags },
  }
}

/** A full serial-line report, open but for the fields given (what serial-devices.ts pushes). */
export function serialHealth(fields: Partial<SerialStatusReport> = {}): SerialHealth {
  return { serial: { port: '/dev/ttyUSB0', open: true, badFrames: 0, at: AT, ...fields } }
}
