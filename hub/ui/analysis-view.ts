/**
 * `<tabour-hub-analysis>`: the hub page's analysis view. A chosen figure's trend by day, week or
 * month beside the period before (`<tabour-hub-trend>`), the governorates' map of it
 * (`<tabour-hub-map>`), and the drill-down governorate → center → service → hour
 * (`<tabour-hub-drill>`); the trend follows the drill-down (a governorate's, a center's, a
 * service's). Properties in: `request` (the page's authenticated GET), `from`, `to`, `reload`, `language`.
 * Events out: `range-known` (the range the hub chose when none was given) and `sign-in-needed`
 * (a 401: the page shows its sign-in form).
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Lang } from '../../ui-common/i18n.ts'
import { ApiError } from '../../ui-common/api-client.ts'
import { themeStyles } from '../../ui-common/theme.ts'
import { ANALYSIS_TREND_PATH, TREND_GRAINS, type TrendAnswer, type TrendGrain } from '../../protocol/hub-analysis.ts'
import type { FiguresAnswer, FigureRow } from '../../protocol/hub-api.ts'
import { analysisText, type AnalysisMessageKey } from '../../protocol/messages/hub-analysis.ts'
import { ANALYSIS_FIGURES, type AnalysisFigure, figureLabel, FIGURE_LABEL_VALUES } from './analysis-figures.ts'
import { type DrillEvent, type DrillPath, type DrillStatus, levelOf } from './drill-down.ts'
import { hubStyles } from './hub-styles.ts'
import './trend-chart.ts'
import './governorate-map.ts'
import './drill-down.ts'
import { governorateName } from '../../protocol/governorates.ts'
import { hubDigits } from './hub-format.ts'
import { nameIn } from '../../protocol/name-in-language.ts'

/** GETs a hub path with the page's credentials; rejects with ApiError. */
export type HubRequest = <T>(path: string) => Promise<T>

export type RangeKnownEvent = CustomEvent<{ from: string; to: string }>

/** The account's scope as the hub answered it: a governorate analyst's governorate, or null (national). */
export type ScopeKnownEvent = CustomEvent<{ scope: string | null }>

type ViewError = 'range-too-long' | 'forbidden' | 'failed' | null

const FIGURES_PATH = '/api/hub/v1/figures'

@customElement('tabour-hub-analysis')
export class HubAnalysis extends LitElement {
  static override styles = [
    themeStyles,
    hubStyles,
    css`
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tabour-space-2);
        align-items: end;
      }
      /*
       * The drill-down's table under the map, and beside it only on a screen wide enough for both:
       * squeezed beside it (half the width each), its names wrapped («البحر / الأحمر») at 1366 and
       * even at 1920 («مركز / سموحة»), and so did the hours (walk of 2026-12-06). Beside, the map
       * keeps its drawing's width (34rem) and the table takes the rest.
       */
      .pair {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--tabour-space-3);
        align-items: start;
      }
      @media (min-width: 110rem) {
        .pair {
          grid-template-columns: minmax(0, 34rem) minmax(0, 1fr);
        }
      }
    `,
  ]

  @property({ attribute: false }) request: HubRequest | null = null
  @property() from = ''
  @property() to = ''
  @property() language: Lang = 'ar'
  /** Changed by the page to load everything again (its minute's refresh, a new sign-in or sign-out). */
  @property({ type: Number }) reload = 0

  @state() private figure: AnalysisFigure = 'issued'
  @state() private grain: TrendGrain = 'week'
  @state() private trend: TrendAnswer | null = null
  /** A governorate analyst's governorate, as the hub said ('' national): the map paints the others as outside it. */
  @state() private accountScope = ''
  @state() private governorates: FigureRow[] = []
  @state() private path: DrillPath = {}
  @state() private drillRows: FigureRow[] = []
  @state() private drillStatus: DrillStatus = 'loading'
  @state() private error: ViewError = null
  /** Drops the answers of a load a newer one replaced. */
  private generation = 0

