/**
 * Inserts `markup` into a built page right after its `<meta charset>`, which must come first in
 * `<head>`: what goes there is requested before the page's stylesheets and scripts. Used by the
 * build's plugins that add preloads and early scripts to a page (vite-font-preload.ts,
 * vite-early-script.ts); `plugin` names the one that needed it in the error.
 */
export function afterCharset(html: string, markup: string, page: string, plugin: string): string {
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html)
  if (!charset) throw new Error(`${plugin}: ${page} has no <meta charset>`)
  const at = charset.index + charset[0].length
  return html.slice(0, at) + markup + html.slice(at)
}
