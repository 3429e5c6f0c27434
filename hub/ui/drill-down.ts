/**
 * `<tabour-hub-drill>`: the drill-down governorate → its centers → a center's services → that
 * service by hour, one table per level with breadcrumbs back up. Every name that goes a level down
 * is a button (keyboard: Tab and Enter), and after a move the new level's heading takes the focus
 * so a screen reader says where it is. Properties in: `path`, `rows` (the level's figures),
 * `status`, `language`; out: `drill` events with the path asked for (the analysis view loads it).
 */
import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { Lang } from '../../ui-common/i18n.ts'
import type { FigureRow } from '../../protocol/hub-api.ts'
import { MAX_HOUR_RANGE_DAYS } from '../../protocol/hub-analysis.ts'
import { analysisText, type AnalysisMessageKey } from '../../protocol/messages/hub-analysis.ts'
import { themeStyles } from '../../ui-common/theme.ts'
import { hubFormat, hubDigits } from './hub-format.ts'
import { hubStyles } from './hub-styles.ts'
import { figureCells } from './figure-cells.ts'
import { inGovernorateOrder } from './governorate-order.ts'
import { governorateName } from '../../protocol/governorates.ts'
import { nameIn } from '../../protocol/name-in-language.ts'

/** A named step of the path (a center or a national service). */
export interface Named {
  key: string
  nameAr: string
  nameEn: string
}

/** Where the drill-down is: nothing (all governorates; the analysis view gives a governorate analyst his own), a governorate, a center of it, a service of that center. */
export interface DrillPath {
  governorate?: string
  center?: Named
  service?: Named
}

export type DrillLevel = 'governorate' | 'center' | 'service' | 'hour'
export const levelOf = (p: DrillPath): DrillLevel => (p.service ? 'hour' : p.center ? 'service' : p.governorate ? 'center' : 'governorate')

/** What the level's rows are: loaded, on their way, or refused for a reason the view says. */
export type DrillStatus = 'ready' | 'loading' | 'range-too-long' | 'forbidden' | 'failed'

export type DrillEvent = CustomEvent<DrillPath>

@customElement('tabour-hub-drill')
export class HubDrill extends LitElement {
  static override styles = [
    themeStyles,
    hubStyles,
    css`
      :host {
        display: block;
      }
      nav ol {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        list-style: none;
        padding: 0;
        margin: 0 0 var(--tabour-space-1);
      }
      nav li + li::before {
        content: '›';
        margin-inline-end: 0.3rem;
      }
      :host(:dir(rtl)) nav li + li::before {
        content: '‹';
      }
      /*
       * A row's name or hour on one line: «مركز / سموحة» broke in a narrow column, and an hour broke
       * after its dash («٧:٠٠ –» / «٨:٠٠»: a line may break after an en dash, no-break spaces or not)
       * (walk of 2026-12-06). An unmapped service's note under its name still wraps.
       */
      tbody th {
        white-space: nowrap;
      }
      tbody th .tag {
        white-space: normal;
      }
      button.link {
        border: none;
        background: none;
        padding: 0;
        color: var(--tabour-primary);
        text-decoration: underline;
        cursor: pointer;
      }
      button.link:focus-visible,
      h3:focus-visible {
        outline: 3px solid var(--tabour-focus, #ffc20e);
        outline-offset: 2px;
      }
      h3 {
        margin: 0 0 var(--tabour-space-1);
        font-size: 1.1rem;
      }
      .note {
        color: #4a5568;
        margin: var(--tabour-space-1) 0 0;
      }
    `,
  ]

  @property({ attribute: false }) path: DrillPath = {}
  @property({ attribute: false }) rows: FigureRow[] = []
  @property() status: DrillStatus = 'loading'
  @property() language: Lang = 'ar'
  /** A governorate analyst's governorate ('' national): the root is his governorate, named, not "all governorates". */
  @property() scope = ''
  private focusHeading = false

  private t(key: AnalysisMessageKey, values?: Record<string, string | number>): string {
    return analysisText(key, this.language, values, hubDigits(this.language))
  }

