/**
 * `<tabour-hub-app>`: the national dashboard. Figures for a date range (today by default) by
 * governorate, center and service from GET /api/hub/v1/summary; centers not heard from within
 * the hub's threshold are flagged offline; sortable tables, a bar chart (plain SVG) and CSV
 * export of the same figures. Arabic first (RTL, Arabic-Indic digits), English second.
 * When the hub has a read token (HUB_READ_TOKEN) and the API answers 401, a sign-in form asks
 * for it; the staff session of ui-common keeps it in sessionStorage (gone with the tab) and sends
 * it as a bearer header on every request, the CSV files included (fetched, then saved from a
 * Blob URL: never a token in a URL).
 */
import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { applyLang, initialLang, type Lang } from '../../ui-common/i18n.ts'
import { formatNumber } from '../../ui-common/digits.ts'
import { applyPageTheme, themeStyles } from '../../ui-common/theme.ts'
import { headerBar, screenHost } from '../../ui-common/screen-styles.ts'
import '../../ui-common/fonts.ts'
import '../../ui-common/lang-switch.ts'
import type { LangChangeEvent } from '../../ui-common/lang-switch.ts'
import { hubText, type HubMessageKey } from '../../protocol/messages/hub.ts'
import { ApiError } from '../../ui-common/api-client.ts'
import { downloadFile } from '../../ui-common/staff-download.ts'
import { StaffSession } from '../../ui-common/staff-session.ts'
import { TokenStore, tokenKey } from '../../ui-common/token-store.ts'

interface Row {
  key: string
  nameAr: string
  nameEn: string
  governorate: string | null
  issued: number
  served: number
  noShow: number
  avgWaitSeconds: number | null
  slaPercent: number | null
}
interface CenterView {
  id: string
  nameAr: string
  nameEn: string
  governorate: string
  city: string
  kind: string
  offline: boolean
  lastContactAt: number | null
}
interface Summary {
  from: string
  to: string
  today: string
  totals: Omit<Row, 'key' | 'nameAr' | 'nameEn' | 'governorate'>
  byGovernorate: Row[]
  byCenter: Row[]
  byService: Row[]
  centers: CenterView[]
}

type Table = 'governorate' | 'center' | 'service'
type SortKey = 'name' | 'issued' | 'served' | 'avgWaitSeconds' | 'slaPercent' | 'noShow' | 'offline'

const REFRESH_MS = 60_000

/** The hub said 401: the token is missing or wrong. */
const signInNeeded = (err: unknown) => err instanceof ApiError && err.status === 401

@customElement('tabour-hub-app')
export class HubApp extends LitElement {
  static override styles = [
    themeStyles,
    screenHost,
    headerBar,
    css`
      :host {
        --tabour-text-base: 1rem;
        --tabour-text-large: 1.5rem;
      }
      header h1 {
        margin: 0;
        font-size: var(--tabour-text-large);
      }
      .range {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tabour-space-1);
        align-items: end;
        padding: var(--tabour-space-2) var(--tabour-space-3);
        background: var(--tabour-surface);
      }
      .range label {
        display: flex;
        flex-direction: column;
        font-weight: 700;
      }
      input,
      button,
      .csv {
        font: inherit;
        padding: 0.3rem 0.8rem;
        border: 2px solid var(--tabour-border);
        border-radius: 8px;
        background: var(--tabour-bg);
        color: var(--tabour-fg);
        text-decoration: none;
      }
      button.primary {
        background: var(--tabour-primary);
        color: var(--tabour-on-primary);
      }
      main {
        padding: var(--tabour-space-2) var(--tabour-space-3);
        display: grid;
        gap: var(--tabour-space-3);
      }
      .kpis {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
        gap: var(--tabour-space-2);
      }
      .kpi {
        padding: var(--tabour-space-2);
        border-inline-start: 8px solid var(--tabour-primary);
        background: var(--tabour-surface);
      }
      .kpi.alert {
        border-inline-start-color: var(--tabour-danger);
      }
      .kpi .v {
        font-size: 2rem;
        font-weight: 700;
      }
      section h2 {
        display: flex;
        justify-content: space-between;
        align-items: center;
        margin: 0 0 var(--tabour-space-1);
        font-size: 1.25rem;
      }
      table {
        border-collapse: collapse;
        inline-size: 100%;
      }
      th,
      td {
        padding: 0.35rem 0.6rem;
        border-block-end: 1px solid #c9d1db;
        text-align: start;
      }
      th button {
        border: none;
        padding: 0;
        background: none;
        font-weight: 700;
        cursor: pointer;
      }
      th.n,
      td.n {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      tr.offline td {
        background: #fdecee;
      }
      .badge {
        display: inline-block;
        padding: 0 0.5rem;
        border-radius: 999px;
        font-weight: 700;
        background: #d8f0dd;
      }
      .badge.off {
        background: var(--tabour-danger);
        color: #fff;
      }
      .error {
        color: var(--tabour-danger);
        font-weight: 700;
      }
      svg text {
        font-family: var(--tabour-font-family);
        font-size: 12px;
      }
      header .tools {
        display: flex;
        gap: var(--tabour-space-1);
        align-items: center;
      }
      .sign-in {
        display: grid;
        gap: var(--tabour-space-2);
        max-inline-size: 32rem;
        margin: var(--tabour-space-3) auto;
        padding: var(--tabour-space-3);
        background: var(--tabour-surface);
        border-inline-start: 8px solid var(--tabour-primary);
      }
      .sign-in h2 {
        margin: 0;
        font-size: 1.25rem;
      }
      .sign-in label {
        display: flex;
        flex-direction: column;
        font-weight: 700;
      }
      .sign-in input {
        direction: ltr;
      }
    `,
  ]

