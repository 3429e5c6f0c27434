import { describe, expect, it } from 'vitest'
import { SEPARATOR } from '../../protocol/messages/separator.ts'
import { MESSAGES_CONFIG_MESSAGES } from '../../protocol/messages/messages-config.ts'
import { PRINT_REPORT_MESSAGES } from '../../protocol/messages/print-report.ts'
import { STAFF_APPOINTMENT_MESSAGES } from '../../protocol/messages/staff-appointments.ts'
import { TICKET_TOOLS_MESSAGES } from '../../protocol/messages/ticket-tools.ts'
import { TICKET_MESSAGES } from '../../protocol/messages/ticket.ts'
import { WEBHOOK_MESSAGES } from '../../protocol/messages/webhooks.ts'
import { toArabicIndic } from '../../ui-common/digits.ts'

/**
 * Walk finding 15: the separator between two parts of a line must not be read as a digit in
 * either digit set. "·" (U+00B7) and "•" are drawn like the Arabic-Indic zero ٠; "." and "|" like
 * a Western dot or an Arabic-Indic one ١.
 */
describe('the one separator', () => {
  it('holds no character that looks like a digit in Western or Arabic-Indic digits', () => {
    const lookalikes = ['·', '•', '.', '|', 'l', 'I', '٠', '١', '٫', '٬', ...'0123456789', ...toArabicIndic('0123456789')]
    for (const c of lookalikes) expect(SEPARATOR, c).not.toContain(c)
    expect(SEPARATOR.trim()).not.toBe('')
  })
})

/**
 * The catalogues whose lines put a figure, a time or a ticket's priority next to a separator
 * (the paper ticket's priority line, the console's walk-in and appointment badges, the printed
 * day line, the webhook and SMS counters). Their messages must be constant strings for the
 * build, so they write the separator out; this keeps them to the same one.
 */
describe('messages that separate figures', () => {
  const catalogues = {
    TICKET_MESSAGES,
    TICKET_TOOLS_MESSAGES,
    STAFF_APPOINTMENT_MESSAGES,
    PRINT_REPORT_MESSAGES,
    WEBHOOK_MESSAGES,
    MESSAGES_CONFIG_MESSAGES,
  }
  it('use the one separator, never "·"', () => {
    for (const [name, catalogue] of Object.entries(catalogues)) {
      for (const [key, text] of Object.entries(catalogue as Record<string, { ar: string; en: string }>)) {
        expect(text.ar, `${name} ${key} ar`).not.toContain('·')
        expect(text.en, `${name} ${key} en`).not.toContain('·')
      }
    }
  })
})
