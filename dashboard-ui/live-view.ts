/**
 * `<tabour-live-view>`: the center now. KPI cards (waiting, longest wait, served, averages and
 * 90th percentiles, SLA, no-show), the tickets waiting with nobody to call them, the services' lines, the counters (who is at each and what
 * it serves), the hourly charts against earlier weeks, and device health with the last backup.
 * Properties in (the session's state); nothing fetched here.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { Counter, ServiceWithQueue } from '../protocol/entities.ts'
import { cancelledByPeople, type DeviceHealth, type HourlySeries, type StatsToday } from '../protocol/stats.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import { printerAlertText } from '../protocol/messages/printer-alerts.ts'
import { printProblemKey } from '../protocol/messages/print-problem.ts'
import type { PrinterStatusReport } from '../protocol/device-config.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { BackupStatus } from './dashboard-api.ts'
import { deskStyles, tableScroll } from './dashboard-styles.ts'
import { servedInWords } from './served-services.ts'
import { counterCell } from './counter-name.ts'
import { isolate, nameIn } from '../ui-common/bilingual.ts'
import { unservedLines, unservedServiceText } from './unserved-lines.ts'
import { duration, num, percent, timeOrMoment } from './format.ts'
import { dashboardText, figureLabel, type DashboardMessageKey } from '../protocol/messages/dashboard.ts'
import { drawsALine } from './hour-chart.ts'
import type { FailedJobAlert, PrinterAlert } from '../ui-common/printer-alerts.ts'
import '../ui-common/printer-alert-banner.ts'
import './away-counter.ts'
import './messages-card.ts'
import './feedback-card.ts'
import type { DashboardApi } from './dashboard-api.ts'
import './webhook-alerts.ts'
import './provider-health.ts'
import { messagesCardText } from '../protocol/messages/messages-card.ts'
import './origin-waits-card.ts'
import { deviceVerdict, lastHeard, SCREEN_SILENT_MS, watchedSince } from '../protocol/device-verdict.ts'
import { serviceLabel } from '../ui-common/service-label.ts'
import { servedOutcomesLine } from './served-by-outcome.ts'
import './past-target-alert.ts'
import { currentTicketCell, pausedDetail, type Clock } from './counter-now.ts'
import { waitByHour } from './wait-by-hour.ts'
import { RenderTicker } from '../ui-common/render-ticker.ts'
// a thing's own name in a language (its two fields); nameIn here is a typed name's part (bilingual.ts)
import { nameIn as nameOf } from '../protocol/name-in-language.ts'

const PALETTE = ['#003a70', '#c8102e', '#0f7b3f', '#b25e00', '#6a1b9a', '#00838f', '#5d4037', '#455a64']

@customElement('tabour-live-view')
export class LiveView extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      /* eleven figures: six and five in a row at a desk (five a row left the cancellations alone on a third) */
      .kpis {
        display: grid;
        grid-template-columns: repeat(6, minmax(0, 1fr));
        gap: 0.75rem;
      }
      @media (max-width: 900px) {
        .kpis {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
      }
      .kpi {
        display: flex;
        flex-direction: column;
        gap: 0.15rem;
        padding-block: 0.7rem;
      }
      .kpi .label {
        font-size: 0.9rem;
        color: var(--tabour-muted);
        font-weight: 600;
      }
      .kpi .value {
        font-size: 2.1rem;
        font-weight: 700;
        line-height: 1.15;
        color: var(--tabour-fg);
        font-variant-numeric: tabular-nums;
      }
      .kpi .note {
        font-size: 0.85rem;
        color: var(--tabour-muted);
      }
      .kpi[data-tone='bad'] .value {
        color: var(--bad);
      }
      .kpi[data-tone='ok'] .value {
        color: var(--ok);
      }
      /* side by side only where each table gets the width its columns need (48rem); else one above the
         other, full width: at 1366 px both were wider than their half of the row (walk 2026-12-05) */
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 48rem), 1fr));
        gap: 1rem;
        align-items: start;
      }
      .charts {
        display: grid;
        grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr) minmax(0, 1fr);
        gap: 1rem;
      }
      .prefix {
        display: inline-block;
        min-inline-size: 2.2rem;
        text-align: center;
        font-weight: 700;
        color: var(--tabour-on-primary);
        background: var(--tabour-primary);
        border-radius: 6px;
        margin-inline-end: 0.4rem;
      }
      .unserved {
        border-inline-start: 4px solid var(--bad);
      }
      .unserved ul {
        margin: 0;
        padding-inline-start: 1.2rem;
        display: grid;
        gap: 0.3rem;
      }
      .devices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: center;
      }
      .device {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      /* a printer's last ticket that did not print: the alert's red, so it is not read past */
      .device [data-last-job='failed'] {
        color: var(--bad);
        font-weight: 600;
      }
      /* a line past its target: the row's start edge in the alert's red, beside the count in words */
      tr[data-past-target] > td:first-child {
        border-inline-start: 4px solid var(--bad);
      }
      .now {
        display: flex;
        flex-direction: column;
        gap: 0.15rem;
      }
      /* "since 11:29 AM (201 min)" on one line: broken, "(201" and "min)" parted */
      .now [data-now-since] {
        white-space: nowrap;
      }
      /* every counter in sight: the manager watches them all, and at 1920 px, beside the services, seven ran
         past the box's 32rem, the last ones below its edge (walk s55); the page scrolls instead. Sideways the
         box still scrolls when it must. A clerk's name whole: «أحمد / حسن» took two lines there */
      .table-scroll:has(> table[data-table='counters']) {
        max-block-size: none;
      }
      td[data-col='clerk'] {
        white-space: nowrap;
      }
      .paused-detail {
        display: flex;
        flex-direction: column;
        font-size: 0.85rem;
        color: var(--tabour-muted);
      }
    `,
  ]

  @property({ attribute: false }) stats: StatsToday | null = null
  @property({ attribute: false }) hourly: HourlySeries | null = null
  @property({ attribute: false }) counters: Counter[] = []
  @property({ attribute: false }) services: ServiceWithQueue[] = []
  @property({ attribute: false }) devices: DeviceHealth[] = []
  /** The kiosk printers' alerts, shown above everything; default none. */
  @property({ attribute: false }) printerAlerts: readonly PrinterAlert[] = []
  /** Printers whose last ticket job failed; default none. */
  @property({ attribute: false }) failedJobs: readonly FailedJobAlert[] = []
  @property({ attribute: false }) backups: BackupStatus | null = null
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  /** The center's zone: last-seen times are the center's wall clock, not the browser's. Default Africa/Cairo. */
  @property() timeZone = 'Africa/Cairo'
  @property({ type: Number }) now = Date.now()
  /** When `stats` arrived by this PC's clock (epoch ms; 0: unknown): the longest waits count on from it, second by second, until the next read. */
  @property({ type: Number }) statsAt = 0
  /** The session's count of live refreshes: the cards that read on their own read again with it. */
  @property({ type: Number }) revision = 0
  /** For a manager's actions on a counter (closing an away one); default none. */
  @property({ attribute: false }) api: DashboardApi | null = null

  constructor() {
    super()
    // the longest waits are m:ss and grow with no event: read every 20 s they stood a minute behind
    // for up to 20 s ("7:47" after 8:00 had passed; walk s54), so they count on each second here
    new RenderTicker(this, 1000)
  }

  /** A longest wait as of now: the server's figure plus the time since it was read (waiting tickets keep waiting; a call pushes a new read). */
  private aged(seconds: number | null | undefined): number | null {
    if (seconds === null || seconds === undefined) return null
    return this.statsAt > 0 ? seconds + Math.max(0, Math.floor((Date.now() - this.statsAt) / 1000)) : seconds
  }

  override render(): TemplateResult {
    const s = this.stats
    if (!s) return html`<p>${dashboardText('common.loading', this.lang)}</p>`
    return html`<tabour-printer-alert-banner .alerts=${this.printerAlerts} .failedJobs=${this.failedJobs} .lang=${this.lang} .timeZone=${this.timeZone} .digits=${this.digits} .now=${this.now}></tabour-printer-alert-banner>
      <tabour-webhook-alerts .api=${this.api} .lang=${this.lang} .timeZone=${this.timeZone} .digits=${this.digits}></tabour-webhook-alerts>
      <tabour-past-target-alert .services=${s.services} .lang=${this.lang} .digits=${this.digits}></tabour-past-target-alert>
      ${this.kpis(s)} ${this.unservedCard(s)}
      <div class="row">${this.servicesTable(s)} ${this.countersTable(s)}</div>
      <tabour-feedback-card .api=${this.api} .trigger=${s} .lang=${this.lang} .digits=${this.digits}></tabour-feedback-card>
      <tabour-origin-waits-card .api=${this.api} .services=${this.services} .lang=${this.lang} .digits=${this.digits} .timeZone=${this.timeZone} .now=${this.now} .revision=${this.revision}></tabour-origin-waits-card>
      ${this.charts()} ${this.deviceCard()}
      <tabour-messages-card .api=${this.api} .lang=${this.lang} .digits=${this.digits} .timeZone=${this.timeZone}></tabour-messages-card>`
  }

  private kpis(s: StatsToday): TemplateResult {
    const { lang, digits } = this
    const tt = s.totals
    const card = (key: DashboardMessageKey, id: string, value: string, tone?: string, note?: TemplateResult) =>
      html`<div class="card kpi" data-kpi=${id} data-tone=${tone ?? nothing}><span class="label">${figureLabel(key, lang, digits)}</span><span class="value">${value}</span>${note ?? nothing}</div>`
    // which tickets the percentage covers, in words (the one definition: server/reports/figures.ts)
    const slaNote = html`<span class="note" data-sla-counted=${tt.slaCounted ?? nothing} title=${dashboardText('kpi.slaHelp', lang)}
      >${dashboardText('kpi.slaOf', lang, { n: tt.slaCounted ?? tt.called }, digits)}</span
    >`
    // "served" counts every finish whatever its outcome: the line under it says which (served-by-outcome.ts)
    const outcomes = s.servedByOutcome ? servedOutcomesLine(s.servedByOutcome, lang, digits) : null
    const servedNote = outcomes ? html`<span class="note" data-served-outcomes>${outcomes}</span>` : undefined
    // as the daily report: the citizens' and staff's cancellations, the closing's apart under them
    const closingNote =
      tt.cancelledAtClosing === undefined
        ? undefined
        : html`<span class="note" data-cancelled-at-closing=${tt.cancelledAtClosing}>${dashboardText('kpi.cancelledAtClosing', lang, { n: tt.cancelledAtClosing }, digits)}</span>`
    // parked tickets are not in "waiting": said under it, so they are seen somewhere (walk s54)
    const parkedNote = s.parkedNow
      ? html`<span class="note" data-parked-now=${s.parkedNow}>${dashboardText('kpi.parkedNow', lang, { n: s.parkedNow }, digits)}</span>`
      : undefined
    const slaTone = tt.slaPercent === null ? undefined : tt.slaPercent >= 80 ? 'ok' : tt.slaPercent < 60 ? 'bad' : undefined
    return html`<section class="kpis">
      ${card('kpi.waiting', 'waiting', num(tt.waiting, digits), undefined, parkedNote)} ${card('kpi.longest', 'longest', duration(this.aged(tt.longestWaitSeconds), digits))}
      ${card('kpi.issued', 'issued', num(tt.issued, digits))} ${card('kpi.served', 'served', num(tt.served, digits), undefined, servedNote)}
      ${card('kpi.sla', 'sla', percent(tt.slaPercent, digits, lang), slaTone, slaNote)} ${card('kpi.avgWait', 'avgWait', duration(tt.avgWaitSeconds, digits))}
      ${card('kpi.p90Wait', 'p90Wait', duration(tt.p90WaitSeconds ?? null, digits))} ${card('kpi.avgService', 'avgService', duration(tt.avgServiceSeconds, digits))}
      ${card('kpi.p90Service', 'p90Service', duration(tt.p90ServiceSeconds ?? null, digits))} ${card('kpi.noShow', 'noShow', percent(tt.noShowPercent ?? null, digits, lang))}
      ${card('kpi.cancelled', 'cancelled', num(cancelledByPeople(tt), digits), undefined, closingNote)}
    </section>`
  }

  /** Tickets waiting with nobody to call them (unserved-lines.ts); nothing when there are none. */
  private unservedCard(s: StatsToday): TemplateResult | typeof nothing {
    const lines = unservedLines(this.services, this.counters, s)
    if (lines.length === 0) return nothing
    const { lang, digits } = this
    return html`<section class="card unserved" role="status" data-unserved>
      <h2>${dashboardText('live.unserved', lang)}</h2>
      <ul>
        ${lines.map((l) =>
          l.kind === 'service'
            ? html`<li data-unserved-service=${l.prefix} data-waiting=${l.waiting} data-why=${l.away.length > 0 ? 'away' : 'none'}>
                <span class="prefix">${l.prefix}</span><strong>${nameOf(l, lang)}</strong>${l.active ? nothing : html` ${this.inactivePill()}`}:
                ${unservedServiceText(l, lang, digits)}
              </li>`
            : html`<li data-unserved-counter=${l.number} data-waiting=${l.waiting} data-why=${l.why}>
                <strong>${counterCell(l, lang, digits)}</strong>:
                ${dashboardText(
                  'live.unservedCounter',
                  lang,
                  { n: l.waiting, state: dashboardText(l.why === 'closed' ? 'live.unservedClosed' : 'live.unservedAway', lang) },
                  digits,
                )}
              </li>`,
        )}
      </ul>
    </section>`
  }

  private servicesTable(s: StatsToday): TemplateResult {
    const { lang, digits } = this
    return html`<section class="card">
      <h2>${dashboardText('live.services', lang)}</h2>
      ${tableScroll(
        dashboardText('live.services', lang),
        html`<table data-table="services">
        <thead>
          <tr>
            <th>${dashboardText('col.service', lang)}</th>
            <th class="n">${dashboardText('col.waiting', lang)}</th>
            <th class="n">${dashboardText('col.longest', lang)}</th>
            <th class="n">${dashboardText('col.target', lang)}</th>
            <th class="n">${dashboardText('col.issued', lang)}</th>
            <th class="n">${dashboardText('col.served', lang)}</th>
            <th class="n">${dashboardText('col.avgWait', lang)}</th>
            <th class="n">${figureLabel('col.p90Wait', lang, digits)}</th>
            <th class="n">${dashboardText('col.avgService', lang)}</th>
            <th class="n">${dashboardText('col.sla', lang)}</th>
          </tr>
        </thead>
        <tbody>
          ${s.services.map((r) => {
            // past its target: a red row edge and the count in words beside the longest wait (not colour alone)
            // …and at least its longest once that, counting on, passes the target before the next read
            const longest = this.aged(r.longestWaitSeconds)
            const late = Math.max(
              r.pastTarget ?? 0,
              longest !== null && r.targetWaitSeconds !== undefined && longest > r.targetWaitSeconds ? 1 : 0,
            )
            const inactive = this.services.find((x) => x.id === r.serviceId)?.active === false
            return html`<tr data-service=${r.prefix} data-past-target=${late > 0 ? late : nothing} ?data-inactive=${inactive}>
              <td><span class="prefix">${r.prefix}</span>${nameOf(r, lang)}${inactive ? html` ${this.inactivePill()}` : nothing}</td>
              <td class="n" data-col="waiting">${num(r.waiting, digits)}</td>
              <td class="n" data-col="longest">${duration(longest, digits)}${
                late > 0
                  ? html` <span class="pill" data-tone="bad">${dashboardText('live.pastTarget', lang, { n: late }, digits)}</span>`
                  : nothing
              }</td>
              <td class="n" data-col="target">${duration(r.targetWaitSeconds ?? null, digits)}</td>
              <td class="n" data-col="issued">${num(r.issued, digits)}</td>
              <td class="n" data-col="served">${num(r.served, digits)}</td>
              <td class="n">${duration(r.avgWaitSeconds, digits)}</td>
              <td class="n">${duration(r.p90WaitSeconds ?? null, digits)}</td>
              <td class="n">${duration(r.avgServiceSeconds, digits)}</td>
              <td class="n">${percent(r.slaPercent, digits, lang)}</td>
            </tr>`
          })}
        </tbody>
      </table>`,
      )}
      <p class="muted" data-durations-note>${dashboardText('live.durationsNote', lang, { example: duration(15 * 60, digits), minutes: 15 }, digits)}</p>
    </section>`
  }

  /** A deactivated service's mark, as the console's (it issues no tickets; those waiting are still called). */
  private inactivePill(): TemplateResult {
    return html`<span class="pill" data-tone="warn" data-inactive>${dashboardText('live.inactive', this.lang)}</span>`
  }

  private countersTable(s: StatsToday): TemplateResult {
    const { lang, digits } = this
    const byId = new Map(s.counters.map((c) => [c.counterId, c]))
    const counters = [...this.counters].filter((c) => c.active).sort((a, b) => a.number - b.number)
    const clock: Clock = { now: this.now, timeZone: this.timeZone, lang, digits }
    return html`<section class="card">
      <h2>${dashboardText('live.counters', lang)}</h2>
      ${tableScroll(
        dashboardText('live.counters', lang),
        html`<table data-table="counters">
        <thead>
          <tr>
            <th>${dashboardText('col.counter', lang)}</th>
            <th>${dashboardText('col.state', lang)}</th>
            <th>${dashboardText('col.clerk', lang)}</th>
            <th>${dashboardText('col.now', lang)}</th>
            <th>${dashboardText('col.serves', lang)}</th>
            <th class="n">${dashboardText('col.called', lang)}</th>
            <th class="n">${dashboardText('col.served', lang)}</th>
            <th class="n">${dashboardText('col.avgService', lang)}</th>
          </tr>
        </thead>
        <tbody>
          ${counters.map((c) => {
            const f = byId.get(c.id)
            const tone = c.state === 'open' ? 'ok' : c.state === 'paused' ? 'warn' : undefined
            return html`<tr data-counter=${c.number}>
              <td>${counterCell(c, lang, digits)}</td>
              <td><span class="pill" data-tone=${tone ?? nothing} data-state=${c.state}>${dashboardText(`state.${c.state}`, lang)}</span>
                ${pausedDetail(c, clock)}
                <tabour-away-counter .counter=${c} .api=${this.api} .lang=${lang} .digits=${digits} .now=${this.now} .timeZone=${this.timeZone}></tabour-away-counter></td>
              <td data-col="clerk">${c.clerk ? c.clerk.displayName || c.clerk.username : '—'}</td>
              <td data-col="now">${currentTicketCell(f?.current, clock)}</td>
              <td data-col="serves">${servedInWords(c.services, this.services, lang, digits)}</td>
              <td class="n">${num(f?.called ?? 0, digits)}</td>
              <td class="n">${num(f?.served ?? 0, digits)}</td>
              <td class="n">${duration(f?.avgServiceSeconds ?? null, digits)}</td>
            </tr>`
          })}
        </tbody>
      </table>`,
      )}
    </section>`
  }

  private charts(): TemplateResult | typeof nothing {
    const h = this.hourly
    if (!h) return nothing
    const { lang, digits } = this
    const perService = h.services.filter((s) => s.issued.some((v) => (v ?? 0) > 0))
    const empty = dashboardText('chart.empty', lang)
    const wait = waitByHour(h)
    return html`<section class="charts">
      <div class="card">
        <h2>${dashboardText(drawsALine({ values: h.baselineIssued }) || drawsALine({ values: h.baselineServed }) ? 'live.hourly' : 'live.hourlyToday', lang)}</h2>
        <tabour-hour-chart
          data-chart="hourly"
          .digits=${digits}
          .lang=${lang}
          .emptyText=${empty}
          .series=${[
            { label: dashboardText('chart.issued', lang), values: h.issued, color: '#003a70', fill: true },
            { label: dashboardText('chart.served', lang), values: h.served, color: '#0f7b3f' },
            { label: dashboardText('chart.baselineIssued', lang), values: h.baselineIssued, color: '#003a70', dash: true },
            { label: dashboardText('chart.baselineServed', lang), values: h.baselineServed, color: '#0f7b3f', dash: true },
          ]}
        ></tabour-hour-chart>
      </div>
      <div class="card">
        <h2>${dashboardText('live.waitByHour', lang)}</h2>
        <tabour-hour-chart
          data-chart="wait"
          .digits=${digits}
          .lang=${lang}
          .empty=${wait.empty !== null}
          .emptyText=${wait.empty === null ? '' : dashboardText(wait.empty, lang)}
          .series=${[{ label: dashboardText('chart.wait', lang), values: wait.minutes, color: '#c8102e', fill: true }]}
        ></tabour-hour-chart>
      </div>
      <div class="card">
        <h2>${dashboardText('live.perService', lang)}</h2>
        <tabour-hour-chart data-chart="per-service" .digits=${digits} .lang=${lang} .emptyText=${empty} .series=${perService.map((s, i) => ({ label: serviceLabel(s, lang), values: s.issued, color: PALETTE[i % PALETTE.length]! }))}></tabour-hour-chart>
      </div>
    </section>`
  }

  private deviceCard(): TemplateResult {
    const lang = this.lang
    // listed one by one are the devices in use; a revoked one is counted, so the card does not hide that a kiosk is out (walk s52)
    const revoked = this.devices.filter((d) => d.revoked).length
    const b = this.backups
    let backup: TemplateResult
    if (!b?.enabled) backup = html`<span class="pill" data-tone="warn" data-backup="off">${dashboardText('live.backupOff', lang)}</span>`
    else if (b.last && !b.last.ok)
      backup = html`<span class="pill" data-tone="bad" data-backup="failed">${dashboardText('live.backupFailed', lang)}</span>`
    else {
      const at = b.last?.at ?? b.files?.[0]?.at
      backup = at
        ? html`<span class="pill" data-tone="ok" data-backup="ok">${timeOrMoment(at, this.now, this.timeZone, lang, this.digits)}</span>`
        : html`<span class="pill" data-tone="warn">${dashboardText('live.backupNever', lang)}</span>`
    }
    return html`<section class="card">
      <h2>${dashboardText('live.devices', lang)}</h2>
      <div class="devices">
        ${this.devices.length === 0 ? html`<span class="muted">${dashboardText('live.noDevices', lang)}</span>` : nothing}
        ${revoked > 0 ? html`<span class="device muted" data-devices-revoked=${revoked}>${dashboardText('live.revoked', lang, { n: revoked }, this.digits)}</span>` : nothing}
        ${this.devices
          .filter((d) => !d.revoked)
          .map((d) => {
            const health = deviceVerdict(d, this.now)
            // a screen is seen when it calls; a printer when it last answered; a board or keypad when the server last reported on its line
            const seen = lastHeard(d)
            // the admin's text in the page's language where it is written in both, isolated (ui-common/bilingual.ts)
            return html`<span class="device" data-device=${d.id} data-health=${health.key}>
              <strong>${nameIn(d.name, lang)}</strong> <span class="muted">${dashboardText(`kind.${d.kind}` as DashboardMessageKey, lang)}</span>
              <span class="pill" data-tone=${health.tone}>${dashboardText(health.key, lang, { minutes: SCREEN_SILENT_MS / 60_000 }, this.digits)}</span>
              <span class="muted" data-seen>${this.seenText(d, seen)}</span>
              ${this.lastJob(d)}
            </span>`
          })}
        <span class="device"><strong>${dashboardText('live.backup', lang)}</strong> ${backup}</span>
        <span class="device" data-device="messages"><strong>${messagesCardText('msgs.health.name', lang)}</strong>
          <tabour-provider-health .api=${this.api} .lang=${lang} .digits=${this.digits} .timeZone=${this.timeZone}></tabour-provider-health></span>
      </div>
    </section>`
  }

  /** When a device was last heard from, or why there is no time to give (protocol/device-verdict.ts lastHeard). */
  private seenText(d: DeviceHealth, seen: string): string {
    const lang = this.lang
    if (!seen.startsWith('health.')) return timeOrMoment(seen, this.now, this.timeZone, lang, this.digits)
    const since = seen === 'health.notHeard' ? watchedSince(d) : null
    return since === null
      ? dashboardText(seen as DashboardMessageKey, lang)
      : dashboardText('health.notHeardSince', lang, { time: timeOrMoment(since, this.now, this.timeZone, lang, this.digits) })
  }

  /** A printer's last ticket job (kiosk or stand-alone): printed when, or not and why; nothing before its first. */
  private lastJob(d: DeviceHealth): TemplateResult | typeof nothing {
    const job = (d.status?.printer as PrinterStatusReport | undefined)?.lastJob
    if (!job?.at) return nothing
    const lang = this.lang
    const values = { label: isolate(job.label ?? '?'), time: timeOrMoment(job.at, this.now, this.timeZone, lang, this.digits) }
    return job.outcome === 'printed'
      ? html`<span class="muted" data-last-job="printed">${dashboardText('health.lastPrinted', lang, values)}</span>`
      : html`<span data-last-job="failed" data-problem=${job.problem ?? 'failed'}
          >${dashboardText('health.lastFailed', lang, { ...values, why: printerAlertText(printProblemKey(job.problem), lang) })}</span
        >`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-live-view': LiveView
  }
}