  @state() private language: Lang = initialLang()
  @state() private from = ''
  @state() private to = ''
  @state() private data: Summary | null = null
  @state() private failed = false
  /** The API answered 401: show the sign-in form instead of the figures. */
  @state() private signIn = false
  /** The token given was refused. */
  @state() private tokenWrong = false
  @state() private csvFailed = false
  /** The read token, in sessionStorage; a token the hub refuses is forgotten at once (and the form asks again). */
  private readonly auth = new StaffSession(this, {
    store: new TokenStore(tokenKey('hub-read-token'), 'session'),
    onExpired: () => this.auth.signOut(),
  })
  @state() private sort: Record<Table, { key: SortKey; desc: boolean }> = {
    governorate: { key: 'issued', desc: true },
    center: { key: 'offline', desc: true },
    service: { key: 'issued', desc: true },
  }
  private timer: ReturnType<typeof setInterval> | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    applyLang(this.language)
    const q = new URLSearchParams(location.search)
    this.from = q.get('from') ?? ''
    this.to = q.get('to') ?? ''
    this.auth.restore()
    void this.load()
    // while the sign-in form is up, nothing to refresh
    this.timer = setInterval(() => void (this.signIn ? undefined : this.load()), REFRESH_MS)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearInterval(this.timer)
  }

  private query(extra: Record<string, string> = {}): string {
    const q = new URLSearchParams()
    if (this.from) q.set('from', this.from)
    if (this.to) q.set('to', this.to)
    for (const [k, v] of Object.entries(extra)) q.set(k, v)
    return q.toString()
  }

  /** The sign-in form instead of the figures; says the token was wrong when one was sent. */
  private askSignIn(sent: string | null): void {
    this.tokenWrong = sent !== null
    this.signIn = true
    this.data = null
  }

  private async load(): Promise<void> {
    const sent = this.auth.token
    try {
      this.data = await this.auth.request<Summary>(`/api/hub/v1/summary?${this.query()}`)
      this.from ||= this.data.from
      this.to ||= this.data.to
      this.failed = false
      this.signIn = false
      this.tokenWrong = false
    } catch (err) {
      if (signInNeeded(err)) this.askSignIn(sent)
      else this.failed = true
    }
  }

  private submitToken(e: Event): void {
    e.preventDefault()
    const input = (e.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement
    const token = input.value.trim()
    if (!token) return
    this.auth.signIn(token)
    void this.load()
  }

  private signOut(): void {
    this.auth.signOut()
    this.data = null
    this.tokenWrong = false
    void this.load()
  }

  /** The CSV through fetch (so the bearer header goes along), saved from a Blob URL under the hub's file name. */
  private async download(e: Event, by: Table): Promise<void> {
    e.preventDefault()
    this.csvFailed = false
    const sent = this.auth.token
    try {
      await downloadFile(this.auth, `/api/hub/v1/figures.csv?${this.query({ by, lang: this.language })}`, `tabour-${by}.csv`, true)
    } catch (err) {
      if (signInNeeded(err)) this.askSignIn(sent)
      else this.csvFailed = true
    }
  }

  private t(key: HubMessageKey): string {
    return hubText(key, this.language)
  }

  private num(n: number | null | undefined, digits = 0): string {
    if (n === null || n === undefined) return '—'
    return formatNumber(n, { digits: this.language === 'ar' ? 'arabic-indic' : 'western', grouping: true, maximumFractionDigits: digits })
  }

  private minutes(seconds: number | null): string {
    return seconds === null ? '—' : this.num(seconds / 60, 1)
  }

  private percent(p: number | null): string {
    return p === null ? '—' : `${this.num(p, 1)}٪`.replace('٪', this.language === 'ar' ? '٪' : '%')
  }

  private name(r: { nameAr: string; nameEn: string }): string {
    return this.language === 'ar' ? r.nameAr : r.nameEn
  }

  private sorted<T extends Row>(table: Table, rows: T[], offline: (r: T) => boolean = () => false): T[] {
    const { key, desc } = this.sort[table]
    const value = (r: T): number | string =>
      key === 'name' ? this.name(r) : key === 'offline' ? (offline(r) ? 1 : 0) * 1e12 + r.issued : (r[key] ?? -1)
    return [...rows].sort((a, b) => {
      const va = value(a)
      const vb = value(b)
      const c = typeof va === 'string' ? va.localeCompare(vb as string, this.language) : va - (vb as number)
      return desc ? -c : c
    })
  }

  private sortBy(table: Table, key: SortKey): void {
    const cur = this.sort[table]
    this.sort = { ...this.sort, [table]: { key, desc: cur.key === key ? !cur.desc : key !== 'name' } }
  }

  private th(table: Table, key: SortKey, label: HubMessageKey): TemplateResult {
    const cur = this.sort[table]
    const arrow = cur.key === key ? (cur.desc ? ' ▼' : ' ▲') : ''
    const numeric = key !== 'name' && key !== 'offline'
    return html`<th class=${numeric ? 'n' : ''} aria-sort=${cur.key === key ? (cur.desc ? 'descending' : 'ascending') : 'none'}><button data-sort=${key} @click=${() => this.sortBy(table, key)}>${this.t(label)}${arrow}</button></th>`
  }

  private figureCells(r: Row): TemplateResult {
    return html`<td class="n" data-col="issued">${this.num(r.issued)}</td><td class="n" data-col="served">${this.num(r.served)}</td><td class="n" data-col="avgWait">${this.minutes(r.avgWaitSeconds)}</td><td class="n" data-col="sla">${this.percent(r.slaPercent)}</td><td class="n" data-col="noShow">${this.num(r.noShow)}</td>`
  }

  private figureHeads(table: Table): TemplateResult {
    return html`${this.th(table, 'issued', 'issued')}${this.th(table, 'served', 'served')}${this.th(table, 'avgWaitSeconds', 'avgWait')}${this.th(table, 'slaPercent', 'sla')}${this.th(table, 'noShow', 'noShow')}`
  }

  private csv(by: Table): TemplateResult {
    return html`<a class="csv" data-csv=${by} href=${`/api/hub/v1/figures.csv?${this.query({ by, lang: this.language })}`} download @click=${(e: Event) => void this.download(e, by)}>${this.t('csv')}</a>`
  }

  private chart(rows: Row[]): TemplateResult {
    const top = [...rows].sort((a, b) => b.issued - a.issued).slice(0, 12)
    const max = Math.max(1, ...top.map((r) => r.issued))
    const rowH = 26
    const labelW = 150
    const width = 640
    const barW = width - labelW - 60
    const rtl = this.language === 'ar'
    // plain SVG bars, laid out left to right in SVG coordinates and mirrored by hand in Arabic so
    // the bars grow from the right like the text (the svg itself is direction: ltr, so text-anchor means what it says)
    return html`<svg role="img" aria-label=${this.t('chartTitle')} viewBox=${`0 0 ${width} ${top.length * rowH + 8}`} style="inline-size: 100%; max-inline-size: 52rem; direction: ltr">
      ${top.map((r, i) => {
        const y = i * rowH + 4
        const wI = (r.issued / max) * barW
        const wS = (r.served / max) * barW
        return svg`<g data-bar=${r.key}>
          <text x=${rtl ? width - 4 : 4} y=${y + 16} text-anchor=${rtl ? 'end' : 'start'}>${this.name(r)}</text>
          <rect x=${rtl ? width - labelW - wI : labelW} y=${y} width=${wI} height="10" fill="#003a70"></rect>
          <rect x=${rtl ? width - labelW - wS : labelW} y=${y + 11} width=${wS} height="10" fill="#ffc20e"></rect>
          <text x=${rtl ? width - labelW - wI - 4 : labelW + wI + 4} y=${y + 10} text-anchor=${rtl ? 'end' : 'start'}>${this.num(r.issued)}</text>
        </g>`
      })}
    </svg>`
  }

  private signInForm(): TemplateResult {
    return html`<form class="sign-in" data-sign-in @submit=${(e: Event) => this.submitToken(e)}>
      <h2>${this.t('signInTitle')}</h2>
      <p>${this.t('signInHelp')}</p>
      <label>${this.t('tokenLabel')}<input type="password" name="token" autocomplete="current-password" required /></label>
      ${this.tokenWrong ? html`<span class="error" role="alert" data-token-wrong>${this.t('tokenWrong')}</span>` : nothing}
      <button class="primary" type="submit">${this.t('signIn')}</button>
    </form>`
  }

  override render(): TemplateResult {
    const d = this.data
    const offline = d ? d.centers.filter((c) => c.offline) : []
    const status = new Map((d?.centers ?? []).map((c) => [c.id, c]))
    return html`
      <header>
        <h1>${this.t('title')}</h1>
        <div class="tools">
        <tabour-lang-switch .lang=${this.language} @lang-change=${(e: LangChangeEvent) => {
          this.language = e.detail.lang
          applyLang(this.language)
        }}></tabour-lang-switch>
        ${this.auth.token && !this.signIn ? html`<button type="button" data-sign-out @click=${() => this.signOut()}>${this.t('signOut')}</button>` : nothing}
        </div>
      </header>
      ${this.signIn ? this.signInForm() : nothing}
      ${
        this.signIn
          ? nothing
          : html`<form class="range" @submit=${(e: Event) => {
              e.preventDefault()
              void this.load()
            }}>
        <label>${this.t('from')}<input type="date" name="from" .value=${this.from} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} /></label>
        <label>${this.t('to')}<input type="date" name="to" .value=${this.to} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)} /></label>
        <button class="primary" type="submit">${this.t('show')}</button>
        <button type="button" @click=${() => {
          this.from = d?.today ?? ''
          this.to = d?.today ?? ''
          void this.load()
        }}>${this.t('today')}</button>
        ${this.failed ? html`<span class="error" role="alert">${this.t('loadFailed')}</span>` : nothing}
        ${this.csvFailed ? html`<span class="error" role="alert">${this.t('csvFailed')}</span>` : nothing}
      </form>`
      }
      ${
        d
          ? html`<main>
            <div class="kpis">
              <div class="kpi" data-kpi="issued"><div>${this.t('issued')}</div><div class="v">${this.num(d.totals.issued)}</div></div>
              <div class="kpi" data-kpi="served"><div>${this.t('served')}</div><div class="v">${this.num(d.totals.served)}</div></div>
              <div class="kpi" data-kpi="avgWait"><div>${this.t('avgWait')}</div><div class="v">${this.minutes(d.totals.avgWaitSeconds)}</div></div>
              <div class="kpi" data-kpi="sla"><div>${this.t('sla')}</div><div class="v">${this.percent(d.totals.slaPercent)}</div></div>
              <div class="kpi ${offline.length ? 'alert' : ''}" data-kpi="offline"><div>${this.t('centersOffline')}</div><div class="v">${this.num(offline.length)} / ${this.num(d.centers.length)}</div></div>
            </div>
            <section data-table="governorate">
              <h2>${this.t('byGovernorate')} ${this.csv('governorate')}</h2>
              ${this.chart(d.byGovernorate)}
              <table>
                <thead><tr>${this.th('governorate', 'name', 'governorate')}${this.figureHeads('governorate')}</tr></thead>
                <tbody>${this.sorted('governorate', d.byGovernorate).map((r) => html`<tr data-key=${r.key}><td>${r.key}</td>${this.figureCells(r)}</tr>`)}</tbody>
              </table>
            </section>
            <section data-table="center">
              <h2>${this.t('byCenter')} ${this.csv('center')}</h2>
              <table>
                <thead><tr>${this.th('center', 'name', 'center')}<th>${this.t('governorate')}</th><th>${this.t('kind')}</th>${this.th('center', 'offline', 'status')}${this.figureHeads('center')}</tr></thead>
                <tbody>
                  ${this.sorted('center', d.byCenter, (r) => status.get(r.key)?.offline ?? false).map((r) => {
                    const c = status.get(r.key)
                    const off = c?.offline ?? false
                    return html`<tr data-center-id=${r.key} data-offline=${off ? 'true' : 'false'} class=${off ? 'offline' : ''}>
                      <td>${this.name(r)}</td><td>${r.governorate}</td><td>${c ? this.t(`kind_${c.kind}` as HubMessageKey) : ''}</td>
                      <td><span class="badge ${off ? 'off' : ''}" title=${c?.lastContactAt ? `${this.t('lastReport')}: ${new Date(c.lastContactAt).toLocaleString(this.language === 'ar' ? 'ar-EG' : 'en-GB')}` : this.t('never')}>${off ? this.t('offline') : this.t('online')}</span></td>
                      ${this.figureCells(r)}
                    </tr>`
                  })}
                </tbody>
              </table>
            </section>
            <section data-table="service">
              <h2>${this.t('byService')} ${this.csv('service')}</h2>
              <table>
                <thead><tr>${this.th('service', 'name', 'service')}${this.figureHeads('service')}</tr></thead>
                <tbody>${this.sorted('service', d.byService).map((r) => html`<tr data-key=${r.key}><td>${this.name(r)}</td>${this.figureCells(r)}</tr>`)}</tbody>
              </table>
            </section>
          </main>`
          : nothing
      }
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hub-app': HubApp
  }
}
