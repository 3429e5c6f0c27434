/**
 * `<tabour-ticket-options>`: the optional questions between choosing a service and the ticket,
 * each one only when the kiosk's config asks for it: a priority category (the center's list
 * plus "none"), then a mobile number on a keypad, checked against the kiosk's pattern and
 * skippable. Fires `options-complete` with the answers, or `options-cancel` (the back button).
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { PriorityCategory } from '../protocol/entities.ts'
import { digitsFor, inDigitStyle, type DigitStyle } from '../ui-common/digits.ts'
import { phoneExample } from '../protocol/phone-number.ts'
import { DEFAULT_LANG, otherLang, type Lang } from '../ui-common/i18n.ts'
import { inLang } from '../ui-common/bilingual.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { kioskStyles } from './kiosk-styles.ts'
import { DEFAULT_SETTINGS } from './kiosk-settings.ts'
import './numeric-keypad.ts'
import './message-consent.ts'
import type { KeypadKeyDetail } from './numeric-keypad.ts'
import { kioskText } from '../protocol/messages/kiosk.ts'

/** Payload of `options-complete`: only what was answered. */
export interface TicketOptionsDetail {
  priority?: string
  phone?: string
  /** The citizen ticked the consent to messages (only with a phone). */
  messagesOptIn?: boolean
}

/** The longest phone number the server takes (E.164). */
const PHONE_MAX = 15

@customElement('tabour-ticket-options')
export class TicketOptions extends LitElement {
  static override styles = [
    themeStyles,
    kioskStyles,
    css`
      /* the second language on the filled "No, continue" button: its own text colour, not the muted grey of a plain button */
      .btn.primary .second {
        color: inherit;
      }
      :host {
        display: block;
      }
      section {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--tabour-space-3);
        text-align: center;
      }
      h2 {
        margin: 0;
        font-size: var(--tabour-text-large);
        line-height: 1.3;
      }
      p {
        margin: 0;
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: var(--tabour-space-2);
        inline-size: min(100%, 72rem);
      }
      .choices .btn {
        min-block-size: 7rem;
        flex-direction: column;
        gap: 0;
      }
      .phone {
        min-inline-size: 16ch;
        min-block-size: 5rem;
        padding: var(--tabour-space-1) var(--tabour-space-3);
        border: 3px solid var(--tabour-border);
        border-radius: var(--tabour-radius);
        background: var(--tabour-surface);
        font-size: var(--tabour-text-large);
        font-weight: 700;
        letter-spacing: 0.08em;
      }
      .invalid {
        color: var(--tabour-danger);
        font-weight: 700;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: var(--tabour-space-2);
      }
    `,
  ]

  /** Ask for a priority category first; default false. */
  @property({ type: Boolean }) askPriority = false
  /** Ask for an optional phone number; default false. */
  @property({ type: Boolean }) askPhone = false
  /** The center's priority categories; default none. */
  @property({ attribute: false }) categories: PriorityCategory[] = []
  /** What a valid phone number looks like; default Egyptian mobile. */
  @property({ attribute: false }) phonePattern: RegExp = DEFAULT_SETTINGS.phonePattern
  /** The center sends messages: only then the consent box is offered. Default false. */
  @property({ type: Boolean }) messagesOn = false
  /** Current language; default 'ar'. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /** Digits on screen; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** The ticket is being issued: buttons are disabled. Default false. */
  @property({ type: Boolean }) busy = false

