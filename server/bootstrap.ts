import type { Db } from './db/connection.ts'
import { UsersRepo } from './db/repositories/users-repo.ts'
import { hashPassword, randomPassword } from './auth/passwords.ts'

/**
 * First start: creates the `admin` user when there are no users at all. Returns the password
 * only when it was generated here, so the caller prints it exactly once.
 */
export async function ensureAdmin(
  db: Db,
  configuredPassword: string | undefined,
  now: number,
): Promise<{ generatedPassword: string | null }> {
  const users = new UsersRepo(db)
  if (users.count() > 0) return { generatedPassword: null }
  const password = configuredPassword ?? randomPassword()
  const passwordHash = await hashPassword(password)
  // a second process may have raced us to it; the unique username settles who won
  if (users.count() === 0) users.insert({ username: 'admin', passwordHash, role: 'admin', displayName: 'Administrator' }, now)
  return { generatedPassword: configuredPassword ? null : password }
}
