/**
 * Building one 80 mm ticket job (draw the Arabic raster, pack it, add the QR and the cut):
 * `buildTicketJob` as it is (pixels packed straight into `GS v 0` rows, drivers/printer/raster.ts)
 * against the former path in the same run (PNG encode, then node-thermal-printer decoding it and
 * making one object per pixel), and the drawing alone; and the same job built on the renderer
 * thread the server uses (drivers/printer/job-worker.ts: message round trip included). Target
 * (issue 22): ≤ 30 ms a job.
 */
import { pathToFileURL } from 'node:url'
import ThermalPrinterModule from 'node-thermal-printer'
import { buildTicketJob } from '../drivers/printer/escpos-job.ts'
import { TicketJobWorker } from '../drivers/printer/job-worker.ts'
import { renderTicket, renderTicketPixels } from '../drivers/printer/render-ticket.ts'
import { SAMPLE } from '../test/drivers/printer/fixtures.ts'

const { ThermalPrinter, PrinterTypes } = ThermalPrinterModule
const RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 30)

async function timed(run: () => unknown): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await run()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await run()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => +times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1)
  return { p50: at(50), p95: at(95) }
}

export async function ticketRenderBench(): Promise<void> {
  const options = { type: 'epson', widthMm: 80 } as const
  const job = await timed(() => buildTicketJob(SAMPLE, options))
  const draw = await timed(() => renderTicketPixels(SAMPLE, { widthMm: 80 }))
  const viaPng = await timed(async () => {
    const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' })
    await printer.printImageBuffer(renderTicket(SAMPLE, { widthMm: 80 }))
  })
  const worker = new TicketJobWorker()
  await worker.whenReady()
  const onThread = await timed(() => worker.build(SAMPLE, options))
  await worker.close()
  console.log(`\n## One 80 mm ticket job (Epson, ${RUNS} runs after 3 warm-ups)`)
  console.table([
    { case: 'buildTicketJob: draw + pack rows + QR + cut', 'p50 ms': job.p50, 'p95 ms': job.p95 },
    { case: 'the same on the renderer thread (what the server does)', 'p50 ms': onThread.p50, 'p95 ms': onThread.p95 },
    { case: 'the drawing alone (baseline)', 'p50 ms': draw.p50, 'p95 ms': draw.p95 },
    { case: 'before: draw + PNG + node-thermal-printer raster (raster only, no QR)', 'p50 ms': viaPng.p50, 'p95 ms': viaPng.p95 },
  ])
  console.log('target: ≤ 30 ms a job')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await ticketRenderBench()
