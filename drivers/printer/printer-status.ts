/** A printer's condition, from its real-time status bytes. */
export interface PrinterStatus {
  /** False when the printer reports itself offline (cover open, paper out, error, feeding). */
  online: boolean
  coverOpen: boolean
  /** The roll is running low; tickets still print. */
  paperNearEnd: boolean
  /** No paper: nothing prints until the roll is replaced. */
  paperOut: boolean
  /** A mechanical, cutter or unrecoverable error. */
  error: boolean
  /**
   * False when the transport cannot read status (a device file): the flags above are then
   * assumed, not reported by the printer. Absent means the printer answered.
   */
  statusAvailable?: boolean
}

/** Which byte answers which query: n=1 printer, n=2 offline cause, n=4 paper roll sensor. */
export interface StatusBytes {
  printer: number
  offline: number
  paper: number
}

/**
 * The three ESC/POS real-time queries `DLE EOT n`, in the order they are sent. Each is
 * answered with one byte even while the printer is busy or offline, which `GS r` is not.
 */
export const STATUS_QUERIES: readonly { key: keyof StatusBytes; bytes: Buffer }[] = Object.freeze([
  { key: 'printer', bytes: Buffer.from([0x10, 0x04, 0x01]) },
  { key: 'offline', bytes: Buffer.from([0x10, 0x04, 0x02]) },
  { key: 'paper', bytes: Buffer.from([0x10, 0x04, 0x04]) },
])

/** A status that is not a fault: what a file transport assumes, and what a memory transport starts with. */
export const HEALTHY: Readonly<PrinterStatus> = Object.freeze({
  online: true,
  coverOpen: false,
  paperNearEnd: false,
  paperOut: false,
  error: false,
})

/**
 * Decodes the replies to `STATUS_QUERIES`. Every reply byte has bits 1 and 4 set and bits 0
 * and 7 clear (the ESC/POS way to tell a status byte from other data); a value outside
 * 0–255 or with those bits wrong throws an Error naming the query and the byte, so noise on
 * a serial line is never read as "paper out".
 */
export function decodeStatus(bytes: StatusBytes): PrinterStatus {
  for (const { key } of STATUS_QUERIES) {
    const value: unknown = bytes?.[key]
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xff) {
      throw new Error(`printer status: the ${key} byte (DLE EOT ${queryN(key)}) is ${String(value)}, not a byte`)
    }
    if ((value & 0x93) !== 0x12) {
      throw new Error(
        `printer status: 0x${value.toString(16).padStart(2, '0')} is not a reply to DLE EOT ${queryN(key)} (bits 1 and 4 must be set, 0 and 7 clear)`,
      )
    }
  }
  const { printer, offline, paper } = bytes
  return {
    online: (printer & 0x08) === 0,
    coverOpen: (offline & 0x04) !== 0,
    // n=4 bits 2-3 are the near-end sensor, bits 5-6 the end sensor; n=2 bit 5 is
    // "stopped because the paper ended", which some printers report before the sensor bits.
    paperNearEnd: (paper & 0x0c) !== 0,
    paperOut: (paper & 0x60) !== 0 || (offline & 0x20) !== 0,
    error: (offline & 0x40) !== 0,
  }
}

function queryN(key: keyof StatusBytes): number {
  return key === 'printer' ? 1 : key === 'offline' ? 2 : 4
}
