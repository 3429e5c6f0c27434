/**
 * `<tabour-documents-step>`: the "what to bring" step (issue 21), after a service with documents
 * is chosen and before its ticket is issued: the list, then "I have them, give me a ticket"
 * (`documents-confirm`) or back to the services (`documents-back`). A service whose
 * `confirmDocuments` is off skips this step; its list is still on the ticket, on screen and on paper.
 */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { RequiredDocument } from '../protocol/service-menu.ts'
import { serviceMenuText } from '../protocol/messages/service-menu.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { kioskStyles } from './kiosk-styles.ts'
import { themeStyles } from '../ui-common/theme.ts'
import './documents-list.ts'

@customElement('tabour-documents-step')
export class DocumentsStep extends LitElement {
  static override styles = [
    themeStyles,
    kioskStyles,
    css`
      :host {
        display: grid;
        gap: var(--tabour-space-3);
      }
      .hint {
        margin: 0;
        font-size: var(--tabour-text-large);
        text-align: center;
      }
      tabour-documents-list {
        padding: var(--tabour-space-3);
        border: 4px solid var(--tabour-primary);
        border-radius: calc(var(--tabour-radius) * 1.5);
        background: var(--tabour-bg);
      }
      .actions {
        display: flex;
        gap: var(--tabour-space-2);
        justify-content: center;
        flex-wrap: wrap;
      }
      .actions .btn {
        min-inline-size: 18rem;
        font-size: var(--tabour-text-large);
      }
    `,
  ]

  /** The chosen service's documents; default none. */
  @property({ attribute: false }) documents: readonly RequiredDocument[] = []
  /** Current language; default 'ar'. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /** A ticket is being issued: the buttons wait. Default false. */
  @property({ type: Boolean }) busy = false

  override render(): TemplateResult {
    const lang = this.lang
    return html`
      <p class="hint">${serviceMenuText('bring.hint', lang)}</p>
      <tabour-documents-list .documents=${this.documents} .lang=${lang}></tabour-documents-list>
      <div class="actions">
        <button type="button" class="btn" data-action="documents-back" ?disabled=${this.busy} @click=${() => this.send('documents-back')}>
          ${serviceMenuText('bring.back', lang)}
        </button>
        <button type="button" class="btn primary" data-action="documents-confirm" ?disabled=${this.busy} @click=${() => this.send('documents-confirm')}>
          ${serviceMenuText('bring.haveThem', lang)}
        </button>
      </div>
    `
  }

  private send(type: 'documents-confirm' | 'documents-back'): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-documents-step': DocumentsStep
  }
  interface HTMLElementEventMap {
    'documents-confirm': CustomEvent<void>
    'documents-back': CustomEvent<void>
  }
}
