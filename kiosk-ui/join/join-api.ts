/**
 * What the join page asks the center (server/routes/remote/): the services a phone may join,
 * and the join itself. No token: both are public.
 */
import { MOBILE_PATTERN, type RemoteJoinBody, type RemoteJoinReply, type RemoteServicesReply } from '../../protocol/remote-join.ts'
import { requestJson } from '../../ui-common/api-client.ts'
import { apiUrl } from '../../ui-common/base-path.ts'

/** The join page's and the poster's view, from the last folder of the URL. */
export type JoinView = 'ar' | 'en' | 'poster'

/** `<base>/join/<view>/` → its base and view; the Arabic page for anything else under /join. */
export function parseJoinPath(pathname: string): { base: string; view: JoinView } {
  const m = /^(.*)\/join(?:\/(ar|en|poster))?\/?$/.exec(pathname)
  return m ? { base: m[1], view: (m[2] as JoinView | undefined) ?? 'ar' } : { base: '', view: 'ar' }
}

/** The services a phone may join now, the center's name and the poster's link. */
export function fetchRemoteServices(base: string): Promise<RemoteServicesReply & { joinUrl: string }> {
  return requestJson(apiUrl(base, '/remote/services'), { timeoutMs: 8000 })
}

/** Joins; rejects with ApiError carrying the refusal's code (protocol/messages/join.ts joinErrorKey). */
export function joinLine(base: string, body: RemoteJoinBody): Promise<RemoteJoinReply> {
  return requestJson(apiUrl(base, '/remote/join'), { method: 'POST', body, timeoutMs: 10_000 })
}

/** What the citizen typed as a mobile number, compacted (spaces, dashes, Arabic-Indic digits), or null when it is not one. */
export function typedMobile(typed: string): string | null {
  const compact = typed.replace(/[\s-]/g, '').replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
  return new RegExp(MOBILE_PATTERN).test(compact) ? compact : null
}
