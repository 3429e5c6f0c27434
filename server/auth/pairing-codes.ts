import { createHmac, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The key's file in the data dir, beside the database but not in it, so no backup or copy of the database carries it. */
export const PAIRING_KEY_FILE = 'pairing-code.key'

/**
 * Pairing codes are kept as HMAC-SHA256 digests, never in clear: whoever reads the database (a
 * backup, a copied file) cannot pair a device with what they find. A fast keyed hash is enough
 * here, unlike passwords (scrypt): a code lives 24 h at most, works once, and guessing through
 * the API is rate-limited per address, while the key (32 random bytes in its own file, 0600)
 * keeps an offline search of a stolen database from even starting. The digest is deterministic
 * so that pairing finds the device by an index lookup.
 */
export class PairingCodeDigest {
  constructor(private readonly key: Buffer) {}

  /** The stored form of `code` (case-insensitive: codes are read off a screen and typed). */
  of(code: string): string {
    return createHmac('sha256', this.key).update(code.trim().toUpperCase()).digest('hex')
  }

  /** The digest with the data dir's key, made on first use. */
  static forDataDir(dataDir: string): PairingCodeDigest {
    return new PairingCodeDigest(pairingKey(dataDir))
  }
}

/** Reads `<dataDir>/pairing-code.key`, creating it (0600, 32 random bytes) when absent. */
export function pairingKey(dataDir: string): Buffer {
  const dir = resolve(dataDir)
  const file = join(dir, PAIRING_KEY_FILE)
  mkdirSync(dir, { recursive: true })
  try {
    // 'wx': two processes starting at once (server and CLI) cannot both write a key
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
  if (key.length < 16) throw new Error(`${file} does not hold a pairing key; delete it (pending pairing codes stop working)`)
  return key
}
