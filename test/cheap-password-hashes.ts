import { cheapenNewPasswordHashesForTests } from '../server/auth/passwords.ts'

/**
 * Setup file of the `parallel` and `browser` projects (vite.config.ts): the centers a test starts in
 * its own process hash new passwords at a low scrypt cost (server/auth/passwords.ts says why). The
 * `serial` project keeps the real cost: its login flood measures real hashing.
 */
cheapenNewPasswordHashesForTests()
