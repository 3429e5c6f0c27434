/**
 * `npm run hub -- catalogue list|add|rename`: the national service catalogue from the command line,
 * on the hub's own database. Codes and names are checked against the same schema as the admin API.
 *
 *   catalogue list
 *   catalogue add CODE --name-ar NAME --name-en NAME [--group-ar G] [--group-en G]
 *   catalogue rename CODE [--name-ar NAME] [--name-en NAME] [--group-ar G] [--group-en G]
 */
import { Value } from '@sinclair/typebox/value'
import { NationalCode, NationalService } from '../protocol/national-catalogue.ts'
import { type CliOutput, Exit, parseArgs } from './cli-args.ts'
import type { HubStore } from './store/store.ts'

const USAGE = [
  'usage: catalogue list',
  '       catalogue add CODE --name-ar NAME --name-en NAME [--group-ar GROUP] [--group-en GROUP]',
  '       catalogue rename CODE [--name-ar NAME] [--name-en NAME] [--group-ar GROUP] [--group-en GROUP]',
  'CODE: capital Latin letters, digits, ".", "_" or "-", up to 32 (e.g. CIV-BIRTH)',
]

/** Runs one `catalogue` command; returns the exit code. */
export async function catalogueCommand(store: HubStore, args: readonly string[], out: CliOutput, now = Date.now()): Promise<number> {
  const [verb, ...rest] = args
  const { flags, words } = parseArgs(rest)
  const catalogue = store.nationalServices
  if (verb === 'list' && words.length === 0) {
    const { version, services } = await catalogue.catalogue()
    for (const s of services) out.print([s.code, s.groupEn || '-', s.nameEn, s.nameAr].join('\t'))
    out.print(`national services: ${services.length}; catalogue version ${version}`)
    return Exit.ok
  }
  if ((verb !== 'add' && verb !== 'rename') || words.length !== 1) {
    for (const line of USAGE) out.fail(line)
    return Exit.usage
  }
  const code = words[0]
  if (!Value.Check(NationalCode, code)) {
    out.fail(`"${code}" is not a national code: capital Latin letters, digits, ".", "_" or "-", up to 32 (e.g. CIV-BIRTH)`)
    return Exit.usage
  }
  const existing = await catalogue.get(code)
  if (verb === 'add' && existing) {
    out.fail(`national code ${code} exists (${existing.nameEn}): to change its names, use \`catalogue rename ${code}\``)
    return Exit.refused
  }
  if (verb === 'rename' && !existing) {
    out.fail(`the national catalogue has no code ${code}: \`catalogue list\` shows the codes, \`catalogue add\` adds one`)
    return Exit.refused
  }
  if (verb === 'rename' && !['name-ar', 'name-en', 'group-ar', 'group-en'].some((f) => f in flags)) {
    out.fail('catalogue rename: give at least one of --name-ar, --name-en, --group-ar, --group-en')
    return Exit.usage
  }
  const service = {
    code,
    nameAr: flags['name-ar'] ?? existing?.nameAr ?? '',
    nameEn: flags['name-en'] ?? existing?.nameEn ?? '',
    groupAr: flags['group-ar'] ?? existing?.groupAr ?? '',
    groupEn: flags['group-en'] ?? existing?.groupEn ?? '',
  }
  const problem = [...Value.Errors(NationalService, service)][0]
  if (problem) {
    const flag = { '/nameAr': '--name-ar', '/nameEn': '--name-en', '/groupAr': '--group-ar', '/groupEn': '--group-en' }[problem.path]
    out.fail(`${flag ?? problem.path}: ${service[problem.path.slice(1) as keyof typeof service] === '' ? 'required' : problem.message}`)
    return Exit.usage
  }
  await catalogue.put(service, now)
  out.print(`${verb === 'add' ? 'added' : 'renamed'} ${code}: ${service.nameEn} / ${service.nameAr}`)
  out.print('centers receive the catalogue with their next heartbeat')
  return Exit.ok
}
