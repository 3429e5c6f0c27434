import { describe, expect, it } from 'vitest'
import type { PrinterStatusReport } from '../../protocol/device-config.ts'
import { PRINTER_PROBLEMS, printerProblemOf, stopsPrinting } from '../../protocol/printer-problem.ts'
import { printerDownBecause, printViewFor, reprintPossible } from '../../kiosk-ui/printer-state.ts'
import { BACK_SHOWN_MS, PrinterAlerts } from '../../ui-common/printer-alerts.ts'
import { printerAlertText } from '../../protocol/messages/printer-alerts.ts'

/** Issue 14, item 3: what the kiosk and the staff screens conclude from a printer report. */

const healthy: PrinterStatusReport = {
  reachable: true,
  online: true,
  coverOpen: false,
  paperNearEnd: false,
  paperOut: false,
  error: false,
  at: '2026-03-10T08:00:00Z',
}

describe('printer problem codes', () => {
  it('one stable code per condition, the most serious first; only paper-near-end lets tickets print', () => {
    expect(printerProblemOf(healthy)).toBeNull()
    expect(printerProblemOf({ ...healthy, reachable: false, online: false })).toBe('not-answering')
    expect(printerProblemOf({ ...healthy, badReply: true, error: true, online: false })).toBe('bad-status-reply')
    expect(printerProblemOf({ ...healthy, coverOpen: true, online: false, paperOut: true })).toBe('cover-open')
    expect(printerProblemOf({ ...healthy, paperOut: true, online: false })).toBe('paper-out')
    expect(printerProblemOf({ ...healthy, error: true })).toBe('printer-error')
    expect(printerProblemOf({ ...healthy, online: false })).toBe('offline')
    expect(printerProblemOf({ ...healthy, paperNearEnd: true })).toBe('paper-near-end')
    expect(PRINTER_PROBLEMS.filter(stopsPrinting)).toEqual(PRINTER_PROBLEMS.filter((p) => p !== 'paper-near-end'))
    expect(stopsPrinting(null)).toBe(false)
  })
})

describe('the kiosk: "take your printed ticket" only after its job printed', () => {
  it('a clean printer is not a print: nothing known until the job of this very ticket is reported', () => {
    expect(printViewFor(null, 't1')).toBeNull()
    expect(printViewFor(healthy, 't1')).toBeNull()
    expect(printViewFor({ ...healthy, lastJob: { ticketId: 't0', outcome: 'printed' } }, 't1')).toBeNull()
    expect(printViewFor({ ...healthy, lastJob: { ticketId: 't1', outcome: 'printed' } }, 't1')).toBe('printed')
  })

  it('a failed job, or a printer that stops before the outcome, is the photograph-this-screen notice', () => {
    expect(printViewFor({ ...healthy, lastJob: { ticketId: 't1', outcome: 'failed', reason: 'x' } }, 't1')).toBe('problem')
    expect(printViewFor({ ...healthy, paperOut: true, online: false }, 't1')).toBe('problem')
    expect(printViewFor({ ...healthy, reachable: false }, 't1')).toBe('problem')
    expect(printViewFor({ ...healthy, paperNearEnd: true }, 't1')).toBeNull()
  })

  it('the home screen shows a fault that stops printing, not a warning', () => {
    expect(printerDownBecause(null)).toBeNull()
    expect(printerDownBecause(healthy)).toBeNull()
    expect(printerDownBecause({ ...healthy, paperNearEnd: true })).toBeNull()
    expect(printerDownBecause({ ...healthy, coverOpen: true, online: false })).toBe('cover-open')
    expect(printerDownBecause({ ...healthy, reachable: false })).toBe('not-answering')
  })
})

