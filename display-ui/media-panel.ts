/**
 * `<tabour-media-panel>`: the center's images and videos, one after another: an image for
 * `seconds`, a video (muted: the announcements own the sound) to its end. A file that fails to
 * load is skipped. Nothing is shown without files.
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { MediaItem } from '../protocol/center.ts'

@customElement('tabour-media-panel')
export class MediaPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      overflow: hidden;
      background: #000;
    }
    img,
    video {
      position: absolute;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      object-fit: contain;
    }
  `

  /** The files to show, in order; default none. */
  @property({ attribute: false }) items: MediaItem[] = []
  /** Seconds per image; default 10. */
  @property({ type: Number }) seconds = 10

  @state() private index = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  override disconnectedCallback(): void {
    clearTimeout(this.timer)
    super.disconnectedCallback()
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items') && this.index >= this.items.length) this.index = 0
  }

  override render(): TemplateResult | typeof nothing {
    const item = this.items[this.index]
    if (!item) return nothing
    return item.kind === 'image'
      ? html`<img src=${item.url} alt="" data-media=${item.name} @error=${this.next} />`
      : html`<video src=${item.url} data-media=${item.name} muted autoplay playsinline ?loop=${this.items.length === 1} @ended=${this.next} @error=${this.next}></video>`
  }

  protected override updated(): void {
    clearTimeout(this.timer)
    const item = this.items[this.index]
    if (item?.kind === 'image' && this.items.length > 1) this.timer = setTimeout(this.next, this.seconds * 1000)
  }

  private readonly next = (): void => {
    if (this.items.length > 1) this.index = (this.index + 1) % this.items.length
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-media-panel': MediaPanel
  }
}
