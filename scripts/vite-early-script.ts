/**
 * Scripts a page runs before its modules (issue 22): each is built as a chunk of its own and
 * linked from the page as `<script type="module" async>` right after its charset, so it runs as
 * soon as it has arrived, while the page's module graph still downloads; a module script of the
 * page itself would wait for the whole graph. Nothing imports it: it must need nothing the page
 * has (display-ui/intl-warm-up.ts starts a worker).
 */
import { posix, resolve } from 'node:path'
import type { Plugin, Rollup } from 'vite'
import { afterCharset } from './html-after-charset.ts'

/** `pages`: the HTML entries (paths from the project root) and the script each runs first (a path from the root). */
export function earlyScript(root: string, pages: Record<string, string>): Plugin {
  const ids = new Map(Object.entries(pages).map(([page, script]) => [page, resolve(root, script)]))
  return {
    name: 'tabour:early-script',
    apply: 'build',
    buildStart() {
      for (const id of new Set(ids.values())) this.emitFile({ type: 'chunk', id, name: posix.basename(id).replace(/\.[^.]+$/, '') })
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx): string {
        const page = ctx.path.replace(/^\//, '')
        const id = ids.get(page)
        if (!id || !ctx.bundle) return html
        const chunk = Object.values(ctx.bundle).find((o): o is Rollup.OutputChunk => o.type === 'chunk' && o.facadeModuleId === id)
        if (!chunk) throw new Error(`early script: ${id} is not in the bundle`)
        // relative like the rest of the page (base './'): the page may be served under a prefix
        const tag = `\n    <script type="module" async crossorigin src="${posix.relative(posix.dirname(page), chunk.fileName)}"></script>`
        return afterCharset(html, tag, page, 'early script')
      },
    },
  }
}
