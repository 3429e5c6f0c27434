/**
 * The kiosk's and the display's first screen in its own face from the first paint (issue 22):
 * the build adds `<link rel="preload" as="font">` for the font files that screen uses to its
 * page, with their hashed names, so they download with the page instead of after the first
 * layout; and the bundled @font-face rules say `font-display: block` instead of fontsource's
 * `swap`, so text waits (briefly: the files are local and already on their way) for its face
 * rather than showing a fallback and jumping when the face swaps in.
 */
import { posix } from 'node:path'
import type { Plugin, Rollup } from 'vite'
import { afterCharset } from './html-after-charset.ts'

/** A font file of the bundle, by its source name (`cairo-arabic-700-normal.woff2`). */
export type FontFile = RegExp

/** The faces of the kiosk's and the display's first screen: Cairo (SCREEN_FONT_STACK), Arabic and Latin, regular and bold. */
export const FIRST_SCREEN_FONTS: FontFile[] = [
  /^cairo-arabic-400-normal\.woff2$/,
  /^cairo-arabic-700-normal\.woff2$/,
  /^cairo-latin-400-normal\.woff2$/,
  /^cairo-latin-700-normal\.woff2$/,
]

/** fontsource's stylesheets (and only those) get another font-display. */
const FONTSOURCE_CSS = /[\\/]@fontsource[\\/][^?]+\.css(\?.*)?$/

/** The bundle's file name of each font that matches one of `fonts`, in the order of `fonts`; throws when one is missing. */
export function fontFiles(bundle: Rollup.OutputBundle, fonts: FontFile[]): string[] {
  const assets = Object.values(bundle).filter((o): o is Rollup.OutputAsset => o.type === 'asset')
  return fonts.map((font) => {
    const asset = assets.find((a) => a.originalFileNames.some((name) => font.test(posix.basename(name.replaceAll('\\', '/')))))
    if (!asset) throw new Error(`font preload: no file in the bundle matches ${font} (did the fontsource package change its file names?)`)
    return asset.fileName
  })
}

/**
 * `pages`: the HTML entries (paths from the project root, `kiosk-ui/index.html`) and the fonts
 * each preloads. `fontDisplay` replaces fontsource's `swap` in every bundled @font-face.
 */
export function fontPreload(pages: Record<string, FontFile[]>, fontDisplay: 'block' | 'swap' | 'fallback' | 'optional' = 'block'): Plugin {
  return {
    name: 'tabour:font-preload',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!FONTSOURCE_CSS.test(id)) return null
      return { code: code.replaceAll(/font-display:\s*swap/g, `font-display: ${fontDisplay}`), map: null }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx): string {
        const page = ctx.path.replace(/^\//, '')
        const fonts = pages[page]
        if (!fonts || !ctx.bundle) return html
        // relative like the rest of the page (base './'): the page may be served under a prefix
        const links = fontFiles(ctx.bundle, fonts).map(
          (file) =>
            `\n    <link rel="preload" as="font" type="font/woff2" crossorigin href="${posix.relative(posix.dirname(page), file)}" />`,
        )
        return afterCharset(html, links.join(''), page, 'font preload')
      },
    },
  }
}
