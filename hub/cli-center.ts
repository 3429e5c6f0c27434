/**
 * `npm run hub -- center …`: the center registry from the command line, on the hub's own
 * database (same HUB_DATA_DIR / HUB_DATABASE_URL as the server).
 *
 *   center add --id C-0101 --name-ar "…" --name-en "…" --governorate EG-C|Cairo|القاهرة [--city-ar "مدينة نصر"] [--city-en "Nasr City"]
 *              [--kind fixed|mobile|new_city] [--secret S]      (--city, as before: the English city, as --city-en)
 *   center list      (id, kind, governorate, English city, English name, Arabic name, Arabic city)
 *   center city <id> [--city-ar "…"] [--city-en "…"]   (the city of a center registered before it had two languages)
 *   center rename <id> [--name-ar "…"] [--name-en "…"]   (the name every hub page shows: the one given here, not the center's own)
 *   center rotate-secret <id>
 *   center deactivate <id> | center activate <id>
 */
import { governorateOf } from '../protocol/governorates.ts'
import { cityNamesOf } from '../protocol/hub-city.ts'
import { newSecret } from './routes/fleet-routes.ts'
import { governorateChoices, unknownGovernorateMessage } from './governorate-codes.ts'
import { hubSigningKey } from './config-signing-key.ts'
import { CENTER_KINDS, type CenterKind, type HubStore } from './store/store.ts'
import { type CliOutput, Exit, parseArgs, printList } from './cli-args.ts'

// the governorates accepted, in the usage itself: "--governorate G" said nothing of what G may be (walk s50)
const ADD_USAGE =
  'usage: center add --id ID --name-ar NAME --name-en NAME --governorate G [--city-ar CITY] [--city-en CITY] [--kind fixed|mobile|new_city] [--secret S]' +
  ' (--city is the English city, as --city-en)\n' +
  '  NAME: what every hub page calls the center (not the name in its own config; `center rename` changes it)\n' +
  `  G: the code, or the Arabic or English name, of one of the 27 governorates (protocol/governorates.ts): ${governorateChoices()}`

/** Longest name the admin API takes (protocol/hub-api.ts CenterBody). */
const NAME_MAX = 200

/**
 * What to do with the printed block, said where it is printed (walk s50): the environment variables
 * are the four keys of the block, a config file turns the quick start's demo off, figures come
 * every scan, and a service is "Not mapped" until it has a national code.
 */
const CONNECT_NOTES = [
  "Paste the block into the center's config file with url set to the hub's base URL (scheme, host and port, no path),",
  '  and "demo": true in the same file to keep a demo center: a config file turns the quick start\'s demo off.',
  '  Or give the center the same four values as TABOUR_UPSTREAM_URL, TABOUR_UPSTREAM_CENTER_ID, TABOUR_UPSTREAM_SECRET',
  '  and TABOUR_UPSTREAM_HUB_PUBLIC_KEY.',
  'The center sends its figures every upstream.scanSeconds (60 s by default): the hub shows none from it until then.',
  'Its services read "Not mapped to a national service" until each has a national code: `catalogue add` here,',
  '  then the "National service" of each service in the center\'s dashboard.',
]

