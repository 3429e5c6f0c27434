/**
 * Why a ticket's paper did not come out, by the printer's problem code (protocol/printer-problem.ts);
 * a failure without one: the job itself failed. One set of words for the ticket tools' history
 * ("Not printed · the printer is not answering") and the staff screens' alert on a failed job.
 */
import type { Catalogue } from './format.ts'
import { PRINTER_PROBLEMS } from '../printer-problem.ts'

export const PRINT_PROBLEM_MESSAGES = {
  'printProblem.not-answering': { ar: 'الطابعة لا تستجيب', en: 'the printer is not answering' },
  'printProblem.bad-status-reply': { ar: 'الطابعة ترد بحالة غير مفهومة', en: 'the printer answers its status check with garbage' },
  'printProblem.cover-open': { ar: 'غطاء الطابعة مفتوح', en: 'the printer cover is open' },
  'printProblem.paper-out': { ar: 'نفد ورق الطابعة', en: 'the printer is out of paper' },
  'printProblem.printer-error': { ar: 'عطل في الطابعة', en: 'the printer reports an error' },
  'printProblem.offline': { ar: 'الطابعة غير متصلة', en: 'the printer is offline' },
  'printProblem.paper-near-end': { ar: 'ورق الطابعة على وشك النفاد', en: 'the printer paper is running low' },
  'printProblem.failed': { ar: 'تعذّرت الطباعة', en: 'the print job failed' },
} as const satisfies Catalogue

/** The key of the words for a printer problem code; anything else (none, unknown): the job failed. */
export function printProblemKey(problem: unknown): keyof typeof PRINT_PROBLEM_MESSAGES {
  return (PRINTER_PROBLEMS as readonly unknown[]).includes(problem)
    ? (`printProblem.${problem as (typeof PRINTER_PROBLEMS)[number]}` as const)
    : 'printProblem.failed'
}
