/**
 * `<tabour-service-groups-config>`: the kiosk menu's groups (issue 21): a list with edit and
 * delete, and a form to add or edit one (both names, an icon from the built-in set, the order).
 * Deleting a group leaves its services in none. Says `config-changed` after each change, so the
 * services form beside it reloads its group choices.
 */
import { html, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { FLAT_MENU_MAX } from '../../protocol/menu-layout.ts'
import { SERVICE_ICONS, type ServiceGroup } from '../../protocol/service-menu.ts'
import { configText } from '../../protocol/messages/config-forms.ts'
import { serviceMenuText } from '../../protocol/messages/service-menu.ts'
import { serviceIcon } from '../../ui-common/service-icons.ts'
import { ConfigForm, intOrNull, str, type FieldSpec, type Values } from './config-form.ts'
import { num } from '../format.ts'
import { inLang } from '../../ui-common/bilingual.ts'
import { nameIn } from '../../protocol/name-in-language.ts'

const BLANK: Values = { nameAr: '', nameEn: '', icon: '', sortOrder: '0' }

/** The icon choices of a select: none, then each built-in icon by its name in `lang`. */
export function iconOptions(lang: 'ar' | 'en'): { value: string; label: string }[] {
  return [
    { value: '', label: serviceMenuText('form.noIcon', lang) },
    ...SERVICE_ICONS.map((i) => ({ value: i, label: serviceMenuText(`icon.${i}`, lang) })),
  ]
}

@customElement('tabour-service-groups-config')
export class ServiceGroupsConfig extends ConfigForm {
  @state() private groups: ServiceGroup[] = []

  override connectedCallback(): void {
    super.connectedCallback()
    this.load(BLANK)
    void this.reload()
  }

  private async reload(): Promise<void> {
    this.groups = await this.api.serviceGroups()
  }

  protected fields(): FieldSpec[] {
    const l = this.lang
    return [
      { name: 'nameAr', label: configText('f.nameAr', l), lang: 'ar' },
      { name: 'nameEn', label: configText('f.nameEn', l), lang: 'en' },
      { name: 'icon', label: serviceMenuText('form.icon', l), kind: 'select', options: iconOptions(l) },
      { name: 'sortOrder', label: serviceMenuText('form.sortOrder', l), kind: 'number', min: 0 },
    ]
  }

  override render(): TemplateResult {
    const l = this.lang
    const editing = this.groups.find((g) => g.id === this.editing)
    const name = (g: ServiceGroup) => nameIn(g, l)
    return html`<section class="card" aria-labelledby="groups-title" data-section="service-groups">
      <h2 id="groups-title">${serviceMenuText('groups.title', l)}</h2>
      <p class="muted">${serviceMenuText('groups.rule', l, { max: FLAT_MENU_MAX }, this.digits)}</p>
      ${
        this.groups.length === 0
          ? html`<p class="muted" data-empty>${serviceMenuText('groups.empty', l)}</p>`
          : html`<table data-table="service-groups">
              <thead><tr><th>${serviceMenuText('form.icon', l)}</th><th>${configText('f.nameAr', l)}</th><th>${configText('f.nameEn', l)}</th><th class="n">${serviceMenuText('form.sortOrder', l)}</th><th><span class="muted">${configText('common.edit', l)}</span></th></tr></thead>
              <tbody>
                ${this.groups.map(
                  (g) => html`<tr data-group=${g.id} ?data-selected=${this.editing === g.id}>
                    <td>${serviceIcon(g.icon)}</td><td>${inLang(g.nameAr, 'ar')}</td><td>${inLang(g.nameEn, 'en')}</td><td class="n">${num(g.sortOrder, this.digits)}</td>
                    <td>
                      <button type="button" class="secondary" data-edit-group=${g.id} aria-label=${serviceMenuText('groups.edit', l, { name: name(g) })} @click=${() => this.edit(g)}>${configText('common.edit', l)}</button>
                      <button type="button" class="secondary" data-delete-group=${g.id} aria-label=${serviceMenuText('groups.delete', l, { name: name(g) })} @click=${() => this.deleteGroup(g)}>✕</button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }
      <form data-form="service-groups" data-mode=${this.editing === null ? 'create' : 'edit'} aria-label=${editing ? serviceMenuText('groups.edit', l, { name: name(editing) }) : serviceMenuText('groups.add', l)} novalidate @submit=${this.onSubmit}>
        ${this.fields().map((f) => this.field(f))}
        ${this.footer(this.editing === null ? html`` : html`<button type="button" class="secondary" @click=${() => this.load(BLANK)}>${configText('common.cancel', l)}</button>`)}
      </form>
    </section>`
  }

  private edit(g: ServiceGroup): void {
    this.load({ nameAr: g.nameAr, nameEn: g.nameEn, icon: g.icon ?? '', sortOrder: str(g.sortOrder) }, g.id)
  }

  private async deleteGroup(g: ServiceGroup): Promise<void> {
    await this.saveWith(async () => {
      await this.api.deleteServiceGroup(g.id)
      await this.reload()
      this.load(BLANK)
    })
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
    const v = this.values
    const all: Record<string, unknown> = {
      nameAr: str(v.nameAr).trim(),
      nameEn: str(v.nameEn).trim(),
      icon: str(v.icon) || null,
      sortOrder: intOrNull(v.sortOrder) ?? 0,
    }
    // an empty required name is left out, so the server names it as required
    const body = Object.fromEntries(Object.entries(all).filter(([k, x]) => names.includes(k) && x !== ''))
    await this.saveWith(async () => {
      await this.api.save(creating ? '/service-groups' : `/service-groups/${this.editing}`, creating ? 'POST' : 'PATCH', body)
      await this.reload()
      this.load(BLANK)
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-service-groups-config': ServiceGroupsConfig
  }
}
