import { expect } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import type { TestCenter } from '../../helpers/test-center.ts'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT'

/**
 * Asserts an error answer: the status, the stable code and the `{statusCode, code, error, message}`
 * shape, plus `field` and `reason` (and maybe `limit`) together or not at all (issue 15: the field at fault),
 * and for SERVICE_CLOSED the hours' facts (s42).
 */
export function expectError(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, `${res.statusCode} ${res.body}`).toBe(status)
  const body = res.json()
  expect(body).toMatchObject({ statusCode: status, code })
  expect(typeof body.error).toBe('string')
  expect(typeof body.message).toBe('string')
  const keys = Object.keys(body).sort()
  const detail = 'field' in body ? ['field', 'reason', ...('limit' in body ? ['limit'] : [])] : []
  // a refusal for the hours carries the hours' facts, all six (protocol/error-codes.ts ClosedDetail)
  if (code === 'TABOUR_ERR_SERVICE_CLOSED') detail.push('closedReason', 'opensAt', 'closesAt', 'lastTicketAt', 'dayClose', 'at')
  // a counter edit that leaves a waiting line with no counter names the lines (UnservedDetail)
  if (code === 'TABOUR_ERR_LAST_COUNTER_OF_WAITING_SERVICE') detail.push('unserved')
  expect(keys).toEqual(['code', 'error', 'message', 'statusCode', ...detail].sort())
}

/** Asserts an error answer as expectError does, naming `field` for `reason` (and `limit`, when given). */
export function expectFieldError(
  res: LightMyRequestResponse,
  status: number,
  code: string,
  detail: { field: string; reason: string; limit?: number },
): void {
  expectError(res, status, code)
  const { field, reason, limit } = res.json()
  expect({ field, reason, ...(limit !== undefined ? { limit } : {}) }).toEqual(detail)
}

/** One token of every kind of caller: the three staff roles and the device kinds. */
export interface Callers {
  admin: string
  manager: string
  clerk: string
  kiosk: string
  display: string
  printer: string
  board: string
  keypad: string
}

export type CallerName = keyof Callers

/** Creates a manager, a clerk and one paired device of each kind; returns their tokens. */
export async function makeCallers(center: TestCenter): Promise<Callers> {
  const manager = await center.createUser('mgr', 'manager')
  const clerk = await center.createUser('clerk-x', 'clerk')
  const kiosk = await center.createDevice('kiosk')
  const display = await center.createDevice('display')
  const printer = await center.createDevice('printer')
  const board = await center.createDevice('board')
  const keypad = await center.createDevice('keypad')
  return {
    admin: await center.admin(),
    manager: manager.token,
    clerk: clerk.token,
    kiosk: kiosk.token,
    display: display.token,
    printer: printer.token,
    board: board.token,
    keypad: keypad.token,
  }
}

export interface RouteCall {
  method: Method
  url: string
  body?: unknown
}

/** No token, a garbage token and a malformed header are all 401 TABOUR_ERR_UNAUTHENTICATED. */
export async function expectAuthRequired(center: TestCenter, call: RouteCall): Promise<void> {
  const none = await center.request(call.method, call.url, { body: call.body })
  expectError(none, 401, 'TABOUR_ERR_UNAUTHENTICATED')
  const garbage = await center.request(call.method, call.url, { body: call.body, token: 'tbu_not-a-real-token' })
  expectError(garbage, 401, 'TABOUR_ERR_UNAUTHENTICATED')
  const basic = await center.request(call.method, call.url, { body: call.body, headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } })
  expectError(basic, 401, 'TABOUR_ERR_UNAUTHENTICATED')
}

/** Every listed caller gets 403 TABOUR_ERR_FORBIDDEN. */
export async function expectForbidden(center: TestCenter, callers: Callers, who: CallerName[], call: RouteCall): Promise<void> {
  for (const name of who) {
    const res = await center.request(call.method, call.url, { body: call.body, token: callers[name] })
    expect(res.statusCode, `${name}: ${res.statusCode} ${res.body}`).toBe(403)
    expectError(res, 403, 'TABOUR_ERR_FORBIDDEN')
  }
}

/** A raw inject() with a string payload and explicit headers (for malformed bodies). */
export function rawRequest(center: TestCenter, method: Method, url: string, payload: string | Buffer, headers: Record<string, string>) {
  return center.app.inject({ method, url, payload, headers })
}

/** A JSON body just over the 64 KiB limit. */
export const oversizedJson = (fields: Record<string, unknown> = {}) => JSON.stringify({ ...fields, padding: 'x'.repeat(64 * 1024 + 1) })

/** Rows of a table, straight from the database. */
export function rows<T = Record<string, unknown>>(center: TestCenter, sql: string, ...params: unknown[]): T[] {
  return center.app.tabour.db.prepare(sql).all(...params) as T[]
}

/**
 * The malformed-body refusals every JSON route shares: broken JSON and an empty JSON body are
 * 400 TABOUR_ERR_BAD_BODY, an unsupported content type is 415 TABOUR_ERR_BAD_BODY, a text/plain
 * body (which Fastify parses as a string) is 400 TABOUR_ERR_VALIDATION, and more than 64 KiB is
 * 413 TABOUR_ERR_BAD_BODY. Never a 500.
 */
export async function expectMalformedBodiesRefused(
  center: TestCenter,
  token: string,
  method: Method,
  url: string,
  validFields: Record<string, unknown> = {},
): Promise<void> {
  const auth = { authorization: `Bearer ${token}` }
  expectError(
    await rawRequest(center, method, url, '{"serviceId": 1,', { ...auth, 'content-type': 'application/json' }),
    400,
    'TABOUR_ERR_BAD_BODY',
  )
  expectError(await rawRequest(center, method, url, '', { ...auth, 'content-type': 'application/json' }), 400, 'TABOUR_ERR_BAD_BODY')
  expectError(await rawRequest(center, method, url, '<a/>', { ...auth, 'content-type': 'application/xml' }), 415, 'TABOUR_ERR_BAD_BODY')
  expectError(
    await rawRequest(center, method, url, JSON.stringify(validFields), { ...auth, 'content-type': 'text/plain' }),
    400,
    'TABOUR_ERR_VALIDATION',
  )
  expectError(
    await rawRequest(center, method, url, oversizedJson(validFields), { ...auth, 'content-type': 'application/json' }),
    413,
    'TABOUR_ERR_BAD_BODY',
  )
}
