import { TicketJobWorker } from '../../drivers/printer/job-worker.ts'
import type { TicketFontFiles } from '../../drivers/printer/fonts.ts'

let worker: TicketJobWorker | null = null
let fonts: TicketFontFiles | undefined
/** Printers open in this process: the thread is stopped when the last one closes. */
let holders = 0

/**
 * The process's one ticket renderer thread, shared by every printer in it (a center per box;
 * a host with several centers shares it, with the fonts of the last one configured). Created
 * here, started at the first printer that needs it.
 */
export function ticketJobWorker(): TicketJobWorker {
  worker ??= new TicketJobWorker({ fonts })
  return worker
}

/** A printer uses the thread until the returned release is called (once); the last release stops it, freeing its ~40 MB. */
export function holdTicketJobWorker(): () => void {
  holders++
  let released = false
  return () => {
    if (released) return
    released = true
    holders--
    if (holders > 0) return
    const old = worker
    worker = null
    void old?.close()
  }
}

/** The font files of the center's config (`printing.fonts`), for the thread started next. */
export function useTicketFonts(files: TicketFontFiles | undefined): void {
  const chosen = files && Object.values(files).some(Boolean) ? files : undefined
  if (JSON.stringify(chosen ?? null) === JSON.stringify(fonts ?? null)) return
  fonts = chosen
  // a thread started with other fonts is replaced (a test starting centers with different configs)
  const old = worker
  worker = null
  void old?.close()
}
