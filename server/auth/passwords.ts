import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { HashGate } from './hash-gate.ts'

/**
 * The process's one ceiling on password hashing (libuv's thread pool is per process too);
 * buildApp sets it from config logins.hashConcurrency / logins.hashQueue. Default 2 at once, 32 waiting.
 */
export const passwordHashing = new HashGate(2, 32)

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  passwordHashing.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scryptCallback(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
      ),
  )

/** scrypt parameters (OWASP's minimum for scrypt); stored with each hash so they can be raised later. */
export const SCRYPT_N = 16_384
const R = 8
const P = 1
const KEYLEN = 32

/** The N of new hashes: SCRYPT_N, unless a test run cheapened it (below). */
let newHashN = SCRYPT_N

/**
 * For test runs only (test/cheap-password-hashes.ts), never called by the server: `cheap` makes new
 * hashes at N = 1,024, 16 times cheaper; `real` puts SCRYPT_N back (a file whose scenario is the
 * time hashing takes). The suite starts thousands of centers, each hashing its admin's password and
 * its clerks', and spent minutes of CI's CPU in scrypt. A hash carries its own N, so checking a
 * password costs what making it cost; an unknown username still costs a full DUMMY_HASH. A server
 * run as a child process (the CLI, kill and restart tests) hashes at SCRYPT_N.
 */
export function setPasswordHashCostForTests(cost: 'cheap' | 'real'): void {
  newHashN = cost === 'cheap' ? 1024 : SCRYPT_N
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEYLEN, { N: newHashN, r: R, p: P })
  return ['scrypt', newHashN, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Checks a password against a stored hash in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** A hash of nothing, checked when the username is unknown so both cases take the same time. */
export const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

/** A readable random password for first start and demo accounts. */
export function randomPassword(): string {
  return randomBytes(12).toString('base64url')
}
