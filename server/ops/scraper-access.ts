import { BlockList, isIP } from 'node:net'
import type { FastifyRequest } from 'fastify'
import { bearerToken, tokenMatches } from '../../protocol/bearer.ts'
import { domainError, ErrorCodes } from '../errors.ts'

/** Who may read /metrics: `metrics.token` and `metrics.allow` of the config. */
export interface ScraperRules {
  token?: string
  allow: string[]
}

/** An address (`10.0.0.5`, `::1`) or a network (`10.0.0.0/24`, `fd00::/8`), else null. */
function parseEntry(entry: string): { address: string; prefix: number | null; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, ...rest] = entry.trim().split('/')
  const version = isIP(address)
  if (version === 0 || rest.length > 0) return null
  const family = version === 4 ? 'ipv4' : 'ipv6'
  if (prefixText === undefined) return { address, prefix: null, family }
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : Number.NaN
  return prefix >= 0 && prefix <= (version === 4 ? 32 : 128) ? { address, prefix, family } : null
}

/** The entries of `metrics.allow` that are neither an address nor a network (the config refuses to start with them). */
export const badAllowEntries = (allow: readonly string[]): string[] => allow.filter((e) => parseEntry(e) === null)

/** Whether an address (as Fastify's `request.ip` gives it) is one of `entries` (addresses or networks; bad entries are skipped). */
export function addressMatcher(entries: readonly string[]): (ip: string) => boolean {
  const listed = new BlockList()
  for (const entry of entries) {
    const parsed = parseEntry(entry)
    if (!parsed) continue
    if (parsed.prefix === null) listed.addAddress(parsed.address, parsed.family)
    else listed.addSubnet(parsed.address, parsed.prefix, parsed.family)
  }
  return (raw) => {
    const ip = unmapped(raw)
    const version = isIP(ip)
    return version !== 0 && listed.check(ip, version === 4 ? 'ipv4' : 'ipv6')
  }
}

/** An IPv4 address seen through an IPv6 socket (`::ffff:10.0.0.5`) as the IPv4 address it is. */
const unmapped = (ip: string) => (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip)

/**
 * The check in front of GET /metrics. Closed unless configured: a scraper shows the bearer
 * `metrics.token`, or connects from an address in `metrics.allow`. Loopback is not trusted by
 * itself: a reverse proxy on the same machine makes every outside request come from 127.0.0.1.
 * Refusals: 403 TABOUR_ERR_FORBIDDEN while neither is configured or the address is not listed
 * (no token configured), 401 TABOUR_ERR_UNAUTHENTICATED when a token is configured and missing or wrong.
 */
export function scraperCheck(rules: ScraperRules): (request: FastifyRequest) => void {
  const allowed = new BlockList()
  for (const entry of rules.allow) {
    const parsed = parseEntry(entry)
    if (!parsed) continue
    if (parsed.prefix === null) allowed.addAddress(parsed.address, parsed.family)
    else allowed.addSubnet(parsed.address, parsed.prefix, parsed.family)
  }
  return (request) => {
    const given = bearerToken(request.headers.authorization)
    if (rules.token && given !== undefined && tokenMatches(given, rules.token)) return
    const ip = unmapped(request.ip)
    const version = isIP(ip)
    if (version !== 0 && allowed.check(ip, version === 4 ? 'ipv4' : 'ipv6')) return
    if (rules.token) throw domainError(ErrorCodes.UNAUTHENTICATED, 'metrics need the bearer token set in metrics.token')
    if (rules.allow.length === 0)
      throw domainError(ErrorCodes.FORBIDDEN, 'metrics are off: set metrics.token (bearer) or metrics.allow (scraper addresses)')
    throw domainError(ErrorCodes.FORBIDDEN, `metrics are served to the addresses in metrics.allow only, not ${ip}`)
  }
}
