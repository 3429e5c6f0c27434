/**
 * `<tabour-hub-figures>`: the national figures of one date range (the summary): the key figures,
 * then by governorate (with a bar chart), by center (offline ones flagged) and by national service
 * (a center's service without a national code listed as that center's, never merged), and by hour
 * of the day (when the country is busiest; ranges up to 31 days). Sortable tables; each has a CSV link, downloaded by the page (`csv-download` event) so the token goes as
 * a header.
 */
import { LitElement, css, html, nothing, svg, type TemplateResult, unsafeCSS } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { themeStyles } from '../../ui-common/theme.ts'
import type { Lang } from '../../ui-common/i18n.ts'
import { hubText, type HubMessageKey } from '../../protocol/messages/hub.ts'
import type { DashboardCenter, DashboardRow, HubDashboard } from '../../protocol/hub-api.ts'
import { hubStyles } from './hub-styles.ts'
import { figureCells, nothingReported } from './figure-cells.ts'
import { hubFormat, hubDigits } from './hub-format.ts'
import { governorateName } from '../../protocol/governorates.ts'
import { MAX_HOUR_RANGE_DAYS } from '../../protocol/hub-analysis.ts'
import { activeOffline, centerState, STATE_BADGE } from './center-state.ts'
import { placeText } from './city-text.ts'
import { SEPARATOR } from '../../protocol/messages/separator.ts'

/** The by-governorate chart's two bars, named in its legend. */
const ISSUED_FILL = '#003a70'
const SERVED_FILL = '#ffc20e'

export type FigureTable = 'governorate' | 'center' | 'service'
/** The tables with a CSV link: the sortable ones and the hours of the day. */
export type CsvTable = FigureTable | 'hour'
type SortKey = 'name' | 'issued' | 'served' | 'avgWaitSeconds' | 'slaPercent' | 'noShow' | 'avgRating' | 'offline'
/** How an order is said, ascending then descending: by name, by being offline, by a figure. */
const ORDER_WORDS: Record<'name' | 'offline' | 'figure', [HubMessageKey, HubMessageKey]> = {
  name: ['order_name_asc', 'order_name_desc'],
  offline: ['order_online', 'order_offline'],
  figure: ['order_asc', 'order_desc'],
}

/** The header each sort key's column has (the name's is the table's own: governorate, center, service). */
const SORT_LABELS: Record<Exclude<SortKey, 'name'>, HubMessageKey> = {
  issued: 'issued',
  served: 'served',
  avgWaitSeconds: 'avgWait',
  slaPercent: 'sla',
  noShow: 'noShow',
  avgRating: 'avgRatingColumn',
  offline: 'status',
}

/** Asks the page to download a table's CSV. */
export type CsvDownloadEvent = CustomEvent<{ by: CsvTable }>

/**
 * Whether a center's figures of a range holding today lack what it has not sent: active, reported
 * once at least (one that never reported has no figures to be short of, and its row says so apart),
 * and offline, or online with batches still to send at a heartbeat after its last figures came (a
 * hub refusing or throttling its batches; one that came after the heartbeat may have carried them).
 * Its own row says so (incompleteToday) and its governorate's counts it: one rule for both (review
 * s44: a never-reported center was counted in its governorate's «1 center offline» while no row
 * under it said anything; an online center with a backlog was counted by neither).
 */
function missingToday(c: DashboardCenter, d: HubDashboard): boolean {
  if (!c.active || c.lastReportAt === null || d.to < d.today) return false
  const backlogSinceLastFigures = (c.outboxPending ?? 0) > 0 && c.lastContactAt !== null && c.lastReportAt < c.lastContactAt
  return c.offline || backlogSinceLastFigures
}

