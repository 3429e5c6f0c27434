/** `<tabour-services-config>`: the services, and a form to add one or edit the chosen one. */
import { html, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { ServiceWithQueue } from '../../protocol/entities.ts'
import { configText } from '../../protocol/messages/config-forms.ts'
import { staffingText } from '../../protocol/messages/staffing.ts'
import { ConfigForm, intOrNull, str, type FieldSpec, type Values } from './config-form.ts'

const BLANK: Values = {
  prefix: '',
  nameAr: '',
  nameEn: '',
  targetWaitSeconds: '900',
  dailyCap: '',
  active: true,
  whenUnstaffed: 'not-offered',
}

@customElement('tabour-services-config')
export class ServicesConfig extends ConfigForm {
  @state() private services: ServiceWithQueue[] = []

  override connectedCallback(): void {
    super.connectedCallback()
    this.load(BLANK)
    void this.reload()
  }

  private async reload(): Promise<void> {
    this.services = await this.api.services()
  }

  protected fields(): FieldSpec[] {
    const l = this.lang
    const t = (k: 'f.prefix' | 'f.nameAr' | 'f.nameEn' | 'f.targetWaitSeconds' | 'f.dailyCap' | 'f.active') => configText(k, l)
    return [
      { name: 'prefix', label: t('f.prefix'), ltr: true, hint: configText('err.prefix.pattern', l, { field: t('f.prefix') }) },
      { name: 'nameAr', label: t('f.nameAr') },
      { name: 'nameEn', label: t('f.nameEn') },
      { name: 'targetWaitSeconds', label: t('f.targetWaitSeconds'), kind: 'number', min: 1 },
      { name: 'dailyCap', label: t('f.dailyCap'), kind: 'number', min: 1 },
      { name: 'active', label: t('f.active'), kind: 'check' },
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
    ]
  }

  override render(): TemplateResult {
    const l = this.lang
    const editing = this.services.find((s) => s.id === this.editing)
    const title = editing ? configText('form.edit.services', l, { name: editing.prefix }) : configText('form.add.services', l)
    return html`<div class="cols">
      <section class="card scroll" aria-labelledby="list-title">
        <h2 id="list-title">${configText('config.list.services', l)}</h2>
        <table data-table="services">
          <thead><tr><th>${configText('f.prefix', l)}</th><th>${configText('f.nameAr', l)}</th><th>${configText('f.nameEn', l)}</th><th class="n">${configText('f.targetWaitSeconds', l)}</th><th class="n">${configText('f.dailyCap', l)}</th><th>${configText('f.active', l)}</th><th><span class="muted">${configText('common.edit', l)}</span></th></tr></thead>
          <tbody>
            ${this.services.map(
              (s) => html`<tr data-service=${s.prefix} ?data-selected=${this.editing === s.id}>
                <td>${s.prefix}</td><td>${s.nameAr}</td><td>${s.nameEn}</td><td class="n">${s.targetWaitSeconds}</td><td class="n">${s.dailyCap ?? '—'}</td><td>${configText(s.active ? 'common.yes' : 'common.no', l)}</td>
                <td><button type="button" class="secondary" data-edit=${s.id} aria-label=${configText('form.edit.services', l, { name: s.prefix })} @click=${() => this.edit(s)}>${configText('common.edit', l)}</button></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <form class="card" data-form="services" data-mode=${this.editing === null ? 'create' : 'edit'} aria-labelledby="form-title" novalidate @submit=${this.onSubmit}>
        <h2 id="form-title">${title}</h2>
        ${this.fields().map((f) => this.field(f))}
        ${this.footer(this.editing === null ? html`` : html`<button type="button" class="secondary" @click=${() => this.load(BLANK)}>${configText('common.cancel', l)}</button>`)}
      </form>
    </div>`
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
      },
      s.id,
    )
  }

  private body(names: string[]): Record<string, unknown> {
    const v = this.values
    const all: Record<string, unknown> = {
      prefix: str(v.prefix).trim().toUpperCase(),
      nameAr: str(v.nameAr).trim(),
      nameEn: str(v.nameEn).trim(),
      targetWaitSeconds: intOrNull(v.targetWaitSeconds),
      dailyCap: intOrNull(v.dailyCap),
      active: v.active === true,
      whenUnstaffed: str(v.whenUnstaffed) || 'not-offered',
    }
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
    const names = creating ? Object.keys(BLANK) : this.changed()
    if (!creating && names.length === 0) {
      this.notice = configText('form.unchanged', this.lang)
      return
    }
    await this.saveWith(async () => {
      await this.api.save(creating ? '/services' : `/services/${this.editing}`, creating ? 'POST' : 'PATCH', this.body(names))
      await this.reload()
      this.load(BLANK)
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-services-config': ServicesConfig
  }
}
