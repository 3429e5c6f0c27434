import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../server/config.ts'
import { openTicketPrinter, type TicketJobOutcome, type TicketPrinterConfig } from '../../../drivers/printer/index.ts'
import { TestCenter } from '../../helpers/test-center.ts'
import { runTabour } from '../../ops/cli-runner.ts'
import { SAMPLE } from '../../drivers/printer/fixtures.ts'

const dir = mkdtempSync(join(tmpdir(), 'tabour-printer-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function configFile(name: string, content: unknown): string {
  const file = join(dir, name)
  writeFileSync(file, JSON.stringify(content))
  return file
}

describe('a config file naming a ticket font that is not there fails the start, naming the field', () => {
  it('refuses a missing file, a folder and a file that is not a font; accepts a real font file', () => {
    const missing = join(dir, 'no-such-font.ttf')
    const cases: [Record<string, string>, RegExp][] = [
      [{ arabic: missing }, /\/printing\/fonts\/arabic ".*no-such-font\.ttf" does not exist/],
      [{ latin: dir }, /\/printing\/fonts\/latin ".*" is not a file/],
      [{ arabic: configFile('not-a-font.ttf', { hello: 1 }) }, /\/printing\/fonts\/arabic ".*not-a-font\.ttf" is not a font file/],
    ]
    for (const [fonts, message] of cases) {
      const file = configFile('bad.json', { printing: { fonts } })
      expect(() => loadConfig({ env: {}, file }), JSON.stringify(fonts)).toThrow(ConfigError)
      expect(() => loadConfig({ env: {}, file })).toThrow(message)
    }
    const naskh = createRequire(import.meta.url).resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2')
    const good = loadConfig({ env: {}, file: configFile('good.json', { printing: { fonts: { arabic: naskh } } }) })
    expect(good.printing.fonts.arabic).toBe(naskh)
    expect(() => loadConfig({ env: {}, file: configFile('typo.json', { printing: { font: {} } }) })).toThrow(/\/printing\/font/)
  })

  it('`tabour start` exits 2 with the message, before opening anything', { timeout: 30_000 }, async () => {
    const dataDir = join(dir, 'data')
    const file = configFile('start.json', { dataDir, printing: { fonts: { arabic: '/usr/share/fonts/none/Missing.ttf' } } })
    const result = await runTabour(['start', '--config', file])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('tabour: invalid config: /printing/fonts/arabic "/usr/share/fonts/none/Missing.ttf" does not exist')
  })
})

describe('a printer of an unknown type', () => {
  let center: TestCenter | null = null
  afterEach(async () => {
    await center?.close()
    center = null
  })

  it('is refused when the dashboard saves it, with the field and the reason', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const kiosk = await center.createDevice('kiosk')
    const res = await center.request('PATCH', `/api/v1/devices/${kiosk.id}`, {
      token,
      body: { config: { printer: { type: 'zebra', interface: 'tcp://127.0.0.1:9100', widthMm: 80 } } },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'TABOUR_ERR_VALIDATION', field: 'config/printer/type' })
    expect(res.json().reason).toBeTypeOf('string')
  })

  it('stored by hand or by an older version, never prints as Epson: its jobs fail and its status names the field', async () => {
    const printer = openTicketPrinter({ type: 'zebra', interface: 'memory', widthMm: 80 } as unknown as TicketPrinterConfig, {
      pollIntervalMs: 50,
    })
    const outcome = await new Promise<TicketJobOutcome>((resolve) => printer.print(SAMPLE, resolve))
    expect(outcome).toMatchObject({ outcome: 'failed' })
    expect(outcome.outcome === 'failed' && outcome.reason).toContain('printer/type "zebra" is not a printer type: epson or star')
    const status = await new Promise<{ reachable: boolean; detail?: string }>((resolve) => printer.watch(resolve))
    expect(status.reachable).toBe(false)
    expect(status.detail).toContain('printer/type')
    await printer.close()
  })
})
