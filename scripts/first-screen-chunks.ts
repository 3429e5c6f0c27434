/**
 * How the build splits the code of the pages that must start fast on weak hardware or a
 * citizen's phone (issue 22): the kiosk, the waiting-room display and the ticket status page.
 * Every module those pages load with the page (not through a lazy `import()`) goes into a chunk
 * named by exactly which of them load it (`first~kiosk`, `first~display~kiosk`, …), and by the
 * lazy modules of theirs that need it too (`first~later-screens`). Each of them then fetches a
 * few chunks, and none of those holds code the page does not run.
 *
 * Left to the general rule alone (a chunk per set of pages, small ones merged into a neighbour)
 * the kiosk fetched either 27 files or, merged, about 450 KB of script (TypeBox, the status
 * page's rating form, the ticket's QR code) where its first screen needs under 200 KB. Other
 * pages that use these modules load these chunks too and may get code they do not run; their
 * own modules, and what the three pages load lazily, follow the general rule (vite.config.ts).
 */
import { posix } from 'node:path'
import type { Rollup } from 'vite'

type ChunkingContext = { getModuleInfo(id: string): Rollup.ModuleInfo | null }

/**
 * Whether `id` is a script, not a stylesheet: groups leave stylesheets where the bundler puts them,
 * with the pages that link them. Grouped with script, a page's page.css went to every page that
 * loads any of that chunk's script: the dashboard, the console and the hub's pages took the
 * kiosk's, the display's and the status page's, so the dashboard's root font size was the status
 * page's 22 px and its html and body, as the display's, neither scrolled nor let text be selected
 * (walk s54: tables too wide for their cards, rows below the fold out of reach).
 */
export const notStylesheet = (id: string): boolean => !/\.css($|\?)/.test(id)

/**
 * A code-splitting group for `pages` (a short name → the page's HTML entry, as the build's
 * input gives it): chunks named `first~` and the names of the pages that load them, sorted.
 */
export function firstScreenChunks(pages: Record<string, string>) {
  const names = new Map(Object.entries(pages).map(([name, html]) => [html, name]))
  const pagesCache = new Map<string, string[]>()
  const nameCache = new Map<string, string | null>()
  /** The modules `id` is reached from through static imports (itself included). */
  const importersOf = (id: string, ctx: ChunkingContext): Rollup.ModuleInfo[] => {
    const found: Rollup.ModuleInfo[] = []
    const seen = new Set([id])
    const todo = [id]
    while (todo.length > 0) {
      const info = ctx.getModuleInfo(todo.pop()!)
      if (!info) continue
      found.push(info)
      for (const importer of info.importers) {
        if (!seen.has(importer)) {
          seen.add(importer)
          todo.push(importer)
        }
      }
    }
    return found
  }
  /** The pages of `pages` that load `id` with the page. */
  const loadedBy = (id: string, ctx: ChunkingContext): string[] => {
    if (!pagesCache.has(id)) pagesCache.set(id, [...new Set(importersOf(id, ctx).flatMap((info) => names.get(info.id) ?? []))].sort())
    return pagesCache.get(id)!
  }
  /**
   * The chunk of `id`: the pages that load it with the page, and the modules one of those pages
   * loads lazily (`import()`) that also need it, when that page does not load it already. So
   * the ticket's QR code, which the status page loads at once and the kiosk only with its later
   * screens, sits in a chunk of its own: the kiosk's later screens do not fetch the status page's
   * code with it, and no page's first screen fetches more than before.
   */
  const chunkOf = (id: string, ctx: ChunkingContext): string | null => {
    const pagesOfId = loadedBy(id, ctx)
    const lazy = new Set<string>()
    for (const info of importersOf(id, ctx)) {
      if (info.dynamicImporters.length === 0) continue
      const owners = info.dynamicImporters.flatMap((importer) => loadedBy(importer, ctx))
      if (owners.some((page) => !pagesOfId.includes(page))) lazy.add(posix.basename(info.id).replace(/\.[^.]+$/, ''))
    }
    const parts = [...pagesOfId, ...[...lazy].sort()]
    return parts.length > 0 ? `first~${parts.join('~')}` : null
  }
  return {
    name: (id: string, ctx: ChunkingContext): string | null => {
      // the page itself stays the entry (a group that took it would take everything it imports)
      if (names.has(id)) return null
      if (!notStylesheet(id)) return null
      if (!nameCache.has(id)) nameCache.set(id, chunkOf(id, ctx))
      return nameCache.get(id)!
    },
    // before the general group: these modules are taken first
    priority: 1,
    // each module where its pages put it: a module only the kiosk loads may import one both load,
    // and pulling that one into the kiosk's chunk would have the display fetch the kiosk's chunk
    includeDependenciesRecursively: false,
  }
}
