/**
 * A screen's first frame as HTML (issue 22): lit templates rendered to a string by lit's own
 * server renderer (@lit-labs/ssr), each component's part in a host with a declarative shadow
 * root holding the component's styles, as the component's own shadow root would. The markup
 * is replaced when the page's script boots, never hydrated; lit's hydration markers (comments)
 * are kept all the same: they split the text into the nodes lit's own render makes, and with
 * them stripped, Arabic text joined across those splits drew a few pixels differently from the
 * app's (test/e2e/kiosk-first-screen.test.ts compares the two). The center's CSP allows no inline style or script: every `<style>` (and the page's
 * small inline script) is allowed by its hash, sent with that page alone.
 */
import { render } from '@lit-labs/ssr'
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js'
import type { CSSResultGroup } from 'lit'
import { createHash } from 'node:crypto'

/** A template (or any value lit renders) as HTML, its text and attributes escaped by lit's renderer. */
export function markup(template: unknown): string {
  return collectResultSync(render(template))
}

/** The CSS text of a component's `styles` (a CSSResult or nested arrays of them). */
export function cssText(styles: CSSResultGroup): string {
  if (Array.isArray(styles)) return styles.map((s) => cssText(s as CSSResultGroup)).join('\n')
  return (styles as { cssText: string }).cssText
}

/** A CSP source allowing exactly `text` as an inline script or style. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** Collects the hosts of one page's first screen and the hashes of their styles. */
export class ShadowMarkup {
  private readonly styles = new Set<string>()

  /** `<tag attrs><template shadowrootmode="open"><style>…</style>content</template></tag>`. */
  host(tag: string, attributes: Record<string, string>, styles: CSSResultGroup | string, content: string): string {
    const css = typeof styles === 'string' ? styles : cssText(styles)
    this.styles.add(css)
    const attrs = Object.entries(attributes)
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join('')
    return `<${tag}${attrs}><template shadowrootmode="open"><style>${css}</style>${content}</template></${tag}>`
  }

  /** The CSP hash sources of every style added so far. */
  styleHashes(): string[] {
    return [...this.styles].map(cspHash)
  }
}
