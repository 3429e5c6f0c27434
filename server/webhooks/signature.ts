/**
 * The signature of a delivery: HMAC-SHA256, keyed with the subscription's secret, over
 * `<t>.<body>` where t is the send time in unix seconds; sent as `Tabour-Signature: t=<t>,v1=<hex>`.
 * A receiver recomputes it over the raw body and refuses an old t (a replay).
 */
import { createHmac, randomBytes } from 'node:crypto'

/** A new subscription secret: `whsec_` and 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

/** The Tabour-Signature header value for a body sent at `atMs`. */
export function signatureHeader(secret: string, body: string, atMs: number): string {
  const t = Math.floor(atMs / 1000)
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex')
  return `t=${t},v1=${v1}`
}
