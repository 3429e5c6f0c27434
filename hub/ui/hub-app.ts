/**
 * `<tabour-hub-app>`: the national dashboard's page. Two views: the figures of a date range
 * (today by default; `<tabour-hub-figures>`, from GET /api/hub/v1/dashboard, the summary cut to what the page shows) and the fleet
 * (`<tabour-hub-fleet>`, GET /api/hub/v1/fleet), refreshed every minute. Arabic first (RTL,
 * Arabic-Indic digits), English second. When the hub has a read token (HUB_READ_TOKEN) and the
 * API answers 401, a sign-in form asks for it; the staff session of ui-common keeps it in
 * sessionStorage (gone with the tab) and sends it as a bearer header on every request, the CSV
 * files included (fetched, then saved from a Blob URL: never a token in a URL).
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { ifDefined } from 'lit/directives/if-defined.js'
import { applyLang, initialLang, type Lang } from '../../ui-common/i18n.ts'
import { applyPageTheme, themeStyles } from '../../ui-common/theme.ts'
import { headerBar, screenHost } from '../../ui-common/screen-styles.ts'
import '../../ui-common/fonts.ts'
import '../../ui-common/lang-switch.ts'
import type { LangChangeEvent } from '../../ui-common/lang-switch.ts'
import { hubText, type HubMessageKey } from '../../protocol/messages/hub.ts'
import { type AnalystSession, HUB_DASHBOARD_PATH, type HubDashboard, type HubFleet } from '../../protocol/hub-api.ts'
import { ApiError, requestJson } from '../../ui-common/api-client.ts'
import { downloadFile } from '../../ui-common/staff-download.ts'
import { StaffSession } from '../../ui-common/staff-session.ts'
import { TokenStore, tokenKey } from '../../ui-common/token-store.ts'
import { hubStyles } from './hub-styles.ts'
import type { CsvDownloadEvent } from './figures-view.ts'
import './figures-view.ts'
import './fleet-view.ts'
import './analysis-view.ts'
import type { RangeKnownEvent, ScopeKnownEvent } from './analysis-view.ts'
import { analysisText } from '../../protocol/messages/hub-analysis.ts'
import './bundles-view.ts'
import { bundleText } from '../../protocol/messages/hub-bundles.ts'
import { governorateName } from '../../protocol/governorates.ts'
import { hubErrorText } from '../../protocol/messages/hub-errors.ts'
import { hubDigits, hubFormat } from './hub-format.ts'
import { loadFailure } from './load-failure.ts'

type View = 'figures' | 'fleet' | 'analysis' | 'bundles'

const REFRESH_MS = 60_000

/** The hub said 401: the token is missing or wrong. */
const signInNeeded = (err: unknown) => err instanceof ApiError && err.status === 401

@customElement('tabour-hub-app')
export class HubApp extends LitElement {
  static override styles = [
    themeStyles,
    screenHost,
    headerBar,
    hubStyles,
    css`
      :host {
        --tabour-text-base: 1rem;
        --tabour-text-large: 1.5rem;
      }
      /* outside the views' padded main: the same inline inset, so it does not sit flush to the window edge */
      p[data-scope],
      p[data-load-failed] {
        margin: var(--tabour-space-2) 0 0;
        padding-inline: var(--tabour-space-3);
      }
    `,
  ]

