import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Ajv } from 'ajv'
import type { RouteOptions } from 'fastify'
import { HUB_OPENAPI_PATH } from '../../hub/openapi.ts'
import { startTestHub, type TestHub } from './hub-harness.ts'

/**
 * The hub's OpenAPI document lists every route the hub serves (each plugin's, hub/routes/), and
 * each with a 2xx response schema and its error responses in the shared error shape: 400 where it
 * takes input, 401 where it takes a token. The routes are collected as Fastify registers them, so
 * a route added without a schema fails here.
 */

interface Operation {
  parameters?: { in: string; schema?: { pattern?: string; type?: string } }[]
  requestBody?: unknown
  security?: { bearer?: string[] }[]
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>
}

const toOpenApi = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}')

let hub: TestHub
const routes: RouteOptions[] = []
let doc: { paths: Record<string, Record<string, Operation>> }

beforeAll(async () => {
  hub = await startTestHub({ setup: (app) => app.addHook('onRoute', (r) => void routes.push(r)) })
  doc = await (await fetch(hub.url + HUB_OPENAPI_PATH)).json()
})
afterAll(async () => {
  await hub?.close()
})

describe('the hub OpenAPI document', () => {
  it('lists every route the plugins declare (those not hidden), and nothing else', () => {
    const served = routes
      .filter((r) => !(r.schema as { hide?: boolean } | undefined)?.hide)
      .flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((m) => `${m.toLowerCase()} ${toOpenApi(r.url)}`))
      .filter((r) => !r.startsWith('head '))
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
    expect(served.length).toBeGreaterThan(30)
    expect(listed.sort()).toEqual([...new Set(served)].sort())
  })

  it('says what every operation does: a summary on each', () => {
    const bare = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !(op as { summary?: string }).summary?.trim())
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    expect(bare).toEqual([])
  })

  it('gives every route a 2xx response schema and its error responses in the shared shape', () => {
    const ajv = new Ajv({ strict: false })
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`
        const ok = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status))
        expect(ok.length, where).toBeGreaterThan(0)
        for (const [status, r] of ok) {
          const schema = Object.values(r.content ?? {})[0]?.schema
          expect(schema, `${where} ${status}`).toBeDefined()
          expect(() => ajv.compile(schema!), `${where} ${status}`).not.toThrow()
        }
        const errors = Object.entries(op.responses).filter(([status]) => /^[45]\d\d$/.test(status))
        expect(errors.length, where).toBeGreaterThan(0)
        if (path === '/healthz') continue
        for (const [status, r] of errors) {
          const schema = r.content?.['application/json']?.schema as { properties?: Record<string, unknown>; required?: string[] }
          expect(schema?.required, `${where} ${status}`).toEqual(expect.arrayContaining(['statusCode', 'code', 'error', 'message']))
        }
        // input that can be wrong: a body, a query, a path parameter with a pattern or a number
        const checked = op.parameters?.some((p) => p.in === 'query' || p.schema?.pattern || p.schema?.type === 'integer')
        if (checked || op.requestBody) expect(op.responses['400'], `${where}: takes input`).toBeDefined()
        if (op.security?.some((s) => s.bearer)) expect(op.responses['401'], `${where}: takes a token`).toBeDefined()
      }
  })
})
