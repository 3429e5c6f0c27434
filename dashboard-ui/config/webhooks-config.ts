/**
 * `<tabour-webhooks-config>` (admins): integrators' subscriptions — create, edit, delete, pause,
 * resume, a new secret — and each one's delivery log (status, the receiver's answer, attempts,
 * the next try) with a redeliver button. A secret is shown once, right after it is made, and
 * never again: the server does not return it later.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Lang } from '../../ui-common/i18n.ts'
import { intlLocale, type DigitStyle } from '../../ui-common/digits.ts'
import { ApiError } from '../../ui-common/api-client.ts'
import { WEBHOOK_EVENT_TYPES, type WebhookDelivery, type WebhookEventType, type WebhookSubscription } from '../../protocol/webhooks.ts'
import { webhooksText, type WebhookMessageKey } from '../../protocol/messages/webhooks.ts'
import type { DashboardApi } from '../dashboard-api.ts'
import { deskStyles, tableScroll } from '../dashboard-styles.ts'
import { webhooksApi } from './webhooks-api.ts'
import { listComma } from '../../protocol/messages/list-comma.ts'

/** Each event type's name on screen (a new type does not compile until it has one). */
const EVENT_KEY: Record<WebhookEventType, WebhookMessageKey> = Object.fromEntries(
  WEBHOOK_EVENT_TYPES.map((t) => [t, `webhooks.event.${t}`]),
) as Record<WebhookEventType, WebhookMessageKey>

const REFUSALS = new Set([
  'TABOUR_ERR_WEBHOOK_HOST_NOT_ALLOWED',
  'TABOUR_ERR_WEBHOOK_HTTPS_REQUIRED',
  'TABOUR_ERR_WEBHOOK_BAD_URL',
  'TABOUR_ERR_WEBHOOK_UNKNOWN_EVENT',
])

