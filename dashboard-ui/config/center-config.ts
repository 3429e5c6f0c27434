/**
 * `<tabour-center-config>`: the center's settings and the displays' news line, then the change
 * log; for a manager (`settingsToo` false) the news line and the finish outcomes only, the two
 * things here the API lets a manager change (PUT /center/news, PUT /center/finish-outcomes). Only the settings whose field changed are written: saving one does not pin every other
 * setting to its current value (an untouched one keeps following the config file).
 */
import { css, html, nothing, type TemplateResult } from 'lit'
import type { Lang } from '../../ui-common/i18n.ts'
import { customElement, property, state } from 'lit/decorators.js'
import type { AuditEntry, PutSettingsBody, SettingsReply } from '../../protocol/settings.ts'
import type { CenterBundleState } from '../../protocol/config-bundle.ts'
import { configText } from '../../protocol/messages/config-forms.ts'
import { categoriesToText, momentInWords, textToCategories } from '../format.ts'
import { bundleRefusalNote, hubManagedHint, noBundleRoute } from './hub-bundle-note.ts'
import { ConfigForm, intOrNull, str, type FieldSpec, type Values } from './config-form.ts'
import { formatNumber } from '../../ui-common/digits.ts'
import { namePart } from '../../ui-common/bilingual.ts'
import {
  auditActorText,
  auditChangeText,
  auditDetailKey,
  auditFieldChangeText,
  auditText,
  byHub,
} from '../../protocol/messages/audit-log.ts'
import './finish-outcomes-config.ts'

/** The IANA zones the browser knows (a fixed list: a select), the center's own first. */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return [current, ...known.filter((z) => z !== current)]
}

const SETTINGS = [
  'nameAr',
  'nameEn',
  'timeZone',
  'callPolicy',
  'maxPriorityInARow',
  'priorityAgingSeconds',
  'priorityCategories',
  'digits',
  'language',
  'feedbackWindowMinutes',
  'feedbackAlertBelowAverage',
  'feedbackAlertMinRatings',
  'feedbackAlertWindowMinutes',
] as const

@customElement('tabour-center-config')
export class CenterConfig extends ConfigForm {
  static override styles = [
    ...ConfigForm.styles,
    css`
      form {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.8rem 1.5rem;
        max-inline-size: 75rem;
      }
      form > h2,
      form > .actions,
      form > p,
      form > [data-bundle-refused],
      form > [data-field='priorityCategories'] {
        grid-column: 1 / -1;
      }
      .card.audit,
      tabour-finish-outcomes-config {
        display: block;
        margin-block-start: 1rem;
      }
      /* a change's time on one line: at 1366 px a long change squeezed it to «Monday, 7 December 2026, / 9:51 PM» (walk s53) */
      td[data-when] {
        white-space: nowrap;
      }
      /* what an edit changed, a line a field, under its sentence */
      ul[data-changes] {
        margin: 0.25rem 0 0;
        padding-inline-start: 1.25rem;
      }
      /* the request as received: long JSON wraps inside its cell, never widens the table */
      [data-request] {
        display: block;
        overflow-wrap: anywhere;
        font-size: 0.8rem;
      }
    `,
  ]

  /** The center's settings and the change log too (an admin's); false: the news line and the finish outcomes (a manager's). Default true. */
  @property({ type: Boolean }) settingsToo = true
  /**
   * The center's zone (the dashboard's session reads the settings at sign-in), for a manager's form,
   * which reads no settings: its dates were Cairo's for a center elsewhere. Default Africa/Cairo.
   */
  @property() timeZone = 'Africa/Cairo'
  @state() private settings: SettingsReply | null = null
  @state() private audit: AuditEntry[] = []
  @state() private bundle: CenterBundleState | null = null

  override connectedCallback(): void {
    super.connectedCallback()
    // a failed load is said in words (never "loading…" for ever)
    this.reload().catch((err: unknown) => this.showError(err))
  }

  private async reload(): Promise<void> {
    if (!this.settingsToo) {
      // the settings and their log are an admin's: a manager's form asks for none of them
      const [news, bundle] = await Promise.all([this.api.news(), this.api.configBundle().catch(noBundleRoute)])
      this.bundle = bundle
      this.load({ newsAr: news.ar, newsEn: news.en })
      return
    }
    const [settings, news, audit, bundle] = await Promise.all([
      this.api.settings(),
      this.api.news(),
      this.api.audit(),
      this.api.configBundle().catch(noBundleRoute),
    ])
    this.settings = settings
    this.audit = audit
    this.bundle = bundle
    const v = settings.values
    this.load({
      nameAr: v.nameAr,
      nameEn: v.nameEn,
      timeZone: v.timeZone,
      callPolicy: v.callPolicy,
      maxPriorityInARow: str(v.maxPriorityInARow),
      priorityAgingSeconds: str(v.priorityAgingSeconds),
      priorityCategories: categoriesToText(v.priorityCategories),
      digits: v.digits,
      language: v.language,
      feedbackWindowMinutes: str(v.feedbackWindowMinutes),
      feedbackAlertBelowAverage: str(v.feedbackAlertBelowAverage),
      feedbackAlertMinRatings: str(v.feedbackAlertMinRatings),
      feedbackAlertWindowMinutes: str(v.feedbackAlertWindowMinutes),
      newsAr: news.ar,
      newsEn: news.en,
    })
  }

