/**
 * `<tabour-config-view>` (admins): services, counters, users, devices and the center's settings.
 * Each screen lists what exists and edits one item in a form; the server validates with the
 * API's own schemas and a 400 is shown under the field it names. Every change is audited by
 * the server (the change log at the bottom of the center screen). Fires `config-changed`.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Counter, Device, ServiceWithQueue, User } from '../protocol/entities.ts'
import type { PrinterTarget } from '../protocol/ticket-tools.ts'
import type { AuditEntry, SettingsReply } from '../protocol/settings.ts'
import { ApiError } from '../ui-common/api-client.ts'
import { ErrorCodes } from '../protocol/error-codes.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles } from './dashboard-styles.ts'
import { categoriesToText, fieldOfError, textToCategories } from './format.ts'
import { staffingText } from '../protocol/messages/staffing.ts'
import { dashboardText, passwordRefusalText, type DashboardMessageKey } from '../protocol/messages/dashboard.ts'

export type ConfigSection = 'services' | 'counters' | 'users' | 'devices' | 'center'
const SECTIONS: ConfigSection[] = ['services', 'counters', 'users', 'devices', 'center']

type Values = Record<string, string | boolean>
interface Field {
  name: string
  kind?: 'text' | 'number' | 'password' | 'select' | 'check' | 'textarea'
  options?: { value: string; label: string }[]
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v))
const intOrNull = (v: string | boolean) => (String(v).trim() === '' ? null : Number(v))

@customElement('tabour-config-view')
export class ConfigView extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      /* a class, not a style attribute: the Content-Security-Policy allows no inline style */
      .card.audit {
        margin-block-start: 1rem;
      }
      :host {
        display: grid;
        grid-template-columns: 14rem minmax(0, 1fr);
        gap: 1rem;
        align-items: start;
      }
      nav {
        display: flex;
        flex-direction: column;
        gap: 0.35rem;
      }
      nav button[aria-current='false'] {
        background: #fff;
        color: var(--tabour-primary);
      }
      .cols {
        display: grid;
        grid-template-columns: minmax(0, 1.4fr) minmax(22rem, 1fr);
        gap: 1rem;
        align-items: start;
      }
      form {
        display: grid;
        gap: 0.7rem;
        align-content: start;
      }
      form[data-form='center'] {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: 0.8rem 1.5rem;
        max-inline-size: 75rem;
      }
      form[data-form='center'] > h2,
      form[data-form='center'] > .actions,
      form[data-form='center'] > p,
      form[data-form='center'] > [data-field='priorityCategories'] {
        grid-column: 1 / -1;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
      }
      .weights {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
        gap: 0.4rem;
      }
      .code {
        font-family: ui-monospace, monospace;
        font-size: 1.6rem;
        letter-spacing: 0.2em;
        font-weight: 700;
        color: var(--tabour-primary);
      }
      tr[data-selected] td {
        background: #eef4fb;
      }
      td button {
        padding-block: 0.15rem;
        padding-inline: 0.6rem;
        font-size: 0.85rem;
      }
    `,
  ]

  @property({ attribute: false }) api!: DashboardApi
  @property() override lang: Lang = 'ar'
  @state() section: ConfigSection = 'services'
  @state() private services: ServiceWithQueue[] = []
  @state() private counters: Counter[] = []
  @state() private users: User[] = []
  @state() private devices: Device[] = []
  @state() private printers: PrinterTarget[] = []
  @state() private settings: SettingsReply | null = null
  @state() private audit: AuditEntry[] = []
  @state() private editing: number | null = null
  @state() private values: Values = {}
  @state() private errors: Record<string, string> = {}
  @state() private notice: string | null = null
  @state() private pairingCode: string | null = null

  override connectedCallback(): void {
    super.connectedCallback()
    void this.reload()
  }

  override render(): TemplateResult {
    const lang = this.lang
    return html`<nav>
        ${SECTIONS.map(
          (s) =>
            html`<button type="button" data-section=${s} aria-current=${String(this.section === s)} @click=${() => this.open(s)}>${dashboardText(`config.${s}`, lang)}</button>`,
        )}
      </nav>
      <div data-config=${this.section}>${this.body()}</div>`
  }

  private open(section: ConfigSection): void {
    this.section = section
    this.startEdit(null)
    void this.reload()
  }

  private body(): TemplateResult {
    switch (this.section) {
      case 'services':
        return this.cols(this.servicesTable(), this.form(this.serviceFields()))
      case 'counters':
        return this.cols(this.countersTable(), this.form(this.counterFields(), this.weights()))
      case 'users':
        return this.cols(this.usersTable(), this.form(this.userFields()))
      case 'devices':
        return this.cols(
          this.devicesTable(),
          this.form(
            this.deviceFields(),
            this.pairingCode
              ? html`<p data-pairing-code=${this.pairingCode}>${dashboardText('device.pairingCode', this.lang, { code: '' })}<span class="code">${this.pairingCode}</span></p>`
              : nothing,
          ),
        )
      case 'center':
        return html`${this.form(this.centerFields())}
          <section class="card audit">
            <h2>${dashboardText('config.audit', this.lang)}</h2>
            <table data-table="audit">
              <tbody>
                ${this.audit.map((a) => html`<tr><td>${new Date(a.at).toLocaleString(this.lang === 'ar' ? 'ar-EG' : 'en-GB', { timeZone: this.settings?.values.timeZone ?? 'Africa/Cairo', dateStyle: 'short', timeStyle: 'short' })}</td><td>${a.username ?? '—'}</td><td dir="ltr">${a.method} ${a.route}</td><td dir="ltr" class="muted">${JSON.stringify(a.body).slice(0, 80)}</td></tr>`)}
              </tbody>
            </table>
          </section>`
    }
  }

  private cols(list: TemplateResult, form: TemplateResult): TemplateResult {
    return html`<div class="cols"><section class="card">${list}</section>${form}</div>`
  }

  // --- lists ------------------------------------------------------------------------------

  private editButton(id: number, values: Values): TemplateResult {
    return html`<button type="button" class="secondary" data-edit=${id} @click=${() => this.startEdit(id, values)}>${dashboardText('common.edit', this.lang)}</button>`
  }

  private servicesTable(): TemplateResult {
    const l = this.lang
    return html`<table data-table="services">
      <thead><tr><th>${dashboardText('f.prefix', l)}</th><th>${dashboardText('f.nameAr', l)}</th><th>${dashboardText('f.nameEn', l)}</th><th class="n">${dashboardText('f.targetWaitSeconds', l)}</th><th class="n">${dashboardText('f.dailyCap', l)}</th><th>${dashboardText('f.active', l)}</th><th></th></tr></thead>
      <tbody>
        ${this.services.map(
          (s) => html`<tr data-service=${s.prefix} ?data-selected=${this.editing === s.id}>
            <td>${s.prefix}</td><td>${s.nameAr}</td><td>${s.nameEn}</td><td class="n">${s.targetWaitSeconds}</td><td class="n">${s.dailyCap ?? '—'}</td><td>${dashboardText(s.active ? 'common.yes' : 'common.no', l)}</td>
            <td>${this.editButton(s.id, { prefix: s.prefix, nameAr: s.nameAr, nameEn: s.nameEn, targetWaitSeconds: str(s.targetWaitSeconds), dailyCap: str(s.dailyCap), active: s.active, whenUnstaffed: s.whenUnstaffed })}</td>
          </tr>`,
        )}
      </tbody>
    </table>`
  }

  private countersTable(): TemplateResult {
    const l = this.lang
    const prefix = new Map(this.services.map((s) => [s.id, s.prefix]))
    return html`<table data-table="counters">
      <thead><tr><th>${dashboardText('f.number', l)}</th><th>${dashboardText('f.name', l)}</th><th>${dashboardText('f.zone', l)}</th><th>${dashboardText('f.services', l)}</th><th>${dashboardText('f.active', l)}</th><th></th></tr></thead>
      <tbody>
        ${[...this.counters]
          .sort((a, b) => a.number - b.number)
          .map((c) => {
            const values: Values = {
              number: str(c.number),
              name: c.name,
              zone: c.zone,
              active: c.active,
              printerDeviceId: str(c.printerDeviceId),
            }
            for (const x of c.services) values[`w${x.serviceId}`] = str(x.weight)
            return html`<tr data-counter=${c.number} ?data-selected=${this.editing === c.id}>
              <td>${c.number}</td><td>${c.name}</td><td>${c.zone}</td><td>${c.services.map((x) => `${prefix.get(x.serviceId)}${x.weight !== 1 ? `×${x.weight}` : ''}`).join(' ')}</td><td>${dashboardText(c.active ? 'common.yes' : 'common.no', l)}</td>
              <td>${this.editButton(c.id, values)}</td>
            </tr>`
          })}
      </tbody>
    </table>`
  }

  private usersTable(): TemplateResult {
    const l = this.lang
    return html`<table data-table="users">
      <thead><tr><th>${dashboardText('f.username', l)}</th><th>${dashboardText('f.displayName', l)}</th><th>${dashboardText('f.role', l)}</th><th>${dashboardText('f.active', l)}</th><th></th></tr></thead>
      <tbody>
        ${this.users.map(
          (u) => html`<tr data-user=${u.username} ?data-selected=${this.editing === u.id}>
            <td>${u.username}</td><td>${u.displayName}</td><td>${dashboardText(`role.${u.role}`, l)}</td><td>${dashboardText(u.active ? 'common.yes' : 'common.no', l)}</td>
            <td>${this.editButton(u.id, { username: u.username, displayName: u.displayName, role: u.role, active: u.active, password: '' })}</td>
          </tr>`,
        )}
      </tbody>
    </table>`
  }

  private devicesTable(): TemplateResult {
    const l = this.lang
    return html`<table data-table="devices">
      <thead><tr><th>${dashboardText('f.name', l)}</th><th>${dashboardText('f.kind', l)}</th><th>${dashboardText('f.zone', l)}</th><th>${dashboardText('col.health', l)}</th><th></th></tr></thead>
      <tbody>
        ${this.devices.map(
          (d) => html`<tr data-device=${d.name} ?data-selected=${this.editing === d.id}>
            <td>${d.name}</td><td>${dashboardText(`kind.${d.kind}` as DashboardMessageKey, l)}</td><td>${d.zone ?? '—'}</td>
            <td>${dashboardText(d.revoked ? 'health.revoked' : d.paired ? 'health.ok' : 'health.unpaired', l)}</td>
            <td>
              ${d.revoked ? nothing : this.editButton(d.id, { kind: d.kind, name: d.name, zone: d.zone ?? '', config: JSON.stringify(d.config, null, 2) })}
              ${d.revoked ? nothing : html`<button type="button" class="secondary" data-new-code=${d.id} @click=${() => void this.deviceAction(d.id, 'pairing-code')}>${dashboardText('device.newCode', l)}</button>`}
              ${d.revoked ? nothing : html`<button type="button" class="secondary" data-revoke=${d.id} @click=${() => void this.deviceAction(d.id, 'revoke')}>${dashboardText('device.revoke', l)}</button>`}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`
  }

  // --- forms ------------------------------------------------------------------------------

  private serviceFields(): Field[] {
    return [
      { name: 'prefix' },
      { name: 'nameAr' },
      { name: 'nameEn' },
      { name: 'targetWaitSeconds', kind: 'number' },
      { name: 'dailyCap', kind: 'number' },
      { name: 'active', kind: 'check' },
      // issue 14: what the kiosk does while no open or paused counter serves the service
      {
        name: 'whenUnstaffed',
        kind: 'select',
        options: (['not-offered', 'offer-without-estimate'] as const).map((w) => ({
          value: w,
          label: staffingText(`staffing.whenUnstaffed.${w}`, this.lang),
        })),
      },
    ]
  }
  private counterFields(): Field[] {
    // the binding names one of the center's printers (a kiosk's or a stand-alone one): walk-ins issued at the counter print there
    const printers = [
      { value: '', label: dashboardText('f.noPrinter', this.lang) },
      ...this.printers.map((p) => ({ value: String(p.deviceId), label: p.name })),
    ]
    return [
      { name: 'number', kind: 'number' },
      { name: 'name' },
      { name: 'zone' },
      { name: 'printerDeviceId', kind: 'select', options: printers },
      { name: 'active', kind: 'check' },
    ]
  }
  private userFields(): Field[] {
    const roles = (['clerk', 'manager', 'admin'] as const).map((r) => ({ value: r, label: dashboardText(`role.${r}`, this.lang) }))
    return [
      ...(this.editing === null ? [{ name: 'username' }] : []),
      { name: 'displayName' },
      { name: 'password', kind: 'password' as const },
      { name: 'role', kind: 'select' as const, options: roles },
      ...(this.editing === null ? [] : [{ name: 'active', kind: 'check' as const }]),
    ]
  }
  private deviceFields(): Field[] {
    const kinds = (['kiosk', 'display', 'printer', 'board', 'keypad'] as const).map((k) => ({
      value: k,
      label: dashboardText(`kind.${k}`, this.lang),
    }))
    return [
      ...(this.editing === null ? [{ name: 'kind', kind: 'select' as const, options: kinds }] : []),
      { name: 'name' },
      { name: 'zone' },
      { name: 'config', kind: 'textarea' as const },
    ]
  }
  private centerFields(): Field[] {
    const l = this.lang
    return [
      { name: 'nameAr' },
      { name: 'nameEn' },
      { name: 'timeZone' },
      {
        name: 'callPolicy',
        kind: 'select',
        options: (['fifo', 'priority', 'sla'] as const).map((p) => ({ value: p, label: dashboardText(`policy.${p}`, l) })),
      },
      { name: 'maxPriorityInARow', kind: 'number' },
      { name: 'priorityAgingSeconds', kind: 'number' },
      { name: 'priorityCategories', kind: 'textarea' },
      {
        name: 'digits',
        kind: 'select',
        options: (['western', 'arabic-indic'] as const).map((d) => ({ value: d, label: dashboardText(`digits.${d}`, l) })),
      },
      {
        name: 'language',
        kind: 'select',
        options: [
          { value: 'ar', label: 'العربية' },
          { value: 'en', label: 'English' },
        ],
      },
      { name: 'newsAr' },
      { name: 'newsEn' },
    ]
  }

  private weights(): TemplateResult {
    return html`<fieldset class="weights" data-field="services">
      <legend class="muted">${dashboardText('f.services', this.lang)}</legend>
      ${this.services.map(
        (s) =>
          html`<label>${s.prefix} · ${this.lang === 'ar' ? s.nameAr : s.nameEn}<input type="number" min="0" max="100" step="0.5" name=${`w${s.id}`} .value=${str(this.values[`w${s.id}`])} @input=${this.onInput} /></label>`,
      )}
      ${this.errors.services ? html`<span class="error">${this.errors.services}</span>` : nothing}
    </fieldset>`
  }

  private form(fields: Field[], extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const l = this.lang
    const label = (name: string): string =>
      name === 'newsAr'
        ? `${dashboardText('f.news', l)} (ع)`
        : name === 'newsEn'
          ? `${dashboardText('f.news', l)} (EN)`
          : name === 'whenUnstaffed'
            ? staffingText('staffing.whenUnstaffed', l)
            : dashboardText(`f.${name}` as DashboardMessageKey, l)
    const overridden = this.section === 'center' ? new Set(this.settings?.overridden ?? []) : new Set<string>()
    return html`<form class="card" data-form=${this.section} data-mode=${this.editing === null ? 'create' : 'edit'} novalidate @submit=${this.onSubmit}>
      <h2>${this.section === 'center' ? dashboardText('config.center', l) : dashboardText(this.editing === null ? 'common.add' : 'common.edit', l)}</h2>
      ${fields.map((f) => {
        const v = this.values[f.name]
        const err = this.errors[f.name]
        const hint = overridden.has(f.name)
          ? html`<span class="muted">${dashboardText('config.overridden', l, { value: String((this.settings?.defaults as Record<string, unknown> | undefined)?.[f.name] ?? '') })}</span>`
          : nothing
        let input: TemplateResult
        switch (f.kind) {
          case 'check':
            return html`<label class="check"><input type="checkbox" name=${f.name} .checked=${v === true} @change=${this.onInput} />${label(f.name)}</label>`
          case 'select':
            input = html`<select name=${f.name} aria-invalid=${String(!!err)} @change=${this.onInput}>${f.options!.map((o) => html`<option value=${o.value} ?selected=${v === o.value}>${o.label}</option>`)}</select>`
            break
          case 'textarea':
            input = html`<textarea name=${f.name} rows="5" dir="ltr" aria-invalid=${String(!!err)} .value=${str(v)} @input=${this.onInput}></textarea>`
            break
          default:
            input = html`<input type=${f.kind ?? 'text'} name=${f.name} aria-invalid=${String(!!err)} .value=${str(v)} @input=${this.onInput} />`
        }
        return html`<label data-field=${f.name}>${label(f.name)} ${input} ${hint} ${err ? html`<span class="error" data-field-error=${f.name}>${err}</span>` : nothing}</label>`
      })}
      ${extra} ${this.errors._ ? html`<p class="error" role="alert" data-form-error>${this.errors._}</p>` : nothing}
      ${this.notice ? html`<p class="pill" data-tone="ok" role="status" data-notice>${this.notice}</p>` : nothing}
      <div class="actions">
        <button type="submit" data-action="save">${dashboardText('common.save', l)}</button>
        ${this.editing !== null ? html`<button type="button" class="secondary" @click=${() => this.startEdit(null)}>${dashboardText('common.cancel', l)}</button>` : nothing}
      </div>
    </form>`
  }

  private readonly onInput = (e: Event) => {
    const el = e.target as HTMLInputElement
    this.values = { ...this.values, [el.name]: el.type === 'checkbox' ? el.checked : el.value }
  }

  private startEdit(id: number | null, values?: Values): void {
    this.editing = id
    this.errors = {}
    this.notice = null
    this.pairingCode = null
    this.values = values ?? this.blank()
  }

  private blank(): Values {
    switch (this.section) {
      case 'services':
        return { prefix: '', nameAr: '', nameEn: '', targetWaitSeconds: '900', dailyCap: '', active: true, whenUnstaffed: 'not-offered' }
      case 'counters':
        return {
          number: String(Math.max(0, ...this.counters.map((c) => c.number)) + 1),
          name: '',
          zone: 'main',
          active: true,
          printerDeviceId: '',
        }
      case 'users':
        return { username: '', displayName: '', password: '', role: 'clerk' }
      case 'devices':
        return { kind: 'kiosk', name: '', zone: '', config: '{}' }
      case 'center':
        return {}
    }
  }

  // --- saving -----------------------------------------------------------------------------

  private requestBody(): unknown {
    const v = this.values
    switch (this.section) {
      case 'services':
        return {
          prefix: str(v.prefix).trim().toUpperCase(),
          nameAr: str(v.nameAr).trim(),
          nameEn: str(v.nameEn).trim(),
          targetWaitSeconds: intOrNull(v.targetWaitSeconds ?? ''),
          dailyCap: intOrNull(v.dailyCap ?? ''),
          active: v.active === true,
          whenUnstaffed: str(v.whenUnstaffed) || 'not-offered',
        }
      case 'counters':
        return {
          number: intOrNull(v.number ?? ''),
          name: str(v.name).trim(),
          zone: str(v.zone).trim() || 'main',
          active: v.active === true,
          printerDeviceId: intOrNull(v.printerDeviceId ?? ''),
          services: this.services
            .filter((s) => str(v[`w${s.id}`]).trim() !== '')
            .map((s) => ({ serviceId: s.id, weight: Number(v[`w${s.id}`]) })),
        }
      case 'users': {
        const body: Record<string, unknown> = { displayName: str(v.displayName).trim(), role: v.role }
        if (this.editing === null) body.username = str(v.username).trim()
        if (str(v.password) !== '' || this.editing === null) body.password = str(v.password)
        if (this.editing !== null) body.active = v.active === true
        return body
      }
      case 'devices': {
        let config: unknown
        try {
          config = JSON.parse(str(v.config) || '{}')
        } catch {
          throw new ApiError(400, 'TABOUR_ERR_VALIDATION', 'body/config is not valid JSON')
        }
        return { ...(this.editing === null ? { kind: v.kind } : {}), name: str(v.name).trim(), zone: str(v.zone).trim() || null, config }
      }
      case 'center':
        return {
          nameAr: str(v.nameAr),
          nameEn: str(v.nameEn),
          timeZone: str(v.timeZone),
          callPolicy: v.callPolicy,
          maxPriorityInARow: intOrNull(v.maxPriorityInARow ?? ''),
          priorityAgingSeconds: intOrNull(v.priorityAgingSeconds ?? ''),
          priorityCategories: textToCategories(str(v.priorityCategories)),
          digits: v.digits,
          language: v.language,
        }
    }
  }

  private readonly onSubmit = async (e: Event) => {
    e.preventDefault()
    this.errors = {}
    this.notice = null
    try {
      const body = this.requestBody()
      const path = `/${this.section}${this.editing === null ? '' : `/${this.editing}`}`
      if (this.section === 'center') {
        await this.api.putSettings(body as never)
        await this.api.putNews({ ar: str(this.values.newsAr), en: str(this.values.newsEn) })
        this.notice = dashboardText('common.saved', this.lang)
      } else {
        const saved = await this.api.save<{ pairingCode?: string }>(path, this.editing === null ? 'POST' : 'PATCH', body)
        await this.reload()
        // a fresh form (the next counter number comes from the reloaded list)
        this.startEdit(null)
        this.notice = dashboardText('common.saved', this.lang)
        if (saved.pairingCode) this.pairingCode = saved.pairingCode
      }
      if (this.section === 'center') await this.reload()
      this.dispatchEvent(new CustomEvent('config-changed', { bubbles: true, composed: true }))
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      // a refused password says why in the screen's language, next to the password field
      const refusal = err instanceof ApiError ? passwordRefusalText(err.code, message, this.lang) : null
      if (refusal) {
        this.errors = { password: refusal }
        return
      }
      // a hidden direction control (issue 16): said in the screen's language, next to its field
      if (err instanceof ApiError && err.code === ErrorCodes.REORDERING_CONTROL) {
        const char = /U\+[0-9A-F]{4}/.exec(message)?.[0] ?? ''
        const at = fieldOfError(message)
        this.errors = { [at && at in this.values ? at : '_']: dashboardText('text.reorderingControl', this.lang, { char }) }
        return
      }
      const field = err instanceof ApiError && err.status === 400 ? fieldOfError(message) : null
      const known = field && (field in this.values || field === 'services')
      this.errors = { [known ? field : '_']: message }
    }
  }

  private async deviceAction(id: number, action: 'pairing-code' | 'revoke'): Promise<void> {
    try {
      const reply = await this.api.save<{ pairingCode?: string }>(`/devices/${id}/${action}`, 'POST', {})
      this.pairingCode = reply.pairingCode ?? null
      await this.reload()
    } catch (err) {
      this.errors = { _: err instanceof Error ? err.message : String(err) }
    }
  }

  /** Fetches what the open screen lists. */
  async reload(): Promise<void> {
    if (!this.api) return
    const [services, counters] = await Promise.all([this.api.services(), this.api.counters()])
    this.services = services
    this.counters = counters
    if (this.section === 'counters') this.printers = await this.api.printers()
    if (this.section === 'users') this.users = await this.api.users()
    if (this.section === 'devices') this.devices = await this.api.deviceList()
    if (this.section === 'center') {
      const [settings, news, audit] = await Promise.all([this.api.settings(), this.api.news(), this.api.audit()])
      this.settings = settings
      this.audit = audit
      const v = settings.values
      if (Object.keys(this.values).length === 0 || this.notice) {
        this.values = {
          nameAr: v.nameAr,
          nameEn: v.nameEn,
          timeZone: v.timeZone,
          callPolicy: v.callPolicy,
          maxPriorityInARow: str(v.maxPriorityInARow),
          priorityAgingSeconds: str(v.priorityAgingSeconds),
          priorityCategories: categoriesToText(v.priorityCategories),
          digits: v.digits,
          language: v.language,
          newsAr: news.ar,
          newsEn: news.en,
        }
      }
    }
    if (Object.keys(this.values).length === 0) this.values = this.blank()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-config-view': ConfigView
  }
}
