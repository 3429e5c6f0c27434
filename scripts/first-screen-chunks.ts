/**
 * How the build splits the code of the pages that must start fast on weak hardware or a
 * citizen's phone (issue 22): the kiosk, the waiting-room display and the ticket status page.
 * Every module those pages load with the page (not through a lazy `import()`) goes into a chunk
 * named by exactly which of them load it (`first~kiosk`, `first~display~kiosk`, …). Each of
 * them then fetches a few chunks, and none of those holds code the page does not run.
 *
 * Left to the general rule alone (a chunk per set of pages, small ones merged into a neighbour)
 * the kiosk fetched either 27 files or, merged, about 450 KB of script (TypeBox, the status
 * page's rating form, the ticket's QR code) where its first screen needs under 200 KB. Other
 * pages that use these modules load these chunks too and may get code they do not run; their
 * own modules, and what the three pages load lazily, follow the general rule (vite.config.ts).
 */
import type { Rollup } from 'vite'

type ChunkingContext = { getModuleInfo(id: string): Rollup.ModuleInfo | null }

/**
 * A code-splitting group for `pages` (a short name → the page's HTML entry, as the build's
 * input gives it): chunks named `first~` and the names of the pages that load them, sorted.
 */
export function firstScreenChunks(pages: Record<string, string>) {
  const names = new Map(Object.entries(pages).map(([name, html]) => [html, name]))
  const cache = new Map<string, string | null>()
  /** The pages of `pages` that load `id` with the page: its static importers, up to the HTML entries. */
  const loadedBy = (id: string, ctx: ChunkingContext): string[] => {
    const found = new Set<string>()
    const seen = new Set([id])
    const todo = [id]
    while (todo.length > 0) {
      const info = ctx.getModuleInfo(todo.pop()!)
      if (!info) continue
      const page = names.get(info.id)
      if (page) found.add(page)
      for (const importer of info.importers) {
        if (!seen.has(importer)) {
          seen.add(importer)
          todo.push(importer)
        }
      }
    }
    return [...found].sort()
  }
  return {
    name: (id: string, ctx: ChunkingContext): string | null => {
      // the page itself stays the entry (a group that took it would take everything it imports)
      if (names.has(id)) return null
      if (!cache.has(id)) {
        const by = loadedBy(id, ctx)
        cache.set(id, by.length > 0 ? `first~${by.join('~')}` : null)
      }
      return cache.get(id)!
    },
    // before the general group: these modules are taken first
    priority: 1,
    // each module where its pages put it: a module only the kiosk loads may import one both load,
    // and pulling that one into the kiosk's chunk would have the display fetch the kiosk's chunk
    includeDependenciesRecursively: false,
  }
}
