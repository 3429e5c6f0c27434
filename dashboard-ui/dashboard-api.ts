/**
 * What the dashboard asks the center, one small function per call, through the manager's
 * StaffSession (the bearer token, and a refused token ends the session whichever view asked).
 * Failures are ApiError (status, stable code, message) or NetworkError.
 */
import type { CenterBundleState } from '../protocol/config-bundle.ts'
import type { NationalService } from '../protocol/national-catalogue.ts'
import type { FeedbackLive } from '../protocol/feedback.ts'
import type { ServiceSteps, StepFigures } from '../protocol/visit-steps.ts'
import type { RemoteFigures, RemoteServicesReply } from '../protocol/remote-join.ts'
import type { Counter, Device, ServiceWithQueue, User } from '../protocol/entities.ts'
import type { CenterInfo } from '../protocol/center.ts'
import type { TestPrintReply } from '../protocol/device-config.ts'
import type { DeviceHealth, HourlySeries, Report, ReportGrouping, ShiftReport, StatsToday } from '../protocol/stats.ts'
import type { PrinterTarget } from '../protocol/ticket-tools.ts'
import type { AuditEntry, PutSettingsBody, SettingsReply } from '../protocol/settings.ts'
import type { FinishOutcomesReply, PutFinishOutcomesBody } from '../protocol/finish-outcomes.ts'
import type { CenterCalendar, CalendarNow, HoursException } from '../protocol/calendar.ts'
import { apiUrl } from '../ui-common/base-path.ts'
import { downloadFile } from '../ui-common/staff-download.ts'
import type { StaffSession } from '../ui-common/staff-session.ts'
import type { ServiceGroup } from '../protocol/service-menu.ts'
import type { Static } from '@sinclair/typebox'
import type { MessagesToday } from '../protocol/citizen-messages.ts'
import type { AppointmentFigures } from '../protocol/appointment-figures.ts'

export interface BackupStatus {
  enabled: boolean
  last?: { ok: boolean; at: string; error?: string | null } | null
  files?: { name: string; bytes: number; at: string }[]
}

/** What an .ics import would change (POST /calendar/ics/preview). */
export interface IcsPreview {
  added: HoursException[]
  changed: { before: HoursException; after: HoursException }[]
  unchanged: HoursException[]
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** A bound client: the base path and the manager's session once. */
export class DashboardApi {
  constructor(
    readonly base: string,
    private readonly session: StaffSession,
    /** The center's clock (the session's, synced from each snapshot); this PC's own until a snapshot came. */
    private readonly clock: { now(): number } = { now: () => Date.now() },
  ) {}

  /**
   * The center's time now, epoch ms: what "today" and "how long ago" are read against on every
   * screen that has this client, not this PC's clock, which may be minutes or hours off (a form's
   * "today" a day off near midnight, a device "silent" because the PC runs ahead).
   */
  now = () => this.clock.now()

  private call<T>(path: string, method: Method = 'GET', body?: unknown): Promise<T> {
    return this.session.request<T>(apiUrl(this.base, path), { method, ...(body !== undefined ? { body } : {}) })
  }

