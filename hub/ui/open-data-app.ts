/**
 * `<tabour-open-data>`: the hub's public page for citizens (served at /open/, no sign-in): the
 * least busy center near me (a governorate and a service → its centers, the shortest typical wait
 * first, those with no recent data last and marked) and every center's lines now. Phone first,
 * Arabic first (RTL, Arabic-Indic digits), English with ?lang=en. Reads the public API only
 * (protocol/open-data.ts), refreshed every 30 s; the choices stay in the URL so a link can be shared.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { applyLang, initialLang, type Lang } from '../../ui-common/i18n.ts'
import { applyPageTheme, themeStyles } from '../../ui-common/theme.ts'
import { headerBar, screenHost } from '../../ui-common/screen-styles.ts'
import '../../ui-common/fonts.ts'
import '../../ui-common/lang-switch.ts'
import type { LangChangeEvent } from '../../ui-common/lang-switch.ts'
import { ApiError, requestJson } from '../../ui-common/api-client.ts'
import { hubErrorText, knownHubError } from '../../protocol/messages/hub-errors.ts'
import { openDataText, type OpenDataMessageKey } from '../../protocol/messages/open-data.ts'
import { waitText } from '../../protocol/messages/ticket.ts'
import type { DigitStyle } from '../../protocol/messages/digits.ts'
import { type LeastBusy, type OpenCatalogue, type OpenCenters, OpenDataPaths } from '../../protocol/open-data.ts'
import { openDataStyles } from './open-data-styles.ts'
import { governorateName } from '../../protocol/governorates.ts'
import { byGovernorateName } from './governorate-order.ts'
import { hubDigits } from './hub-format.ts'
import { cityText, placeText } from './city-text.ts'
import { cityIn } from '../../protocol/hub-city.ts'
import { inNameOrder } from './name-order.ts'
import { nameIn } from '../../protocol/name-in-language.ts'
import { minutesOld } from './figures-age.ts'
import { PollController } from '../../ui-common/poll-controller.ts'

type View = 'nearest' | 'centers'

const REFRESH_MS = 30_000

/** What a line's second row says: the typical wait, or why there is none. */
interface Line {
  waiting: number
  waitSeconds: number | null
  open: boolean
}

@customElement('tabour-open-data')
export class OpenDataApp extends LitElement {
  static override styles = [themeStyles, screenHost, headerBar, openDataStyles]

