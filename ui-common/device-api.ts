/**
 * What every paired screen asks the center about itself, with its device token. Failures are
 * ApiError (with the stable code) or NetworkError.
 */
import type { CenterInfo } from '../protocol/center.ts'
import type { Device } from '../protocol/entities.ts'
import { ApiError, requestJson } from './api-client.ts'
import { apiUrl } from './base-path.ts'

/** GET /center: the center's names, time zone, digits and priority categories. */
export function fetchCenter(base: string, token: string): Promise<CenterInfo> {
  return requestJson(apiUrl(base, '/center'), { token })
}

/** The screen's own device record (its zone and config); null when the server has no such route yet (404). */
export async function fetchOwnDevice(base: string, token: string): Promise<Device | null> {
  try {
    return await requestJson<Device>(apiUrl(base, '/devices/me'), { token })
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null
    throw err
  }
}
