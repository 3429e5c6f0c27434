/** `npm run bench`: runs every benchmark and prints its figures (never a pass/fail). */
import { bundleSizeBench } from './bundle-size.bench.ts'
import { callToDisplayBench } from './call-to-display.bench.ts'
import { tapToPrinterBench } from './tap-to-printer.bench.ts'
import { ticketIssueBench } from './ticket-issue.bench.ts'
import { hubIngestBench } from './hub-ingest.bench.ts'
import { reportLatencyBench } from './report-latency.bench.ts'

bundleSizeBench()
await ticketIssueBench()
await callToDisplayBench()
await tapToPrinterBench()
await hubIngestBench()
reportLatencyBench()
