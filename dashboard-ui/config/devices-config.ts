/**
 * `<tabour-devices-config>`: the center's devices, and a form per kind (kiosk with its printer,
 * display, LED board, keypad, stand-alone printer): every config key its own field
 * (device-fields.ts), selects where the choices are fixed, the zone from the center's zones,
 * and on every printer a "test print" that prints a sample ticket through the real printing
 * path and says what the printer answered, next to its address.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { DeviceKind } from '../../protocol/common.ts'
import type { Counter, Device, ServiceWithQueue } from '../../protocol/entities.ts'
import { SerialAddress, type TestPrintReply } from '../../protocol/device-config.ts'
import { PAIRING_CODE_TTL_HOURS } from '../../protocol/requests.ts'
import { configText, testPrintText, type ConfigMessageKey } from '../../protocol/messages/config-forms.ts'
import type { DeviceHealth } from '../../protocol/stats.ts'
import { deviceVerdict, SCREEN_SILENT_MS, type DeviceVerdict } from '../../protocol/device-verdict.ts'
import { namePart, nameIn } from '../../ui-common/bilingual.ts'
import { counterText } from '../counter-name.ts'
import { zoneName } from '../zone-name.ts'
import { num } from '../format.ts'
import { ConfigForm, NEW_ZONE, type FieldSpec } from './config-form.ts'
import { deviceOptionLabel } from './device-option-label.ts'
import { CONFIG_KEYS, configToValues, fieldName, HAS_PRINTER, valuesToConfig, WIRED, type ConfigKey } from './device-fields.ts'
import { OFFERS_ALL, offerName, offerValues, offersNothing, withOffers } from './kiosk-offers-fields.ts'
import { serviceLabel } from '../../ui-common/service-label.ts'
import { deviceActions, revokesUntil, type DeviceAction } from './device-actions.ts'
import { PushedStatuses } from '../pushed-statuses.ts'

const KINDS: readonly DeviceKind[] = ['kiosk', 'display', 'printer', 'board', 'keypad', 'feedback']

@customElement('tabour-devices-config')
export class DevicesConfig extends ConfigForm {
  /** The last device that paired (the staff feed's `device:paired`): its row stops saying "not paired yet". */
  @property({ attribute: false }) lastPaired: { deviceId: number } | null = null
  @state() private devices: Device[] = []
  /** The devices' statuses the staff feed pushed (dashboard-session.ts): laid over the list read, so each row follows its device live. */
  @property({ attribute: false }) pushed = PushedStatuses.NONE
  /** Each device's health as last read from the server, and how many pushes had come when it was asked for. */
  @state() private healthRead: { list: DeviceHealth[]; askedAt: number } = { list: [], askedAt: 0 }
  @state() private counters: Counter[] = []
  /** The services a kiosk may be set to offer. */
  @state() private services: ServiceWithQueue[] = []
  /** The code just made, and the device it pairs: shown under that device's row. */
  @state() private pairingCode: { deviceId: number; code: string } | null = null
  /** The device whose revocation awaits its confirmation (a row under its own). */
  @state() private revoking: number | null = null
  @state() private testing = false
  @state() private testResult: TestPrintReply | null = null

  override connectedCallback(): void {
    super.connectedCallback()
    void this.reload().then(() => this.startNew('kiosk'))
  }

  private async reload(): Promise<void> {
    const askedAt = this.pushed.count
    const [devices, counters, health, services] = await Promise.all([
      this.api.deviceList(),
      this.api.counters(),
      this.api.devices(),
      this.api.services(),
    ])
    Object.assign(this, { devices, counters, services, healthRead: { list: health, askedAt } })
  }

  /** Each device's health now: the list read, with every status pushed since it was asked for. */
  private get health(): Map<number, DeviceHealth> {
    return new Map(this.pushed.over(this.healthRead.list, this.healthRead.askedAt).map((h) => [h.id, h]))
  }

  private get kind(): DeviceKind {
    return (this.values.kind as DeviceKind) ?? 'kiosk'
  }

  private get stored(): Device | undefined {
    return this.devices.find((d) => d.id === this.editing)
  }

  private startNew(kind: DeviceKind): void {
    this.load({ kind, name: '', zone: '', zoneNew: '', ...this.configValues(kind, {}) })
    this.testResult = null
  }

  private edit(d: Device): void {
    this.load({ kind: d.kind, name: d.name, zone: d.zone ?? '', zoneNew: '', ...this.configValues(d.kind, d.config) }, d.id)
    this.pairingCode = null
    this.testResult = null
  }

  /** The form's values of a kind's config: its keys' fields, and a kiosk's services boxes. */
  private configValues(kind: DeviceKind, config: Record<string, unknown>) {
    return { ...configToValues(kind, config), ...(kind === 'kiosk' ? offerValues(config) : {}) }
  }

  /** A kiosk's services: every one, or those ticked (a service no longer active shows while it is ticked). */
  private offersFieldset(): TemplateResult {
    const l = this.lang
    const err = this.errors['config/serviceIds']
    const listed = this.services.filter((s) => s.active || this.values[offerName(s.id)] === true)
    return html`<fieldset data-group="offers" aria-describedby=${err ? 'offers-hint offers-error' : 'offers-hint'}>
      <legend>${configText('device.offers', l)}</legend>
      ${this.field({ name: OFFERS_ALL, label: configText('device.offersAll', l), kind: 'check' })}
      <p class="muted" id="offers-hint">${configText('device.offersHint', l)}</p>
      ${this.values[OFFERS_ALL] === true ? nothing : html`<div class="weights">${listed.map((s) => this.field({ name: offerName(s.id), label: serviceLabel(s, l), kind: 'check' }))}</div>`}
      ${err ? html`<span class="error" id="offers-error" data-field-error="config/serviceIds">${err}</span>` : nothing}
    </fieldset>`
  }

  private keyLabel(key: ConfigKey): string {
    // the serial address's label names its range (protocol/device-config.ts SerialAddress), in the screen's digits
    return configText(
      `device.${key.path.replace('/', '.')}` as ConfigMessageKey,
      this.lang,
      { min: SerialAddress.minimum ?? '', max: SerialAddress.maximum ?? '' },
      this.digits,
    )
  }

  private keyField(key: ConfigKey): FieldSpec {
    const l = this.lang
    const options =
      key.path === 'counterId'
        ? [
            { value: '', label: configText('device.counterNone', l) },
            ...this.counters.map((c) => ({ value: String(c.id), label: counterText(c, l, this.digits) })),
          ]
        : key.options?.map((o) => ({ value: o, label: deviceOptionLabel(key.path, o, l, this.digits) }))
    const hint =
      key.path === 'printer/interface'
        ? {
            hint: configText('device.printer.interfaceHint', l),
            example: 'tcp://192.168.1.50:9100 · /dev/usb/lp0 · serial:/dev/ttyUSB0?baudRate=19200',
          }
        : key.path === 'path'
          ? { hint: configText('device.pathHint', l), example: '/dev/ttyUSB0' }
          : key.kind === 'number' && typeof key.default === 'number'
            ? // a figure, so in the screen's digits (never isolated left to right: Arabic-Indic digits read in the line)
              { hint: `${configText('form.optional', l)} ${num(key.default, this.digits)}` }
            : key.kind === 'text' && key.default !== undefined
              ? { hint: configText('form.optional', l), example: String(key.default) }
              : {}
    return {
      name: fieldName(key.path),
      label: this.keyLabel(key),
      kind: options ? 'select' : key.kind,
      ...(options ? { options } : {}),
      ...hint,
      ...(key.ltr ? { ltr: true } : {}),
    }
  }

  protected fields(): FieldSpec[] {
    const l = this.lang
    const zones = this.zoneOptions([...this.devices.map((d) => d.zone), ...this.counters.map((c) => c.zone)], true)
    return [
      ...(this.editing === null
        ? [
            {
              name: 'kind',
              label: configText('f.kind', l),
              kind: 'select' as const,
              options: KINDS.map((k) => ({ value: k, label: configText(`kind.${k}`, l) })),
            },
          ]
        : []),
      { name: 'name', label: configText('f.name', l) },
      { name: 'zone', label: configText('f.zone', l), kind: 'zone', options: zones },
      ...CONFIG_KEYS[this.kind].map((k) => this.keyField(k)),
      // where a refusal of the kiosk's services lands (the boxes are drawn by offersFieldset)
      ...(this.kind === 'kiosk' ? [{ name: 'config/serviceIds', label: configText('device.offers', l) }] : []),
    ]
  }

  override render(): TemplateResult {
    if (!this.loaded) return this.loading()
    const l = this.lang
    const stored = this.stored
    const title = stored ? configText('form.edit.devices', l, { name: namePart(stored.name, l) }) : configText('form.add.devices', l)
    return html`<div class="cols">
      <section class="card scroll" aria-labelledby="list-title">
        <h2 id="list-title">${configText('config.list.devices', l)}</h2>
        ${this.devicesTable()}
      </section>
      <form class="card" data-form="devices" data-kind=${this.kind} data-mode=${this.editing === null ? 'create' : 'edit'} aria-labelledby="form-title" novalidate @submit=${this.onSubmit}>
        <h2 id="form-title">${title}</h2>
        ${stored ? html`<p class="muted">${configText('device.kindFixed', l, { kind: configText(`kind.${stored.kind}`, l) })}</p>` : nothing}
        ${this.fields()
          .filter((f) => !f.name.startsWith('config/'))
          .map((f) => (f.name === 'kind' ? this.kindField(f) : this.field(f, f.name === 'zone' ? this.zoneNote() : nothing)))}
        ${this.configFields()}
        ${this.footer(this.editing === null ? nothing : html`<button type="button" class="secondary" @click=${() => this.startNew('kiosk')}>${configText('common.cancel', l)}</button>`)}
      </form>
    </div>`
  }

  /** True when a display in `zone` would show no call: no counter has that zone (zones match exactly). */
  private zoneHasNoCounter(kind: DeviceKind, zone: string | null): boolean {
    return kind === 'display' && zone !== null && !this.counters.some((c) => c.zone === zone)
  }

  /** Under the zone picker of a display: what the TV will show in a zone no counter has (accepted: its counters may come later). */
  private zoneNote(): TemplateResult | typeof nothing {
    if (!this.zoneHasNoCounter(this.kind, this.zoneValue('zone'))) return nothing
    return html`<span class="warn" data-zone-note="no-counter">${configText('device.zoneNoCounterHint', this.lang)}</span>`
  }

  /** The kind select starts a fresh form of that kind (the name and zone typed so far are kept). */
  private kindField(f: FieldSpec): TemplateResult {
    return html`<div @change=${(e: Event) => {
      const kind = (e.target as HTMLSelectElement).value as DeviceKind
      const { name, zone, zoneNew } = this.values
      this.load({ kind, name: name ?? '', zone: zone ?? '', zoneNew: zoneNew ?? '', ...this.configValues(kind, {}) })
    }}>${this.field(f)}</div>`
  }

  private configFields(): TemplateResult {
    const l = this.lang
    const kind = this.kind
    const byPath = new Map(this.fields().map((f) => [f.name, f]))
    const group = (prefix: (p: string) => boolean) =>
      CONFIG_KEYS[kind]
        .filter((k) => prefix(k.path))
        .map((k) =>
          k.path === 'printer/interface'
            ? this.field(byPath.get(fieldName(k.path))!, this.testPrintResult())
            : this.field(byPath.get(fieldName(k.path))!),
        )
    const switchField = (name: string, label: string) => this.field({ name, label, kind: 'check' })
    if (kind === 'board' || kind === 'keypad') {
      return html`<fieldset data-group="serial"><legend>${configText('device.serial', l)}</legend>
        ${switchField(WIRED, configText('device.wired', l))} ${this.values[WIRED] === true ? group(() => true) : nothing}
      </fieldset>`
    }
    const printer =
      kind === 'kiosk' || kind === 'printer'
        ? html`<fieldset data-group="printer"><legend>${configText('device.printer', l)}</legend>
            ${kind === 'kiosk' ? switchField(HAS_PRINTER, configText('device.hasPrinter', l)) : nothing}
            ${this.values[HAS_PRINTER] === true ? html`${group((p) => p.startsWith('printer/'))} ${this.testPrintButton()}` : nothing}
          </fieldset>`
        : nothing
    const others = CONFIG_KEYS[kind].some((k) => !k.path.startsWith('printer/'))
      ? html`<fieldset data-group="options"><legend>${configText(`kind.${kind}`, l)}</legend>${group((p) => !p.startsWith('printer/'))}</fieldset>`
      : nothing
    return html`${printer} ${others} ${kind === 'kiosk' ? this.offersFieldset() : nothing}`
  }

  /** Test print: the saved printer; the form's unsaved printer changes must be saved first. */
  private testPrintButton(): TemplateResult | typeof nothing {
    const stored = this.stored
    if (!stored || !(stored.config as { printer?: unknown }).printer) return nothing
    const dirty = this.changed().some((n) => n === HAS_PRINTER || n.startsWith('config/printer/'))
    return html`<div class="actions">
      <button type="button" class="secondary" data-action="test-print" ?disabled=${dirty || this.testing} aria-describedby=${dirty ? 'test-print-hint' : nothing} @click=${() => void this.testPrint(stored.id)}>${configText('testPrint.button', this.lang)}</button>
      ${dirty ? html`<span class="muted" id="test-print-hint">${configText('testPrint.saveFirst', this.lang)}</span>` : nothing}
    </div>`
  }

  private testPrintResult(): TemplateResult | typeof nothing {
    const l = this.lang
    if (this.testing) return html`<span class="muted" role="status" data-test-print="running">${configText('testPrint.running', l)}</span>`
    const r = this.testResult
    if (!r) return nothing
    const good = r.printed && (r.problem === null || r.problem === 'paper-near-end')
    return good
      ? html`<span class="ok" role="status" data-test-print="ok">${testPrintText(r.problem, l)}</span>`
      : html`<span class="error" role="alert" data-test-print=${r.problem ?? 'failed'}>${testPrintText(r.problem ?? 'not-answering', l)}</span>`
  }

  private async testPrint(id: number): Promise<void> {
    this.testing = true
    this.testResult = null
    this.errors = {}
    try {
      this.testResult = await this.api.testPrint(id)
    } catch (err) {
      this.showError(err)
    } finally {
      this.testing = false
    }
  }

  /** The live view's verdict (protocol/device-verdict.ts); a device added since the list was read has no status yet. */
  private verdict(d: Device, health: Map<number, DeviceHealth>): DeviceVerdict {
    const h = health.get(d.id)
    return deviceVerdict(h ?? { ...d, status: null, faulty: false }, this.api.now())
  }

  private healthCell(verdict: DeviceVerdict): TemplateResult {
    return html`<td data-health=${verdict.key}>${configText(verdict.key, this.lang, { minutes: SCREEN_SILENT_MS / 60_000 }, this.digits)}</td>`
  }

  private devicesTable(): TemplateResult {
    const l = this.lang
    const health = this.health
    return html`<table data-table="devices">
      <thead><tr><th>${configText('f.name', l)}</th><th>${configText('f.kind', l)}</th><th>${configText('f.zone', l)}</th><th>${configText('col.health', l)}</th><th><span class="muted">${configText('common.edit', l)}</span></th></tr></thead>
      <tbody>
        ${this.devices.map(
          (d) => html`<tr data-device=${d.name} ?data-selected=${this.editing === d.id}>
            <td>${nameIn(d.name, l)}</td><td>${configText(`kind.${d.kind}`, l)}</td><td data-zone=${d.zone ?? ''}>${d.zone === null ? '—' : html`<bdi>${zoneName(d.zone, this.zoneNames, l)}</bdi>`}${
              this.zoneHasNoCounter(d.kind, d.zone)
                ? html`<br /><span class="warn" data-zone-note="no-counter">${configText('device.zoneNoCounter', l)}</span>`
                : nothing
            }</td>
            ${this.healthCell(this.verdict(d, health))}
            <td>${deviceActions(d).map((action) => this.actionButton(d, action))}</td>
          </tr>
          ${this.revoking === d.id && !d.revoked ? this.revokeRow(d) : nothing}
          ${this.pairingCode?.deviceId === d.id ? this.pairingRow(d, this.pairingCode.code) : nothing}`,
        )}
      </tbody>
    </table>`
  }

  /** One of the row's buttons (device-actions.ts says which a device gets). */
  private actionButton(d: Device, action: DeviceAction): TemplateResult {
    const l = this.lang
    switch (action) {
      case 'edit':
        return html`<button type="button" class="secondary" data-edit=${d.id} aria-label=${configText('form.edit.devices', l, { name: namePart(d.name, l) })} @click=${() => this.edit(d)}>${configText('common.edit', l)}</button> `
      case 'new-code':
        return html`<button type="button" class="secondary" data-new-code=${d.id} @click=${() => void this.deviceAction(d.id, 'pairing-code')}>${configText('device.newCode', l)}</button> `
      case 'revoke':
        return html`<button type="button" class="secondary" data-revoke=${d.id} aria-expanded=${this.revoking === d.id ? 'true' : 'false'} @click=${() => this.askToRevoke(d.id)}>${configText('device.revoke', l)}</button>`
      case 'pair-again':
        // a new code lifts the revocation (server/config/device-commands.ts)
        return html`<button type="button" class="secondary" data-new-code=${d.id} @click=${() => void this.deviceAction(d.id, 'pairing-code')}>${configText('device.pairAgain', l)}</button>`
      case 'reinstate':
        return html`<button type="button" class="secondary" data-reinstate=${d.id} @click=${() => void this.deviceAction(d.id, 'reinstate')}>${configText('device.reinstate', l)}</button>`
    }
  }

  private askToRevoke(id: number): void {
    this.pairingCode = null
    this.revoking = id
  }

  /** What revoking does, said under the device's row, with the one button that does it (named) and one that does not. */
  private revokeRow(d: Device): TemplateResult {
    const l = this.lang
    const name = namePart(d.name, l)
    const pairs = revokesUntil(d) === 'paired-again'
    return html`<tr data-revoke-row=${d.id}>
      <td colspan="5">
        <p tabindex="-1" data-revoke-warning>${configText(pairs ? 'device.revokeConfirm' : 'device.revokeConfirmUnpaired', l, { name })}</p>
        <button type="button" data-revoke-yes=${d.id} @click=${() => void this.deviceAction(d.id, 'revoke')}>${configText('device.revokeYes', l, { name })}</button>
        <button type="button" class="secondary" data-revoke-no=${d.id} @click=${() => (this.revoking = null)}>${configText(pairs ? 'device.revokeNo' : 'device.revokeNoUnpaired', l)}</button>
      </td>
    </tr>`
  }

  /** The new code under its device's row, named, and focused so a keyboard or a screen reader lands on it. */
  private pairingRow(d: Device, code: string): TemplateResult {
    return html`<tr data-pairing-row=${d.id}>
      <td colspan="5">
        <p role="status" tabindex="-1" data-pairing-code=${code}>${configText('device.pairingCode', this.lang, { name: namePart(d.name, this.lang) })}<span class="code" dir="ltr">${code}</span></p>
        <p class="muted" data-pairing-note>${configText('device.pairingCodeNote', this.lang, { hours: PAIRING_CODE_TTL_HOURS, newCode: configText('device.newCode', this.lang) }, this.digits)}</p>
      </td>
    </tr>`
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed)
    // a pairing before this table opened is in what connectedCallback's reload read
    if (changed.has('lastPaired') && changed.get('lastPaired') !== undefined && this.lastPaired) void this.paired(this.lastPaired.deviceId)
    if (changed.has('revoking') && this.revoking !== null) this.renderRoot.querySelector<HTMLElement>('[data-revoke-warning]')?.focus()
    if (changed.has('pairingCode') && this.pairingCode) {
      const shown = this.renderRoot.querySelector<HTMLElement>('[data-pairing-code]')
      shown?.focus()
      shown?.scrollIntoView({ block: 'nearest' })
    }
  }

  private readonly onSubmit = async (e: Event) => {
    e.preventDefault()
    this.errors = {}
    this.notice = null
    this.testResult = null
    const l = this.lang
    if (this.values.zone === NEW_ZONE && this.zoneValue('zone') === null) {
      this.errors = { zone: configText('err.required', l, { field: configText('zone.newName', l) }) }
      return
    }
    const stored = this.stored
    const changed = new Set(this.changed())
    const serviceIds = this.services.map((s) => s.id)
    if (this.kind === 'kiosk' && offersNothing(this.values, serviceIds)) {
      this.errors = { 'config/serviceIds': configText('device.offersNone', l) }
      return
    }
    const keyed = valuesToConfig(this.kind, (stored?.config as Record<string, unknown>) ?? {}, this.values, this.initial)
    const config = this.kind === 'kiosk' ? withOffers(keyed, this.values, this.initial, serviceIds) : keyed
    const body: Record<string, unknown> = {}
    if (!stored) body.kind = this.kind
    if ((!stored || changed.has('name')) && String(this.values.name ?? '').trim() !== '') body.name = String(this.values.name).trim()
    if (!stored || changed.has('zone') || changed.has('zoneNew')) body.zone = this.zoneValue('zone')
    if (!stored || JSON.stringify(config) !== JSON.stringify(stored.config)) body.config = config
    if (stored && Object.keys(body).length === 0) {
      this.notice = configText('form.unchanged', l)
      return
    }
    await this.saveWith(async () => {
      const saved = await this.api.save<Device & { pairingCode?: string | null }>(
        stored ? `/devices/${stored.id}` : '/devices',
        stored ? 'PATCH' : 'POST',
        body,
      )
      await this.reload()
      // after a save the device stays open, so its printer can be tested at once
      const fresh = this.devices.find((d) => d.id === saved.id)
      if (fresh) this.edit(fresh)
      this.pairingCode = saved.pairingCode ? { deviceId: saved.id, code: saved.pairingCode } : null
    })
  }

  /** A device paired: its row says what it is now, and its code, used up, leaves the screen. */
  private async paired(deviceId: number): Promise<void> {
    await this.reload()
    if (this.pairingCode?.deviceId === deviceId) this.pairingCode = null
  }

  private async deviceAction(id: number, action: 'pairing-code' | 'revoke' | 'reinstate'): Promise<void> {
    this.revoking = null
    try {
      const reply = await this.api.save<{ pairingCode?: string }>(`/devices/${id}/${action}`, 'POST', {})
      await this.reload()
      this.pairingCode = reply.pairingCode ? { deviceId: id, code: reply.pairingCode } : null
    } catch (err) {
      this.showError(err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-devices-config': DevicesConfig
  }
}
