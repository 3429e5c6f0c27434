/**
 * A page that carries its first screen holds its stylesheets in itself (issue 22).
 *
 * The built page links two small stylesheets (the Cairo faces and the page's root rules, ~4 KB).
 * A stylesheet blocks the first frame, and on a fresh start the browser asked for them after the
 * six module scripts and four fonts listed before them. Held in the page, nothing stands between
 * the page and its first frame but the faces, which the first screen waits for itself
 * (faces-first.ts). Each `<style>` is allowed by its hash, as the first screen's own styles are;
 * its `url(…)`s are rewritten from the stylesheet's folder to the page's, so the faces are the
 * very files the page preloads. The link stays, `disabled` (a disabled stylesheet is not
 * fetched): vite's preload helper looks for it before it adds the stylesheet a lazily loaded chunk
 * shares, and would otherwise fetch it once the app runs.
 */
import { readFileSync } from 'node:fs'
import { join, posix } from 'node:path'

const STYLESHEET = /<link rel="stylesheet"(?: crossorigin)? href="([^"]+\.css)">/g
/** A relative `url(…)` in built CSS (vite writes them unquoted, `./name`); data:, absolute and fragment URLs are left. */
const RELATIVE_URL = /url\((?!["']?(?:data:|[a-z]+:|\/|#))["']?([^)"']+)["']?\)/g

/** The built assets never change under a name (their names carry their content's hash): read once. */
const cssByFile = new Map<string, string>()

export interface InlinedStylesheets {
  page: string
  /** The text of each `<style>` now in the page, for the CSP's hashes. */
  styles: string[]
}

/**
 * `page` (a built page read from `pageDir`) with each linked stylesheet's text in a `<style>`
 * before its link, now disabled. A stylesheet that cannot be read is left linked: the page works as built.
 */
export function inlineStylesheets(page: string, pageDir: string): InlinedStylesheets {
  const styles: string[] = []
  const inlined = page.replace(STYLESHEET, (link, href: string) => {
    const css = stylesheetText(join(pageDir, href))
    if (css === null) return link
    const folder = posix.dirname(href)
    const text = css.replace(RELATIVE_URL, (_m, url: string) => `url(${posix.join(folder, url)})`)
    styles.push(text)
    return `<style>${text}</style>${link.replace(/>$/, ' disabled>')}`
  })
  return { page: inlined, styles }
}

function stylesheetText(file: string): string | null {
  const known = cssByFile.get(file)
  if (known !== undefined) return known
  let css: string
  try {
    css = readFileSync(file, 'utf8')
  } catch {
    return null
  }
  // `</style` inside the CSS would end the element early; built CSS has none, and such a file stays linked
  if (/<\/style/i.test(css)) return null
  cssByFile.set(file, css)
  return css
}
