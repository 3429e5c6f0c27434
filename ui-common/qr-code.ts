/**
 * `<tabour-qr-code>`: a QR code drawn as one SVG path (crisp at any size, nothing to load),
 * black on white with the standard four-module quiet zone so phones read it off a screen.
 */
import { LitElement, css, html, svg, type PropertyValues, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { create } from 'qrcode'

/** The dark modules of a QR code as an SVG path, one unit per module, and its size in modules. */
export function qrPath(value: string): { size: number; d: string } {
  const { modules } = create(value, { errorCorrectionLevel: 'M' })
  const size = modules.size
  let d = ''
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // runs of dark modules in a row become one rectangle: a shorter path
      if (!modules.get(y, x)) continue
      let run = 1
      while (x + run < size && modules.get(y, x + run)) run++
      d += `M${x} ${y}h${run}v1h-${run}z`
      x += run - 1
    }
  }
  return { size, d }
}

const QUIET = 4

@customElement('tabour-qr-code')
export class QrCode extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      inline-size: var(--qr-size, 12rem);
      block-size: var(--qr-size, 12rem);
      line-height: 0;
    }
    svg {
      inline-size: 100%;
      block-size: 100%;
    }
  `

  /** The text to encode (a URL); default empty (nothing drawn). */
  @property() value = ''
  /** What a screen reader says; default none. */
  @property() label = ''

  private path: { size: number; d: string } | null = null

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.path = this.value ? qrPath(this.value) : null
  }

  override render(): TemplateResult {
    if (!this.path) return html``
    const full = this.path.size + QUIET * 2
    return html`<svg viewBox="${-QUIET} ${-QUIET} ${full} ${full}" role="img" aria-label=${this.label} shape-rendering="crispEdges">
      ${svg`<rect x=${-QUIET} y=${-QUIET} width=${full} height=${full} fill="#fff"></rect><path d=${this.path.d} fill="#000"></path>`}
    </svg>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-qr-code': QrCode
  }
}