  protected fields(): FieldSpec[] {
    const l = this.lang
    const overridden = new Set(this.settings?.overridden ?? [])
    const defaults = (this.settings?.defaults ?? {}) as Record<string, unknown>
    // what the hub's running bundle sets: its note wins (a change here lasts only until the next bundle)
    const running = this.bundle?.running
    const hubManaged = (name: string) => running?.managed.includes(name === 'newsAr' || name === 'newsEn' ? 'announcement' : name)
    // the config file's value as the field shows its own: a choice by its label (never the API's word "western"),
    // a number in the screen's digits
    const defaultText = (name: string, options?: FieldSpec['options']) => {
      if (name === 'priorityCategories')
        return categoriesToText((this.settings?.defaults.priorityCategories ?? []).slice()).replaceAll('\n', '; ')
      const value = defaults[name]
      const option = options?.find((o) => o.value === String(value))
      if (option) return option.label
      return typeof value === 'number' ? formatNumber(value, { digits: this.digits, maximumFractionDigits: 2 }) : String(value ?? '')
    }
    const hint = (name: string, options?: FieldSpec['options']) =>
      hubManaged(name)
        ? { hint: hubManagedHint(this.bundle!, l, this.digits) }
        : overridden.has(name)
          ? { hint: configText('config.overridden', l, { value: defaultText(name, options) }) }
          : {}
    const f = (name: (typeof SETTINGS)[number], rest: Partial<FieldSpec> = {}): FieldSpec => ({
      name,
      // a label that names its scale (feedbackAlertBelowAverage: of 5) takes it from the field's own max
      label: configText(`f.${name}`, l, { max: rest.max ?? '' }, this.digits),
      ...hint(name, rest.options),
      ...rest,
    })
    const news: FieldSpec[] = [
      { name: 'newsAr', label: configText('f.newsAr', l), lang: 'ar', ...hint('newsAr') },
      { name: 'newsEn', label: configText('f.newsEn', l), lang: 'en', ...hint('newsEn') },
    ]
    if (!this.settingsToo) return news
    return [
      f('nameAr', { lang: 'ar' }),
      f('nameEn', { lang: 'en' }),
      f('timeZone', { kind: 'select', ltr: true, options: timeZones(str(this.initial.timeZone)).map((z) => ({ value: z, label: z })) }),
      f('callPolicy', {
        kind: 'select',
        options: (['fifo', 'priority', 'sla'] as const).map((p) => ({ value: p, label: configText(`policy.${p}`, l) })),
      }),
      f('maxPriorityInARow', { kind: 'number', min: 1, max: 50 }),
      f('priorityAgingSeconds', { kind: 'number', min: 60, max: 86_400 }),
      f('priorityCategories', { kind: 'textarea' }),
      f('digits', {
        kind: 'select',
        options: (['western', 'arabic-indic'] as const).map((d) => ({ value: d, label: configText(`digits.${d}`, l) })),
      }),
      f('language', {
        kind: 'select',
        options: [
          { value: 'ar', label: 'العربية' },
          { value: 'en', label: 'English' },
        ],
      }),
      f('feedbackWindowMinutes', { kind: 'number', min: 1, max: 1440 }),
      f('feedbackAlertBelowAverage', { kind: 'number', min: 1, max: 5, step: '0.1' }),
      f('feedbackAlertMinRatings', { kind: 'number', min: 1, max: 1000 }),
      f('feedbackAlertWindowMinutes', { kind: 'number', min: 5, max: 1440 }),
      ...news,
    ]
  }

  override render(): TemplateResult {
    if (!this.loaded) return this.loading()
    const l = this.lang
    // an admin's form has the settings it edits (a zone just saved here among them); a manager's, the session's
    const tz = this.settings?.values.timeZone ?? this.timeZone
    return html`<form class="card" data-form="center" aria-labelledby="form-title" novalidate @submit=${this.onSubmit}>
        <h2 id="form-title">${configText(this.settingsToo ? 'config.center' : 'config.newsLine', l)}</h2>
        ${this.refusalNote(tz)} ${this.fields().map((f) => this.field(f))} ${this.footer()}
      </form>
      <tabour-finish-outcomes-config .api=${this.api} .lang=${l} .digits=${this.digits}></tabour-finish-outcomes-config>
      ${this.settingsToo ? this.auditCard(l, tz) : nothing}`
  }

