/**
 * The ticket renderer's thread (job-worker.ts starts it): registers the fonts once, then builds
 * each job it is sent (draw, pack raster rows, QR, cut) and posts the bytes back, so the canvas
 * work never runs on the server's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { buildTicketJob } from './escpos-job.ts'
import { registerTicketFonts } from './fonts.ts'
import { describeError } from './transport-error.ts'
import type { JobReply, JobRequest, WorkerSetup } from './job-worker-messages.ts'

const port = parentPort
if (!port) throw new Error('job-worker-entry.ts runs only as a worker thread (see job-worker.ts)')

let fontProblem: string | null = null
try {
  registerTicketFonts((workerData as WorkerSetup | undefined)?.fonts)
} catch (err) {
  fontProblem = describeError(err)
}
port.postMessage({ kind: 'ready', ...(fontProblem ? { error: fontProblem } : {}) } satisfies JobReply)

port.on('message', async (request: JobRequest) => {
  let reply: JobReply
  try {
    if (fontProblem) throw new Error(fontProblem)
    const bytes = await buildTicketJob(request.content, request.options)
    reply = { kind: 'job', id: request.id, bytes }
  } catch (err) {
    reply = { kind: 'job', id: request.id, error: describeError(err) }
  }
  port.postMessage(reply)
})
