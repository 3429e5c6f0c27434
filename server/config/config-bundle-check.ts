/**
 * The checks a configuration bundle from the hub passes before anything of it is applied: the
 * shape of what arrived, the Ed25519 signature of the payload's exact bytes under the pinned hub
 * key, then the payload's schema. Each failure is a refusal with a stable code
 * (protocol/config-bundle.ts BundleRefusalCodes) and a reason the hub shows.
 */
import { createPublicKey, verify } from 'node:crypto'
import { Value } from '@sinclair/typebox/value'
import {
  BundleRefusalCodes,
  type BundleRefusalCode,
  ConfigBundlePayload,
  firstBundleProblem,
  MAX_BUNDLE_BYTES,
  SignedConfigBundle,
} from '../../protocol/config-bundle.ts'
import { findReorderingControl } from '../../protocol/public-text.ts'
import { weeklyProblems, wireField } from '../../protocol/calendar-validation.ts'

export interface BundleRefusal {
  code: BundleRefusalCode
  reason: string
}

/** True when `signature` (base64) is the Ed25519 signature of `payload`'s UTF-8 bytes under `publicKey` (base64 DER SPKI). */
export function bundleSignatureValid(publicKey: string, payload: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
    if (key.asymmetricKeyType !== 'ed25519') return false
    return verify(null, Buffer.from(payload, 'utf8'), key, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}

const refuse = (code: BundleRefusalCode, reason: string): BundleRefusal => ({ code, reason: reason.slice(0, 500) })

/** The verified payload of `received`, or why it is refused. */
export function checkBundle(
  received: unknown,
  expectedVersion: number,
  pinnedKey: string | undefined,
): { payload: ConfigBundlePayload } | { refusal: BundleRefusal } {
  if (!pinnedKey)
    return { refusal: refuse(BundleRefusalCodes.NO_PINNED_KEY, 'no hub key is pinned (upstream.hubPublicKey): a bundle cannot be trusted') }
  if (!Value.Check(SignedConfigBundle, received) || Buffer.byteLength(received.payload, 'utf8') > MAX_BUNDLE_BYTES)
    return { refusal: refuse(BundleRefusalCodes.MALFORMED, 'the hub answered something that is not a signed bundle') }
  // the bytes are checked before they are read: nothing of a tampered bundle is parsed
  if (!bundleSignatureValid(pinnedKey, received.payload, received.signature))
    return {
      refusal: refuse(BundleRefusalCodes.BAD_SIGNATURE, `bundle ${expectedVersion}: the signature does not match the pinned hub key`),
    }
  let parsed: unknown
  try {
    parsed = JSON.parse(received.payload)
  } catch {
    return { refusal: refuse(BundleRefusalCodes.MALFORMED, `bundle ${expectedVersion}: the payload is not JSON`) }
  }
  const problem = firstBundleProblem(ConfigBundlePayload, parsed)
  if (problem)
    return {
      refusal: refuse(
        problem.missing ? BundleRefusalCodes.MISSING_FIELD : BundleRefusalCodes.INVALID,
        `bundle ${expectedVersion}: ${problem.path} ${problem.message}`,
      ),
    }
  const payload = parsed as ConfigBundlePayload
  if (payload.version !== expectedVersion || received.version !== expectedVersion)
    return { refusal: refuse(BundleRefusalCodes.MALFORMED, `asked for bundle ${expectedVersion}, got ${payload.version}`) }
  // what the public sees must read as typed (protocol/public-text.ts), as for the config file and
  // every configuration command: finish outcomes go straight into the running config, past them
  const control = findReorderingControl(payload.contents)
  if (control)
    return {
      refusal: refuse(
        BundleRefusalCodes.INVALID,
        `bundle ${expectedVersion}: /contents/${control.path} holds the invisible direction control ${control.codePoint}`,
      ),
    }
  // the hours template passes the calendar's own rules (a close before its open, overlapping intervals), as the editor's would
  const weekly = payload.contents.weeklyHours
  const hours = weeklyProblems('weeklyHours', weekly ?? null)[0]
  if (hours)
    return {
      refusal: refuse(BundleRefusalCodes.INVALID, `bundle ${expectedVersion}: /contents/${wireField(hours.field)} ${hours.message}`),
    }
  return { payload }
}
