/**
 * The words beside the ticket log's codes (ticket-log.ts): a ticket's status as the staff ticket
 * tools say it, its finish outcome as the reports name it, its priority category by the center's
 * name for it, in the CSV's language. The codes stay in their own columns for scripts; an Arabic
 * file whose «الحالة» column read `no_show` and `done` said less than the report beside it (s51).
 */
import type { TicketStatus } from '../../protocol/ticket-lifecycle.ts'
import type { CsvLang } from '../../protocol/csv.ts'
import type { FinishOutcome, PriorityCategory } from '../../protocol/entities.ts'
import { csvText } from '../../protocol/messages/csv.ts'
import { outcomeName } from '../../protocol/messages/finish-outcome-name.ts'
import { ticketToolsText } from '../../protocol/messages/ticket-tools.ts'
import { NO_PRIORITY } from '../../protocol/call-candidate.ts'
import { nameIn } from '../../protocol/name-in-language.ts'
import { outcomeColumnOf } from './served-by-outcome.ts'

/** Names of a ticket log's codes in one language, from the center's outcomes and categories now. */
export interface TicketLogWords {
  status(code: TicketStatus): string
  /** Null for a ticket not finished with one (empty cell); a finish with none recorded says so, as the reports do. */
  outcome(code: string | null, status: string): string | null
  /** Null for an ordinary ticket (`none`). */
  priority(code: string): string | null
}

export function ticketLogWords(
  lang: CsvLang,
  finishOutcomes: readonly FinishOutcome[],
  categories: readonly PriorityCategory[],
): TicketLogWords {
  const byCode = new Map(categories.map((c) => [c.code, c]))
  // a few codes over up to a year of lines: each formatted once
  const statuses = new Map<TicketStatus, string>()
  return {
    status: (code) => {
      let word = statuses.get(code)
      if (word === undefined) statuses.set(code, (word = ticketToolsText(`tools.status.${code}`, lang)))
      return word
    },
    // no CSV isolates: the marks would be text in a cell
    outcome: (code, status) =>
      code !== null || status === 'done' ? outcomeName(outcomeColumnOf(code, finishOutcomes), lang, false) : null,
    priority: (code) => {
      if (code === NO_PRIORITY) return null
      const c = byCode.get(code)
      if (!c) return csvText('ticket.priorityRemoved', lang, { code })
      return nameIn(c, lang)
    },
  }
}
