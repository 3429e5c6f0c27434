import { describe, expect, it } from 'vitest'
import { deviceOptionLabel } from '../../dashboard-ui/config/device-option-label.ts'

/** s51: the devices form's paper widths read «80 مم» on an Arabic-Indic screen; a figure follows the screen's digits. */
describe("a device form's fixed choices", () => {
  it('a paper width in the screen digits, in Arabic and English', () => {
    expect(deviceOptionLabel('printer/widthMm', '80', 'ar', 'arabic-indic')).toBe('٨٠ مم')
    expect(deviceOptionLabel('printer/widthMm', '58', 'ar', 'western')).toBe('58 مم')
    expect(deviceOptionLabel('printer/widthMm', '58', 'en', 'western')).toBe('58 mm')
  })

  it('a printer type and an announcement by their words; any other option as it is', () => {
    expect(deviceOptionLabel('printer/type', 'epson', 'en', 'western')).not.toBe('epson')
    expect(deviceOptionLabel('announcement', 'long', 'ar', 'arabic-indic')).not.toBe('long')
    expect(deviceOptionLabel('protocol', 'tabour-ascii', 'ar', 'arabic-indic')).toBe('tabour-ascii')
  })

  // s52: the board's and keypad's speeds read 9600 on an Arabic-Indic screen where every other figure followed the setting
  it("a baud rate in the screen's digits, ungrouped as a device's manual writes it", () => {
    expect(deviceOptionLabel('baudRate', '9600', 'ar', 'arabic-indic')).toBe('٩٦٠٠')
    expect(deviceOptionLabel('baudRate', '115200', 'ar', 'arabic-indic')).toBe('١١٥٢٠٠')
    expect(deviceOptionLabel('baudRate', '115200', 'ar', 'western')).toBe('115200')
    expect(deviceOptionLabel('baudRate', '115200', 'en', 'western')).toBe('115200')
  })
})
