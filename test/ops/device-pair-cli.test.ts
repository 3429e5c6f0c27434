import { afterEach, describe, expect, it, vi } from 'vitest'
import { rmSync } from 'node:fs'
import { TestCenter } from '../helpers/test-center.ts'
import { deviceCommand } from '../../server/cli/device.ts'

/**
 * `tabour device pair` on a device that never pairs (a printer, board or keypad) says so, as
 * POST /devices/:id/pairing-code answers 422: a code for one paired nothing (walk s48).
 */
describe('tabour device pair', () => {
  let dataDir: string | null = null
  afterEach(() => {
    vi.restoreAllMocks()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = null
  })

  it('refuses a printer, and still makes a code for a kiosk', async () => {
    const center = await TestCenter.start()
    dataDir = center.dataDir
    const admin = await center.admin()
    const printer = (await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'printer', name: 'Reception' } })).json()
    const kiosk = (await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'kiosk', name: 'Entrance' } })).json()
    await center.app.close()

    const printed: string[] = []
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line))
    await expect(deviceCommand(['pair', String(printer.id), '--data-dir', dataDir])).rejects.toThrow(
      /printer Reception \(id \d+\) never pairs: the server opens it itself/,
    )
    expect(printed).toEqual([])
    expect(await deviceCommand(['pair', String(kiosk.id), '--data-dir', dataDir])).toBe(0)
    expect(printed[0]).toMatch(/^pairing code for kiosk Entrance \(id \d+\): [A-Z0-9]{8}$/)
  })
})