/** Runs one `center` command; returns the exit code. Results go to stdout, refusals and usage to stderr. */
export async function centerCommand(store: HubStore, dataDir: string, args: readonly string[], out: CliOutput): Promise<number> {
  const [verb, ...rest] = args
  if (verb === 'add') {
    const f = parseArgs(rest).flags
    const kind = (f.kind ?? 'fixed') as CenterKind
    if (!f.id || !f['name-ar'] || !f['name-en'] || !f.governorate || !CENTER_KINDS.includes(kind)) {
      out.fail(ADD_USAGE)
      return Exit.usage
    }
    const exists = () => {
      out.fail(`center ${f.id} exists: \`center list\` shows the centers, \`center rotate-secret ${f.id}\` gives it a new secret`)
      return Exit.refused
    }
    // an id taken is said first, as the admin API does
    if (await store.getCenter(f.id)) return exists()
    // kept as its code (protocol/governorates.ts)
    const governorate = governorateOf(f.governorate)?.code
    if (!governorate) {
      out.fail(unknownGovernorateMessage(f.governorate, '--governorate'))
      return Exit.usage
    }
    const city = cityNamesOf({ city: f.city, cityAr: f['city-ar'], cityEn: f['city-en'] })
    if (typeof city === 'string') {
      out.fail(`--city, --city-en: ${city}`)
      return Exit.usage
    }
    const secret = f.secret || newSecret()
    const added = await store.addCenter(
      { id: f.id, nameAr: f['name-ar'], nameEn: f['name-en'], governorate, ...city, kind, secret },
      Date.now(),
    )
    if (!added) return exists()
    // stdout is the block alone, JSON a script can read (`npm run -s hub -- center add … > upstream.json`);
    // everything said around it goes to stderr (hub-process.test.ts parses stdout whole)
    out.fail(`center ${f.id} added; its upstream config:`)
    const hubPublicKey = hubSigningKey(dataDir).publicKey
    out.print(JSON.stringify({ upstream: { url: '<hub URL>', centerId: f.id, secret, hubPublicKey } }, null, 2))
    for (const line of CONNECT_NOTES) out.fail(line)
    return Exit.ok
  }
  if (verb === 'list') {
    // the Arabic city last: the columns before it are those of the CLI before the city had two languages
    printList(
      out,
      await store.listCenters(),
      (c) => `${c.id}\t${c.kind}\t${c.governorate}\t${c.cityEn}\t${c.nameEn}\t${c.nameAr}\t${c.cityAr}${c.active ? '' : '\t(inactive)'}`,
      'no centers: `center add` registers one',
    )
    return Exit.ok
  }
  if (verb === 'city') {
    const { flags: f, words } = parseArgs(rest)
    const city = cityNamesOf({ city: f.city, cityAr: f['city-ar'], cityEn: f['city-en'] })
    if (!words[0] || typeof city === 'string' || Object.keys(city).length === 0) {
      out.fail(typeof city === 'string' ? `--city, --city-en: ${city}` : 'usage: center city <id> [--city-ar CITY] [--city-en CITY]')
      return Exit.usage
    }
    const center = await store.updateCenter(words[0], city)
    if (!center) {
      out.fail(`no center ${words[0]}: \`center list\` shows the centers`)
      return Exit.refused
    }
    out.print(`center ${center.id}: city «${center.cityAr}» / "${center.cityEn}"`)
    return Exit.ok
  }
  if (verb === 'rename') {
    const { flags: f, words } = parseArgs(rest)
    const names = {
      ...(f['name-ar'] ? { nameAr: f['name-ar'] } : {}),
      ...(f['name-en'] ? { nameEn: f['name-en'] } : {}),
    }
    if (!words[0] || Object.keys(names).length === 0) {
      out.fail('usage: center rename <id> [--name-ar NAME] [--name-en NAME]')
      return Exit.usage
    }
    if (Object.values(names).some((n) => n.length > NAME_MAX)) {
      out.fail(`--name-ar, --name-en: at most ${NAME_MAX} characters`)
      return Exit.usage
    }
    const center = await store.updateCenter(words[0], names)
    if (!center) {
      out.fail(`no center ${words[0]}: \`center list\` shows the centers`)
      return Exit.refused
    }
    out.print(`center ${center.id}: «${center.nameAr}» / "${center.nameEn}"`)
    return Exit.ok
  }
  if (verb === 'rotate-secret' || verb === 'activate' || verb === 'deactivate') {
    const id = rest[0]
    if (!id) {
      out.fail(`usage: center ${verb} <id>`)
      return Exit.usage
    }
    const patch = verb === 'rotate-secret' ? { secret: newSecret() } : { active: verb === 'activate' }
    const center = await store.updateCenter(id, patch)
    if (!center) {
      out.fail(`no center ${id}: \`center list\` shows the centers`)
      return Exit.refused
    }
    out.print(verb === 'rotate-secret' ? `new secret of ${id}: ${center.secret}` : `center ${id} ${verb}d`)
    return Exit.ok
  }
  out.fail('usage: center add|list|city|rename|rotate-secret|activate|deactivate')
  return Exit.usage
}
