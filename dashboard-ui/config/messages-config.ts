/**
 * `<tabour-messages-config>` (admins): the texts Tabour sends to citizens (issue 20). Lists every
 * kind with whether its Arabic and English texts are edited; the chosen kind opens in two
 * editors side by side. Says plainly when messages are off (no provider in the config file) and
 * when appointment reminders go.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { keyed } from 'lit/directives/keyed.js'
import type { Lang } from '../../ui-common/i18n.ts'
import type { DigitStyle } from '../../ui-common/digits.ts'
import type { Static } from '@sinclair/typebox'
import type { MessagesToday as MessagesTodaySchema, MessageTemplate } from '../../protocol/citizen-messages.ts'
import { MESSAGE_KINDS, type MessageKind } from '../../protocol/messages/citizen.ts'
import { KINDS_WITH_ABOUT, messagesConfigText, type MessagesConfigKey } from '../../protocol/messages/messages-config.ts'
import { messagesCardText, type MessagesCardKey } from '../../protocol/messages/messages-card.ts'
import type { DashboardApi } from '../dashboard-api.ts'
import { deskStyles } from '../dashboard-styles.ts'
import { messagesApi } from './messages-api.ts'
import { messageTextHint, noBundleRoute } from './hub-bundle-note.ts'
import type { CenterBundleState } from '../../protocol/config-bundle.ts'
import { leftToRight } from '../../ui-common/time-range.ts'
import './template-editor.ts'

type MessagesToday = Static<typeof MessagesTodaySchema>

@customElement('tabour-messages-config')
export class MessagesConfig extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      .kinds {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        list-style: none;
        /* off the note above it: the links' warning box touched the buttons (walk s51) */
        margin: 1rem 0 0;
        padding: 0;
      }
      .kinds button[aria-current='false'] {
        background: #fff;
        color: var(--tabour-primary);
      }
      .kinds button {
        min-block-size: 44px;
      }
      .editors {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 1.5rem;
      }
      .notice {
        border-inline-start: 8px solid var(--warn);
        padding: 0.5rem 1rem;
        background: #fff1de;
        margin: 0;
      }
    `,
  ]

  @property({ attribute: false }) api!: DashboardApi
  @property() override lang: Lang = 'ar'
  /** The screen's digits for the figures in the words (hours, characters, messages); default 'western'. */
  @property() digits: DigitStyle = 'western'
  @state() private templates: MessageTemplate[] = []
  /** The provider in use; null when messages are off; undefined until known. */
  @state() private provider: string | null | undefined = undefined
  @state() private kind: MessageKind = 'ticket_taken'
  /** messages.reminderHoursBefore; undefined until known. */
  @state() private reminderHours: number | undefined = undefined
  /** What the messages' links start with (publicUrl, else the center's own address); undefined until known. */
  @state() private links: MessagesToday['links'] | undefined = undefined
  /** The hub's bundle running here: the texts it sets say so; null when none (or an older center). */
  @state() private bundle: CenterBundleState | null = null

  private get calls() {
    return messagesApi(this.api)
  }

  override connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  private async load(): Promise<void> {
    const [templates, today, bundle] = await Promise.all([
      this.calls.templates(),
      this.calls.today(),
      // an older center has no bundle route: no hub note, the editor still works
      this.api.configBundle().catch(noBundleRoute),
    ])
    this.templates = templates
    this.bundle = bundle
    this.provider = today.provider
    this.reminderHours = today.reminderHoursBefore
    this.links = today.links
  }

  private t(key: MessagesConfigKey, values?: Record<string, string | number>): string {
    return messagesConfigText(key, this.lang, values, this.digits)
  }

  private kindName(kind: MessageKind): string {
    return messagesCardText(`msgs.kind.${kind}` as MessagesCardKey, this.lang)
  }

  private saved(e: CustomEvent<MessageTemplate>): void {
    const saved = e.detail
    this.templates = this.templates.map((t) => (t.kind === saved.kind && t.lang === saved.lang ? saved : t))
  }

  override render(): TemplateResult {
    const kind = this.kind
    const pair = this.templates.filter((t) => t.kind === kind)
    return html`<section class="card" aria-labelledby="tpl-title">
        <h2 id="tpl-title">${this.t('tpl.title')}</h2>
        <p class="muted">${this.t('tpl.intro')}</p>
        ${this.providerNote()}
        ${this.reminderNote('muted')}
        ${this.linksNote()}
        <ul class="kinds" aria-label=${this.t('tpl.kinds')}>
          ${MESSAGE_KINDS.map((k) => {
            const edited = this.templates.some((t) => t.kind === k && t.edited)
            return html`<li><button type="button" data-kind=${k} aria-current=${String(k === kind)} @click=${() => (this.kind = k)}>
              ${this.kindName(k)}${edited ? html` <span class="pill" data-tone="warn">${this.t('tpl.edited')}</span>` : nothing}
            </button></li>`
          })}
        </ul>
      </section>
      <section class="card" data-editing=${kind} aria-labelledby="kind-title" @template-saved=${this.saved}>
        <h2 id="kind-title">${this.t('tpl.editing', { kind: this.kindName(kind) })}</h2>
        ${this.about(kind)} ${kind === 'appointment_reminder' ? this.reminderNote('notice') : nothing}
        <div class="editors">
          ${pair.map(
            (tpl) =>
              html`${keyed(`${tpl.kind}:${tpl.lang}`, html`<tabour-template-editor data-lang=${tpl.lang} .calls=${this.calls} .template=${tpl} .lang=${this.lang} .digits=${this.digits} .hubNote=${messageTextHint(this.bundle, tpl.kind, tpl.lang, this.lang, this.digits)}></tabour-template-editor>`)}`,
          )}
        </div>
      </section>`
  }

  /** Who gets a closing's text and when: the two closings' names alone read alike (walk s50). */
  private about(kind: MessageKind): TemplateResult | typeof nothing {
    if (!(KINDS_WITH_ABOUT as readonly string[]).includes(kind)) return nothing
    return html`<p class="muted" data-kind-about>${this.t(`tpl.about.${kind}` as MessagesConfigKey)}</p>`
  }

  /** When reminders go, from the running config (or that they are off). */
  private reminderNote(cls: 'muted' | 'notice'): TemplateResult | typeof nothing {
    const hours = this.reminderHours
    if (hours === undefined) return nothing
    return html`<p class=${cls} data-reminder-note>
      ${hours === 0 ? this.t('tpl.reminderOff') : this.t('tpl.reminder', { hours })}
    </p>`
  }

  /**
   * What the links in the texts start with, as the previews count their SMS parts: the configured
   * publicUrl, or, without one, the center's address on its own network, which a phone outside it
   * cannot open (the previews counted a placeholder host before, not what is sent).
   */
  private linksNote(): TemplateResult | typeof nothing {
    const links = this.links
    if (!links) return nothing
    // an address reads left to right, in its own digits, inside an Arabic sentence
    const base = { base: leftToRight(links.base) }
    return links.publicUrl
      ? html`<p class="muted" data-links="public">${this.t('tpl.links', base)}</p>`
      : html`<p class="notice" data-links="local"><strong>${this.t('tpl.linksLocal')}</strong> ${this.t('tpl.linksLocalHint', base)}</p>`
  }

  private providerNote(): TemplateResult | typeof nothing {
    if (this.provider === undefined) return nothing
    if (this.provider === null)
      return html`<p class="notice" data-provider="off"><strong>${this.t('tpl.off')}</strong> ${this.t('tpl.offHint')}</p>`
    return html`<p data-provider=${this.provider}>${this.t('tpl.providerOn', { provider: this.provider })}</p>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-messages-config': MessagesConfig
  }
}