  /** A bundle this center refused: which, when and why, said where the settings it would have set are (walk s52). */
  private refusalNote(tz: string): TemplateResult | typeof nothing {
    const note = bundleRefusalNote(this.bundle, tz, this.lang, this.digits)
    if (!note) return nothing
    return html`<div class="error" role="status" data-bundle-refused=${this.bundle!.lastRefusal!.version}>${note.text}
        <details><summary class="muted">${configText('config.bundleRefused.reason', this.lang)}</summary><code dir="ltr" data-reason>${note.reason}</code></details>
      </div>`
  }

  private auditCard(l: Lang, tz: string): TemplateResult {
    return html`<section class="card audit scroll" aria-labelledby="audit-title">
        <h2 id="audit-title">${configText('config.audit', l)}</h2>
        <table data-table="audit">
          <thead><tr><th>${auditText('audit.when', l)}</th><th>${auditText('audit.who', l)}</th><th>${auditText('audit.what', l)}</th></tr></thead>
          <tbody>
            ${this.audit.map(
              (a) =>
                html`<tr data-audit=${a.id} data-command=${a.command ?? ''}><td data-when>${momentInWords(a.at, tz, l, this.digits)}</td><td data-who>${auditActorText(a, a.deviceName === null ? null : namePart(a.deviceName, l), l)}</td><td>${this.auditChange(a)}</td></tr>`,
            )}
          </tbody>
        </table>
      </section>`
  }

  /** What a change did, as a sentence in the page's language; the request as it came, folded under it for an admin who wants it. */
  private auditChange(a: AuditEntry): TemplateResult {
    const l = this.lang
    const sentence = auditChangeText(a, a.subject === null ? null : namePart(a.subject, l), l, this.digits)
    // a change the hub's bundle made came with no request: what the bundle wrote, not «PUT /calendar …» (walk s51)
    const hub = byHub(a)
    // what an edit changed, a line a field (walk s55: "Counter … edited" said nothing of the zone it moved to)
    const changes = a.changes?.length
      ? html`<ul class="changes" data-changes>${a.changes.map((c) => html`<li data-field=${c.field}>${auditFieldChangeText(c, l, this.digits)}</li>`)}</ul>`
      : nothing
    return html`<span data-sentence>${sentence}</span>${changes}
      <details>
        <summary class="muted">${auditText(auditDetailKey(a), l)}</summary>
        <code dir="ltr" data-request>${hub ? '' : `${a.method} ${a.route} `}${JSON.stringify(a.body)}</code>
      </details>`
  }

  /** The changed settings only, typed as the API takes them. */
  private settingsBody(changed: Set<string>): PutSettingsBody | null {
    const v: Values = this.values
    const typed: Record<(typeof SETTINGS)[number], unknown> = {
      nameAr: str(v.nameAr).trim(),
      nameEn: str(v.nameEn).trim(),
      timeZone: str(v.timeZone),
      callPolicy: v.callPolicy,
      maxPriorityInARow: intOrNull(v.maxPriorityInARow),
      priorityAgingSeconds: intOrNull(v.priorityAgingSeconds),
      priorityCategories: textToCategories(str(v.priorityCategories)),
      digits: v.digits,
      language: v.language,
      feedbackWindowMinutes: intOrNull(v.feedbackWindowMinutes),
      feedbackAlertBelowAverage: intOrNull(v.feedbackAlertBelowAverage),
      feedbackAlertMinRatings: intOrNull(v.feedbackAlertMinRatings),
      feedbackAlertWindowMinutes: intOrNull(v.feedbackAlertWindowMinutes),
    }
    const body = Object.fromEntries(SETTINGS.filter((k) => changed.has(k)).map((k) => [k, typed[k]]))
    return Object.keys(body).length === 0 ? null : (body as PutSettingsBody)
  }

  private readonly onSubmit = async (e: Event) => {
    e.preventDefault()
    this.errors = {}
    this.notice = null
    const changed = new Set(this.changed())
    const settings = this.settingsBody(changed)
    const news = changed.has('newsAr') || changed.has('newsEn')
    if (!settings && !news) {
      this.notice = configText('form.unchanged', this.lang)
      return
    }
    await this.saveWith(async () => {
      if (settings) await this.api.putSettings(settings)
      if (news) await this.api.putNews({ ar: str(this.values.newsAr), en: str(this.values.newsEn) })
      await this.reload()
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-center-config': CenterConfig
  }
}
