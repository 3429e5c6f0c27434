import { setPasswordHashCostForTests } from '../server/auth/passwords.ts'

/**
 * Setup file of the `parallel` and `browser` projects (vite.config.ts): the centers a test starts in
 * its own process hash new passwords at a low scrypt cost (server/auth/passwords.ts says why). The
 * `serial` project keeps the real cost: its login flood measures real hashing. A file whose
 * scenario is the time hashing takes puts the real cost back for itself (test/reliability/concurrent-accounts.test.ts).
 */
setPasswordHashCostForTests('cheap')
