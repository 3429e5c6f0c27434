/**
 * `<tabour-counters-config>`: the counters, and a form to add or edit one: its zone chosen from
 * the center's zones (or a new one typed on the fly), its walk-in printer, and the services it
 * serves with their weights, explained in place (protocol/call-policy.ts).
 */
import { css, html, nothing, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { Counter, Device, ServiceWithQueue } from '../../protocol/entities.ts'
import { ErrorCodes, type UnservedDetail } from '../../protocol/error-codes.ts'
import type { PrinterTarget } from '../../protocol/ticket-tools.ts'
import { configText, fieldErrorText } from '../../protocol/messages/config-forms.ts'
import { ApiError } from '../../ui-common/api-client.ts'
import { formatNumber, inDigitStyle } from '../../ui-common/digits.ts'
import { FIGURE_PATTERN } from '../../ui-common/figure-box.ts'
import { namePart, nameIn } from '../../ui-common/bilingual.ts'
import { ConfigForm, intOrNull, NEW_ZONE, str, type FieldSpec, type Values } from './config-form.ts'
import { serviceLabel } from '../../ui-common/service-label.ts'
import { zoneName } from '../zone-name.ts'
import { servedWithPrefixes } from '../served-services.ts'
import './zone-names-config.ts'

@customElement('tabour-counters-config')
export class CountersConfig extends ConfigForm {
  @state() private counters: Counter[] = []
  @state() private services: ServiceWithQueue[] = []
  @state() private printers: PrinterTarget[] = []
  @state() private devices: Device[] = []
  /** The services of the weights last sent, in their order: a refusal of `services/1/weight` names the second. */
  private sent: number[] = []
  /** The edit last sent (the one a refusal answers): "Save anyway" sends it again, confirmed. */
  private lastBody: Record<string, unknown> | null = null
  /**
   * The waiting lines the last save would have left with no active counter (409
   * LAST_COUNTER_OF_WAITING_SERVICE), said above the buttons with "Save anyway"; null when none.
   */
  @state() private unserved: UnservedDetail['unserved'] | null = null

  static override styles = [
    ...ConfigForm.styles,
    css`
      [data-unserved] {
        display: grid;
        gap: 0.4rem;
        padding: 0.6rem 0.8rem;
        border: 1px solid #f3c98c;
        border-radius: 8px;
        background: #fff1de;
        color: var(--warn);
      }
      [data-unserved] p {
        margin: 0;
      }
      [data-unserved] button {
        justify-self: start;
      }
      /* a counter's name and its zone's whole: at 1366 px beside the form «الدور الأرضي» and «تراخيص وتصالح»
         broke over two lines while the services (td.wrap) are the column meant to wrap (walk s55) */
      td[data-name],
      td[data-zone] {
        white-space: nowrap;
      }
    `,
  ]

  protected override load(values: Values, editing: number | null = null): void {
    super.load(values, editing)
    this.unserved = null
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.reload().then(() => this.load(this.blank()))
  }

  private async reload(): Promise<void> {
    const [counters, services, printers, devices] = await Promise.all([
      this.api.counters(),
      this.api.services(),
      this.api.printers(),
      this.api.deviceList().catch(() => [] as Device[]),
    ])
    Object.assign(this, { counters, services, printers, devices })
  }

  private blank(): Values {
    // the zone most counters are in (on a tie, the lowest-numbered counter's); none yet: a new one, typed
    const count = new Map<string, number>()
    for (const c of [...this.counters].sort((a, b) => a.number - b.number)) count.set(c.zone, (count.get(c.zone) ?? 0) + 1)
    const usual = [...count].reduce<[string, number] | null>((best, z) => (!best || z[1] > best[1] ? z : best), null)?.[0]
    return {
      number: String(Math.max(0, ...this.counters.map((c) => c.number)) + 1),
      name: '',
      zone: usual ?? NEW_ZONE,
      zoneNew: '',
      active: true,
      printerDeviceId: '',
    }
  }

  protected fields(): FieldSpec[] {
    const l = this.lang
    return [
      { name: 'number', label: configText('f.number', l), kind: 'number', min: 1 },
      { name: 'name', label: configText('f.name', l), hint: configText('counter.nameHint', l) },
      {
        name: 'zone',
        label: configText('f.zone', l),
        kind: 'zone',
        options: this.zoneOptions([...this.counters.map((c) => c.zone), ...this.devices.map((d) => d.zone)]),
      },
      {
        name: 'printerDeviceId',
        label: configText('f.printerDeviceId', l),
        kind: 'select',
        // one of the center's printers (a kiosk's or a stand-alone one): walk-ins issued at the counter print there
        options: [
          { value: '', label: configText('f.noPrinter', l) },
          ...this.printers.map((p) => ({ value: String(p.deviceId), label: namePart(p.name, l) })),
        ],
      },
      { name: 'active', label: configText('f.active', l), kind: 'check' },
      { name: 'services', label: configText('f.services', l) },
    ]
  }

  override render(): TemplateResult {
    if (!this.loaded) return this.loading()
    const l = this.lang
    const editing = this.counters.find((c) => c.id === this.editing)
    const title = editing ? configText('form.edit.counters', l, { name: namePart(editing.name, l) }) : configText('form.add.counters', l)
    return html`<div class="cols">
      <section class="card scroll" aria-labelledby="list-title">
        <h2 id="list-title">${configText('config.list.counters', l)}</h2>
        <table data-table="counters">
          <thead><tr><th><span class="muted">${configText('common.edit', l)}</span></th><th>${configText('f.number', l)}</th><th>${configText('f.name', l)}</th><th>${configText('f.zone', l)}</th><th>${configText('f.services', l)}</th><th>${configText('f.active', l)}</th></tr></thead>
          <tbody>
            ${[...this.counters]
              .sort((a, b) => a.number - b.number)
              .map(
                (c) => html`<tr data-counter=${c.number} ?data-selected=${this.editing === c.id}>
                  <td><button type="button" class="secondary" data-edit=${c.id} aria-label=${configText('form.edit.counters', l, { name: namePart(c.name, l) })} @click=${() => this.edit(c)}>${configText('common.edit', l)}</button></td>
                  <td>${formatNumber(c.number, { digits: this.digits })}</td><td data-name>${nameIn(c.name, l)}</td><td data-zone=${c.zone}><bdi>${zoneName(c.zone, this.zoneNames, l)}</bdi></td><td class="wrap">${c.services.length > 0 ? servedWithPrefixes(c.services, this.services, l, this.digits) : html`<span class="muted" data-no-services>${configText('counter.noServices', l)}</span>`}</td><td>${configText(c.active ? 'common.yes' : 'common.no', l)}</td>
                </tr>`,
              )}
          </tbody>
        </table>
      </section>
      <form class="card" data-form="counters" data-mode=${this.editing === null ? 'create' : 'edit'} aria-labelledby="form-title" novalidate @submit=${this.onSubmit}>
        <h2 id="form-title">${title}</h2>
        ${this.fields()
          .filter((f) => f.name !== 'services')
          .map((f) => this.field(f))}
        ${this.weights()}
        ${this.unservedNote()}
        ${this.footer(this.editing === null ? nothing : html`<button type="button" class="secondary" @click=${() => this.load(this.blank())}>${configText('common.cancel', l)}</button>`)}
      </form>
    </div>
    <tabour-zone-names .api=${this.api} .lang=${l} .digits=${this.digits} .zoneNames=${this.zoneNames} .zones=${this.zonesInUse()}></tabour-zone-names>`
  }

  /** Every zone a counter or a device is in, in order. */
  private zonesInUse(): string[] {
    return [...new Set([...this.counters.map((c) => c.zone), ...this.devices.map((d) => d.zone)].filter((z): z is string => !!z))].sort()
  }

  /**
   * A refused weight is named by its service, and its box marked (walk 2026-12-06: "-1" typed beside A
   * was refused at the end of the list, as «Services and weights» at least 0, under the last service).
   */
  protected override showError(err: unknown): void {
    if (err instanceof ApiError && err.code === ErrorCodes.LAST_COUNTER_OF_WAITING_SERVICE && err.unserved) {
      this.unserved = err.unserved
      return
    }
    // the server's own refusal of an active counter serving nothing says what the form says before sending
    if (err instanceof ApiError && err.detail?.reason === 'required' && /^(services|serviceIds)$/.test(err.detail.field)) {
      this.errors = { services: configText('weights.none', this.lang) }
      return
    }
    const at = err instanceof ApiError ? /^services\/(\d+)\/weight$/.exec(err.detail?.field ?? '') : null
    const service = at ? this.services.find((s) => s.id === this.sent[Number(at[1])]) : undefined
    if (!(err instanceof ApiError) || !service) {
      super.showError(err)
      return
    }
    const label = configText('weights.weight', this.lang, { service: serviceLabel(service, this.lang) })
    this.errors = { services: fieldErrorText(err, label, this.lang, this.digits), [`w${service.id}`]: 'invalid' }
  }

  /** The lines this save would leave with no counter, what to do instead, and "Save anyway" (decision 0008). */
  private unservedNote(): TemplateResult | typeof nothing {
    if (!this.unserved) return nothing
    const l = this.lang
    const named = (id: number) => {
      const service = this.services.find((s) => s.id === id)
      return service ? serviceLabel(service, l) : String(id)
    }
    return html`<div role="alert" data-unserved>
      ${this.unserved.map(
        (u) =>
          html`<p data-unserved-service=${u.serviceId}>${configText('counter.unserved', l, { service: named(u.serviceId), waiting: u.waiting }, this.digits)}</p>`,
      )}
      <p>${configText('counter.unserved.how', l)}</p>
      <button type="button" class="secondary" data-action="confirm-unserved" @click=${this.onConfirmUnserved}>${configText('counter.unserved.confirm', l)}</button>
    </div>`
  }

  private weights(): TemplateResult {
    const l = this.lang
    const err = this.errors.services
    return html`<fieldset data-field="services" aria-describedby=${err ? 'weights-help weights-waiting weights-error' : 'weights-help weights-waiting'}>
      <legend>${configText('f.services', l)}</legend>
      <p class="muted" id="weights-help">${configText('weights.help', l, { backup: 0, normal: 1, double: 2 }, this.digits)}</p>
      <p class="muted" id="weights-waiting">${configText('weights.waiting', l)}</p>
      <div class="weights">
        ${this.services.map((s) => {
          const name = serviceLabel(s, l)
          return html`<label>${name}<input type="text" data-figure inputmode="decimal" pattern=${FIGURE_PATTERN.decimal} autocomplete="off" name=${`w${s.id}`} aria-invalid=${String(this.errors[`w${s.id}`] !== undefined)} aria-describedby=${this.errors[`w${s.id}`] ? 'weights-error' : nothing} aria-label=${configText('weights.weight', l, { service: name })} .value=${inDigitStyle(str(this.values[`w${s.id}`]), this.digits)} @input=${this.onInput} /></label>`
        })}
      </div>
      ${err ? html`<span class="error" id="weights-error" data-field-error="services">${err}</span>` : nothing}
    </fieldset>`
  }

  private edit(c: Counter): void {
    const values: Values = {
      number: str(c.number),
      name: c.name,
      zone: c.zone,
      zoneNew: '',
      active: c.active,
      printerDeviceId: str(c.printerDeviceId),
    }
    for (const x of c.services) values[`w${x.serviceId}`] = str(x.weight)
    this.load(values, c.id)
  }

  private body(creating: boolean): Record<string, unknown> | null {
    const v = this.values
    const changed = new Set(this.changed())
    const body: Record<string, unknown> = {}
    const want = (name: string) => creating || changed.has(name)
    if (want('number')) body.number = intOrNull(v.number)
    if (want('name') && str(v.name).trim() !== '') body.name = str(v.name).trim()
    if (want('zone') || want('zoneNew')) body.zone = this.zoneValue('zone')
    if (want('active')) body.active = v.active === true
    if (want('printerDeviceId')) body.printerDeviceId = intOrNull(v.printerDeviceId)
    if (creating || [...changed].some((n) => /^w\d+$/.test(n)))
      body.services = this.services
        .filter((s) => str(v[`w${s.id}`]).trim() !== '')
        .map((s) => ({ serviceId: s.id, weight: Number(v[`w${s.id}`]) }))
    this.sent = Array.isArray(body.services) ? (body.services as { serviceId: number }[]).map((x) => x.serviceId) : []
    for (const k of Object.keys(body)) if (body[k] === null && k !== 'printerDeviceId') delete body[k]
    return Object.keys(body).length === 0 ? null : body
  }

  /**
   * Whether the form would save an active counter that serves no service: said before sending, beside
   * the weights (the API refuses it too, `services` `required`; an inactive one may serve none yet).
   */
  private servesNothing(): boolean {
    const v = this.values
    return v.active === true && !this.services.some((s) => str(v[`w${s.id}`]).trim() !== '')
  }

  private readonly onSubmit = async (e: Event) => {
    e.preventDefault()
    this.errors = {}
    this.notice = null
    const creating = this.editing === null
    // the center's first counter may leave the zone empty: the server's default zone applies
    if (this.values.zone === NEW_ZONE && this.zoneValue('zone') === null && this.counters.length > 0) {
      this.errors = { zone: configText('err.required', this.lang, { field: configText('zone.newName', this.lang) }) }
      return
    }
    if (this.servesNothing()) {
      this.errors = { services: configText('weights.none', this.lang) }
      return
    }
    this.unserved = null
    const body = this.body(creating)
    if (!body) {
      this.notice = configText('form.unchanged', this.lang)
      return
    }
    await this.send(body)
  }

  private async send(body: Record<string, unknown>): Promise<void> {
    const creating = this.editing === null
    this.lastBody = body
    await this.saveWith(async () => {
      await this.api.save(creating ? '/counters' : `/counters/${this.editing}`, creating ? 'POST' : 'PATCH', body)
      await this.reload()
      this.load(this.blank())
    })
  }

  /** The refused edit sent again, the admin having read who would be left waiting. */
  private readonly onConfirmUnserved = async () => {
    const body = this.lastBody
    this.unserved = null
    if (body) await this.send({ ...body, confirmUnserved: true })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-counters-config': CountersConfig
  }
}
