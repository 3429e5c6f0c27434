/**
 * What the display asks the center over HTTP besides what every paired screen asks
 * (ui-common/device-api.ts); each takes the server's base path and the display's device
 * token. Failures are ApiError or NetworkError.
 */
import type { BoardSnapshot } from '../protocol/board-snapshot.ts'
import type { CenterInfo, MediaItem } from '../protocol/center.ts'
import type { DisplaySoundReport } from '../protocol/device-config.ts'
import type { CalendarNow } from '../protocol/calendar.ts'
import { requestJson } from '../ui-common/api-client.ts'
import { apiUrl } from '../ui-common/base-path.ts'

/** GET /center: the parts the display uses. */
export type DisplayCenter = Pick<CenterInfo, 'nameAr' | 'nameEn' | 'timeZone' | 'digits'>

/** GET /devices/me/snapshot: the board the display's socket would get as its snapshot, with the feed's seq (issue 22). */
export function fetchBoard(base: string, token: string): Promise<BoardSnapshot> {
  return requestJson(apiUrl(base, '/devices/me/snapshot'), { token })
}

/** The images and videos of the center's media folder; URLs are absolute paths under the base. */
export function fetchMedia(base: string, token: string): Promise<MediaItem[]> {
  return requestJson(apiUrl(base, '/media'), { token })
}

/** POST /devices/me/status: the display's own health (its sound), which staff see in the device list. */
export async function reportStatus(base: string, token: string, report: DisplaySoundReport): Promise<void> {
  await requestJson(apiUrl(base, '/devices/me/status'), { method: 'POST', token, body: report })
}

/** GET /calendar/now: whether the center is open, when it opens or closes (issue 18), and its date. */
export function fetchHoursNow(base: string, token: string): Promise<CalendarNow> {
  return requestJson(apiUrl(base, '/calendar/now'), { token })
}