  private t(key: AnalysisMessageKey, values?: Record<string, string | number>): string {
    return analysisText(key, this.language, values, hubDigits(this.language))
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('request') && !changed.has('from') && !changed.has('to') && !changed.has('reload')) return
    // the page taking up the range this view reported (range-known) is no new range
    if (!changed.has('request') && !changed.has('reload') && this.trend && this.from === this.trend.from && this.to === this.trend.to)
      return
    void this.loadAll()
  }

  private range(): URLSearchParams {
    const q = new URLSearchParams()
    if (this.from) q.set('from', this.from)
    if (this.to) q.set('to', this.to)
    return q
  }

  private async get<T>(path: string, q: URLSearchParams): Promise<T> {
    if (!this.request) throw new Error('no request function')
    return this.request<T>(`${path}?${q}`)
  }

  /** What went wrong, in the view's words; a 401 goes to the page. */
  private errorOf(err: unknown): ViewError {
    if (err instanceof ApiError && err.status === 401) {
      this.dispatchEvent(new CustomEvent('sign-in-needed', { bubbles: true, composed: true }))
      return null
    }
    if (err instanceof ApiError && err.code === 'HUB_ERR_RANGE_TOO_LONG') return 'range-too-long'
    if (err instanceof ApiError && err.code === 'HUB_ERR_FORBIDDEN_GOVERNORATE') return 'forbidden'
    return 'failed'
  }

  /**
   * The view's one failure rule, as the page's other tabs (load-failure.ts): why, and none of the
   * answers of before under it. A drill or a grain that failed left the trend of the place or grain
   * before under the new one's name. A failure to load shows the error alone (render): an empty
   * map would say "no data" of governorates nobody could ask about.
   */
  private failWith(err: unknown): void {
    this.error = this.errorOf(err)
    this.trend = null
    this.governorates = []
    this.drillRows = []
  }

  private async loadTrend(generation: number): Promise<void> {
    const q = this.range()
    q.set('grain', this.grain)
    if (this.path.governorate) q.set('governorate', this.path.governorate)
    if (this.path.center) q.set('center', this.path.center.key)
    if (this.path.service) q.set('service', this.path.service.key)
    const trend = await this.get<TrendAnswer>(ANALYSIS_TREND_PATH, q)
    if (generation !== this.generation) return
    this.trend = trend
    // asked for no governorate, the hub answers with the account's own one (a governorate analyst) or none
    if (!this.path.governorate) {
      this.accountScope = trend.governorate ?? ''
      // the page's title names it
      this.dispatchEvent(new CustomEvent('scope-known', { detail: { scope: trend.governorate ?? null }, bubbles: true, composed: true }))
    }
    if (!this.from)
      this.dispatchEvent(new CustomEvent('range-known', { detail: { from: trend.from, to: trend.to }, bubbles: true, composed: true }))
  }

  /**
   * Where the drill-down is: the path, or at its root a governorate analyst's governorate. He sees
   * his governorate only, so a root of "all governorates" (one row, his) would say what is not so.
   */
  private drillPath(): DrillPath {
    return !this.path.governorate && this.accountScope ? { governorate: this.accountScope } : this.path
  }

  private async loadDrill(generation: number): Promise<void> {
    const p = this.drillPath()
    const level = levelOf(p)
    if (level === 'governorate') {
      this.drillRows = this.governorates
      this.drillStatus = 'ready'
      return
    }
    const q = this.range()
    q.set('by', level)
    if (level === 'center') q.set('governorate', p.governorate ?? '')
    else q.set('center', p.center?.key ?? '')
    if (level === 'hour') q.set('service', p.service?.key ?? '')
    this.drillStatus = 'loading'
    try {
      const { rows } = await this.get<FiguresAnswer>(FIGURES_PATH, q)
      if (generation !== this.generation) return
      this.drillRows = rows
      this.drillStatus = 'ready'
    } catch (err) {
      if (generation !== this.generation) return
      const e = this.errorOf(err)
      this.drillStatus = e ?? 'failed'
    }
  }

  /** The trend first (it settles the range when none is given), then the map's governorates and the drill-down's level. */
  private async loadAll(): Promise<void> {
    if (!this.request) return
    const generation = ++this.generation
    this.drillStatus = 'loading'
    try {
      await this.loadTrend(generation)
      if (generation !== this.generation) return
      const q = this.range()
      if (!this.from && this.trend) {
        q.set('from', this.trend.from)
        q.set('to', this.trend.to)
      }
      q.set('by', 'governorate')
      const { rows } = await this.get<FiguresAnswer>(FIGURES_PATH, q)
      if (generation !== this.generation) return
      this.governorates = rows
      this.error = null
      await this.loadDrill(generation)
    } catch (err) {
      if (generation === this.generation) this.failWith(err)
    }
  }

  private async drill(path: DrillPath): Promise<void> {
    this.path = path
    // after a failure nothing of before is shown: all of it is loaded again, not only what changed
    if (this.error !== null) return this.loadAll()
    const generation = ++this.generation
    try {
      await Promise.all([this.loadTrend(generation), this.loadDrill(generation)])
    } catch (err) {
      if (generation === this.generation) this.failWith(err)
    }
  }

  private async setGrain(grain: TrendGrain): Promise<void> {
    this.grain = grain
    if (this.error !== null) return this.loadAll()
    const generation = ++this.generation
    try {
      await this.loadTrend(generation)
    } catch (err) {
      if (generation === this.generation) this.failWith(err)
    }
  }

  private governorateName(value: string): string {
    return governorateName(value, this.language)
  }

  /** What the trend covers: the drill-down's place, or a governorate analyst's governorate, or all. */
  private scopeText(): string {
    const p = this.path
    const name = (n: { nameAr: string; nameEn: string }) => nameIn(n, this.language)
    if (p.service && p.center) return this.t('serviceAtCenter', { service: name(p.service), center: name(p.center) })
    if (p.center) return name(p.center)
    const governorate = p.governorate ?? this.trend?.governorate
    return governorate ? this.governorateName(governorate) : this.t('allGovernorates')
  }

  override render(): TemplateResult {
    const scoped = this.trend && !this.path.governorate && this.trend.governorate
    const scopedName = scoped ? this.governorateName(scoped) : ''
    return html`<main data-analysis>
      <form class="controls" @submit=${(e: Event) => e.preventDefault()}>
        <label>${this.t('figure')}
          <select name="figure" @change=${(e: Event) => (this.figure = (e.target as HTMLSelectElement).value as AnalysisFigure)}>
            ${ANALYSIS_FIGURES.map((f) => html`<option value=${f} ?selected=${f === this.figure}>${this.t(figureLabel(f), FIGURE_LABEL_VALUES)}</option>`)}
          </select>
        </label>
        <label>${this.t('grain')}
          <select name="grain" @change=${(e: Event) => void this.setGrain((e.target as HTMLSelectElement).value as TrendGrain)}>
            ${TREND_GRAINS.map((g) => html`<option value=${g} ?selected=${g === this.grain}>${this.t(`grain_${g}`)}</option>`)}
          </select>
        </label>
      </form>
      ${scoped ? html`<p data-scope>${this.t('scopeNote', { governorate: scopedName })}</p>` : nothing}
      ${this.error === 'range-too-long' ? html`<p class="error" role="alert" data-analysis-error="range">${this.t('rangeTooLong')}</p>` : nothing}
      ${this.error === 'forbidden' ? html`<p class="error" role="alert" data-analysis-error="forbidden">${this.t('forbidden')}</p>` : nothing}
      ${this.error === 'failed' ? html`<p class="error" role="alert" data-analysis-error="failed">${this.t('loadFailed')}</p>` : this.figures()}
    </main>`
  }

  /** The trend, the map and the drill-down. */
  private figures(): TemplateResult {
    return html`<tabour-hub-trend .trend=${this.trend} .figure=${this.figure} .scope=${this.scopeText()} .language=${this.language}></tabour-hub-trend>
      <div class="pair">
        <tabour-hub-map .rows=${this.governorates} .figure=${this.figure} .selected=${this.drillPath().governorate ?? ''} .scope=${this.accountScope} .language=${this.language}></tabour-hub-map>
        <tabour-hub-drill .path=${this.drillPath()} .scope=${this.accountScope} .rows=${this.drillRows} .status=${this.drillStatus} .language=${this.language}
          @drill=${(e: DrillEvent) => void this.drill(e.detail)}></tabour-hub-drill>
      </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hub-analysis': HubAnalysis
  }
}