@customElement('tabour-hub-figures')
export class HubFigures extends LitElement {
  static override styles = [
    themeStyles,
    hubStyles,
    css`
      .chart-legend { display: flex; gap: 1rem; list-style: none; padding: 0; margin: 0.25rem 0; }
      .chart-legend li { display: flex; align-items: center; gap: 0.4rem; }
      .chart-legend .key { inline-size: 1rem; block-size: 0.7rem; display: inline-block; border: 1px solid #5a6b7d; }
      .chart-legend .issued { background: ${unsafeCSS(ISSUED_FILL)}; }
      .chart-legend .served { background: ${unsafeCSS(SERVED_FILL)}; }
      /* a line may break after the hour's en dash, no-break spaces or not (walk of 2026-12-06) */
      td.hour { white-space: nowrap; }
    `,
  ]

  @property({ attribute: false }) summary: HubDashboard | null = null
  @property() language: Lang = 'ar'
  /** The date range as a query string, for the CSV links. */
  @property() query = ''
  @state() private sort: Record<FigureTable, { key: SortKey; desc: boolean }> = {
    governorate: { key: 'issued', desc: true },
    center: { key: 'offline', desc: true },
    service: { key: 'issued', desc: true },
  }

  private t(key: HubMessageKey, values?: Record<string, string | number>): string {
    return hubText(key, this.language, values, hubDigits(this.language))
  }

  private sorted(table: FigureTable, rows: DashboardRow[], offline: (r: DashboardRow) => boolean = () => false): DashboardRow[] {
    const { key, desc } = this.sort[table]
    const f = hubFormat(this.language)
    // a row nothing was reported in sorts below every figure, 0 included
    const figure = (r: DashboardRow, v: number | null): number => (nothingReported(r) ? -2 : (v ?? -1))
    const value = (r: DashboardRow): number | string =>
      key === 'name' ? f.name(r) : key === 'offline' ? (offline(r) ? 1 : 0) * 1e12 + figure(r, r.issued) : figure(r, r[key])
    return [...rows].sort((a, b) => {
      const va = value(a)
      const vb = value(b)
      const c = typeof va === 'string' ? va.localeCompare(vb as string, this.language) : va - (vb as number)
      return desc ? -c : c
    })
  }

  private sortBy(table: FigureTable, key: SortKey): void {
    const cur = this.sort[table]
    this.sort = { ...this.sort, [table]: { key, desc: cur.key === key ? !cur.desc : key !== 'name' } }
  }

  private th(table: FigureTable, key: SortKey, label: HubMessageKey): TemplateResult {
    const cur = this.sort[table]
    const arrow = cur.key === key ? (cur.desc ? ' ▼' : ' ▲') : ''
    const numeric = key !== 'name' && key !== 'offline'
    return html`<th class=${numeric ? 'n' : ''} aria-sort=${cur.key === key ? (cur.desc ? 'descending' : 'ascending') : 'none'}><button data-sort=${key} @click=${() => this.sortBy(table, key)}>${this.t(label)}${arrow}</button></th>`
  }

  /** The table's order in words (its caption): the arrow in a header alone did not say the rows are not by name. */
  private sortCaption(table: FigureTable): TemplateResult {
    const { key, desc } = this.sort[table]
    const column = this.t(key === 'name' ? table : SORT_LABELS[key])
    const [ascending, descending] = ORDER_WORDS[key === 'name' || key === 'offline' ? key : 'figure']
    const order = desc ? descending : ascending
    return html`<caption class="sorted-by" data-sorted-by>${this.t('sortedBy', { column, order: this.t(order) })}</caption>`
  }

  private figureHeads(table: FigureTable): TemplateResult {
    return html`${this.th(table, 'issued', 'issued')}${this.th(table, 'served', 'served')}${this.th(table, 'avgWaitSeconds', 'avgWait')}${this.th(table, 'slaPercent', 'sla')}${this.th(table, 'noShow', 'noShow')}`
  }

  private csv(by: CsvTable): TemplateResult {
    const q = new URLSearchParams(this.query)
    q.set('by', by)
    q.set('lang', this.language)
    const download = (e: Event) => {
      e.preventDefault()
      this.dispatchEvent(new CustomEvent('csv-download', { detail: { by }, bubbles: true, composed: true }))
    }
    return html`<a class="csv" data-csv=${by} href=${`/api/hub/v1/figures.csv?${q}`} download @click=${download}>${this.t('csv')}</a>`
  }

