/**
 * One delivery attempt over HTTP: a POST to the subscription's URL, answered 2xx or not within
 * the timeout. The host is resolved here and the connection goes to the address that was
 * checked (a name cannot be re-pointed at the LAN between the check and the connect), and a
 * redirect is never followed. Every failure carries a stable code for the delivery log.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { isIP, type LookupFunction } from 'node:net'
import { ErrorCodes, type ErrorCode } from '../errors.ts'
import { bareHost, isPrivateAddress, listedExactly, type WebhookHostRules } from './url-policy.ts'

export interface AttemptRequest {
  url: string
  body: string
  headers: Record<string, string>
  timeoutMs: number
}

export type AttemptResult = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; code: ErrorCode; error: string }

/** Sends one attempt; never throws. */
export type WebhookTransport = (req: AttemptRequest) => Promise<AttemptResult>

/** What is read of a receiver's answer (it is discarded: only the status counts). */
const MAX_ANSWER_BYTES = 4096

class PrivateAddressError extends Error {}

/** Every address of a host name. */
export type ResolveAll = (hostname: string, callback: (err: Error | null, addresses: LookupAddress[]) => void) => void

const systemResolve: ResolveAll = (hostname, callback) => dnsLookup(hostname, { all: true }, callback)

/** The HTTP transport with the address guard of `rules`; `resolveHost` is the system resolver (tests give names addresses). */
export function httpTransport(rules: WebhookHostRules, resolveHost: ResolveAll = systemResolve): WebhookTransport {
  return (req) =>
    new Promise<AttemptResult>((resolve) => {
      let settled = false
      const done = (r: AttemptResult) => {
        if (settled) return
        settled = true
        resolve(r)
      }
      const url = new URL(req.url)
      const host = bareHost(url)
      const mayBePrivate = listedExactly(host, rules)
      if (isIP(host) && isPrivateAddress(host) && !mayBePrivate) {
        done({ ok: false, statusCode: null, code: ErrorCodes.WEBHOOK_PRIVATE_ADDRESS, error: `${host} is a private address` })
        return
      }
      const guardedLookup: LookupFunction = (hostname, options, callback) => {
        resolveHost(hostname, (err, list) => {
          if (err) return callback(err as NodeJS.ErrnoException, '', 0)
          if (list.length === 0) return callback(new Error(`${hostname} has no address`), '', 0)
          const bad = list.find((a) => isPrivateAddress(a.address))
          if (bad && !mayBePrivate) return callback(new PrivateAddressError(`${hostname} resolves to ${bad.address}`), '', 0)
          if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list)
          return callback(null, list[0]!.address, list[0]!.family)
        })
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest
      const outgoing = send(url, {
        method: 'POST',
        headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
        lookup: guardedLookup,
        agent: false,
        timeout: req.timeoutMs,
      })
      const timer = setTimeout(() => {
        outgoing.destroy()
        done({
          ok: false,
          statusCode: null,
          code: ErrorCodes.WEBHOOK_RECEIVER_TIMEOUT,
          error: `no answer within ${req.timeoutMs} ms`,
        })
      }, req.timeoutMs)
      outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')))
      outgoing.on('response', (res: IncomingMessage) => {
        let read = 0
        res.on('data', (chunk: Buffer) => {
          read += chunk.length
          if (read > MAX_ANSWER_BYTES) res.destroy()
        })
        const finish = () => {
          clearTimeout(timer)
          done(verdict(res.statusCode ?? 0))
        }
        res.on('end', finish)
        res.on('close', finish)
        res.on('error', finish)
      })
      outgoing.on('error', (err: Error & { code?: string }) => {
        clearTimeout(timer)
        done(failureOf(err, req.timeoutMs))
      })
      outgoing.end(req.body)
    })
}

function verdict(status: number): AttemptResult {
  if (status >= 200 && status < 300) return { ok: true, statusCode: status }
  if (status >= 300 && status < 400)
    return {
      ok: false,
      statusCode: status,
      code: ErrorCodes.WEBHOOK_REDIRECT_REFUSED,
      error: `answered ${status}: redirects are not followed`,
    }
  return { ok: false, statusCode: status, code: ErrorCodes.WEBHOOK_RECEIVER_REFUSED, error: `answered ${status}` }
}

function failureOf(err: Error & { code?: string }, timeoutMs: number): AttemptResult {
  if (err instanceof PrivateAddressError)
    return { ok: false, statusCode: null, code: ErrorCodes.WEBHOOK_PRIVATE_ADDRESS, error: err.message }
  if (err.message === 'timeout')
    return { ok: false, statusCode: null, code: ErrorCodes.WEBHOOK_RECEIVER_TIMEOUT, error: `no answer within ${timeoutMs} ms` }
  if (err.code?.startsWith('HPE_'))
    return { ok: false, statusCode: null, code: ErrorCodes.WEBHOOK_BAD_RESPONSE, error: `the answer is not HTTP (${err.code})` }
  return { ok: false, statusCode: null, code: ErrorCodes.WEBHOOK_RECEIVER_UNREACHABLE, error: err.code ?? err.message.slice(0, 200) }
}
