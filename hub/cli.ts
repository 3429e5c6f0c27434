/**
 * `npm run hub -- center …`: the center registry from the command line, on the hub's own
 * database (same HUB_DATA_DIR / HUB_DATABASE_URL as the server).
 *
 *   center add --id C-0101 --name-ar "…" --name-en "…" --governorate Cairo [--city Nasr] [--kind fixed|mobile|new_city] [--secret S]
 *   center list
 *   center rotate-secret <id>
 *   center deactivate <id> | center activate <id>
 *   rejections
 *   catalogue list|add|rename …   (hub/cli-catalogue.ts)
 *   analyst add|list|disable|enable …   (hub/cli-analyst.ts)
 */
import { loadHubConfig } from './config.ts'
import { openHubStore } from './open-store.ts'
import { newSecret } from './app.ts'
import { hubSigningKey } from './config-signing-key.ts'
import { CENTER_KINDS, type CenterKind } from './store/store.ts'
import { catalogueCommand } from './cli-catalogue.ts'
import { analystCommand, readStdin } from './cli-analyst.ts'
import { parseArgs } from './cli-args.ts'

export async function hubCli(args: string[], print: (line: string) => void = console.log): Promise<number> {
  const config = loadHubConfig()
  const store = await openHubStore(config)
  try {
    const [what, verb, ...rest] = args
    if (what === 'rejections') {
      for (const r of await store.rejections()) print(`${r.code}\t${r.centerId || '-'}\t${r.count}\t${new Date(r.lastAt).toISOString()}`)
      return 0
    }
    const out = { print, fail: (line: string) => console.error(line) }
    if (what === 'catalogue') return await catalogueCommand(store, args.slice(1), out)
    if (what === 'analyst') return await analystCommand(store, args.slice(1), out, readStdin)
    if (what !== 'center') {
      print('usage: npm run hub -- center|catalogue|analyst …   |   npm run hub -- rejections')
      return 2
    }
    if (verb === 'add') {
      const f = parseArgs(rest).flags
      const kind = (f.kind ?? 'fixed') as CenterKind
      if (!f.id || !f['name-ar'] || !f['name-en'] || !f.governorate || !CENTER_KINDS.includes(kind)) {
        print(
          'usage: center add --id ID --name-ar NAME --name-en NAME --governorate G [--city C] [--kind fixed|mobile|new_city] [--secret S]',
        )
        return 2
      }
      const secret = f.secret || newSecret()
      const added = await store.addCenter(
        { id: f.id, nameAr: f['name-ar'], nameEn: f['name-en'], governorate: f.governorate, city: f.city ?? '', kind, secret },
        Date.now(),
      )
      if (!added) {
        print(`center ${f.id} exists`)
        return 1
      }
      print(`center ${f.id} added; its upstream config:`)
      const hubPublicKey = hubSigningKey(config.dataDir).publicKey
      print(JSON.stringify({ upstream: { url: '<hub URL>', centerId: f.id, secret, hubPublicKey } }, null, 2))
      return 0
    }
    if (verb === 'list') {
      for (const c of await store.listCenters())
        print(`${c.id}\t${c.kind}\t${c.governorate}\t${c.city}\t${c.nameEn}\t${c.nameAr}${c.active ? '' : '\t(inactive)'}`)
      return 0
    }
    if (verb === 'rotate-secret' || verb === 'activate' || verb === 'deactivate') {
      const id = rest[0]
      const patch = verb === 'rotate-secret' ? { secret: newSecret() } : { active: verb === 'activate' }
      const center = id ? await store.updateCenter(id, patch) : null
      if (!center) {
        print(`no center ${id ?? ''}`)
        return 1
      }
      print(verb === 'rotate-secret' ? `new secret of ${id}: ${center.secret}` : `center ${id} ${verb}d`)
      return 0
    }
    print('usage: center add|list|rotate-secret|activate|deactivate')
    return 2
  } finally {
    await store.close()
  }
}
