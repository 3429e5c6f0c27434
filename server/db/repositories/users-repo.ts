import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'
import { withoutReorderingControls } from '../../../protocol/public-text.ts'
import type { User } from '../../../protocol/entities.ts'
import type { Role } from '../../../protocol/common.ts'

interface UserRow {
  id: number
  username: string
  password_hash: string
  role: Role
  display_name: string
  active: number
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  role: r.role,
  // a name stored before direction controls were refused is shown without them
  displayName: withoutReorderingControls(r.display_name),
  active: r.active === 1,
})

/** Staff accounts. The password hash never leaves this repository except to the login check. */
export class UsersRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  list(): User[] {
    return (this.sql('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toUser)
  }

  get(id: number): User | undefined {
    const row = this.sql('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
    return row && toUser(row)
  }

  /** The user and its password hash, for the login check only. */
  findForLogin(username: string): { user: User; passwordHash: string } | undefined {
    const row = this.sql('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined
    return row && { user: toUser(row), passwordHash: row.password_hash }
  }

  insert(f: { username: string; passwordHash: string; role: Role; displayName: string }, now: number): User {
    const { lastInsertRowid } = this.sql(
      'INSERT INTO users (username, password_hash, role, display_name, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(f.username, f.passwordHash, f.role, f.displayName, now)
    return this.get(Number(lastInsertRowid))!
  }

  update(id: number, f: { passwordHash?: string; role?: Role; displayName?: string; active?: boolean }): User {
    const current = this.sql('SELECT * FROM users WHERE id = ?').get(id) as UserRow
    this.sql('UPDATE users SET password_hash = ?, role = ?, display_name = ?, active = ? WHERE id = ?').run(
      f.passwordHash ?? current.password_hash,
      f.role ?? current.role,
      f.displayName ?? current.display_name,
      f.active === undefined ? current.active : f.active ? 1 : 0,
      id,
    )
    return this.get(id)!
  }

  countActiveAdmins(): number {
    return (this.sql("SELECT count(*) AS n FROM users WHERE role = 'admin' AND active = 1").get() as { n: number }).n
  }

  count(): number {
    return (this.sql('SELECT count(*) AS n FROM users').get() as { n: number }).n
  }
}
