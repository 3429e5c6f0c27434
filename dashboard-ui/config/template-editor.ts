/**
 * `<tabour-template-editor>`: one message text in one language (issue 20). Placeholders as chips
 * that insert themselves at the cursor, the text (right-to-left for Arabic), a live preview with
 * sample values and the SMS segment counter from the server (POST /messages/preview, debounced),
 * Save and Back to the default. A refusal is worded in the screen's language beside the text.
 * Fires `template-saved` with the saved template.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { Static } from '@sinclair/typebox'
import type { Lang } from '../../ui-common/i18n.ts'
import type { DigitStyle } from '../../ui-common/digits.ts'
import { ApiError } from '../../ui-common/api-client.ts'
import type { MessageTemplate, Segments } from '../../protocol/citizen-messages.ts'
import { messagesConfigText, type MessagesConfigKey } from '../../protocol/messages/messages-config.ts'
import { deskStyles } from '../dashboard-styles.ts'
import type { MessagesApi } from './messages-api.ts'

/** How long typing must pause before the preview is asked for. */
const DEBOUNCE_MS = 300

/** Characters left before the text takes one more SMS part. */
export function unitsLeft(s: Static<typeof Segments>): number {
  return s.segments === 0 ? s.perSegment : s.segments * s.perSegment - s.units
}

