/**
 * A file a staff screen downloads (CSV reports): fetched with the session's bearer token, since
 * a plain link cannot send it and a token never goes into a URL, then saved from a Blob URL.
 */
import { ApiError, NetworkError } from './api-client.ts'
import { sessionEnded, type StaffSession } from './staff-session.ts'

/**
 * Fetches `url` and saves it as `name` (or, with `serverName`, under the name the server's
 * Content-Disposition gives; `name` when it gives none). A refused token ends the session.
 */
export async function downloadFile(session: StaffSession, url: string, name: string, serverName = false): Promise<void> {
  const token = session.token
  let res: Response
  try {
    res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' })
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err))
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string }
    const err = new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText)
    if (sessionEnded(err)) session.refused(token)
    throw err
  }
  const given = serverName ? /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] : undefined
  const href = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = href
  a.download = given ?? name
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 60_000)
}
