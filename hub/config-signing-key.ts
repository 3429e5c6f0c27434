/**
 * The hub's Ed25519 key that signs configuration bundles (protocol/config-bundle.ts). The private
 * key lives in the data dir (`config-signing-key.pem`, mode 0600), created on first start; its
 * public key is given to each center at registration, which pins it (upstream.hubPublicKey).
 * Losing the file means re-pinning every center: back it up with the data dir.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const SIGNING_KEY_FILE = 'config-signing-key.pem'

export interface HubSigningKey {
  /** base64 of the DER SubjectPublicKeyInfo: what a center pins. */
  publicKey: string
  /** base64 Ed25519 signature of the UTF-8 bytes of `text`. */
  sign(text: string): string
}

const cache = new Map<string, HubSigningKey>()

function readOrCreate(file: string): KeyObject {
  try {
    return createPrivateKey(readFileSync(file, 'utf8'))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
  const { privateKey } = generateKeyPairSync('ed25519')
  try {
    // 'wx': a second process starting at the same moment keeps the first one's key
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' })
    return privateKey
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    return createPrivateKey(readFileSync(file, 'utf8'))
  }
}

/** The hub's signing key in `dataDir`, created there the first time. */
export function hubSigningKey(dataDir: string): HubSigningKey {
  const file = join(dataDir, SIGNING_KEY_FILE)
  const cached = cache.get(file)
  if (cached) return cached
  mkdirSync(dataDir, { recursive: true })
  const privateKey = readOrCreate(file)
  const key: HubSigningKey = {
    publicKey: createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64'),
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  }
  cache.set(file, key)
  return key
}