describe('staff printer alerts', () => {
  it('a fault from the snapshot, a change pushed, "works again" for a while, then nothing', () => {
    let now = 1_000
    const alerts = new PrinterAlerts(() => now)
    alerts.applySnapshot([{ deviceId: 7, status: { ...healthy, paperOut: true, online: false, kioskName: 'Entrance' } }])
    expect(alerts.current()).toEqual([{ deviceId: 7, kiosk: 'Entrance', kind: 'kiosk', problem: 'paper-out', since: 1_000 }])
    // the same problem again keeps its start; a serial line's report is not a printer's
    now = 2_000
    alerts.apply(7, { printer: { ...healthy, paperOut: true, online: false, kioskName: 'Entrance' } })
    alerts.apply(9, { serial: { port: '/dev/ttyUSB0', open: false, badFrames: 0, at: '' } })
    expect(alerts.current()).toEqual([{ deviceId: 7, kiosk: 'Entrance', kind: 'kiosk', problem: 'paper-out', since: 1_000 }])
    // a second kiosk runs low: the stopped printer is listed first
    alerts.apply(3, { printer: { ...healthy, paperNearEnd: true } })
    expect(alerts.current().map((a) => [a.deviceId, a.kiosk, a.problem])).toEqual([
      [7, 'Entrance', 'paper-out'],
      [3, '#3', 'paper-near-end'],
    ])
    // paper back at 7: "works again" until BACK_SHOWN_MS have passed
    now = 3_000
    alerts.apply(7, { printer: { ...healthy, kioskName: 'Entrance' } })
    expect(alerts.current().find((a) => a.deviceId === 7)).toEqual({
      deviceId: 7,
      kiosk: 'Entrance',
      kind: 'kiosk',
      problem: null,
      since: 3_000,
    })
    now = 3_000 + BACK_SHOWN_MS
    expect(alerts.current().map((a) => a.deviceId)).toEqual([3])
    // a healthy printer that was never in trouble says nothing
    alerts.apply(5, { printer: healthy })
    expect(alerts.current().map((a) => a.deviceId)).toEqual([3])
    // a snapshot replaces everything (what was fixed meanwhile is simply gone)
    alerts.applySnapshot([{ deviceId: 3, status: healthy }])
    expect(alerts.current()).toEqual([])
  })

  it('a stand-alone printer is named as a printer, and its stop does not promise the kiosk screen', () => {
    const alerts = new PrinterAlerts(() => 1_000)
    alerts.apply(4, { printer: { ...healthy, paperOut: true, online: false, kioskName: 'Reception', deviceKind: 'printer' } })
    alerts.apply(7, { printer: { ...healthy, coverOpen: true, kioskName: 'Entrance' } })
    const [reception, entrance] = [alerts.current().find((a) => a.deviceId === 4)!, alerts.current().find((a) => a.deviceId === 7)!]
    expect([reception.kind, entrance.kind]).toEqual(['printer', 'kiosk'])
    const words = (a: typeof reception, lang: 'ar' | 'en') => [
      printerAlertText(`printerAlert.${a.problem!}`, lang, { kiosk: a.kiosk, kind: a.kind }),
      printerAlertText('printerAlert.stopped', lang, { kind: a.kind }),
    ]
    expect(words(reception, 'en')).toEqual(['Printer “Reception”: the printer is out of paper', 'Tickets sent to it are not printed'])
    expect(words(reception, 'ar')).toEqual(['الطابعة «Reception»: نفد ورق الطابعة', 'لا تُطبع التذاكر المرسلة إليها'])
    expect(words(entrance, 'en')).toEqual([
      'Kiosk “Entrance”: the printer cover is open',
      'Tickets are not printed; they are shown on the kiosk screen only',
    ])
  })
})

describe('the kiosk: "staff can reprint it" only when some printer could (reprintPossible, walk finding 2)', () => {
  const failed = (ticketId: string): PrinterStatusReport => ({ ...healthy, lastJob: { ticketId, outcome: 'failed' } })

  it('no printer heard from, or only ones that cannot print: no reprint', () => {
    expect(reprintPossible([], 't1')).toBe(false)
    expect(
      reprintPossible(
        [
          { ...healthy, paperOut: true, online: false },
          { ...healthy, reachable: false, online: false },
        ],
        't1',
      ),
    ).toBe(false)
  })

  it('the printer that just failed this very ticket is not counted, even if it now looks healthy; one that failed another ticket is', () => {
    expect(reprintPossible([failed('t1')], 't1')).toBe(false)
    expect(reprintPossible([failed('t0')], 't1')).toBe(true)
    expect(reprintPossible([failed('t1'), healthy], 't1')).toBe(true)
  })

  it('a printer near the end of its paper still prints: a reprint is possible', () => {
    expect(reprintPossible([{ ...healthy, paperNearEnd: true }], 't1')).toBe(true)
    expect(
      reprintPossible(
        new Map([
          [7, { ...healthy, coverOpen: true, online: false }],
          [8, healthy],
        ]).values(),
        't1',
      ),
    ).toBe(true)
  })
})
