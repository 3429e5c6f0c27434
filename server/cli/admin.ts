import { UsersRepo } from '../db/repositories/users-repo.ts'
import { TokensRepo } from '../db/repositories/tokens-repo.ts'
import { hashPassword, randomPassword } from '../auth/passwords.ts'
import { passwordRefusal } from '../auth/password-policy.ts'
import { passwordRefusalText } from '../../protocol/messages/dashboard.ts'
import { CENTER_HELP, CENTER_OPTIONS, centerConfig, CliError, parse, readStdinLine, UsageError } from './args.ts'
import { openCenterDb } from './open-db.ts'

export const ADMIN_HELP = `Usage: tabour admin create [options]
       tabour admin reset-password [options]

Staff accounts, when nobody can log in to the dashboard to do it.

  create           add a user (an admin unless --role says otherwise)
  reset-password   give a user a new password and end all their sessions

Options:
  -u, --username NAME   the account (default: admin)
  -p, --password PASS   the new password: 8+ characters (an admin's 12+), not common, not
                        containing the username (visible in ps: prefer --password-stdin)
      --password-stdin  read the password from the first line of stdin
      --role ROLE       create only: admin, manager or clerk (default: admin)
  A password is generated and printed once when neither is given.
${CENTER_HELP}

Examples:
  tabour admin reset-password
  echo 'a-long-secret' | tabour admin create --username amira --role manager --password-stdin
`

const ROLES = ['admin', 'manager', 'clerk'] as const

export async function adminCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args
  if (action === undefined || action === '--help' || action === '-h' || action === 'help') {
    process.stdout.write(ADMIN_HELP)
    return action === undefined ? 2 : 0
  }
  if (action !== 'create' && action !== 'reset-password')
    throw new UsageError(`unknown admin action ${JSON.stringify(action)} (create or reset-password)`, 'admin')
  const { values } = parse(
    'admin',
    rest,
    {
      ...CENTER_OPTIONS,
      username: { type: 'string', short: 'u', default: 'admin' },
      password: { type: 'string', short: 'p' },
      'password-stdin': { type: 'boolean' },
      role: { type: 'string' },
    },
    0,
  )
  if (values.help) {
    process.stdout.write(ADMIN_HELP)
    return 0
  }
  const username = values.username!
  if (!/^[A-Za-z0-9_.-]{2,64}$/.test(username))
    throw new UsageError(`bad username ${JSON.stringify(username)}: 2-64 letters, digits, _ . -`, 'admin')
  if (values.password !== undefined && values['password-stdin'])
    throw new UsageError('give --password or --password-stdin, not both', 'admin')
  if (action === 'reset-password' && values.role !== undefined) throw new UsageError('--role is for create only', 'admin')
  const role = (values.role ?? 'admin') as (typeof ROLES)[number]
  if (!ROLES.includes(role)) throw new UsageError(`bad role ${JSON.stringify(values.role)}: admin, manager or clerk`, 'admin')
  let password = values['password-stdin'] ? await readStdinLine() : values.password
  if (password !== undefined && (password.length < 8 || password.length > 200))
    throw new UsageError('the password must be 8 to 200 characters', 'admin')
  const generated = password === undefined
  password ??= randomPassword()

  const config = centerConfig(values)
  const db = openCenterDb(config)
  try {
    const users = new UsersRepo(db)
    const existing = users.findForLogin(username)
    if (action === 'create' && existing)
      throw new CliError(
        `user ${existing.user.username} already exists; use tabour admin reset-password --username ${existing.user.username}`,
      )
    if (action === 'reset-password' && !existing) throw new CliError(`no user named ${username}`)
    // the same policy as the dashboard's, said in both languages
    const refusal = generated ? null : passwordRefusal(password, username, existing?.user.role ?? role, config.passwords)
    if (refusal) {
      const [en, ar] = (['en', 'ar'] as const).map((lang) =>
        passwordRefusalText(
          refusal.code,
          (refusal.detail && 'limit' in refusal.detail ? refusal.detail.limit : undefined) ?? refusal.message,
          lang,
        ),
      )
      throw new UsageError(`${en} / ${ar} (${refusal.code})`, 'admin')
    }
    const passwordHash = await hashPassword(password)
    if (action === 'create') {
      const user = users.insert({ username, passwordHash, role, displayName: username }, Date.now())
      console.log(`created ${user.role} ${user.username} (id ${user.id})`)
    } else {
      if (!existing) throw new CliError(`no user named ${username}`)
      db.transaction(() => {
        users.update(existing.user.id, { passwordHash })
        // a running server checks tokens in the database on every request: old sessions end now
        new TokensRepo(db).revokeSubject('user', existing.user.id, Date.now())
      })()
      console.log(`new password set for ${existing.user.username}; their sessions were ended`)
      if (!existing.user.active)
        console.log(`note: ${existing.user.username} is disabled; an admin can enable the account in the dashboard`)
    }
    if (generated) console.log(`password (shown once): ${password}`)
  } finally {
    db.close()
  }
  return 0
}