  private chart(rows: DashboardRow[]): TemplateResult {
    const f = hubFormat(this.language)
    const top = [...rows].sort((a, b) => b.issued - a.issued).slice(0, 12)
    const max = Math.max(1, ...top.map((r) => r.issued))
    const rowH = 30
    const labelW = 150
    const width = 640
    const barW = width - labelW - 60
    const rtl = this.language === 'ar'
    /** A bar from the labels' side, its value written at its end: every series labelled, not only the first (walk of 2026-12-05). */
    const bar = (series: 'issued' | 'served', value: number, y: number, fill: string) => {
      const w = (value / max) * barW
      return svg`<rect x=${rtl ? width - labelW - w : labelW} y=${y} width=${w} height="12" fill=${fill}></rect>
        <text data-value=${series} x=${rtl ? width - labelW - w - 4 : labelW + w + 4} y=${y + 10} font-size="11" text-anchor=${rtl ? 'end' : 'start'}>${f.num(value)}</text>`
    }
    // plain SVG bars, laid out left to right in SVG coordinates and mirrored by hand in Arabic so
    // the bars grow from the right like the text (the svg itself is direction: ltr, so text-anchor means what it says)
    return html`<svg class="chart" role="img" aria-label=${this.t('chartTitle')} viewBox=${`0 0 ${width} ${top.length * rowH + 8}`}>
      ${top.map((r, i) => {
        const y = i * rowH + 4
        return svg`<g data-bar=${r.key}>
          <text x=${rtl ? width - 4 : 4} y=${y + 18} text-anchor=${rtl ? 'end' : 'start'}>${f.name(r)}</text>
          ${
            nothingReported(r)
              ? svg`<text data-value="no-data" x=${rtl ? width - labelW : labelW} y=${y + 18} text-anchor=${rtl ? 'end' : 'start'}>${this.t('noData')}</text>`
              : svg`${bar('issued', r.issued, y, ISSUED_FILL)}${bar('served', r.served, y + 13, SERVED_FILL)}`
          }
        </g>`
      })}
    </svg>`
  }

  private serviceName(r: DashboardRow): TemplateResult {
    const f = hubFormat(this.language)
    if (r.mapped !== false) return html`${f.name(r)}`
    const center = this.language === 'ar' ? (r.centerNameAr ?? '') : (r.centerNameEn ?? '')
    return html`${f.name(r)} <span class="tag" data-unmapped>${this.t('unmapped', { center })}</span>`
  }