  @state() private language: Lang = initialLang()
  @state() private view: View = 'figures'
  @state() private from = ''
  @state() private to = ''
  /**
   * Whether the range was chosen (the URL, the form, "Today"), not just today's, the figures tab's
   * default: the analysis tab then asks for its own default, the four weeks ending today, since one
   * day is no trend.
   */
  private rangeChosen = false
  @state() private data: HubDashboard | null = null
  @state() private fleet: HubFleet | null = null
  /** The range the analysis view shows: the form's, once submitted. */
  @state() private analysisRange = { from: '', to: '' }
  /** Bumped by every load(): the analysis view loads its figures itself, and must again after a refresh or a sign-in or out. */
  @state() private analysisReload = 0
  @state() private failed = false
  /** The hub refused the range asked for as too long (HUB_ERR_RANGE_TOO_LONG): said as such, not as a failure to retry. */
  @state() private rangeTooLong = false
  /** To is before From: said as such, asked of nobody (the hub would answer 400). */
  @state() private rangeReversed = false
  /** Another 4xx from the hub (its code and message): the same request would be refused again, so it is not retried. */
  @state() private refused: { code: string; message: string } | null = null
  /** The API answered 401: show the sign-in form instead of the figures. */
  @state() private signIn = false
  /** The token given was refused. */
  @state() private tokenWrong = false
  /** An analyst's username or password was refused. */
  @state() private credentialsWrong = false
  @state() private csvFailed = false
  /** A governorate analyst's governorate (from the sign-in or the figures' answer), null: national or not known. */
  @state() private accountScope: string | null = null
  /** The read token, in sessionStorage; a token the hub refuses is forgotten at once (and the form asks again). */
  private readonly auth = new StaffSession(this, {
    store: new TokenStore(tokenKey('hub-read-token'), 'session'),
    onExpired: () => this.auth.signOut(),
  })
  private timer: ReturnType<typeof setInterval> | undefined
  /** The analysis view's GET, with the session's bearer token (one function: a new one would reload the view). */
  private readonly hubGet = <T>(path: string) => this.auth.request<T>(path)

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    applyLang(this.language)
    const q = new URLSearchParams(location.search)
    this.from = q.get('from') ?? ''
    this.to = q.get('to') ?? ''
    this.rangeChosen = this.from !== '' || this.to !== ''
    const asked = q.get('view')
    if (asked === 'fleet' || asked === 'analysis' || asked === 'bundles') this.view = asked
    this.auth.restore()
    // a governorate analyst's page names his governorate from its first paint after a reload, whichever view it opens on
    this.accountScope = this.auth.scope
    void this.load()
    // while the sign-in form is up, or the hub refused the request (a 4xx), nothing to refresh
    this.timer = setInterval(() => void (this.signIn || this.refused !== null ? undefined : this.load()), REFRESH_MS)
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
    this.fleet = null
  }

  /** Loads what the current view shows. */
  private async load(): Promise<void> {
    // bundles are national: a governorate analyst is not offered the tab, nor sent to it by ?view=bundles
    if (this.view === 'bundles' && this.accountScope !== null) this.view = 'figures'
    // the bundles tab loads its own data, with the admin's or a national analyst's token (and says when that is not one)
    if (this.view === 'bundles') {
      this.signIn = false
      return
    }
    const sent = this.auth.token
    // a reversed range is refused by the hub (400): the figures of the range before would read as this one's
    this.rangeReversed = this.view !== 'fleet' && this.from !== '' && this.to !== '' && this.to < this.from
    if (this.rangeReversed) {
      this.data = null
      this.failed = false
      this.rangeTooLong = false
      this.refused = null
      return
    }
    try {
      if (this.view === 'fleet') {
        this.fleet = await this.auth.request<HubFleet>('/api/hub/v1/fleet')
        this.accountScope = this.fleet.scope
      } else if (this.view === 'analysis') {
        this.analysisRange = this.rangeChosen ? { from: this.from, to: this.to } : { from: '', to: '' }
        this.analysisReload++
      } else {
        this.data = await this.auth.request<HubDashboard>(`${HUB_DASHBOARD_PATH}?${this.query()}`)
        this.accountScope = this.data.scope
        this.from ||= this.data.from
        this.to ||= this.data.to
      }
      this.failed = false
      this.rangeTooLong = false
      this.refused = null
      this.signIn = false
      this.tokenWrong = false
    } catch (err) {
      // every tab alike (load-failure.ts): no answer of before under the error, only why
      const failure = loadFailure(err)
      this.data = failure.data
      this.fleet = failure.fleet
      this.failed = failure.failed
      this.rangeTooLong = failure.rangeTooLong
      this.refused = failure.refused
      if (failure.signIn) this.askSignIn(sent)
    }
  }

  private choose(range: { from?: string; to?: string }): void {
    this.from = range.from ?? this.from
    this.to = range.to ?? this.to
    this.rangeChosen = true
  }

  private show(view: View): void {
    this.view = view
    void this.load()
  }

  private submitToken(e: Event): void {
    e.preventDefault()
    const input = (e.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement
    const token = input.value.trim()
    if (!token) return
    // one form's error at a time: the other form's is about an earlier try
    this.credentialsWrong = false
    this.auth.signIn(token)
    void this.load()
  }

  /** An analyst's sign-in: the session token the hub gives takes the read token's place (same bearer header, same storage). */
  private async submitAccount(e: Event): Promise<void> {
    e.preventDefault()
    const form = e.target as HTMLFormElement
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value
    this.tokenWrong = false
    try {
      const { token, analyst } = await requestJson<AnalystSession>('/api/hub/v1/auth/login', {
        method: 'POST',
        body: { username: field('username').trim(), password: field('password') },
      })
      this.credentialsWrong = false
      this.accountScope = analyst.role === 'governorate' ? analyst.governorate : null
      this.auth.signIn(token, analyst.username, this.accountScope)
      void this.load()
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 400 || err.status === 429)) this.credentialsWrong = true
      else this.failed = true
    }
  }

  private signOut(): void {
    this.auth.signOut()
    this.accountScope = null
    this.data = null
    this.fleet = null
    this.tokenWrong = false
    void this.load()
  }

  /** The CSV through fetch (so the bearer header goes along), saved from a Blob URL under the hub's file name. */
  private async download(e: CsvDownloadEvent): Promise<void> {
    const { by } = e.detail
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

  private signInForm(): TemplateResult {
    return html`<form class="sign-in" data-sign-in @submit=${(e: Event) => this.submitToken(e)}>
      <h2>${this.t('signInTitle')}</h2>
      <p>${this.t('signInHelp')}</p>
      <label>${this.t('tokenLabel')}<input type="password" name="token" autocomplete="current-password" required /></label>
      ${this.tokenWrong ? html`<span class="error" role="alert" data-token-wrong>${this.t('tokenWrong')}</span>` : nothing}
      <button class="primary" type="submit">${this.t('signIn')}</button>
    </form>
    <form class="sign-in" data-analyst-sign-in @submit=${(e: Event) => void this.submitAccount(e)}>
      <h2>${this.t('analystTitle')}</h2>
      <label>${this.t('username')}<input name="username" autocomplete="username" required /></label>
      <label>${this.t('password')}<input type="password" name="password" autocomplete="current-password" required /></label>
      ${this.credentialsWrong ? html`<span class="error" role="alert" data-credentials-wrong>${this.t('badCredentials')}</span>` : nothing}
      <button class="primary" type="submit">${this.t('signIn')}</button>
    </form>`
  }

  private rangeForm(): TemplateResult {
    const chosen = this.chosenRange()
    // the range as the page writes it is the fields' description too, once both hold a day
    const describedBy = chosen === nothing ? undefined : 'chosen-range'
    return html`<form class="range" @submit=${(e: Event) => {
      e.preventDefault()
      void this.load()
    }}>
      <label>${this.t('from')}<input type="date" name="from" aria-describedby=${ifDefined(describedBy)} .value=${this.from} @change=${(e: Event) => this.choose({ from: (e.target as HTMLInputElement).value })} /></label>
      <label>${this.t('to')}<input type="date" name="to" aria-describedby=${ifDefined(describedBy)} .value=${this.to} @change=${(e: Event) => this.choose({ to: (e.target as HTMLInputElement).value })} /></label>
      <button class="primary" type="submit">${this.t('show')}</button>
      ${chosen}
      ${
        // "today" is the summary's day; the analysis view's range is whole weeks or months of days
        this.view === 'analysis'
          ? nothing
          : html`<button type="button" @click=${() => {
              this.choose({ from: this.data?.today ?? '', to: this.data?.today ?? '' })
              void this.load()
            }}>${this.t('today')}</button>`
      }
      ${this.failed ? html`<span class="error" role="alert">${this.t('loadFailed')}</span>` : nothing}
      ${this.rangeTooLong ? html`<span class="error" role="alert" data-range-too-long>${this.t('rangeTooLong')}</span>` : nothing}
      ${this.rangeReversed ? html`<span class="error" role="alert" data-range-reversed>${this.t('rangeReversed')}</span>` : nothing}
      ${this.refused !== null ? this.refusedLine(this.refused) : nothing}
      ${this.csvFailed ? html`<span class="error" role="alert">${this.t('csvFailed')}</span>` : nothing}
    </form>`
  }

  /**
   * The range in the fields, written out in the page's language and digits with the month's name:
   * a date field follows the browser's locale (month first in an American English browser, day
   * first in Arabic), so "05/12/2026" in it says nothing sure (walk of 2026-12-05).
   */
  private chosenRange(): TemplateResult | typeof nothing {
    const day = /^\d{4}-\d{2}-\d{2}$/
    if (!day.test(this.from) || !day.test(this.to)) return nothing
    const f = hubFormat(this.language)
    return html`<span class="chosen-range" id="chosen-range" data-chosen-range role="status">${hubText(
      'chosenRange',
      this.language,
      { from: f.day(this.from), to: f.day(this.to) },
      hubDigits(this.language),
    )}</span>`
  }

  /**
   * A refusal in the page's words for its code (protocol/messages/hub-errors.ts); the hub's own
   * message only for a code the page does not know, or as the detail of a refused value (which
   * field, which value), marked as English and left to right, as the bundle form shows its path.
   */
  private refusedLine(refused: { code: string; message: string }): TemplateResult {
    const said = hubErrorText(refused, this.language) ?? { text: refused.code, lang: 'en' as const }
    const own = said.lang === this.language
    const detail = own && refused.code === 'HUB_ERR_VALIDATION' && refused.message
    return html`<span class="error" role="alert" data-request-refused=${refused.code}>${hubText('requestRefused', this.language, { reason: '' })}${
      own ? said.text : html`<bdi lang="en" dir="ltr">${said.text}</bdi>`
    }${detail ? html` <bdi lang="en" dir="ltr" data-detail>${refused.message}</bdi>` : nothing}</span>`
  }

  private tabs(): TemplateResult {
    const tab = (view: View, label: HubMessageKey) =>
      html`<button type="button" data-view=${view} aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => this.show(view)}>${this.t(label)}</button>`
    // the analysis and bundles tabs take their names from their own catalogues
    const own = (view: View, label: string) =>
      html`<button type="button" data-view=${view} aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => this.show(view)}>${label}</button>`
    return html`<nav class="tabs" aria-label=${this.t('views')}>${tab('figures', 'tabFigures')}${tab('fleet', 'tabFleet')}${own('analysis', analysisText('tabAnalysis', this.language))}${
      this.accountScope === null ? own('bundles', bundleText('tabBundles', this.language)) : nothing
    }</nav>`
  }

  /** `<tabour-hub-analysis>`: it loads its own figures; the range it settles on fills the form. */
  private analysisView(): TemplateResult {
    return html`<tabour-hub-analysis .request=${this.hubGet} .from=${this.analysisRange.from} .to=${this.analysisRange.to} .reload=${this.analysisReload} .language=${this.language}
      @range-known=${(e: RangeKnownEvent) => {
        this.from = e.detail.from
        this.to = e.detail.to
        this.analysisRange = e.detail
      }} @scope-known=${(e: ScopeKnownEvent) => {
        this.accountScope = e.detail.scope
      }} @sign-in-needed=${() => this.askSignIn(this.auth.token)}></tabour-hub-analysis>`
  }

  /** A title: the nation's (`national`), or naming a governorate analyst's governorate (`scoped`): his figures are not the nation's. */
  private titleText(national: HubMessageKey, scoped: 'scopedTitle' | 'scopedDocumentTitle'): string {
    if (this.accountScope === null) return this.t(national)
    return hubText(scoped, this.language, { governorate: governorateName(this.accountScope, this.language) })
  }

  override updated(): void {
    // the browser tab says the same as the heading (index.html has the national one until the page knows)
    document.title = this.titleText('documentTitle', 'scopedDocumentTitle')
  }

  override render(): TemplateResult {
    return html`
      <header>
        <h1 data-title>${this.titleText('title', 'scopedTitle')}</h1>
        <div class="tools">
        <tabour-lang-switch .lang=${this.language} @lang-change=${(e: LangChangeEvent) => {
          this.language = e.detail.lang
          applyLang(this.language)
        }}></tabour-lang-switch>
        ${this.auth.token && !this.signIn ? html`<button type="button" data-sign-out @click=${() => this.signOut()}>${this.t('signOut')}</button>` : nothing}
        </div>
      </header>
      ${this.signIn ? this.signInForm() : this.tabs()}
      ${this.signIn || this.view === 'fleet' || this.view === 'bundles' ? nothing : this.rangeForm()}
      ${this.signIn ? nothing : this.viewBody()}
    `
  }

  /** As the analysis tab does: a governorate analyst's figures and fleet are his governorate's, not the nation's. */
  private scopeNote(): TemplateResult | typeof nothing {
    return this.accountScope === null
      ? nothing
      : html`<p data-scope>${analysisText('scopeNote', this.language, { governorate: governorateName(this.accountScope, this.language) })}</p>`
  }

  /** The chosen tab's content. */
  private viewBody(): TemplateResult {
    switch (this.view) {
      case 'analysis':
        return this.analysisView()
      case 'figures':
        return html`${this.scopeNote()}<tabour-hub-figures .summary=${this.data} .language=${this.language} .query=${this.query()} @csv-download=${(e: CsvDownloadEvent) => void this.download(e)}></tabour-hub-figures>`
      case 'bundles':
        return html`<tabour-hub-bundles .language=${this.language} .token=${this.auth.token} @bundles-sign-in=${() => this.askSignIn(null)}></tabour-hub-bundles>`
      case 'fleet':
        return html`${this.scopeNote()}${this.failed ? html`<p class="error" role="alert" data-load-failed>${this.t('fleetLoadFailed')}</p>` : nothing}<tabour-hub-fleet .fleet=${this.fleet} .language=${this.language}></tabour-hub-fleet>`
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hub-app': HubApp
  }
}
