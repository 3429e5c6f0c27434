/** `<tabour-services-config>`: the services, and a form to add one or edit the chosen one. */
import { css, html, nothing, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { ServiceWithQueue } from '../../protocol/entities.ts'
import { configText } from '../../protocol/messages/config-forms.ts'
import { staffingText } from '../../protocol/messages/staffing.ts'
import { ConfigForm, intOrNull, str, type FieldSpec, type Values } from './config-form.ts'
import { num } from '../format.ts'
import { inLang } from '../../ui-common/bilingual.ts'
import { MAX_DOCUMENTS, type ServiceGroup } from '../../protocol/service-menu.ts'
import { serviceMenuText } from '../../protocol/messages/service-menu.ts'
import { documentFields, documentsOf, documentValues, isDocumentField, withoutDocument } from './documents-fields.ts'
import { iconOptions } from './service-groups-config.ts'
import './service-groups-config.ts'
import type { NationalService } from '../../protocol/national-catalogue.ts'
import { lockedNationalCode, nationalCodeSpec } from './national-code-field.ts'
import { lockedField } from './locked-field.ts'
import { chosenTwice, isStepField, stepFields, stepsOf, stepValues } from './steps-fields.ts'
import { MAX_ROUTE_STEPS } from '../../protocol/visit-steps.ts'
import { visitStepsText } from '../../protocol/messages/visit-steps.ts'
import { ApiError } from '../../ui-common/api-client.ts'
import { ErrorCodes } from '../../protocol/error-codes.ts'
import { nameIn } from '../../protocol/name-in-language.ts'

const BLANK: Values = {
  prefix: '',
  nameAr: '',
  nameEn: '',
  targetWaitSeconds: '900',
  dailyCap: '',
  active: true,
  whenUnstaffed: 'not-offered',
  confirmDocuments: true,
  groupId: '',
  icon: '',
  nationalCode: '',
}

/** The route was refused and already said beside its pickers: nothing more to show. */
class StepsRefused extends Error {}

@customElement('tabour-services-config')
export class ServicesConfig extends ConfigForm {
  @state() private services: ServiceWithQueue[] = []
  /** The kiosk menu's groups, for the group choice (issue 21). */
  @state() private groups: ServiceGroup[] = []
  /** The hub's national catalogue as this center holds it (issue 23). */
  @state() private catalogue: NationalService[] = []
  /** How many document rows the form shows. */
  @state() private documentRows = 0
  /** Whether the services and groups have been asked for, and whether that failed (said, never shown as an empty list). */
  @state() private list: 'loading' | 'loaded' | 'failed' = 'loading'
  /** The national catalogue could not be loaded: the codes show as themselves, and the form says so. */
  @state() private catalogueFailed = false

  override connectedCallback(): void {
    super.connectedCallback()
    this.load(BLANK)
    void this.reload()
  }

  private async reload(): Promise<void> {
    const [list, catalogue] = await Promise.allSettled([
      Promise.all([this.api.services(), this.api.serviceGroups()]),
      this.api.nationalCodes(),
    ])
    if (list.status === 'fulfilled') [this.services, this.groups] = list.value
    this.list = list.status === 'fulfilled' ? 'loaded' : 'failed'
    if (catalogue.status === 'fulfilled') this.catalogue = catalogue.value.services
    this.catalogueFailed = catalogue.status === 'rejected'
  }

  private readonly retry = () => {
    this.list = this.list === 'failed' ? 'loading' : this.list
    void this.reload()
  }

  /** The list, or why there is none; a failure offers to try again. */
  private listBody(): TemplateResult {
    const l = this.lang
    if (this.list === 'loading') return html`<p class="muted" role="status">${configText('common.loading', l)}</p>`
    if (this.list === 'failed')
      return html`<p class="error" role="alert" data-load-error="services">${configText('config.load.services.failed', l)}</p>
        <button type="button" class="secondary" data-action="retry-load" @click=${this.retry}>${configText('config.load.retry', l)}</button>`
    return html`<table data-table="services">
          <thead><tr><th><span class="muted">${configText('common.edit', l)}</span></th><th>${configText('f.prefix', l)}</th><th>${configText('f.name', l)}</th><th class="n">${configText('f.targetWaitSeconds', l)}</th><th class="n">${configText('f.dailyCap', l)}</th><th>${configText('f.active', l)}</th></tr></thead>
          <tbody>
            ${this.services.map(
              (s) => html`<tr data-service=${s.prefix} ?data-selected=${this.editing === s.id}>
                <td><button type="button" class="secondary" data-edit=${s.id} aria-label=${configText('form.edit.services', l, { name: s.prefix })} @click=${() => this.edit(s)}>${configText('common.edit', l)}</button></td>
                <td>${s.prefix}</td><td class="wrap" data-names><span class="name-line">${inLang(s.nameAr, 'ar')}</span><span class="name-line">${inLang(s.nameEn, 'en')}</span></td><td class="n">${num(s.targetWaitSeconds, this.digits)}</td><td class="n">${num(s.dailyCap, this.digits)}</td><td>${configText(s.active ? 'common.yes' : 'common.no', l)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
  }

  protected override load(values: Values, editing: number | null = null): void {
    super.load(values, editing)
    this.documentRows = Object.keys(values).filter((k) => k.endsWith('/ar') && isDocumentField(k)).length
  }

  protected fields(): FieldSpec[] {
    const l = this.lang
    const t = (k: 'f.prefix' | 'f.nameAr' | 'f.nameEn' | 'f.targetWaitSeconds' | 'f.dailyCap' | 'f.active') => configText(k, l)
    return [
      { name: 'prefix', label: t('f.prefix'), ltr: true, hint: configText('err.prefix.pattern', l, { field: t('f.prefix') }) },
      { name: 'nameAr', label: t('f.nameAr'), lang: 'ar' },
      { name: 'nameEn', label: t('f.nameEn'), lang: 'en' },
      { name: 'targetWaitSeconds', label: t('f.targetWaitSeconds'), kind: 'number', min: 1, hint: this.targetWaitHint() },
      { name: 'dailyCap', label: t('f.dailyCap'), kind: 'number', min: 1 },
      { name: 'active', label: t('f.active'), kind: 'check', hint: configText('service.activeHint', l) },
      nationalCodeSpec(this.catalogue, str(this.values.nationalCode), l),
      // issue 14: what the kiosk does while no open or paused counter serves the service
      {
        name: 'whenUnstaffed',
        label: staffingText('staffing.whenUnstaffed', l),
        kind: 'select',
        options: (['not-offered', 'offer-without-estimate'] as const).map((w) => ({
          value: w,
          label: staffingText(`staffing.whenUnstaffed.${w}`, l),
        })),
      },
      // issue 21: the kiosk menu and what to bring
      {
        name: 'groupId',
        label: serviceMenuText('form.group', l),
        kind: 'select',
        options: [
          { value: '', label: serviceMenuText('form.noGroup', l) },
          ...this.groups.map((g) => ({ value: String(g.id), label: nameIn(g, l) })),
        ],
      },
      { name: 'icon', label: serviceMenuText('form.icon', l), kind: 'select', options: iconOptions(l) },
      { name: 'confirmDocuments', label: serviceMenuText('form.confirmDocuments', l), kind: 'check' },
      { name: 'documents', label: serviceMenuText('form.documents', l) },
      ...documentFields(this.documentRows, l, this.digits),
      { name: 'steps', label: visitStepsText('steps.form.legend', l) },
      ...stepFields(this.values, this.services, this.editing, l, this.digits),
    ]
  }

  /** The typed target wait read back in minutes (900 when nothing usable is typed yet, as an example). */
  private targetWaitHint(): string {
    const typed = Number(str(this.values.targetWaitSeconds).trim() || Number.NaN)
    const seconds = Number.isInteger(typed) && typed > 0 ? typed : 900
    return configText('service.targetWaitHint', this.lang, { seconds, minutes: Math.floor(seconds / 60), rest: seconds % 60 }, this.digits)
  }

  static override styles = [
    ...ConfigForm.styles,
    css`
      .doc-row {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) auto;
        gap: 0.4rem;
        align-items: end;
      }
      tabour-service-groups-config {
        display: block;
        margin-block-start: 1rem;
      }
    `,
  ]

  /** The document rows: Arabic and English side by side, a remove button each, and "add" up to the limit. */
  private documentsFieldset(): TemplateResult {
    const l = this.lang
    const specs = this.fields().filter((f) => isDocumentField(f.name))
    const err = this.errors.documents
    return html`<fieldset data-field="documents" aria-describedby="documents-hint">
      <legend>${serviceMenuText('form.documents', l)}</legend>
      <p class="muted" id="documents-hint">${serviceMenuText('form.documentsHint', l, { max: MAX_DOCUMENTS }, this.digits)}</p>
      ${Array.from(
        { length: this.documentRows },
        (_, i) => html`<div class="doc-row" data-document-row=${i}>
          ${this.field(specs[2 * i])} ${this.field(specs[2 * i + 1])}
          <button type="button" class="secondary" data-remove-document=${i} aria-label=${serviceMenuText('form.removeDocument', l, { n: i + 1 }, this.digits)} @click=${() => this.removeDocument(i)}>✕</button>
        </div>`,
      )}
      ${err ? html`<span class="error" data-field-error="documents">${err}</span>` : ''}
      <button type="button" class="secondary" data-action="add-document" ?disabled=${this.documentRows >= MAX_DOCUMENTS} @click=${this.addDocument}>
        ${serviceMenuText('form.addDocument', l)}
      </button>
    </fieldset>`
  }

  /** The route's pickers: the services a visit issued for this one passes after it, in order. */
  private stepsFieldset(): TemplateResult {
    const l = this.lang
    const err = this.errors.steps
    return html`<fieldset data-field="steps" aria-describedby=${err ? 'steps-hint steps-error' : 'steps-hint'}>
      <legend>${visitStepsText('steps.form.legend', l)}</legend>
      <p class="muted" id="steps-hint">${visitStepsText('steps.form.hint', l, { max: MAX_ROUTE_STEPS }, this.digits)}</p>
      ${this.fields()
        .filter((f) => isStepField(f.name))
        .map((f) => this.field(f))}
      ${err ? html`<span class="error" id="steps-error" data-field-error="steps">${err}</span>` : nothing}
    </fieldset>`
  }

  private readonly addDocument = () => {
    this.values = { ...this.values, [`documents/${this.documentRows}/ar`]: '', [`documents/${this.documentRows}/en`]: '' }
    this.documentRows++
  }

  private removeDocument(i: number): void {
    this.values = withoutDocument(this.values, i, this.documentRows)
    this.documentRows--
  }

  override render(): TemplateResult {
    const l = this.lang
    const editing = this.services.find((s) => s.id === this.editing)
    const title = editing ? configText('form.edit.services', l, { name: editing.prefix }) : configText('form.add.services', l)
    return html`<div class="cols">
      <section class="card scroll" aria-labelledby="list-title">
        <h2 id="list-title">${configText('config.list.services', l)}</h2>
        ${this.listBody()}
      </section>
      <form class="card" data-form="services" data-mode=${this.editing === null ? 'create' : 'edit'} aria-labelledby="form-title" novalidate @submit=${this.onSubmit}>
        <h2 id="form-title">${title}</h2>
        ${
          this.catalogueFailed
            ? html`<p class="error" role="alert" data-load-error="catalogue">${configText('config.load.catalogue.failed', l)}
                <button type="button" class="secondary" data-action="retry-catalogue" @click=${this.retry}>${configText('config.load.retry', l)}</button></p>`
            : nothing
        }
        ${this.fields()
          .filter((f) => f.name !== 'documents' && f.name !== 'steps' && !isDocumentField(f.name) && !isStepField(f.name))
          .map((f) =>
            // the hub maps a service by its letter: while it maps this one, the letter is the hub's too (walk s52)
            f.name === 'prefix' && editing?.nationalCodeLocked
              ? lockedField('prefix', f.label, editing.prefix, configText('f.prefix.hubManaged', l), true)
              : f.name === 'nationalCode' && editing?.nationalCodeLocked
                ? lockedNationalCode(this.catalogue, editing.nationalCode ?? '', l)
                : this.field(f),
          )}
        ${this.documentsFieldset()} ${this.stepsFieldset()}
        ${this.footer(this.editing === null ? html`` : html`<button type="button" class="secondary" @click=${() => this.load(BLANK)}>${configText('common.cancel', l)}</button>`)}
      </form>
    </div>
    <tabour-service-groups-config .api=${this.api} .lang=${l} .digits=${this.digits} @config-changed=${() => void this.reload()}></tabour-service-groups-config>`
  }

  private edit(s: ServiceWithQueue): void {
    this.load(
      {
        prefix: s.prefix,
        nameAr: s.nameAr,
        nameEn: s.nameEn,
        targetWaitSeconds: str(s.targetWaitSeconds),
        dailyCap: str(s.dailyCap),
        active: s.active,
        whenUnstaffed: s.whenUnstaffed,
        confirmDocuments: s.confirmDocuments !== false,
        groupId: str(s.groupId),
        icon: s.icon ?? '',
        nationalCode: s.nationalCode ?? '',
        ...documentValues(s.documents ?? []),
      },
      s.id,
    )
    void this.loadSteps(s.id)
  }

  /** The route of the service being edited, once it arrives (and only if it is still the one edited). */
  private async loadSteps(id: number): Promise<void> {
    try {
      const { steps } = await this.api.serviceSteps(id)
      if (this.editing !== id) return
      const values = stepValues(steps)
      this.values = { ...this.values, ...values }
      this.initial = { ...this.initial, ...values }
    } catch (err) {
      if (this.editing === id) this.showError(err)
    }
  }

  protected override showError(err: unknown): void {
    if (!(err instanceof StepsRefused)) super.showError(err)
  }

  /** A refused route in words beside the pickers (the server names no field: it is the route as a whole). */
  private stepsError(err: unknown): string | null {
    if (!(err instanceof ApiError)) return null
    if (err.code === ErrorCodes.STEP_ROUTE_LOOP) return visitStepsText('steps.form.twice', this.lang)
    if (err.code === ErrorCodes.SERVICE_INACTIVE) return visitStepsText('steps.form.inactive', this.lang)
    return null
  }

  private body(changedNames: string[]): Record<string, unknown> {
    let names = changedNames
    const v = this.values
    const all: Record<string, unknown> = {
      prefix: str(v.prefix).trim().toUpperCase(),
      nameAr: str(v.nameAr).trim(),
      nameEn: str(v.nameEn).trim(),
      targetWaitSeconds: intOrNull(v.targetWaitSeconds),
      dailyCap: intOrNull(v.dailyCap),
      active: v.active === true,
      whenUnstaffed: str(v.whenUnstaffed) || 'not-offered',
      confirmDocuments: v.confirmDocuments !== false,
      groupId: intOrNull(v.groupId),
      icon: str(v.icon) || null,
      nationalCode: str(v.nationalCode) || null,
      documents: documentsOf(v, this.documentRows),
    }
    // any document row changed: the whole list is written
    if (names.some(isDocumentField)) names = [...names, 'documents']
    // an empty required text is left out, so the server names it as required
    return Object.fromEntries(
      Object.entries(all).filter(([k, x]) => names.includes(k) && x !== '' && !(x === null && k === 'targetWaitSeconds')),
    )
  }

  private readonly onSubmit = async (e: Event) => {
    e.preventDefault()
    this.errors = {}
    this.notice = null
    const creating = this.editing === null
    const names = creating ? [...Object.keys(BLANK), 'documents'] : this.changed()
    const steps = stepsOf(this.values)
    const stepsChanged = this.changed().some(isStepField)
    if (!creating && names.length === 0) {
      this.notice = configText('form.unchanged', this.lang)
      return
    }
    if (this.requiredMissing(['prefix', 'nameAr', 'nameEn'])) return
    if (chosenTwice(steps)) {
      this.errors = { steps: visitStepsText('steps.form.twice', this.lang) }
      return
    }
    const body = this.body(names)
    await this.saveWith(async () => {
      let id = this.editing
      if (creating) id = (await this.api.save<{ id: number }>('/services', 'POST', body)).id
      else if (Object.keys(body).length > 0) await this.api.save(`/services/${id}`, 'PATCH', body)
      if (stepsChanged && id !== null) await this.saveSteps(id, steps, creating)
      await this.reload()
      this.load(BLANK)
    })
  }

  /**
   * Writes the route. Refused, its sentence goes beside the pickers; a new service is saved by
   * then, so the form goes on editing it (a second save must not add it again) and says so.
   */
  private async saveSteps(id: number, steps: number[], creating: boolean): Promise<void> {
    try {
      await this.api.putServiceSteps(id, steps)
    } catch (err) {
      const reason = this.stepsError(err)
      if (!reason) throw err
      if (creating) {
        await this.reload()
        const typed = this.values
        const saved = this.services.find((s) => s.id === id)
        if (saved) this.edit(saved)
        // what was typed stays, the route still to save
        this.values = { ...this.values, ...Object.fromEntries(Object.entries(typed).filter(([k]) => isStepField(k))) }
        this.initial = Object.fromEntries(Object.entries(this.initial).filter(([k]) => !isStepField(k)))
      }
      this.errors = { steps: creating ? visitStepsText('steps.form.notSaved', this.lang, { reason }) : reason }
      if (creating) this.announceChange()
      throw new StepsRefused()
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-services-config': ServicesConfig
  }
}