  override render(): TemplateResult | typeof nothing {
    const d = this.summary
    if (!d) return nothing
    const f = hubFormat(this.language)
    const offline = activeOffline(d.centers)
    const status = new Map(d.centers.map((c) => [c.id, c]))
    // a governorate's figures are those of the centers that reported: how many of its centers that is
    // (the active ones, and a deactivated one that reported in the range) says whether its row is whole
    const centersIn = new Map<string, number>()
    for (const r of d.byCenter)
      if (status.get(r.key)?.active !== false || (r.reportingCenters ?? 0) > 0)
        centersIn.set(r.governorate ?? '', (centersIn.get(r.governorate ?? '') ?? 0) + 1)
    // a range holding today: the active centers offline in each governorate, whose figures since their last report are missing from its row
    const offlineIn = new Map<string, number>()
    // (the centers whose own rows say so: one rule, missingToday)
    for (const r of d.byCenter) {
      const c = status.get(r.key)
      if (c && missingToday(c, d)) offlineIn.set(r.governorate ?? '', (offlineIn.get(r.governorate ?? '') ?? 0) + 1)
    }
    // no center of the range sent figures (every governorate row says so): the key figures say "No
    // data" like the rows below, not a national 0 nobody reported
    const noneReported = d.byGovernorate.every(nothingReported) ? html`<span class="no-data" data-no-data>${this.t('noData')}</span>` : null
    // deferred rollups: the figures hold every batch stored before figuresAsOf; said only when that is before this answer
    const asOf =
      d.figuresAsOf < d.generatedAt
        ? html`<p class="as-of" data-figures-as-of role="status">${this.t('figuresAsOf', { time: f.time(d.figuresAsOf) })}</p>`
        : nothing
    return html`<main>
      ${asOf}
      <div class="kpis">
        <div class="kpi" data-kpi="issued"><div>${this.t('issued')}</div><div class="v">${noneReported ?? f.num(d.totals.issued)}</div></div>
        <div class="kpi" data-kpi="served"><div>${this.t('served')}</div><div class="v">${noneReported ?? f.num(d.totals.served)}</div></div>
        <div class="kpi" data-kpi="avgWait"><div>${this.t('avgWait')}</div><div class="v">${noneReported ?? f.minutes(d.totals.avgWaitSeconds)}</div></div>
        <div class="kpi" data-kpi="sla"><div>${this.t('sla')}</div><div class="v">${noneReported ?? f.percent(d.totals.slaPercent)}</div></div>
        <div class="kpi" data-kpi="appointmentWait" data-count=${d.totals.appointmentCalls}><div>${this.t('appointmentWait')}</div><div class="v">${f.minutes(d.totals.appointmentCalls > 0 ? d.totals.appointmentWaitSecondsSum / d.totals.appointmentCalls : null)}</div></div>
        <div class="kpi" data-kpi="avgRating" data-count=${d.totals.ratingCount}><div>${this.t('avgRating')}</div><div class="v">${f.num(d.totals.avgRating, 2)}</div></div>
        <div class="kpi ${offline.offline ? 'alert' : ''}" data-kpi="offline"><div>${this.t('centersOffline')}</div><div class="v">${f.num(offline.offline)} / ${f.num(offline.active)}</div></div>
      </div>
      <p class="muted" data-note="finished">${this.t('finishedNote')}</p>
      <section data-table="governorate">
        <h2>${this.t('byGovernorate')} ${this.csv('governorate')}</h2>
        ${this.chart(d.byGovernorate)}
        <ul class="chart-legend" data-chart-legend aria-label=${this.t('chartTitle')}>
          <li><span class="key issued"></span>${this.t('issued')}</li>
          <li><span class="key served"></span>${this.t('served')}</li>
        </ul>
        <table>
          ${this.sortCaption('governorate')}
          <thead><tr>${this.th('governorate', 'name', 'governorate')}<th class="n">${this.t('centersReporting')}</th>${this.figureHeads('governorate')}</tr></thead>
          <tbody>${this.sorted('governorate', d.byGovernorate).map(
            (r) =>
              html`<tr data-key=${r.key}><td>${f.name(r)}${this.governorateIncompleteToday(offlineIn.get(r.key) ?? 0)}</td><td class="n" data-col="reporting">${f.num(r.reportingCenters ?? 0)} / ${f.num(centersIn.get(r.key) ?? 0)}</td>${figureCells(r, f, this.t('noData'))}</tr>`,
          )}</tbody>
        </table>
      </section>
      <section data-table="center">
        <h2>${this.t('byCenter')} ${this.csv('center')}</h2>
        <table>
          ${this.sortCaption('center')}
          <thead><tr>${this.th('center', 'name', 'center')}<th>${this.t('governorate')}</th><th>${this.t('kind')}</th>${this.th('center', 'offline', 'status')}${this.figureHeads('center')}${this.th('center', 'avgRating', 'avgRatingColumn')}</tr></thead>
          <tbody>
            ${this.sorted('center', d.byCenter, (r) => status.get(r.key)?.offline ?? false).map((r) => {
              const c = status.get(r.key)
              const off = c?.offline ?? false
              const state = c ? centerState(c) : 'online'
              return html`<tr data-center-id=${r.key} data-offline=${off ? 'true' : 'false'} data-state=${state} class=${off ? 'offline' : ''}>
                <td>${f.name(r)}</td><td data-col="place">${c ? placeText(governorateName(r.governorate ?? '', this.language), c, this.language) : governorateName(r.governorate ?? '', this.language)}</td><td>${c ? this.t(`kind_${c.kind}` as HubMessageKey) : ''}</td>
                <td><span class="badge ${STATE_BADGE[state]}" title=${c?.lastContactAt ? `${this.t('lastReport')}: ${f.time(c.lastContactAt)}` : this.t('never')}>${this.t(state)}</span>${c ? this.incompleteToday(c, d) : nothing}</td>
                ${figureCells(r, f, this.t('noData'))}
                <td class="n" data-col="avgRating" data-count=${r.ratingCount}>${f.num(r.avgRating, 2)}</td>
              </tr>`
            })}
          </tbody>
        </table>
      </section>
      <section data-table="service">
        <h2>${this.t('byService')} ${this.csv('service')}</h2>
        <table>
          ${this.sortCaption('service')}
          <thead><tr>${this.th('service', 'name', 'service')}<th>${this.t('group')}</th>${this.figureHeads('service')}</tr></thead>
          <tbody>${this.sorted('service', d.byService).map(
            (r) =>
              html`<tr data-key=${r.key} data-mapped=${r.mapped === false ? 'false' : 'true'}><td>${this.serviceName(r)}</td><td>${(this.language === 'ar' ? r.groupAr : r.groupEn) ?? ''}</td>${figureCells(r, f, this.t('noData'))}</tr>`,
          )}</tbody>
        </table>
      </section>
      ${this.hoursOfTheDay(d)}
    </main>`
  }

