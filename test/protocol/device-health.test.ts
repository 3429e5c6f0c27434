import { describe, expect, it } from 'vitest'
import { isFaulty, type DeviceHealthReport, type PrinterStatusReport } from '../../protocol/device-health.ts'
import { printerHealth, serialHealth } from '../helpers/device-health.ts'

describe('isFaulty', () => {
  it('no report yet is not a fault', () => {
    expect(isFaulty(null)).toBe(false)
    expect(isFaulty(undefined)).toBe(false)
  })

  it('a healthy printer is not faulty; paper running low is a warning, not a fault', () => {
    expect(isFaulty(printerHealth())).toBe(false)
    expect(isFaulty(printerHealth({ paperNearEnd: true }))).toBe(false)
    expect(isFaulty(printerHealth({ lastJob: { ticketId: 't1', outcome: 'printed' } }))).toBe(false)
  })

  const faults: [string, Partial<PrinterStatusReport>][] = [
    ['unreachable', { reachable: false }],
    ['offline', { online: false }],
    ['cover open', { coverOpen: true }],
    ['out of paper', { paperOut: true }],
    ['in error', { error: true }],
    ['out of paper and offline, as a real printer reports it', { paperOut: true, online: false, paperNearEnd: true }],
  ]
  it.each(faults)('a printer %s is faulty', (_, flags) => {
    expect(isFaulty(printerHealth(flags))).toBe(true)
  })

  it('a failed last job alone does not make a reachable, ready printer faulty', () => {
    expect(isFaulty(printerHealth({ lastJob: { ticketId: 't1', outcome: 'failed', reason: 'timeout' } }))).toBe(false)
  })

  it('the driver status without a report time is judged the same way (printing decides with it)', () => {
    const flags = { reachable: true, online: true, coverOpen: false, paperOut: true, error: false }
    expect(isFaulty({ printer: flags })).toBe(true)
    expect(isFaulty({ printer: { ...flags, paperOut: false } })).toBe(false)
  })

  it('a display is faulty while the browser blocks its sound', () => {
    const at = '2026-01-01T08:00:00.000Z'
    const report = (sound: 'ok' | 'blocked'): DeviceHealthReport => ({ display: { sound, lastError: 'autoplay', at } })
    expect(isFaulty(report('blocked'))).toBe(true)
    expect(isFaulty(report('ok'))).toBe(false)
  })

  it('a serial board or keypad is faulty while its port is closed, whatever else it reports', () => {
    expect(isFaulty(serialHealth({ open: true }))).toBe(false)
    expect(isFaulty(serialHealth({ open: false, lastError: 'ENOENT: no such file' }))).toBe(true)
    expect(isFaulty(serialHealth({ open: false }))).toBe(true)
    // an open line that saw garbage or a refused key press still works
    expect(isFaulty(serialHealth({ open: true, badFrames: 3, lastBadFrame: { kind: 'checksum', at: '2026-03-10T09:00:00Z' } }))).toBe(false)
    expect(
      isFaulty(serialHealth({ open: true, lastKey: { key: 'N', ok: false, reason: 'nobody waiting', at: '2026-03-10T09:00:00Z' } })),
    ).toBe(false)
    expect(isFaulty(serialHealth({ open: true, lastError: 'baud rate conflict' }))).toBe(false)
  })
})
