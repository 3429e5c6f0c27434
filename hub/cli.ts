/**
 * `npm run hub -- …`: the hub's commands on its own database (same HUB_DATA_DIR /
 * HUB_DATABASE_URL as the server). Results go to stdout, refusals and usage to stderr.
 *
 *   center add|list|city|rename|rotate-secret|activate|deactivate …   (hub/cli-center.ts)
 *   rejections
 *   catalogue list|add|rename …   (hub/cli-catalogue.ts)
 *   analyst add|list|disable|enable …   (hub/cli-analyst.ts)
 */
import { loadHubConfig } from './config.ts'
import { openHubStore } from './open-store.ts'
import { centerCommand } from './cli-center.ts'
import { catalogueCommand } from './cli-catalogue.ts'
import { analystCommand, readStdin } from './cli-analyst.ts'
import { Exit, printList } from './cli-args.ts'

/** `config`: the environment's (HUB_DATA_DIR, HUB_DATABASE_URL), or a test's hub. */
export async function hubCli(args: string[], print: (line: string) => void = console.log, config = loadHubConfig()): Promise<number> {
  // a command neither ingests nor reads figures: the rollups' marks are the serving hub's to fold
  const store = await openHubStore(config, { foldLeftMarks: false })
  try {
    const [what] = args
    const out = { print, fail: (line: string) => console.error(line) }
    if (what === 'rejections') {
      // refused requests (the ingest's checks and rate limit), by code and center: not bundles a center refused (the hub page's bundles tab)
      printList(
        out,
        await store.rejections(),
        (r) => `${r.code}\t${r.centerId || '-'}\t${r.count}\t${new Date(r.lastAt).toISOString()}`,
        'no refused requests',
      )
      return Exit.ok
    }
    if (what === 'catalogue') return await catalogueCommand(store, args.slice(1), out)
    if (what === 'analyst') return await analystCommand(store, args.slice(1), out, readStdin)
    if (what === 'center') return await centerCommand(store, config.dataDir, args.slice(1), out)
    out.fail('usage: npm run hub -- center|catalogue|analyst …   |   npm run hub -- rejections')
    return Exit.usage
  } finally {
    await store.close()
  }
}