@customElement('tabour-template-editor')
export class TemplateEditor extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      :host {
        display: grid;
        gap: 0.5rem;
        align-content: start;
      }
      h3 {
        margin: 0;
        font-size: 1rem;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        align-items: center;
      }
      .chips button {
        direction: ltr;
        unicode-bidi: isolate;
        font-family: ui-monospace, monospace;
        padding-inline: 0.6rem;
        min-block-size: 2rem;
      }
      textarea {
        inline-size: 100%;
        box-sizing: border-box;
        min-block-size: 7rem;
        resize: vertical;
        color: var(--tabour-fg);
      }
      .preview {
        border: 1px dashed #8a94a3;
        border-radius: 8px;
        padding: 0.5rem 0.75rem;
        background: #fff;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0;
      }
      .counter {
        font-variant-numeric: tabular-nums;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
      }
    `,
  ]

  @property({ attribute: false }) calls!: MessagesApi
  @property({ attribute: false }) template!: MessageTemplate
  /** The screen's language (the template's own is `template.lang`). */
  @property() override lang: Lang = 'ar'
  /** The screen's digits for the figures in the words (hours, characters, messages); default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** What the hub's running bundle makes of this text (config/hub-bundle-note.ts messageTextHint), said under its title; null: the center's own. */
  @property({ attribute: false }) hubNote: string | null = null
  @state() private text = ''
  @state() private preview = ''
  @state() private segments: Static<typeof Segments> | null = null
  @state() private error = ''
  @state() private notice = ''
  @state() private busy = false
  @query('textarea') private area!: HTMLTextAreaElement
  private timer: ReturnType<typeof setTimeout> | null = null
  /** Only the latest preview asked for is shown (an older answer may arrive later). */
  private asked = 0

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('template') && this.template) {
      this.text = this.template.text
      this.preview = this.template.preview
      this.segments = this.template.segments
      this.error = ''
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    if (this.timer) clearTimeout(this.timer)
  }

  private t(key: MessagesConfigKey, values?: Record<string, string | number>): string {
    return messagesConfigText(key, this.lang, values, this.digits)
  }

  private refusal(err: unknown): string {
    if (err instanceof ApiError && err.code === 'TABOUR_ERR_MESSAGE_PLACEHOLDER') {
      const name = /\{([^}]*)\}/.exec(err.message)?.[0] ?? ''
      return this.t('tpl.error.TABOUR_ERR_MESSAGE_PLACEHOLDER', {
        name,
        allowed: this.template.placeholders.map((p) => `{${p}}`).join(' '),
      })
    }
    if (err instanceof ApiError && err.code === 'TABOUR_ERR_MESSAGE_TEMPLATE') return this.t('tpl.error.TABOUR_ERR_MESSAGE_TEMPLATE')
    return this.t('tpl.error.other', { message: err instanceof Error ? err.message : String(err) })
  }

  private changed(text: string): void {
    this.text = text
    this.notice = ''
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.askPreview(), DEBOUNCE_MS)
  }

  private async askPreview(): Promise<void> {
    const ask = ++this.asked
    const { kind, lang } = this.template
    if (this.text.trim() === '') {
      this.error = this.t('tpl.error.empty')
      return
    }
    try {
      const answer = await this.calls.preview(kind, lang, this.text)
      if (ask !== this.asked) return
      this.preview = answer.preview
      this.segments = answer.segments
      this.error = ''
    } catch (err) {
      if (ask === this.asked) this.error = this.refusal(err)
    }
  }

  private insert(name: string): void {
    const area = this.area
    const token = `{${name}}`
    const start = area.selectionStart ?? this.text.length
    const end = area.selectionEnd ?? start
    this.changed(this.text.slice(0, start) + token + this.text.slice(end))
    void this.updateComplete.then(() => {
      area.focus()
      area.setSelectionRange(start + token.length, start + token.length)
    })
  }

  private async save(text: string | null): Promise<void> {
    if (text !== null && text.trim() === '') {
      this.error = this.t('tpl.error.empty')
      return
    }
    if (this.timer) clearTimeout(this.timer)
    this.asked++
    this.busy = true
    this.notice = ''
    try {
      const saved = await this.calls.save(this.template.kind, this.template.lang, text)
      this.template = saved
      this.notice = this.t(text === null ? 'tpl.resetDone' : 'tpl.saved')
      this.dispatchEvent(new CustomEvent('template-saved', { detail: saved, bubbles: true, composed: true }))
    } catch (err) {
      this.error = this.refusal(err)
    } finally {
      this.busy = false
    }
  }

  override render(): TemplateResult {
    const tpl = this.template
    const s = this.segments
    const invalid = this.error !== ''
    return html`<h3 id="title">${this.t(`tpl.lang.${tpl.lang}`)}
        <span class="pill" data-tone=${tpl.edited ? 'warn' : 'ok'}>${this.t(tpl.edited ? 'tpl.edited' : 'tpl.default')}</span></h3>
      ${this.hubNote ? html`<p class="muted" id="hub-note" data-hub-managed>${this.hubNote}</p>` : nothing}
      <div class="chips" role="group" aria-labelledby="insert">
        <span class="muted" id="insert">${this.t('tpl.insert')}</span>
        ${tpl.placeholders.map(
          (p) => html`<button type="button" class="secondary" data-placeholder=${p} @click=${() => this.insert(p)}>{${p}}</button>`,
        )}
      </div>
      <textarea
        name="text"
        aria-labelledby="title"
        aria-describedby=${[this.hubNote ? 'hub-note' : '', invalid ? 'error' : '', 'counter'].filter(Boolean).join(' ')}
        aria-invalid=${String(invalid)}
        lang=${tpl.lang}
        dir=${tpl.lang === 'ar' ? 'rtl' : 'ltr'}
        maxlength="1000"
        .value=${this.text}
        @input=${(e: Event) => this.changed((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${invalid ? html`<p class="error" id="error" role="alert" data-error>${this.error}</p>` : nothing}
      <span class="muted">${this.t('tpl.preview')}</span>
      <p class="preview" data-preview lang=${tpl.lang} dir=${tpl.lang === 'ar' ? 'rtl' : 'ltr'}>${this.preview}</p>
      ${
        s
          ? html`<p class="muted counter" id="counter" data-segments=${s.segments} data-encoding=${s.encoding} aria-live="polite">${this.t(
              'tpl.counter',
              {
                encoding: this.t(`tpl.encoding.${s.encoding}`),
                segments: s.segments,
                units: s.units,
                left: unitsLeft(s),
              },
            )}</p>`
          : nothing
      }
      <div class="actions">
        <button type="button" data-action="save" ?disabled=${this.busy} @click=${() => this.save(this.text)}>${this.t('tpl.save')}</button>
        <button type="button" class="secondary" data-action="reset" ?disabled=${this.busy || (!tpl.edited && this.text === tpl.text)} @click=${() => this.save(null)}>${this.t('tpl.reset')}</button>
      </div>
      ${this.notice ? html`<p role="status" data-notice>${this.notice}</p>` : nothing}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-template-editor': TemplateEditor
  }
}