  /** Any call by path, for a section that keeps its calls in its own file (dashboard-ui/config/webhooks-api.ts). */
  send = <T>(path: string, method: Method = 'GET', body?: unknown) => this.call<T>(path, method, body)
  logout = () => this.call('/auth/logout', 'POST')
  me = () => this.call<User>('/auth/me')
  today = () => this.call<StatsToday>('/stats/today')
  hourly = () => this.call<HourlySeries>('/stats/hourly')
  devices = () => this.call<DeviceHealth[]>('/stats/devices')
  messagesToday = () => this.call<Static<typeof MessagesToday>>('/messages/today')
  backups = () => this.call<BackupStatus>('/health/backups')
  feedbackLive = () => this.call<FeedbackLive>('/feedback/live')
  report = (from: string, to: string, by: ReportGrouping) => this.call<Report>(`/stats/report?from=${from}&to=${to}&by=${by}`)
  shift = (day: string, userId: number) => this.call<ShiftReport>(`/stats/shift?day=${day}&userId=${userId}`)
  center = () => this.call<CenterInfo>('/center')
  services = () => this.call<ServiceWithQueue[]>('/services?all=true')
  counters = () => this.call<Counter[]>('/counters')
  users = () => this.call<User[]>('/users')
  deviceList = () => this.call<Device[]>('/devices')
  printers = () => this.call<PrinterTarget[]>('/printers')
  settings = () => this.call<SettingsReply>('/settings')
  audit = () => this.call<AuditEntry[]>('/settings/audit?limit=30')
  news = () => this.call<{ ar: string; en: string }>('/center/news')
  /** The hub's configuration bundle running here and what it manages (issue 23). */
  configBundle = () => this.call<CenterBundleState>('/center/config-bundle')
  /** The hub's national service catalogue as this center last received it (issue 23). */
  /** A service's route of steps (visits with several steps) and setting it ([] removes it). */
  serviceSteps = (serviceId: number) => this.call<ServiceSteps>(`/services/${serviceId}/steps`)
  putServiceSteps = (serviceId: number, steps: number[]) => this.call<ServiceSteps>(`/services/${serviceId}/steps`, 'PUT', { steps })
  nationalCodes = () => this.call<{ version: string | null; services: NationalService[] }>('/services/national-codes')
  /** The kiosk menu's groups (issue 21; config/service-groups-config.ts). */
  serviceGroups = () => this.call<ServiceGroup[]>('/service-groups')
  deleteServiceGroup = (id: number) => this.call<null>(`/service-groups/${id}`, 'DELETE')
  remoteToday = () => this.call<RemoteFigures>('/remote/figures')
  /** The services a phone may join (the join page's list; empty when remoteJoin lists none). */
  remoteServices = () => this.call<RemoteServicesReply>('/remote/services')
  /** Appointment figures and waits by origin of local days from..to (issue 19). */
  appointmentFigures = (from: string, to: string) => this.call<AppointmentFigures>(`/stats/appointments?from=${from}&to=${to}`)
  /** Visits with several steps over a range of days (issue 21). */
  stepFigures = (from: string, to: string) => this.call<StepFigures>(`/stats/steps?from=${from}&to=${to}`)

  putSettings(body: PutSettingsBody): Promise<SettingsReply> {
    return this.call('/settings', 'PUT', body)
  }
  /** What clerks finish a ticket with, and whether the config file, this center or the hub sets it. */
  finishOutcomes = () => this.call<FinishOutcomesReply>('/center/finish-outcomes')
  putFinishOutcomes(body: PutFinishOutcomesBody): Promise<FinishOutcomesReply> {
    return this.call('/center/finish-outcomes', 'PUT', body)
  }
  putNews(body: { ar: string; en: string }): Promise<unknown> {
    return this.call('/center/news', 'PUT', body)
  }
  /** The opening hours (issue 18; dashboard-ui/hours-view.ts). */
  calendar = () => this.call<CenterCalendar>('/calendar')
  calendarNow = () => this.call<CalendarNow>('/calendar/now')
  putCalendar = (cal: CenterCalendar) => this.call<CenterCalendar>('/calendar', 'PUT', cal)
  icsPreview = (ics: string) => this.call<IcsPreview>('/calendar/ics/preview', 'POST', { ics })
  icsImport = (ics: string) => this.call<CenterCalendar>('/calendar/ics', 'POST', { ics })

  /** POST or PATCH a resource of the configuration screens. */
  save<T>(path: string, method: 'POST' | 'PATCH', body: unknown): Promise<T> {
    return this.call<T>(path, method, body)
  }

  /**
   * Prints a sample ticket on a device's printer and says what became of it. Waits up to 30 s: a
   * printer that never answers takes the driver's connect timeout and retries (about 15 s) to give up.
   */
  testPrint(deviceId: number): Promise<TestPrintReply> {
    return this.session.request(apiUrl(this.base, `/devices/${deviceId}/test-print`), { method: 'POST', body: {}, timeoutMs: 30_000 })
  }

  /** Downloads a CSV with the token (a plain link cannot send it) and saves it under the server's file name (which carries the center's zone), else `name`. */
  download(path: string, name: string): Promise<void> {
    return downloadFile(this.session, apiUrl(this.base, path), name, true)
  }
}
