import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { decodeJob } from '../../helpers/escpos-decode.ts'
import { FakePrinter } from '../../drivers/printer/fake-printer.ts'
import { openTicketPrinter } from '../../../drivers/printer/index.ts'
import { centerAddress, lanAddress } from '../../../server/center-address.ts'
import type { PrinterFactory } from '../../../server/devices/printer-handle.ts'

const quickPrinter: PrinterFactory = (config) => openTicketPrinter(config, { pollIntervalMs: 50, queue: { retries: 1, backoffMs: 10 } })

/** A real request whose Host (and X-Forwarded-Host) header says another site: fetch would not let a test forge Host. */
function postWithHost(base: string, path: string, token: string, body: unknown, host: string): Promise<{ status: number; body: any }> {
  const url = new URL(path, base)
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          host,
          'x-forwarded-host': host,
          'x-forwarded-proto': 'https',
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = ''
        res.on('data', (c) => {
          text += c
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

describe('the ticket QR follows the configured address, never the Host header (issue 16 item 9)', () => {
  const open: { close(): Promise<void> }[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((x) => x.close()))
  })

  it('a forged Host reaches neither the answer nor the printed QR nor the ticket search', async () => {
    const printer = await FakePrinter.start()
    open.push(printer)
    const center = await TestCenter.start({ deps: { openPrinter: quickPrinter } })
    open.push(center)
    const service = await center.createService({ prefix: 'A' })
    const device = (
      await center.request('POST', '/api/v1/devices', {
        token: await center.admin(),
        body: { kind: 'kiosk', name: 'entrance', config: { printer: { type: 'epson', interface: printer.url, widthMm: 80 } } },
      })
    ).json()
    const kiosk = (await center.request('POST', '/api/v1/devices/pair', { body: { pairingCode: device.pairingCode } })).json().token
    const base = await center.listen()

    const issued = await postWithHost(base, '/api/v1/tickets', kiosk, { serviceId: service.id }, 'evil.example:666')
    expect(issued.status).toBe(201)
    // the configured host (127.0.0.1) and the port the center listens on
    expect(issued.body.statusUrl).toBe(`${base}/t/${issued.body.id}`)
    await printer.waitForJobs(1)
    expect(decodeJob(printer.jobs[0]!).qrPayloads).toEqual([`${base}/t/${issued.body.id}`])

    const { token: clerk } = await center.createUser('clerk1')
    const found = await fetch(`${base}/api/v1/tickets/search?q=${issued.body.label}`, { headers: { authorization: `Bearer ${clerk}` } })
    const matches = (await found.json()) as { statusUrl: string }[]
    expect(matches.map((m) => m.statusUrl)).toEqual([`${base}/t/${issued.body.id}`])
  })

  it('publicUrl wins; else the scheme, host and port of the config, the LAN address for a wildcard host', () => {
    const tls = { certFile: undefined, keyFile: undefined } as never
    expect(centerAddress({ publicUrl: 'https://queue.center.example/', host: '0.0.0.0', port: 8080, tls })).toBe(
      'https://queue.center.example',
    )
    expect(centerAddress({ host: '0.0.0.0', port: 8080, tls })).toBe(`http://${lanAddress()}:8080`)
    expect(centerAddress({ host: '10.1.2.3', port: 8080, tls }, { port: 8443 })).toBe('http://10.1.2.3:8443')
    // embedded in a host app that listens elsewhere than config.host: where the server is bound
    expect(centerAddress({ host: '0.0.0.0', port: 8080, tls }, { address: '10.9.8.7', port: 3000 })).toBe('http://10.9.8.7:3000')
    expect(centerAddress({ host: '10.1.2.3', port: 8080, tls }, { address: '::', port: 3000 })).toBe('http://10.1.2.3:3000')
    expect(centerAddress({ host: 'fd00::5', port: 80, tls })).toBe('http://[fd00::5]:80')
    expect(centerAddress({ host: 'queue.lan', port: 8443, tls: { certFile: '/c.pem', keyFile: '/k.pem' } as never })).toBe(
      'https://queue.lan:8443',
    )
  })
})