  /**
   * A center's figures of a range holding today lack what it has not sent since its last report
   * (offline, or with a backlog: missingToday): said on its row, with when its last figures arrived and the batches its last heartbeat
   * said were still to send (walk of 2026-12-06: a row of today read as whole with 4 batches waiting).
   */
  private incompleteToday(c: DashboardCenter, d: HubDashboard): TemplateResult | typeof nothing {
    if (!missingToday(c, d) || c.lastReportAt === null) return nothing
    const f = hubFormat(this.language)
    const pending = c.outboxPending ?? 0
    return html`<span class="tag" data-incomplete>${this.t('incompleteToday', { time: f.time(c.lastReportAt) })}${
      pending > 0 ? `${SEPARATOR}${this.t('pendingBatches', { count: pending })}` : nothing
    }</span>`
  }

  /**
   * A governorate's row of a range holding today lacks what its offline or backlogged centers have not
   * sent: said with how many they are, as each of their rows says it (walk of 2026-12-06: a governorate holding
   * an offline center read as whole while the center's own row said "may be incomplete").
   */
  private governorateIncompleteToday(offline: number): TemplateResult | typeof nothing {
    if (offline === 0) return nothing
    return html` <span class="tag" data-incomplete>${this.t('incompleteGovernorateToday', { count: offline })}</span>`
  }

  /** By hour of the day, in the day's order: when the country (or the analyst's governorate) is busiest. */
  private hoursOfTheDay(d: HubDashboard): TemplateResult {
    const f = hubFormat(this.language)
    if (d.byHour === null)
      return html`<section data-table="hour"><h2>${this.t('byHourOfDay')}</h2><p data-hours-too-long>${this.t('byHourOfDayTooLong', { days: MAX_HOUR_RANGE_DAYS })}</p></section>`
    return html`<section data-table="hour">
      <h2>${this.t('byHourOfDay')} ${this.csv('hour')}</h2>
      <p>${this.t('byHourOfDayNote')}</p>
      <table>
        <thead><tr><th>${this.t('hourOfDay')}</th><th class="n">${this.t('issued')}</th><th class="n">${this.t('served')}</th><th class="n">${this.t('avgWait')}</th><th class="n">${this.t('sla')}</th><th class="n">${this.t('noShow')}</th><th class="n">${this.t('leftPastTarget')}</th><th class="n">${this.t('waitingPastTarget')}</th></tr></thead>
        <tbody>${d.byHour.map((r) => html`<tr data-key=${r.key}><td class="hour">${f.hourSpan(Number(r.key))}</td>${figureCells(r, f, this.t('noData'), true)}</tr>`)}</tbody>
      </table>
      <p class="muted" data-note="past-target">${this.t('pastTargetNote')}</p>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hub-figures': HubFigures
  }
}
