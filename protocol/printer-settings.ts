/**
 * The settings a ticket printer can take, as plain lists: the config schema (device-config.ts),
 * the driver's start-up check (drivers/printer) and the dashboard's selects read them. No schema
 * library here, so the printer driver can import it without one.
 */

/** The command sets a ticket printer speaks: Epson ESC/POS (most printers, clones included) or Star Line Mode. */
export const PRINTER_TYPES = ['epson', 'star'] as const
export type PrinterType = (typeof PRINTER_TYPES)[number]

/** Thermal paper widths in mm (576 / 384 dots). */
export const PAPER_WIDTHS_MM = [58, 80] as const
export type PaperWidthMm = (typeof PAPER_WIDTHS_MM)[number]
