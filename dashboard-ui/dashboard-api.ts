/**
 * What the dashboard asks the center, one small function per call; each takes the server's
 * base path and the user's token. Failures are ApiError (status, stable code, message) or NetworkError.
 */
import type { Counter, Device, ServiceWithQueue, User } from '../protocol/entities.ts'
import type { DeviceHealth, HourlySeries, Report, ReportGrouping, StatsToday } from '../protocol/stats.ts'
import type { AuditEntry, PutSettingsBody, SettingsReply } from '../protocol/settings.ts'
import type { Role } from '../protocol/common.ts'
import { ApiError, NetworkError, requestJson } from '../ui-common/api-client.ts'
import { apiUrl } from '../ui-common/base-path.ts'

export interface LoginReply {
  token: string
  user: { id: number; username: string; role: Role }
}

export interface BackupStatus {
  enabled: boolean
  last?: { ok: boolean; at: string; error?: string | null } | null
  files?: { name: string; bytes: number; at: string }[]
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/** A bound client: the base path and the token once. */
export class DashboardApi {
  constructor(
    readonly base: string,
    public token: string | null = null,
  ) {}

  private call<T>(path: string, method: Method = 'GET', body?: unknown): Promise<T> {
    return requestJson<T>(apiUrl(this.base, path), { method, token: this.token, ...(body !== undefined ? { body } : {}) })
  }

  login(username: string, password: string): Promise<LoginReply> {
    return requestJson(apiUrl(this.base, '/auth/login'), { method: 'POST', body: { username, password } })
  }
  logout = () => this.call('/auth/logout', 'POST')
  me = () => this.call<User>('/auth/me')
  today = () => this.call<StatsToday>('/stats/today')
  hourly = () => this.call<HourlySeries>('/stats/hourly')
  devices = () => this.call<DeviceHealth[]>('/stats/devices')
  backups = () => this.call<BackupStatus>('/health/backups')
  report = (from: string, to: string, by: ReportGrouping) => this.call<Report>(`/stats/report?from=${from}&to=${to}&by=${by}`)
  services = () => this.call<ServiceWithQueue[]>('/services?all=true')
  counters = () => this.call<Counter[]>('/counters')
  users = () => this.call<User[]>('/users')
  deviceList = () => this.call<Device[]>('/devices')
  settings = () => this.call<SettingsReply>('/settings')
  audit = () => this.call<AuditEntry[]>('/settings/audit?limit=30')
  news = () => this.call<{ ar: string; en: string }>('/center/news')

  putSettings(body: PutSettingsBody): Promise<SettingsReply> {
    return requestJson(apiUrl(this.base, '/settings'), { method: 'PUT', token: this.token, body })
  }
  putNews(body: { ar: string; en: string }): Promise<unknown> {
    return requestJson(apiUrl(this.base, '/center/news'), { method: 'PUT', token: this.token, body })
  }
  /** POST or PATCH a resource of the configuration screens. */
  save<T>(path: string, method: 'POST' | 'PATCH', body: unknown): Promise<T> {
    return this.call<T>(path, method, body)
  }

  /** Downloads a CSV with the token (a plain link cannot send it) and saves it under `name`. */
  async download(path: string, name: string): Promise<void> {
    let res: Response
    try {
      res = await fetch(apiUrl(this.base, path), { headers: { authorization: `Bearer ${this.token}` }, cache: 'no-store' })
    } catch (err) {
      throw new NetworkError(String(err))
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string }
      throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText)
    }
    const url = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = url
    a.download = name
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}
