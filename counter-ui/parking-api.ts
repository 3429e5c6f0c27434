/**
 * The console's parking calls (issue 21): the parked list with the park settings, parking the
 * counter's current ticket, and resuming a parked one at this counter. Failures are ApiError
 * (with the stable code) or NetworkError, as in console-api.ts.
 */
import type { CounterActionResult } from '../protocol/entities.ts'
import type { ParkBody, ParkedList } from '../protocol/parking.ts'
import { requestJson } from '../ui-common/api-client.ts'
import { apiUrl } from '../ui-common/base-path.ts'

/** GET /tickets/parked: the settings (max minutes, reasons) and the parked tickets of the clerk's services. */
export function fetchParked(base: string, token: string): Promise<ParkedList> {
  return requestJson(apiUrl(base, '/tickets/parked'), { token })
}

/** POST /counters/:id/park: the counter's current ticket is set aside; the counter is free. */
export function parkCurrent(base: string, token: string, counterId: number, body: ParkBody): Promise<CounterActionResult> {
  return requestJson(apiUrl(base, `/counters/${counterId}/park`), { method: 'POST', token, body })
}

/** POST /counters/:id/resume-parked: the parked ticket is called to this counter now. */
export function resumeParked(base: string, token: string, counterId: number, ticketId: string): Promise<CounterActionResult> {
  return requestJson(apiUrl(base, `/counters/${counterId}/resume-parked`), { method: 'POST', token, body: { ticketId } })
}
