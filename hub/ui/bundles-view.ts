/**
 * `<tabour-hub-bundles>`: the hub page's configuration bundles tab. The bundles (version, target,
 * when published, how many of their centers run them, refused them or have not said yet), one
 * bundle's centers with the refusal code and reason each refusing center reported, the version
 * every center runs, and the form for a new bundle (`<tabour-hub-bundle-form>`). Managing bundles
 * takes the admin token or a national analyst's session: with another token the tab says so and
 * offers to sign in again (`bundles-sign-in`), and never ends the page's session itself.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { themeStyles } from '../../ui-common/theme.ts'
import type { Lang } from '../../ui-common/i18n.ts'
import { ApiError, requestJson } from '../../ui-common/api-client.ts'
import type { BundleDetail, BundleListItem, BundleTargetView, CenterBundleRow } from '../../protocol/config-bundle.ts'
import type { NationalCatalogue } from '../../protocol/national-catalogue.ts'
import { bundleRefusalText, bundleText, type BundleMessageKey } from '../../protocol/messages/hub-bundles.ts'
import { hubStyles } from './hub-styles.ts'
import { hubFormat, hubDigits } from './hub-format.ts'
import './bundle-form.ts'
import { type BundleRefusal, bundleRefusal } from './bundle-refusal.ts'
import { governorateName } from '../../protocol/governorates.ts'
import { bundleStateSince } from './center-state.ts'
import { startingBundle } from './bundle-draft.ts'
import { PollController } from '../../ui-common/poll-controller.ts'

const API = '/api/hub/v1/config-bundles'
const REFRESH_MS = 60_000

@customElement('tabour-hub-bundles')
export class HubBundlesView extends LitElement {
  static override styles = [themeStyles, hubStyles]

  @property() language: Lang = 'ar'
  /** The page's bearer token (the admin token or an analyst's session); null: none given. */
  @property({ attribute: false }) token: string | null = null

  @state() private bundles: BundleListItem[] | null = null
  @state() private centers: CenterBundleRow[] = []
  @state() private catalogue: NationalCatalogue['services'] = []
  @state() private detail: BundleDetail | null = null
  @state() private newest: BundleDetail | null = null
  /** Why the tab cannot show bundles: 401 (not an admin), 403 (a governorate analyst), or a failure. */
  @state() private refused: 'needsAdmin' | 'nationalOnly' | 'loadFailed' | null = null
  /** The last Publish of a draft the hub did not do: which, and the error (said in the page's language of the moment). */
  @state() private publishError: { version: number; err: unknown } | null = null

  // what the centers report arrives with their heartbeats: the status follows, as the other tabs do
  private readonly poll = new PollController(this, () => this.load(), REFRESH_MS)

  override connectedCallback(): void {
    super.connectedCallback()
    this.poll.start()
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('token') && changed.get('token') !== undefined) void this.load()
  }

  private get<T>(path: string): Promise<T> {
    return requestJson<T>(path, { token: this.token })
  }

  /** The list, every center's version, the catalogue, and the newest published bundle (the form starts from it). */
  async load(): Promise<void> {
    try {
      const [bundles, centers, catalogue] = await Promise.all([
        this.get<BundleListItem[]>(API),
        this.get<CenterBundleRow[]>(`${API}/centers`),
        this.get<NationalCatalogue>('/api/hub/v1/national-services'),
      ])
      // the newest *published* bundle; fetched again only when that changes: a new object every minute made the form start over, edits lost
      const base = startingBundle(bundles)
      if (base?.version !== this.newest?.version) this.newest = base ? await this.get<BundleDetail>(`${API}/${base.version}`) : null
      if (this.detail) this.detail = await this.get<BundleDetail>(`${API}/${this.detail.version}`)
      this.bundles = bundles
      this.centers = centers
      this.catalogue = catalogue.services
      this.refused = null
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0
      this.refused = status === 401 ? 'needsAdmin' : status === 403 ? 'nationalOnly' : 'loadFailed'
    }
  }

  private t(key: BundleMessageKey, values?: Record<string, string | number>): string {
    return bundleText(key, this.language, values, hubDigits(this.language))
  }

  private targetText(target: BundleTargetView): string {
    if (target.kind === 'all') return this.t('targetAll')
    if (target.kind === 'governorate') return this.t('targetGovernorate', { name: governorateName(target.governorate, this.language) })
    return this.t('targetCenters', { count: target.centerIds.length })
  }

  private async show(version: number): Promise<void> {
    this.detail = await this.get<BundleDetail>(`${API}/${version}`)
  }

  /**
   * Publishes a draft. A refusal (or no answer) is said above the list, in the page's words for the
   * hub's code: it was swallowed, and the list reloaded as if the draft had been published (walk s48).
   * The list is reloaded either way: it shows what the bundle is now (a draft still, or published
   * meanwhile from another page).
   */
  private async publish(version: number): Promise<void> {
    this.publishError = null
    try {
      await requestJson(`${API}/${version}/publish`, { method: 'POST', token: this.token })
    } catch (err) {
      this.publishError = { version, err }
    }
    await this.load()
  }

  private publishErrorLine(version: number, r: BundleRefusal): TemplateResult {
    return html`<p class="error" role="alert" data-publish-error=${version}>${this.t('publishFailed', { version, what: r.what })}${
      r.detail ? html` <bdi dir="ltr" lang="en">${r.detail}</bdi>` : nothing
    }</p>`
  }

  private listPart(list: BundleListItem[]): TemplateResult {
    const f = hubFormat(this.language)
    return html`<section data-table="bundles" aria-labelledby="bundles-title">
      <h2 id="bundles-title">${this.t('listTitle')}<button type="button" data-action="refresh" @click=${() => void this.load()}>${this.t('refresh')}</button></h2>
      ${this.publishError ? this.publishErrorLine(this.publishError.version, bundleRefusal(this.publishError.err, this.language)) : nothing}
      ${
        list.length === 0
          ? html`<p>${this.t('none')}</p>`
          : html`<table>
          <thead><tr><th class="n">${this.t('version')}</th><th>${this.t('target')}</th><th>${this.t('published')}</th><th>${this.t('note')}</th>
            <th class="n">${this.t('runs')}</th><th class="n">${this.t('refusedCount')}</th><th class="n">${this.t('pendingCount')}</th><th><span class="muted">${this.t('details')}</span></th></tr></thead>
          <tbody>${list.map(
            (b) => html`<tr data-bundle=${b.version}>
              <td class="n">${f.num(b.version)}</td>
              <td data-col="target">${this.targetText(b.target)}</td>
              <td data-col="published">${b.publishedAt === null ? html`<span class="badge off">${this.t('draft')}</span> <button type="button" data-publish=${b.version} @click=${() => void this.publish(b.version)}>${this.t('publish')}</button>` : f.time(b.publishedAt)}</td>
              <td>${b.note}</td>
              <td class="n" data-col="applied">${this.t('runsOf', { applied: b.centers.applied, targeted: b.centers.targeted })}</td>
              <td class="n" data-col="refused">${f.num(b.centers.refused)}</td>
              <td class="n" data-col="pending">${f.num(b.centers.pending)}</td>
              <td><button type="button" data-show=${b.version} aria-label=${this.t('detailsOf', { version: b.version })} @click=${() => void this.show(b.version)}>${this.t('details')}</button></td>
            </tr>`,
          )}</tbody>
        </table>`
      }
    </section>`
  }

  /**
   * A refusal: why, in the page's language from its stable code; then the code and the center's
   * own English words, isolated left to right with their language, for whoever fixes the center.
   */
  private refusalCell(code: string, reason: string): TemplateResult {
    return html`<span data-refusal-code=${code}>${bundleRefusalText(code, this.language)}</span>
      <small class="muted" data-center-words>${this.t('centerWords')}: <bdi dir="ltr" lang="en"><code>${code}</code> ${reason}</bdi></small>`
  }

  private detailPart(d: BundleDetail): TemplateResult {
    const f = hubFormat(this.language)
    return html`<section data-table="bundle-centers" data-version=${d.version} aria-labelledby="detail-title">
      <h2 id="detail-title">${this.t('detailsOf', { version: d.version })}</h2>
      <table>
        <thead><tr><th>${this.t('center')}</th><th>${this.t('governorate')}</th><th>${this.t('status')}</th><th class="n">${this.t('running')}</th><th>${this.t('reason')}</th><th data-col="since">${this.t('stateSince')}</th></tr></thead>
        <tbody>${d.centers.map(
          (c) => html`<tr data-center=${c.centerId} data-status=${c.status} class=${c.status === 'refused' ? 'offline' : ''}>
            <td>${f.name(c)}</td><td>${governorateName(c.governorate, this.language)}</td>
            <td data-col="status"><span class="badge ${c.status === 'refused' ? 'off' : c.status === 'pending' ? 'waiting' : ''}">${this.t(`status_${c.status}`)}</span></td>
            <td class="n">${c.running === null ? '—' : f.num(c.running)}</td>
            <td data-col="reason">${c.refusedCode ? this.refusalCell(c.refusedCode, c.refusedReason ?? '') : '—'}</td>
            <td data-col="since">${f.time(bundleStateSince(c, d.publishedAt))}</td>
          </tr>`,
        )}</tbody>
      </table>
    </section>`
  }

  private centersPart(): TemplateResult {
    const f = hubFormat(this.language)
    return html`<section data-table="center-versions" aria-labelledby="centers-title">
      <h2 id="centers-title">${this.t('centersTitle')}</h2>
      <table>
        <thead><tr><th>${this.t('center')}</th><th>${this.t('governorate')}</th><th class="n">${this.t('running')}</th><th>${this.t('lastRefusal')}</th><th data-col="since">${this.t('stateSince')}</th></tr></thead>
        <tbody>${this.centers.map(
          (c) => html`<tr data-center=${c.centerId} data-active=${c.active ? 'yes' : 'no'}>
            <td>${f.name(c)}${c.active ? nothing : html` <span class="badge waiting" data-deactivated>${this.t('deactivated')}</span>`}</td><td>${governorateName(c.governorate, this.language)}</td>
            <td class="n" data-col="running">${c.running === null ? this.t('noneRunning') : f.num(c.running)}</td>
            <td data-col="refusal">${c.refused ? html`<span data-refusal-code=${c.refused.code}>${this.t('refusalOf', { version: c.refused.version, reason: bundleRefusalText(c.refused.code, this.language) })}</span>` : '—'}</td>
            <td>${f.time(c.reportedAt)}</td>
          </tr>`,
        )}</tbody>
      </table>
    </section>`
  }

  override render(): TemplateResult {
    if (this.refused)
      return html`<main><p class=${this.refused === 'loadFailed' ? 'error' : ''} role="alert" data-bundles-refused=${this.refused}>${this.t(this.refused)}</p>
        ${this.refused === 'loadFailed' ? nothing : html`<button type="button" data-action="bundles-sign-in" @click=${() => this.dispatchEvent(new CustomEvent('bundles-sign-in', { bubbles: true, composed: true }))}>${this.t(this.token === null ? 'signIn' : 'signInOther')}</button>`}</main>`
    if (!this.bundles) return html`<main></main>`
    return html`<main>
      ${this.listPart(this.bundles)}
      ${this.detail ? this.detailPart(this.detail) : nothing}
      ${this.centersPart()}
      <tabour-hub-bundle-form .language=${this.language} .token=${this.token} .centers=${this.centers} .catalogue=${this.catalogue}
        .last=${this.newest?.contents ?? null} .lastBundle=${this.newest} .lastCenters=${this.bundles.find((b) => b.version === this.newest?.version)?.centers ?? null} .drafts=${this.bundles.filter((b) => b.publishedAt === null).length} @bundle-published=${(e: CustomEvent<{ version: number }>) => void this.load().then(() => this.show(e.detail.version))} @bundle-drafted=${() => void this.load()}></tabour-hub-bundle-form>
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hub-bundles': HubBundlesView
  }
}
