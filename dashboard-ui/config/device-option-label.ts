/**
 * What a device form's select shows for one fixed choice (device-fields.ts): a printer's type and
 * paper width, a display's announcement, in the screen's language; a paper width is a figure, so
 * in the screen's digits («٨٠ مم» on an Arabic-Indic screen: it read «80 مم», s51); so is a serial
 * line's baud rate («٩٦٠٠», it read 9600, s52), without a thousands separator, as a device's manual
 * and the interface string (`serial:/dev/ttyUSB0?baudRate=19200`) write it.
 */
import type { Lang } from '../../protocol/common.ts'
import type { PrinterType } from '../../protocol/printer-settings.ts'
import { configText } from '../../protocol/messages/config-forms.ts'
import { formatNumber, type DigitStyle } from '../../ui-common/digits.ts'

/** The label of `option` in the select of the config key at `path`; any other key's option as it is. */
export function deviceOptionLabel(path: string, option: string, lang: Lang, digits: DigitStyle): string {
  if (path === 'printer/type') return configText(`device.printer.type.${option as PrinterType}`, lang)
  if (path === 'printer/widthMm') return configText('device.printer.width', lang, { mm: Number(option) }, digits)
  if (path === 'baudRate') return formatNumber(Number(option), { digits })
  if (path === 'announcement') return configText(`device.announcement.${option as 'short' | 'long'}`, lang)
  return option
}
