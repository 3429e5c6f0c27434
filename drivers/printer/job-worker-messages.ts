import type { TicketContent } from './ticket-content.ts'
import type { JobOptions } from './escpos-job.ts'
import type { TicketFontFiles } from './fonts.ts'

/** What the renderer thread is started with. */
export interface WorkerSetup {
  /** Font files that replace the bundled ones (the center's `printing.fonts`); absent: the bundled ones. */
  fonts?: TicketFontFiles
}

/** One job for the renderer thread. */
export interface JobRequest {
  id: number
  content: TicketContent
  options: JobOptions
}

/** What the renderer thread posts: once `ready` (with the font problem, if any), then one `job` reply per request. */
export type JobReply = { kind: 'ready'; error?: string } | { kind: 'job'; id: number; bytes?: Uint8Array; error?: string }
