import type { Config } from '../config.ts'
import type { TestPrintReply } from '../../protocol/device-config.ts'
import { printerProblemOf, stopsPrinting } from '../../protocol/printer-problem.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import type { Printing } from './printing.ts'

/** The label a sample ticket carries: no real ticket has it (prefixes are letters, numbers three digits). */
export const SAMPLE_LABEL = 'TEST-000'

/**
 * Prints a sample ticket on a device's printer (a kiosk's or a stand-alone one) through the same
 * path as a citizen's ticket, and says what became of it: printed, or the printer's problem
 * (protocol/printer-problem.ts). A job that failed with no status problem known (the printer
 * never answered) is `not-answering`. NO_PRINTER when the device has none configured.
 */
export async function testPrint(printing: Printing, config: Config, deviceId: number, statusUrl: string): Promise<TestPrintReply> {
  const job = printing.printNow(deviceId, {
    centerName: config.centerName,
    serviceName: { ar: 'تجربة طباعة', en: 'Test print' },
    label: SAMPLE_LABEL,
    issuedAt: Date.now(),
    timeZone: config.timeZone,
    peopleAhead: 0,
    estimatedWaitSeconds: null,
    statusUrl,
    digits: config.screens.digits,
  })
  if (!job) throw domainError(ErrorCodes.NO_PRINTER, `device ${deviceId} has no printer configured`)
  const { outcome, status } = await job
  const known = status ? printerProblemOf(status) : null
  if (outcome.outcome === 'printed') return { printed: true, problem: known }
  return { printed: false, problem: stopsPrinting(known) ? known : 'not-answering', detail: outcome.reason }
}