  @state() private language: Lang = initialLang()
  @state() private view: View = 'nearest'
  @state() private governorate = ''
  @state() private service = ''
  @state() private catalogue: OpenCatalogue | null = null
  @state() private nearest: LeastBusy | null = null
  @state() private centers: OpenCenters | null = null
  @state() private failed = false
  /** The hub's code when it refused the request (a 4xx it has words for); null: it could not be reached. */
  @state() private failedCode: string | null = null
  /** When each answer arrived (the phone's clock): its figures' age grows from there, refreshed or not. */
  private readonly receivedAt = new WeakMap<object, number>()
  /** The time the figures' ages are written at: set by every refresh, failed or not, so they are written again as they grow. */
  @state() private now = Date.now()
  private readonly poll = new PollController(this, () => this.load(), REFRESH_MS)

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    applyLang(this.language)
    const q = new URLSearchParams(location.search)
    this.view = q.get('view') === 'centers' ? 'centers' : 'nearest'
    this.governorate = q.get('governorate') ?? ''
    this.service = q.get('service') ?? ''
    // after the URL's choices: the first ask is for them
    this.poll.start()
  }

  private get digits(): DigitStyle {
    return hubDigits(this.language)
  }

  private t(key: OpenDataMessageKey, values?: Record<string, string | number>): string {
    return openDataText(key, this.language, values, this.digits)
  }

  /** The choices in the URL (shareable), without reloading. */
  private remember(): void {
    const q = new URLSearchParams()
    if (this.language === 'en') q.set('lang', 'en')
    if (this.view === 'centers') q.set('view', 'centers')
    if (this.governorate) q.set('governorate', this.governorate)
    if (this.service) q.set('service', this.service)
    history.replaceState(null, '', `${location.pathname}${q.size > 0 ? `?${q}` : ''}`)
  }

  /** Loads the pickers once, then what the current view shows. */
  private async load(): Promise<void> {
    try {
      this.catalogue ??= await requestJson<OpenCatalogue>(OpenDataPaths.catalogue)
      if (this.view === 'centers') {
        const q = this.governorate ? `?${new URLSearchParams({ governorate: this.governorate })}` : ''
        this.centers = this.received(await requestJson<OpenCenters>(`${OpenDataPaths.centers}${q}`))
      } else if (this.governorate && this.service) {
        const q = new URLSearchParams({ governorate: this.governorate, service: this.service })
        this.nearest = this.received(await requestJson<LeastBusy>(`${OpenDataPaths.leastBusy}?${q}`))
      } else this.nearest = null
      this.failed = false
      this.failedCode = null
    } catch (err) {
      this.failed = true
      // the hub said why (too many requests from this address, an unknown service…): said in the page's words, not "retrying"
      this.failedCode = err instanceof ApiError && knownHubError(err.code) ? err.code : null
    }
    this.now = Date.now()
  }

  private received<T extends object>(answer: T): T {
    this.receivedAt.set(answer, Date.now())
    return answer
  }

  private choose(what: 'governorate' | 'service' | 'view', value: string): void {
    if (what === 'view') this.view = value as View
    else this[what] = value
    this.remember()
    void this.load()
  }

  private serviceName(code: string): string {
    const s = this.catalogue?.services.find((x) => x.code === code)
    return s ? nameIn(s, this.language) : code
  }

  /** Waiting now and the typical wait (or why none), as the center reported them. */
  private line(l: Line): TemplateResult {
    const wait = !l.open
      ? this.t('open.notIssuing')
      : l.waitSeconds === null
        ? this.t('open.noCounter')
        : this.t('open.typicalWait', { wait: waitText(l.waitSeconds, this.language, this.digits) })
    return html`<p data-waiting>${this.t('open.waiting', { n: l.waiting })}</p>
      <p class="wait" data-wait>${wait}</p>`
  }

  private updatedLine(answer: { generatedAt: number }, updatedAt: number | null): TemplateResult | typeof nothing {
    if (updatedAt === null) return nothing
    const minutes = minutesOld(answer, updatedAt, this.receivedAt.get(answer) ?? this.now, this.now)
    return html`<p class="muted" data-updated>${this.t('open.updated', { minutes })}</p>`
  }

  private name(c: { nameAr: string; nameEn: string }): string {
    return nameIn(c, this.language)
  }

  private select(what: 'governorate' | 'service', label: OpenDataMessageKey, options: TemplateResult[], blank: string): TemplateResult {
    return html`<label>${this.t(label)}
      <select name=${what} @change=${(e: Event) => this.choose(what, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${this[what] === ''}>${blank}</option>
        ${options}
      </select>
    </label>`
  }

  /** The governorates by their name in the page's language (the API lists them by code: alphabetical in English only). */
  private governorates(): TemplateResult[] {
    return [...(this.catalogue?.governorates ?? [])]
      .sort(byGovernorateName(this.language))
      .map((code) => html`<option value=${code} ?selected=${this.governorate === code}>${governorateName(code, this.language)}</option>`)
  }

  /** Centers, services, a center's own services: by their name in the page's language, as the pickers list governorates (the API lists them by id or code). */
  private byName<T extends { nameAr: string; nameEn: string }>(items: readonly T[]): T[] {
    return inNameOrder(items, this.language, (item) => nameIn(item, this.language))
  }

  /** A center without live figures: one that never sent any says so, not "no figures now" alone. */
  private noFigures(c: { everReported: boolean }): TemplateResult {
    return html`<p class="no-data" data-no-data>${this.t(c.everReported ? 'open.noRecentData' : 'open.notReportedYet')}</p>`
  }

  private nearestView(): TemplateResult {
    const services = this.byName(this.catalogue?.services ?? []).map(
      (s) => html`<option value=${s.code} ?selected=${this.service === s.code}>${this.name(s)}</option>`,
    )
    const r = this.nearest
    // only centers with figures now are ranked; a silent one cannot be "least busy", so it is listed apart, unranked
    const live = r?.centers.filter((c) => c.status === 'live') ?? []
    const silent = r?.centers.filter((c) => c.status !== 'live') ?? []
    const heading = (c: LeastBusy['centers'][number]) =>
      html`<h3>${this.name(c)}</h3>${cityIn(c, this.language) ? html`<p class="muted">${cityText(c, this.language)}</p>` : nothing}`
    return html`<form @submit=${(e: Event) => e.preventDefault()}>
        ${this.select('governorate', 'open.governorate', this.governorates(), this.t('open.choose'))}
        ${this.select('service', 'open.service', services, this.t('open.choose'))}
      </form>
      ${
        !r
          ? html`<p class="muted" data-pick>${this.t('open.pickBoth')}</p>`
          : r.centers.length === 0
            ? html`<p data-none>${this.t('open.noCenters')}</p>`
            : live.length === 0
              ? html`<p data-none-live>${this.t('open.noLive')}</p>`
              : html`<ol data-list="nearest">
              ${live.map(
                (c) => html`<li class="card" data-center=${c.id} data-status=${c.status}>
                  ${heading(c)}
                  ${c.waiting !== null && c.open !== null ? this.line({ waiting: c.waiting, waitSeconds: c.waitSeconds, open: c.open }) : nothing}
                  ${this.updatedLine(r, c.updatedAt)}
                </li>`,
              )}
            </ol>`
      }
      ${
        silent.length === 0
          ? nothing
          : html`<h2 class="stale-title">${this.t('open.staleTitle')}</h2>
            <ul data-list="no-recent-data">
              ${silent.map(
                (c) => html`<li class="card stale" data-center=${c.id} data-status=${c.status}>
                  ${heading(c)}
                  ${this.noFigures(c)}
                </li>`,
              )}
            </ul>`
      }`
  }

  private centersView(): TemplateResult {
    const r = this.centers
    return html`<form @submit=${(e: Event) => e.preventDefault()}>
        ${this.select('governorate', 'open.governorate', this.governorates(), this.t('open.allGovernorates'))}
      </form>
      ${
        r
          ? html`<ul data-list="centers">
            ${this.byName(r.centers).map(
              (c) => html`<li class="card ${c.status === 'live' ? '' : 'stale'}" data-center=${c.id} data-status=${c.status}>
                <h3>${this.name(c)}</h3>
                <p class="muted">${placeText(governorateName(c.governorate, this.language), c, this.language)}</p>
                ${
                  c.status !== 'live'
                    ? this.noFigures(c)
                    : c.services.length + c.localServices.length === 0
                      ? html`<p>${this.t('open.noServices')}</p>`
                      : html`<ul class="services">
                        ${inNameOrder(c.services, this.language, (s) => this.serviceName(s.code)).map((s) => html`<li data-service=${s.code}><strong>${this.serviceName(s.code)}</strong>${this.line(s)}</li>`)}
                        ${this.byName(c.localServices).map(
                          // the center's own service, by its names: marked, since no other center's line is the same service
                          (s) =>
                            html`<li data-local-service=${s.code}><strong>${this.name(s)}</strong> <span class="tag" data-local-tag>${this.t('open.localService')}</span>${this.line(s)}</li>`,
                        )}
                      </ul>${this.updatedLine(r, c.updatedAt)}`
                }
              </li>`,
            )}
          </ul>`
          : nothing
      }`
  }

  override render(): TemplateResult {
    const tab = (view: View, label: OpenDataMessageKey) =>
      html`<button type="button" data-view=${view} aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => this.choose('view', view)}>${this.t(label)}</button>`
    return html`
      <header>
        <h1>${this.t('open.title')}</h1>
        <tabour-lang-switch .lang=${this.language} @lang-change=${(e: LangChangeEvent) => {
          this.language = e.detail.lang
          applyLang(this.language)
          this.remember()
        }}></tabour-lang-switch>
      </header>
      <main>
        <p>${this.t('open.intro')}</p>
        <nav aria-label=${this.t('open.views')}>${tab('nearest', 'open.tab.nearest')}${tab('centers', 'open.tab.centers')}</nav>
        ${
          this.failed
            ? html`<p class="error" role="alert" data-failed=${this.failedCode ?? ''}>${
                this.failedCode ? hubErrorText({ code: this.failedCode }, this.language)?.text : this.t('open.loadFailed')
              }</p>`
            : nothing
        }
        ${this.view === 'nearest' ? this.nearestView() : this.centersView()}
        <p class="muted" data-unlisted-services>${this.t('open.unlistedServices')}</p>
        <p class="muted" data-explain-wait>${this.t('open.explainWait')}</p>
        <a href="/api/hub/v1/openapi.json">${this.t('open.api')}</a>
      </main>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-open-data': OpenDataApp
  }
}
