/** `npm run bench`: runs every benchmark and prints its figures (never a pass/fail). */
import { bundleSizeBench } from './bundle-size.bench.ts'
import { kioskStartBench } from './kiosk-start.bench.ts'
import { callToDisplayBench } from './call-to-display.bench.ts'
import { callOnScreenBench } from './call-on-screen.bench.ts'
import { tapToPrinterBench } from './tap-to-printer.bench.ts'
import { ticketIssueBench } from './ticket-issue.bench.ts'
import { reportLatencyBench } from './report-latency.bench.ts'
import { busyDayBench } from './busy-day.bench.ts'
import { startUpBench } from './start-up.bench.ts'
import { compiledServerBench } from './compiled-server.bench.ts'
import { ticketRenderBench } from './ticket-render.bench.ts'
import { bookingErasureBench } from './booking-erasure.bench.ts'
import { hubStartBench } from './hub-start.bench.ts'
import { rmSync } from 'node:fs'
import findLocalPostgres from '../test/global-setup.ts'

bundleSizeBench()
// right after the fresh UI build above, which it serves
await kioskStartBench()
await ticketIssueBench()
await callToDisplayBench()
await callOnScreenBench()
await tapToPrinterBench()
await ticketRenderBench()
// the hub bench also runs on PostgreSQL when the tests' local server answers (or TABOUR_TEST_PG_URL
// is set); its harness reads the variable on import, so it is imported after the lookup
await findLocalPostgres()
const { hubIngestBench } = await import('./hub-ingest.bench.ts')
await hubIngestBench()
await hubStartBench()
reportLatencyBench()
bookingErasureBench()
// the busy day leaves its database for the start-up bench to start a server on
const busyDay = await busyDayBench({ keepDataDir: true })
try {
  await startUpBench({ busyDayDir: busyDay.dataDir })
} finally {
  if (busyDay.dataDir) rmSync(busyDay.dataDir, { recursive: true, force: true })
}
await compiledServerBench()