  @state() private step: 'priority' | 'phone' = 'priority'
  @state() private phone = ''
  @state() private showInvalid = false
  @state() private consent = false
  private priority: string | undefined

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('askPriority') && !this.askPriority) this.step = 'phone'
  }

  override render(): TemplateResult {
    return this.step === 'priority' && this.askPriority ? this.renderPriority() : this.renderPhone()
  }

  private renderPriority(): TemplateResult {
    const lang = this.lang
    const other = otherLang(lang)
    const name = (c: PriorityCategory, l: Lang) => (l === 'ar' ? c.nameAr : c.nameEn)
    return html`
      <section data-step="priority">
        <h2>${kioskText('kiosk.priority.title', lang)}</h2>
        <p>${kioskText('kiosk.priority.hint', lang)}</p>
        <div class="choices">
          ${this.categories.map(
            (
              c,
            ) => html`<button type="button" class="btn" data-priority=${c.code} ?disabled=${this.busy} @click=${() => this.choosePriority(c.code)}>
              <span>${name(c, lang)}</span><span class="second">${inLang(name(c, other), other)}</span>
            </button>`,
          )}
          <button type="button" class="btn primary" data-priority="none" ?disabled=${this.busy} @click=${() => this.choosePriority(undefined)}>
            <span>${kioskText('kiosk.priority.none', lang)}</span><span class="second">${inLang(kioskText('kiosk.priority.none', other), other)}</span>
          </button>
        </div>
        <div class="actions">
          <button type="button" class="btn" data-action="back" ?disabled=${this.busy} @click=${this.cancel}>${kioskText('common.back', lang)}</button>
        </div>
      </section>
    `
  }

  private renderPhone(): TemplateResult {
    const lang = this.lang
    const valid = this.phonePattern.test(this.phone)
    const digits = digitsFor(lang, this.digits)
    const shown = inDigitStyle(this.phone, digits)
    return html`
      <section data-step="phone">
        <h2>${kioskText('kiosk.phone.title', lang)}</h2>
        <p data-hint>${kioskText(this.messagesOn ? 'kiosk.phone.hint' : 'kiosk.phone.hintNoMessages', lang)}</p>
        <output class="phone ltr" data-phone=${this.phone} aria-live="polite">${shown || '\u00a0'}</output>
        ${this.showInvalid && !valid ? html`<p class="invalid" role="alert">${kioskText('kiosk.phone.invalid', lang, { example: phoneExample(digits) })}</p>` : nothing}
        <tabour-numeric-keypad .lang=${lang} .digits=${digits} ?disabled=${this.busy} @keypad-key=${this.onKey}></tabour-numeric-keypad>
        ${
          this.messagesOn
            ? html`<tabour-message-consent .lang=${lang} ?checked=${this.consent} ?disabled=${this.busy} @consent-change=${(e: CustomEvent<boolean>) => (this.consent = e.detail)}></tabour-message-consent>`
            : nothing
        }
        <div class="actions">
          <button type="button" class="btn" data-action="back" ?disabled=${this.busy} @click=${this.back}>${kioskText('common.back', lang)}</button>
          <button type="button" class="btn" data-action="skip" ?disabled=${this.busy} @click=${() => this.complete(undefined)}>${kioskText('kiosk.phone.skip', lang)}</button>
          <button type="button" class="btn primary" data-action="confirm" ?disabled=${this.busy || this.phone === ''} @click=${this.confirmPhone}>
            ${kioskText('kiosk.phone.confirm', lang)}
          </button>
        </div>
      </section>
    `
  }

  private choosePriority(code: string | undefined): void {
    this.priority = code
    if (this.askPhone) this.step = 'phone'
    else this.complete(undefined)
  }

  private readonly onKey = (e: CustomEvent<KeypadKeyDetail>): void => {
    const key = e.detail.key
    if (key === 'delete') this.phone = this.phone.slice(0, -1)
    else if (key === 'clear') this.phone = ''
    else if (this.phone.length < PHONE_MAX) this.phone += key
    this.showInvalid = false
  }

  private readonly confirmPhone = (): void => {
    if (!this.phonePattern.test(this.phone)) {
      this.showInvalid = true
      return
    }
    this.complete(this.phone)
  }

  private readonly back = (): void => {
    if (this.askPriority) this.step = 'priority'
    else this.cancel()
  }

  private complete(phone: string | undefined): void {
    const detail: TicketOptionsDetail = {
      ...(this.priority ? { priority: this.priority } : {}),
      ...(phone ? { phone } : {}),
      ...(phone && this.consent && this.messagesOn ? { messagesOptIn: true } : {}),
    }
    this.dispatchEvent(new CustomEvent<TicketOptionsDetail>('options-complete', { detail, bubbles: true, composed: true }))
  }

  private readonly cancel = (): void => {
    this.dispatchEvent(new CustomEvent('options-cancel', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-ticket-options': TicketOptions
  }
  interface HTMLElementEventMap {
    'options-complete': CustomEvent<TicketOptionsDetail>
    'options-cancel': CustomEvent<void>
  }
}
