/**
 * Which URLs a webhook may name (a server-side request forgery guard): only hosts the center's
 * IT listed in config webhooks.allowedHosts, https unless the host is listed in httpHosts, no
 * credentials in the URL. At send time the host is resolved and a private or loopback address
 * is refused unless the host is listed by its exact name (a wildcard never opens the LAN).
 */
import { isIP } from 'node:net'
import { ErrorCodes, fieldError, type ErrorCode } from '../errors.ts'

/** Every refusal of a URL names the `url` field, so a form puts its sentence next to that field. */
const refuse = (code: ErrorCode, message: string) => fieldError(code, { field: 'url', reason: 'invalid' }, message)

export interface WebhookHostRules {
  /** Exact host names, or `*.example.gov.eg` for every subdomain. */
  allowedHosts: readonly string[]
  /** Hosts allowed over plain http. */
  httpHosts: readonly string[]
}

/** A host as URL parsing gives it, lower-case and without IPv6 brackets. */
export function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1')
}

const normal = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')

/** Whether the host is listed by its exact name (not through a wildcard). */
export function listedExactly(host: string, rules: WebhookHostRules): boolean {
  return rules.allowedHosts.some((h) => normal(h) === host)
}

/** Whether the host is allowed by name or by a `*.` wildcard entry. */
export function hostAllowed(host: string, rules: WebhookHostRules): boolean {
  return rules.allowedHosts.some((entry) => {
    const h = normal(entry)
    return h === host || (h.startsWith('*.') && host.endsWith(h.slice(1)) && host.length > h.length - 1)
  })
}

/** Checks a URL an admin gave; throws WEBHOOK_BAD_URL, WEBHOOK_HOST_NOT_ALLOWED, WEBHOOK_HTTPS_REQUIRED. Returns it normalized. */
export function checkWebhookUrl(raw: string, rules: WebhookHostRules): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw refuse(ErrorCodes.WEBHOOK_BAD_URL, 'the webhook URL is not an absolute URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw refuse(ErrorCodes.WEBHOOK_BAD_URL, `a webhook URL is http or https, not ${url.protocol.slice(0, 20)}`)
  if (url.username || url.password) throw refuse(ErrorCodes.WEBHOOK_BAD_URL, 'a webhook URL carries no user name or password')
  const host = bareHost(url)
  if (!hostAllowed(host, rules))
    throw refuse(
      ErrorCodes.WEBHOOK_HOST_NOT_ALLOWED,
      `${host.slice(0, 253)} is not in the allowed webhook hosts (config webhooks.allowedHosts)`,
    )
  if (url.protocol === 'http:' && !rules.httpHosts.some((h) => normal(h) === host))
    throw refuse(
      ErrorCodes.WEBHOOK_HTTPS_REQUIRED,
      `${host.slice(0, 253)} must be reached over https (config webhooks.httpHosts lists plain-http hosts)`,
    )
  // a literal address is checked now too; a name is resolved at every send
  if (isIP(host) && isPrivateAddress(host) && !listedExactly(host, rules))
    throw refuse(ErrorCodes.WEBHOOK_HOST_NOT_ALLOWED, `${host} is a private or loopback address not listed by itself`)
  url.hash = ''
  return url.toString()
}

/** Loopback, private, link-local, unique-local, unspecified, CGNAT, multicast and IPv4-mapped forms of them. */
export function isPrivateAddress(address: string): boolean {
  const a = address.toLowerCase()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a)
  if (mapped) return isPrivateAddress(mapped[1]!)
  if (isIP(a) === 4) {
    const [x, y] = a.split('.').map(Number) as [number, number]
    return (
      x === 0 ||
      x === 10 ||
      x === 127 ||
      (x === 100 && y >= 64 && y <= 127) ||
      (x === 169 && y === 254) ||
      (x === 172 && y >= 16 && y <= 31) ||
      (x === 192 && y === 168) ||
      x >= 224
    )
  }
  if (isIP(a) === 6) return a === '::' || a === '::1' || /^f[cd]/.test(a) || /^fe[89ab]/.test(a) || a.startsWith('ff')
  return true
}
