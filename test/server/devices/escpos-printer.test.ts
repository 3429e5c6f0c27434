import { describe, expect, it } from 'vitest'
import { openEscPosPrinter } from '../../../server/devices/escpos-printer.ts'
import type { TicketJobOutcome } from '../../../drivers/printer/index.ts'

describe('openEscPosPrinter (the driver loads at the first printer)', () => {
  it('a job queued while the driver loads is rendered and sent once it has loaded', { timeout: 30_000 }, async () => {
    // memory: the real driver (canvas, ESC/POS), no device
    const printer = openEscPosPrinter({ type: 'epson', interface: 'memory', widthMm: 80 })
    const outcome = await new Promise<TicketJobOutcome>((resolve) =>
      printer.print(
        {
          centerName: { ar: 'مركز', en: 'Center' },
          serviceName: { ar: 'خدمة', en: 'Service' },
          label: 'A-001',
          issuedAt: Date.UTC(2026, 0, 1, 8),
          timeZone: 'Africa/Cairo',
          peopleAhead: 0,
          estimatedWaitSeconds: null,
          statusUrl: 'http://127.0.0.1/t/1',
          digits: 'western',
        },
        resolve,
      ),
    )
    expect(outcome).toEqual({ outcome: 'printed' })
    await printer.close()
  })
})
