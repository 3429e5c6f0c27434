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
import { unsafeHTML } from 'lit/directives/unsafe-html.js'
import { createHash } from 'node:crypto'

/** A template (or any value lit renders) as HTML, its text and attributes escaped by lit's renderer. */
export function markup(template: unknown): string {
  return collectResultSync(render(template))
}

/**
 * Where `html` (markup already rendered) goes in a template rendered by `markupWith`: lit's
 * renderer parses what `unsafeHTML` holds, which for a component's host with its styles took
 * most of the ~10 ms a kiosk's screen cost; a placeholder costs nothing and is swapped after.
 */
export function part(name: string): unknown {
  return unsafeHTML(`<!--tabour-part:${name}-->`)
}

/** `markup(template)` with each `part(name)` replaced by `parts[name]`. */
export function markupWith(template: unknown, parts: Record<string, string>): string {
  return markup(template).replace(/<!--tabour-part:([\w-]+)-->/g, (_m, name: string) => parts[name] ?? '')
}

/** The CSS text of a component's `styles` (a CSSResult or nested arrays of them). */
export function cssText(styles: CSSResultGroup): string {
  if (Array.isArray(styles)) return styles.map((s) => cssText(s as CSSResultGroup)).join('\n')
  return (styles as { cssText: string }).cssText
}

/** A pre-rendered screen's own rule: over the app's element until the app takes it away (ui-common/first-screen.ts), where the app will be. */
export const OVER_THE_APP = ':host { position: fixed; inset: 0; z-index: 1; }'

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
