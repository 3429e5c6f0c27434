/**
 * What the display asks the center over HTTP, one small function per call; each takes the
 * server's base path and the display's device token. Failures are ApiError or NetworkError.
 */
import type { CenterInfo, CenterNews, MediaItem } from '../protocol/center.ts'
import type { Device } from '../protocol/entities.ts'
import { requestJson } from '../ui-common/api-client.ts'
import { apiUrl } from '../ui-common/base-path.ts'

/** GET /center: the parts the display uses. */
export type DisplayCenter = Pick<CenterInfo, 'nameAr' | 'nameEn' | 'timeZone' | 'digits'>

export function fetchCenter(base: string, token: string): Promise<DisplayCenter> {
  return requestJson(apiUrl(base, '/center'), { token })
}

/** The display's own record: its zone and config. */
export function fetchOwnDevice(base: string, token: string): Promise<Device> {
  return requestJson(apiUrl(base, '/devices/me'), { token })
}

export function fetchNews(base: string, token: string): Promise<CenterNews> {
  return requestJson(apiUrl(base, '/center/news'), { token })
}

/** The images and videos of the center's media folder; URLs are absolute paths under the base. */
export function fetchMedia(base: string, token: string): Promise<MediaItem[]> {
  return requestJson(apiUrl(base, '/media'), { token })
}