  private go(path: DrillPath): void {
    this.focusHeading = true
    this.dispatchEvent(new CustomEvent('drill', { detail: path, bubbles: true, composed: true }))
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('path') && this.focusHeading) {
      this.focusHeading = false
      this.renderRoot.querySelector<HTMLElement>('h3')?.focus()
    }
  }

  private governorateName(value: string): string {
    return governorateName(value, this.language)
  }

  private named(n: Named): string {
    return nameIn(n, this.language)
  }

  private crumbs(): TemplateResult {
    const p = this.path
    const steps: { label: string; to: DrillPath }[] = [
      { label: this.scope ? this.governorateName(this.scope) : this.t('allGovernorates'), to: {} },
    ]
    if (p.governorate && p.governorate !== this.scope)
      steps.push({ label: this.governorateName(p.governorate), to: { governorate: p.governorate } })
    if (p.center) steps.push({ label: this.named(p.center), to: { governorate: p.governorate, center: p.center } })
    if (p.service) steps.push({ label: this.named(p.service), to: p })
    return html`<nav aria-label=${this.t('drillPath')} data-breadcrumbs><ol>
      ${steps.map((s, i) =>
        i === steps.length - 1
          ? html`<li><span aria-current="location" data-crumb=${i}>${s.label}</span></li>`
          : html`<li><button type="button" class="link" data-crumb=${i} @click=${() => this.go(s.to)}>${s.label}</button></li>`,
      )}
    </ol></nav>`
  }

  private heading(level: DrillLevel): string {
    const p = this.path
    if (level === 'center') return this.t('centersOf', { name: this.governorateName(p.governorate ?? '') })
    if (level === 'service') return this.t('servicesOf', { name: p.center ? this.named(p.center) : '' })
    if (level === 'hour') return this.t('byHourOf', { name: p.service ? this.named(p.service) : '' })
    return this.t('byGovernorate')
  }

  /** The row's name: a button a level down, or plain text at the bottom (an hour) or for a service without a national code. */
  private nameCell(level: DrillLevel, r: FigureRow): TemplateResult {
    const f = hubFormat(this.language)
    const p = this.path
    if (level === 'hour') return html`${f.hourSpan(Number(r.key))}`
    const label = level === 'governorate' ? this.governorateName(r.key) : f.name(r)
    if (level === 'service' && r.mapped === false) return html`${label} <span class="tag">${this.t('unmappedNoHours')}</span>`
    const next: DrillPath =
      level === 'governorate'
        ? { governorate: r.key }
        : level === 'center'
          ? { governorate: p.governorate, center: { key: r.key, nameAr: r.nameAr, nameEn: r.nameEn } }
          : { ...p, service: { key: r.key, nameAr: r.nameAr, nameEn: r.nameEn } }
    return html`<button type="button" class="link" data-drill=${r.key} @click=${() => this.go(next)}>${label}</button>`
  }

  private body(level: DrillLevel): TemplateResult {
    if (this.status === 'range-too-long')
      return html`<p class="error" role="alert" data-drill-error="range">${this.t('hourRangeTooLong', { days: MAX_HOUR_RANGE_DAYS })}</p>`
    if (this.status === 'forbidden') return html`<p class="error" role="alert" data-drill-error="forbidden">${this.t('forbidden')}</p>`
    if (this.status === 'failed') return html`<p class="error" role="alert" data-drill-error="failed">${this.t('loadFailed')}</p>`
    if (this.status === 'loading') return html``
    if (this.rows.length === 0) return html`<p data-drill-empty>${this.t('nothingHere')}</p>`
    const f = hubFormat(this.language)
    // governorates in the page's one order of them (the hub answers by code); centers, services and hours as answered
    const rows = level === 'governorate' ? inGovernorateOrder(this.rows, this.language, (r) => r.key) : this.rows
    // the within-target share's other count beside it (figure-cells.ts pastTargetCells), and what it counts under the table
    return html`<table data-table="drill" data-level=${level} aria-describedby="past-target-note finished-note">
      <thead><tr>
        <th scope="col">${this.t(level === 'hour' ? 'hour' : level)}</th>
        <th scope="col" class="n">${this.t('issued')}</th><th scope="col" class="n">${this.t('served')}</th>
        <th scope="col" class="n">${this.t('avgWait')}</th><th scope="col" class="n">${this.t('sla')}</th>
        <th scope="col" class="n">${this.t('noShow')}</th><th scope="col" class="n">${this.t('leftPastTarget')}</th><th scope="col" class="n">${this.t('waitingPastTarget')}</th>
      </tr></thead>
      <tbody>${rows.map(
        (r) => html`<tr data-key=${r.key}>
          <th scope="row">${this.nameCell(level, r)}</th>
          ${figureCells(r, f, this.t('noData'), true)}
        </tr>`,
      )}</tbody>
    </table>
    <p class="note" id="past-target-note" data-note="past-target">${this.t('pastTargetNote')}</p>
    <p class="note" id="finished-note" data-note="finished">${this.t('finishedNote')}</p>`
  }

  override render(): TemplateResult {
    const level = levelOf(this.path)
    return html`<section data-drill-level=${level} aria-labelledby="drill-title" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      <h2 id="drill-title">${this.t('drillTitle')}</h2>
      ${this.crumbs()}
      <h3 tabindex="-1" data-drill-heading>${this.heading(level)}</h3>
      ${this.body(level)}
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hub-drill': HubDrill
  }
}
