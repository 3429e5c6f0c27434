/**
 * `<tabour-users-config>`: staff accounts, and a form to add one or edit one (a new password
 * here is the password change: a refusal says why, next to the password field, in the screen's
 * language).
 */
import { html, nothing, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { User } from '../../protocol/entities.ts'
import { configText } from '../../protocol/messages/config-forms.ts'
import { ConfigForm, str, type FieldSpec, type Values } from './config-form.ts'

const BLANK: Values = { username: '', displayName: '', password: '', role: 'clerk' }

@customElement('tabour-users-config')
export class UsersConfig extends ConfigForm {
  @state() private users: User[] = []

  override connectedCallback(): void {
    super.connectedCallback()
    this.load(BLANK)
    void this.reload()
  }

  private async reload(): Promise<void> {
    this.users = await this.api.users()
  }

  protected fields(): FieldSpec[] {
    const l = this.lang
    const roles = (['clerk', 'manager', 'admin'] as const).map((r) => ({ value: r, label: configText(`role.${r}`, l) }))
    return [
      ...(this.editing === null ? [{ name: 'username', label: configText('f.username', l), ltr: true, autocomplete: 'off' }] : []),
      { name: 'displayName', label: configText('f.displayName', l) },
      { name: 'password', label: configText('f.password', l), kind: 'password', autocomplete: 'new-password', ltr: true },
      { name: 'role', label: configText('f.role', l), kind: 'select', options: roles },
      ...(this.editing === null ? [] : [{ name: 'active', label: configText('f.active', l), kind: 'check' as const }]),
    ]
  }

  override render(): TemplateResult {
    const l = this.lang
    const editing = this.users.find((u) => u.id === this.editing)
    const title = editing ? configText('form.edit.users', l, { name: editing.username }) : configText('form.add.users', l)
    return html`<div class="cols">
      <section class="card scroll" aria-labelledby="list-title">
        <h2 id="list-title">${configText('config.list.users', l)}</h2>
        <table data-table="users">
          <thead><tr><th><span class="muted">${configText('common.edit', l)}</span></th><th>${configText('f.username', l)}</th><th>${configText('f.displayName', l)}</th><th>${configText('f.role', l)}</th><th>${configText('f.active', l)}</th></tr></thead>
          <tbody>
            ${this.users.map(
              (u) => html`<tr data-user=${u.username} ?data-selected=${this.editing === u.id}>
                <td><button type="button" class="secondary" data-edit=${u.id} aria-label=${configText('form.edit.users', l, { name: u.username })} @click=${() => this.load({ displayName: u.displayName, role: u.role, active: u.active, password: '' }, u.id)}>${configText('common.edit', l)}</button></td>
                <td>${u.username}</td><td>${u.displayName}</td><td>${configText(`role.${u.role}`, l)}</td><td>${configText(u.active ? 'common.yes' : 'common.no', l)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <form class="card" data-form="users" data-mode=${this.editing === null ? 'create' : 'edit'} aria-labelledby="form-title" novalidate @submit=${this.onSubmit}>
        <h2 id="form-title">${title}</h2>
        ${this.fields().map((f) => this.field(f))}
        ${this.footer(this.editing === null ? nothing : html`<button type="button" class="secondary" @click=${() => this.load(BLANK)}>${configText('common.cancel', l)}</button>`)}
      </form>
    </div>`
  }

  private body(): Record<string, unknown> | null {
    const v = this.values
    if (this.editing === null) {
      return {
        ...(str(v.username).trim() ? { username: str(v.username).trim() } : {}),
        ...(str(v.password) ? { password: str(v.password) } : {}),
        role: v.role,
        displayName: str(v.displayName).trim(),
      }
    }
    const changed = new Set(this.changed())
    const body: Record<string, unknown> = {}
    if (changed.has('displayName')) body.displayName = str(v.displayName).trim()
    if (changed.has('role')) body.role = v.role
    if (changed.has('active')) body.active = v.active === true
    if (str(v.password) !== '') body.password = str(v.password)
    return Object.keys(body).length === 0 ? null : body
  }

  private readonly onSubmit = async (e: Event) => {
    e.preventDefault()
    this.errors = {}
    this.notice = null
    if (this.editing === null && this.requiredMissing(['username', 'password'])) return
    const body = this.body()
    if (!body) {
      this.notice = configText('form.unchanged', this.lang)
      return
    }
    await this.saveWith(async () => {
      await this.api.save(this.editing === null ? '/users' : `/users/${this.editing}`, this.editing === null ? 'POST' : 'PATCH', body)
      await this.reload()
      this.load(BLANK)
    })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-users-config': UsersConfig
  }
}
