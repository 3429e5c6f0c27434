/**
 * `npm run hub -- analyst add|list|disable|enable`: analysts' accounts from the command line, on
 * the hub's own database. A password is never a command-line argument (other users of the machine
 * see those in `ps`): `add` makes one and prints it once, or reads it from stdin with --password-stdin.
 *
 *   analyst add USERNAME --name "DISPLAY NAME" --role national|governorate [--governorate G] [--password-stdin]
 *   analyst list
 *   analyst disable USERNAME | analyst enable USERNAME
 */
import { randomBytes } from 'node:crypto'
import { type CliOutput, Exit, parseArgs, printList } from './cli-args.ts'
import { governorateOf } from '../protocol/governorates.ts'
import { unknownGovernorateMessage } from './governorate-codes.ts'
import type { HubStore } from './store/store.ts'

const USAGE = [
  'usage: analyst add USERNAME --name "DISPLAY NAME" --role national|governorate [--governorate GOVERNORATE] [--password-stdin]',
  '       analyst list',
  '       analyst disable USERNAME | analyst enable USERNAME',
]
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/
/** The shortest password the admin API takes too. */
const MIN_PASSWORD = 12

/** Runs one `analyst` command; `readStdin` gives the password for --password-stdin. Returns the exit code. */
export async function analystCommand(
  store: HubStore,
  args: readonly string[],
  out: CliOutput,
  readStdin: () => Promise<string>,
  now = Date.now(),
): Promise<number> {
  const [verb, ...rest] = args
  const { flags, words } = parseArgs(rest, ['password-stdin'])
  const usage = () => {
    for (const line of USAGE) out.fail(line)
    return Exit.usage
  }
  if (verb === 'list' && words.length === 0) {
    printList(
      out,
      await store.analysts.list(),
      (a) => [a.username, a.role, a.governorate ?? '-', a.displayName, a.active ? 'active' : 'disabled'].join('\t'),
      'no analysts: `analyst add` makes an account',
    )
    return Exit.ok
  }
  if ((verb === 'disable' || verb === 'enable') && words.length === 1) {
    if (!(await store.analysts.setActive(words[0], verb === 'enable'))) {
      out.fail(`no analyst ${words[0]}: \`analyst list\` shows the accounts`)
      return Exit.refused
    }
    await store.analysts.logAccess(words[0], `${verb}d from the command line`, 200, now)
    out.print(`analyst ${words[0]} ${verb}d${verb === 'disable' ? ': their sessions are closed' : ''}`)
    return Exit.ok
  }
  if (verb !== 'add' || words.length !== 1) return usage()
  const username = words[0]
  const role = flags.role
  if (!USERNAME.test(username)) {
    out.fail(`"${username}" is not a username: 2–64 of a-z, 0-9, ".", "_" or "-", starting with a letter or digit`)
    return Exit.usage
  }
  if (!flags.name) {
    out.fail('--name: the display name is required')
    return Exit.usage
  }
  if (role !== 'national' && role !== 'governorate') {
    out.fail('--role: national or governorate')
    return Exit.usage
  }
  if (role === 'governorate' && !flags.governorate) {
    out.fail('--governorate: a governorate analyst needs their governorate')
    return Exit.usage
  }
  if (role === 'national' && flags.governorate) {
    out.fail('--governorate: only for --role governorate (a national analyst reads every governorate)')
    return Exit.usage
  }
  const governorate = flags.governorate ? governorateOf(flags.governorate)?.code : undefined
  if (flags.governorate && !governorate) {
    out.fail(unknownGovernorateMessage(flags.governorate, '--governorate'))
    return Exit.usage
  }
  const given = flags['password-stdin'] ? (await readStdin()).replace(/\r?\n$/, '') : null
  if (given !== null && given.length < MIN_PASSWORD) {
    out.fail(`the password from stdin is shorter than ${MIN_PASSWORD} characters`)
    return Exit.usage
  }
  const password = given ?? randomBytes(12).toString('base64url')
  const created = await store.analysts.create({ username, displayName: flags.name, role, governorate, password }, now)
  if (!created) {
    out.fail(`analyst ${username} exists: \`analyst list\` shows the accounts`)
    return Exit.refused
  }
  out.print(`analyst ${username} added (${role === 'national' ? 'national' : `governorate ${governorate}`})`)
  if (given === null) out.print(`password (shown once): ${password}`)
  return Exit.ok
}

/** All of stdin as text (for --password-stdin). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