@customElement('tabour-webhooks-config')
export class WebhooksConfig extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      fieldset {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.25rem 1rem;
        border: 1px solid #c9ced6;
        padding: 0.5rem 1rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
      }
      .secret {
        border-inline-start: 8px solid var(--tabour-primary);
        padding: 0.5rem 1rem;
        background: #eef3fb;
      }
      .secret code {
        display: block;
        direction: ltr;
        text-align: start;
        font-size: 1.05rem;
        overflow-wrap: anywhere;
        user-select: all;
      }
      .url {
        direction: ltr;
        unicode-bidi: isolate;
        overflow-wrap: anywhere;
      }
      input[type='url'],
      input[type='text'] {
        width: 100%;
        max-width: 40rem;
        font: inherit;
        padding: 0.4rem;
      }
    `,
  ]

  @property({ attribute: false }) api!: DashboardApi
  @property() override lang: Lang = 'ar'
  /** The center's zone, for the log's times; default Africa/Cairo. */
  @property() timeZone = 'Africa/Cairo'
  /** Digits for the delivery times: `digitsFor(lang, the center's setting)`; default 'western'. */
  @property() digits: DigitStyle = 'western'
  @state() private subscriptions: WebhookSubscription[] = []
  @state() private editing: number | 'new' = 'new'
  @state() private url = ''
  @state() private description = ''
  @state() private events = new Set<string>()
  @state() private secret: { id: number; value: string } | null = null
  @state() private error = ''
  /** The field the refusal names (the error body's `field`): its sentence shows next to that field, else next to Save. */
  @state() private errorField: 'url' | 'eventTypes' | null = null
  @state() private notice = ''
  @state() private logOf: WebhookSubscription | null = null
  @state() private log: WebhookDelivery[] = []

  private get calls() {
    return webhooksApi(this.api)
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.reload()
  }

  private t(key: WebhookMessageKey, values?: Record<string, string | number>): string {
    return webhooksText(key, this.lang, values, this.digits)
  }

  private async reload(): Promise<void> {
    this.subscriptions = await this.calls.list()
    if (this.logOf) await this.openLog(this.subscriptions.find((s) => s.id === this.logOf!.id) ?? null)
  }

  private time(iso: string | null): string {
    if (iso === null) return '—'
    return new Intl.DateTimeFormat(intlLocale(this.lang, this.digits), {
      dateStyle: 'short',
      timeStyle: 'medium',
      timeZone: this.timeZone,
    }).format(new Date(iso))
  }

  private async act(work: () => Promise<unknown>, notice = ''): Promise<void> {
    this.error = ''
    this.errorField = null
    this.notice = ''
    try {
      await work()
      this.notice = notice
      await this.reload()
    } catch (err) {
      this.error =
        err instanceof ApiError && REFUSALS.has(err.code)
          ? this.t(`webhooks.error.${err.code}` as WebhookMessageKey)
          : this.t('webhooks.error.other', { message: err instanceof Error ? err.message : String(err) })
      const field = err instanceof ApiError ? err.detail?.field : undefined
      this.errorField = field === 'url' || field === 'eventTypes' ? field : null
    }
  }

  private startNew(): void {
    Object.assign(this, { editing: 'new', url: '', description: '', events: new Set<string>(), error: '', errorField: null })
  }

  private edit(s: WebhookSubscription): void {
    Object.assign(this, {
      editing: s.id,
      url: s.url,
      description: s.description,
      events: new Set(s.eventTypes),
      error: '',
      errorField: null,
      secret: null,
    })
  }

  private save(e: Event): void {
    e.preventDefault()
    if (this.events.size === 0) {
      this.error = this.t('webhooks.pickEvents')
      this.errorField = 'eventTypes'
      return
    }
    const body = { url: this.url.trim(), description: this.description.trim(), eventTypes: [...this.events] }
    const editing = this.editing
    void this.act(async () => {
      if (editing === 'new') {
        const made = await this.calls.create(body)
        this.secret = { id: made.id, value: made.secret }
      } else await this.calls.update(editing, body)
      this.startNew()
    }, this.t('webhooks.saved'))
  }

  private async openLog(s: WebhookSubscription | null): Promise<void> {
    this.logOf = s
    this.log = s ? await this.calls.deliveries(s.id) : []
  }

  private stateOf(s: WebhookSubscription): TemplateResult {
    if (s.pausedAt !== null)
      return html`<span class="pill" data-tone="bad">${this.t(s.pausedReason === 'failing' ? 'webhooks.pausedFailing' : 'webhooks.pausedManual')}</span>`
    if (s.failingSince !== null)
      return html`<span class="pill" data-tone="warn">${this.t('webhooks.failing', { since: this.time(s.failingSince) })}</span>`
    return html`<span class="pill" data-tone="ok">${this.t('webhooks.active')}</span>`
  }

  override render(): TemplateResult {
    return html`<section class="card" aria-labelledby="hooks-title">
        <h2 id="hooks-title">${this.t('webhooks.title')}</h2>
        <p class="muted">${this.t('webhooks.intro')}</p>
        ${this.secret ? this.secretBox(this.secret) : nothing} ${this.table()}
      </section>
      ${this.form()} ${this.logOf ? this.logTable(this.logOf) : nothing}`
  }

  private secretBox(secret: { id: number; value: string }): TemplateResult {
    return html`<div class="secret" role="status" data-secret-for=${secret.id}>
      <strong>${this.t('webhooks.secretTitle')}</strong>
      <code data-secret>${secret.value}</code>
      <span>${this.t('webhooks.secretOnce')}</span>
    </div>`
  }

  private table(): TemplateResult {
    if (this.subscriptions.length === 0) return html`<p data-empty>${this.t('webhooks.none')}</p>`
    return tableScroll(
      this.t('webhooks.list'),
      html`<table>
        <thead><tr><th>${this.t('webhooks.url')}</th><th>${this.t('webhooks.events')}</th><th>${this.t('webhooks.state')}</th><th></th></tr></thead>
        <tbody>
          ${this.subscriptions.map(
            (s) => html`<tr data-webhook=${s.id}>
              <td><span class="url">${s.url}</span>${s.description ? html`<div class="muted">${s.description}</div>` : nothing}</td>
              <td>${s.eventTypes.map((e) => this.t(EVENT_KEY[e as WebhookEventType] ?? 'webhooks.events')).join(listComma(this.lang))}</td>
              <td>${this.stateOf(s)}<div class="muted">${this.t('webhooks.counts', { pending: s.pending, delivered: s.delivered, failed: s.failed })}</div></td>
              <td><div class="actions">
                <button type="button" class="secondary" data-action="log" @click=${() => this.openLog(s)}>${this.t('webhooks.log')}</button>
                <button type="button" class="secondary" data-action="edit" @click=${() => this.edit(s)}>${this.t('webhooks.edit')}</button>
                ${
                  s.pausedAt === null
                    ? html`<button type="button" class="secondary" data-action="pause" @click=${() => this.act(() => this.calls.pause(s.id))}>${this.t('webhooks.pause')}</button>`
                    : html`<button type="button" data-action="resume" @click=${() => this.act(() => this.calls.resume(s.id))}>${this.t('webhooks.resume')}</button>`
                }
                <button type="button" class="secondary" data-action="rotate" @click=${() =>
                  this.act(async () => {
                    const r = await this.calls.rotate(s.id)
                    this.secret = { id: r.id, value: r.secret }
                  })}>${this.t('webhooks.rotate')}</button>
                <button type="button" class="secondary" data-action="delete" @click=${() => {
                  if (confirm(this.t('webhooks.deleteConfirm')))
                    void this.act(() => this.calls.remove(s.id).then(() => (this.logOf?.id === s.id ? this.openLog(null) : undefined)))
                }}>${this.t('webhooks.delete')}</button>
              </div></td>
            </tr>`,
          )}
        </tbody>
      </table>`,
    )
  }

  private form(): TemplateResult {
    const title = this.editing === 'new' ? this.t('webhooks.new') : this.t('webhooks.editing', { id: this.editing })
    return html`<form class="card" @submit=${this.save} aria-labelledby="hook-form-title">
      <h2 id="hook-form-title">${title}</h2>
      <p class="muted" id="hook-hosts" data-hint="hosts">${this.t('webhooks.hostsRule')}</p>
      <label>${this.t('webhooks.url')}
        <input type="url" name="url" dir="ltr" required .value=${this.url} @input=${(e: Event) => (this.url = (e.target as HTMLInputElement).value)} aria-invalid=${String(this.errorField === 'url')} aria-describedby=${this.errorField === 'url' ? 'hook-hosts hook-url-error' : 'hook-hosts'} />
      </label>
      ${this.errorField === 'url' ? html`<p class="error" id="hook-url-error" role="alert" data-error-for="url">${this.error}</p>` : nothing}
      <label>${this.t('webhooks.description')}
        <input type="text" name="description" maxlength="200" .value=${this.description} @input=${(e: Event) => (this.description = (e.target as HTMLInputElement).value)} />
      </label>
      <fieldset>
        <legend>${this.t('webhooks.events')}</legend>
        ${WEBHOOK_EVENT_TYPES.map(
          (type) =>
            html`<label class="check"><input type="checkbox" name="event" value=${type} .checked=${this.events.has(type)} @change=${(
              e: Event,
            ) => {
              const next = new Set(this.events)
              if ((e.target as HTMLInputElement).checked) next.add(type)
              else next.delete(type)
              this.events = next
            }} />${this.t(EVENT_KEY[type])}</label>`,
        )}
        ${this.errorField === 'eventTypes' ? html`<p class="error" role="alert" data-error-for="eventTypes">${this.error}</p>` : nothing}
      </fieldset>
      ${this.error && this.errorField === null ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
      <div class="actions">
        <button type="submit">${this.t('webhooks.save')}</button>
        ${this.editing === 'new' ? nothing : html`<button type="button" class="secondary" @click=${() => this.startNew()}>${this.t('webhooks.cancel')}</button>`}
      </div>
    </form>`
  }

  private logTable(s: WebhookSubscription): TemplateResult {
    return html`<section class="card" data-log=${s.id} aria-labelledby="hook-log-title">
      <h2 id="hook-log-title">${this.t('webhooks.logFor', { url: s.url })}</h2>
      ${
        this.log.length === 0
          ? html`<p>${this.t('webhooks.logEmpty')}</p>`
          : tableScroll(
              this.t('webhooks.log'),
              html`<table>
                <thead><tr>
                  <th>${this.t('webhooks.col.event')}</th><th>${this.t('webhooks.col.status')}</th><th>${this.t('webhooks.col.code')}</th>
                  <th class="n">${this.t('webhooks.col.attempts')}</th><th>${this.t('webhooks.col.next')}</th><th>${this.t('webhooks.col.created')}</th><th></th>
                </tr></thead>
                <tbody>
                  ${this.log.map(
                    (d) => html`<tr data-delivery=${d.id} data-status=${d.status}>
                      <td>${this.t(EVENT_KEY[d.eventType as WebhookEventType] ?? 'webhooks.events')} <span class="muted url">${d.eventId}</span></td>
                      <td><span class="pill" data-tone=${d.status === 'delivered' ? 'ok' : d.status === 'failed' ? 'bad' : 'warn'}>${this.t(`webhooks.status.${d.status}`)}</span></td>
                      <td><span class="url">${d.lastStatusCode ?? (d.lastErrorCode ? this.t('webhooks.noAnswer') : '—')}</span>${d.lastErrorCode ? html`<div class="muted url">${d.lastErrorCode}</div>` : nothing}</td>
                      <td class="n">${d.attempts}</td>
                      <td>${d.status === 'pending' && s.pausedAt !== null ? this.t('webhooks.afterResume') : this.time(d.nextAttemptAt)}</td>
                      <td>${this.time(d.createdAt)}</td>
                      <td>${
                        d.status === 'pending'
                          ? nothing
                          : html`<button type="button" class="secondary" data-action="redeliver" @click=${() =>
                              this.act(
                                () => this.calls.redeliver(d.id),
                                this.t('webhooks.redelivered'),
                              )}>${this.t('webhooks.redeliver')}</button>`
                      }</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`,
            )
      }
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-webhooks-config': WebhooksConfig
  }
}
