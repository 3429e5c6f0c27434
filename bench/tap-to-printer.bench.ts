/**
 * Tap → printer: from the kiosk's POST /tickets to the last byte of the job at a fake network
 * printer on loopback (the Arabic raster render, the ESC/POS encoding, the TCP send). Baseline in
 * the same run: sending the same job's bytes over a fresh TCP connection with nothing else, so
 * the difference is what issuing and drawing the ticket cost. Tickets are issued one at a time,
 * as a kiosk does (a citizen, a tap, a ticket).
 */
import { connect } from 'node:net'
import { FakePrinter } from '../test/drivers/printer/fake-printer.ts'
import { TestCenter } from '../test/helpers/test-center.ts'

const TICKETS = Number(process.env.BENCH_TICKETS ?? 30)
const WARMUP = 3

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const row = (name: string, samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b)
  return {
    case: name,
    samples: s.length,
    'p50 ms': +percentile(s, 50).toFixed(1),
    'p95 ms': +percentile(s, 95).toFixed(1),
    'max ms': +s[s.length - 1].toFixed(1),
  }
}

/** Sends `bytes` to the printer on a new connection; resolves when the printer has recorded the job. */
async function sendRaw(printer: FakePrinter, bytes: Buffer): Promise<void> {
  const before = printer.jobs.length
  await new Promise<void>((resolve, reject) => {
    const socket = connect(printer.port, '127.0.0.1', () => socket.end(bytes, resolve))
    socket.on('error', reject)
  })
  await printer.waitForJobs(before + 1)
}

export async function tapToPrinterBench(): Promise<void> {
  const printer = await FakePrinter.start()
  const center = await TestCenter.start()
  const service = await center.createService({ prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits' })
  const device = (
    await center.request('POST', '/api/v1/devices', {
      token: await center.admin(),
      body: { kind: 'kiosk', name: 'entrance', config: { printer: { type: 'epson', interface: printer.url, widthMm: 80 } } },
    })
  ).json()
  const token = (await center.request('POST', '/api/v1/devices/pair', { body: { pairingCode: device.pairingCode } })).json().token as string
  const url = await center.listen()

  const tapToLastByte: number[] = []
  for (let i = -WARMUP; i < TICKETS; i++) {
    const before = printer.jobs.length
    const start = performance.now()
    const res = await fetch(`${url}/api/v1/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: service.id }),
    })
    if (res.status !== 201) throw new Error(`issue: ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
    await printer.waitForJobs(before + 1)
    if (i >= 0) tapToLastByte.push(performance.now() - start)
  }

  const job = printer.jobs[printer.jobs.length - 1]
  const rawSend: number[] = []
  for (let i = -WARMUP; i < TICKETS; i++) {
    const start = performance.now()
    await sendRaw(printer, job)
    if (i >= 0) rawSend.push(performance.now() - start)
  }
  await center.close()
  await printer.close()

  console.log(
    `\n## Tap → printer (${TICKETS} tickets one after another, an 80 mm Arabic raster job of ${(job.length / 1024).toFixed(1)} KB, fake TCP printer on loopback)`,
  )
  const rows = [
    row('the same job bytes sent over a new TCP connection', rawSend),
    row('POST /tickets → last byte at the printer (render + encode + send)', tapToLastByte),
  ]
  console.table(rows)
}
