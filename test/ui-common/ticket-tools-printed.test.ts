import { describe, expect, it } from 'vitest'
import { TicketTools } from '../../ui-common/ticket-tools.ts'
import { markup } from '../../server/first-screen/shadow-markup.ts'
import type { TicketToolsApi } from '../../ui-common/ticket-tools-api.ts'
import type { PrinterTarget, TicketMatch } from '../../protocol/ticket-tools.ts'

/**
 * s51: "sent to the printer" named the printer whole ("Reception printer · طابعة الاستقبال")
 * while the printer list above it names each by the screen's language; now the same part, and
 * again in the other language when the screen switches.
 */
describe("the ticket tools' reprint message", () => {
  it("names the printer by its part in the screen's language", async () => {
    const tools = new TicketTools()
    tools.lang = 'ar'
    tools.api = { reprint: async () => ({ printing: 'queued' }) } as unknown as TicketToolsApi
    const inside = tools as unknown as {
      printers: PrinterTarget[]
      selected: TicketMatch | null
      printerId: number | null
      reprint(): Promise<void>
      message: unknown
    }
    inside.printers = [{ deviceId: 7, kind: 'printer', name: 'Reception printer · طابعة الاستقبال', zone: null, health: 'ok' }]
    inside.selected = { ticket: { id: 't1', label: 'A-001' } } as TicketMatch
    inside.printerId = 7
    await inside.reprint()
    await new Promise((r) => setTimeout(r, 0))
    expect(inside.message).not.toBeNull()
    inside.selected = null
    const said = () => /data-message="tools.printed"[^>]*>([^<]*)</.exec(markup(tools.render()).replace(/<!--.*?-->/g, ''))?.[1]?.trim()
    expect(said()).toBe('أُرسلت التذكرة A-001 إلى الطابعة «\u2068طابعة الاستقبال\u2069».')
    tools.lang = 'en'
    expect(said()).toBe('Ticket A-001 sent to the printer “\u2068Reception printer\u2069”.')
  })
})
