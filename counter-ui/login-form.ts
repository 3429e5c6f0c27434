/**
 * `<tabour-counter-login>`: username and password. Used as the first screen and, inside the
 * "session ended" dialog, over the unchanged console. Fires `login-submit` {username, password}.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, query } from 'lit/decorators.js'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { consoleStyles } from './console-styles.ts'
import { consoleText, type ConsoleMessageKey } from '../protocol/messages/console.ts'

export interface LoginSubmitDetail {
  username: string
  password: string
}

@customElement('tabour-counter-login')
export class CounterLogin extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      form {
        display: grid;
        gap: 0.9rem;
      }
      label {
        display: grid;
        gap: 0.3rem;
        font-weight: 700;
        font-size: 0.95rem;
      }
      .error {
        margin: 0;
        padding: 0.6rem 0.9rem;
        border-radius: 8px;
        background: var(--console-danger-bg);
        color: var(--tabour-danger);
        font-weight: 700;
      }
      .hint {
        margin: 0;
        color: var(--console-soft);
        font-size: 0.9rem;
      }
      button {
        inline-size: 100%;
        min-block-size: 3.2rem;
        font-size: 1.1rem;
      }
    `,
  ]

  /** Default 'ar'. */
  @property() override lang: Lang = DEFAULT_LANG
  /** A login is in flight: the button waits. */
  @property({ type: Boolean }) busy = false
  /** Why the last attempt failed, or null. */
  @property({ attribute: false }) error: ConsoleMessageKey | null = null
  /** Prefilled user name (the dialog after a session ended). */
  @property() username = ''

  @query('input[name="password"]') private password!: HTMLInputElement
  @query('input[name="username"]') private user!: HTMLInputElement

  override firstUpdated(): void {
    ;(this.username ? this.password : this.user)?.focus()
  }

  /**
   * A refused attempt empties the password and puts the cursor back in it: on the counter's shared
   * PC (login.sharedPc) a refused password left in its field waited there for the next person
   * (walk s52), and the name is what is usually right.
   */
  override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('error') && this.error !== null && this.password) {
      this.password.value = ''
      this.password.focus()
    }
  }

  override render(): TemplateResult {
    const lang = this.lang
    return html`
      <form @submit=${this.onSubmit} data-form="login">
        <label>${consoleText('login.username', lang)}<input name="username" autocomplete="username" dir="ltr" required .value=${this.username} /></label>
        <label>${consoleText('login.password', lang)}<input name="password" type="password" autocomplete="current-password" dir="ltr" required /></label>
        ${this.error ? html`<p class="error" role="alert" data-error=${this.error}>${consoleText(this.error, lang)}</p>` : nothing}
        <button class="primary" type="submit" data-action="login" ?disabled=${this.busy}>${consoleText(this.busy ? 'login.busy' : 'login.submit', lang)}</button>
        <p class="hint">${consoleText('login.sharedPc', lang)}</p>
      </form>
    `
  }

  private onSubmit(e: Event): void {
    e.preventDefault()
    if (this.busy) return
    const detail: LoginSubmitDetail = { username: this.user.value.trim(), password: this.password.value }
    if (!detail.username || !detail.password) return
    this.dispatchEvent(new CustomEvent('login-submit', { detail, bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-counter-login': CounterLogin
  }
}
