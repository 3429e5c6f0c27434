import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Ajv from 'ajv'
import { TestCenter } from '../../helpers/test-center.ts'
import { pairFeedbackTablet } from '../feedback/feedback-helpers.ts'

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** The paths DESIGN.md promises, with their methods. */
const CORE: [string, string][] = [
  ['/api/v1/auth/login', 'post'],
  ['/api/v1/services', 'post'],
  ['/api/v1/services', 'get'],
  ['/api/v1/counters', 'post'],
  ['/api/v1/users', 'post'],
  ['/api/v1/devices', 'post'],
  ['/api/v1/devices/pair', 'post'],
  ['/api/v1/tickets', 'post'],
  ['/api/v1/tickets/{id}', 'get'],
  ['/api/v1/counters/{id}/open', 'post'],
  ['/api/v1/counters/{id}/pause', 'post'],
  ['/api/v1/counters/{id}/close', 'post'],
  ['/api/v1/counters/{id}/call-next', 'post'],
  ['/api/v1/counters/{id}/recall', 'post'],
  ['/api/v1/counters/{id}/start', 'post'],
  ['/api/v1/counters/{id}/finish', 'post'],
  ['/api/v1/counters/{id}/no-show', 'post'],
  ['/api/v1/counters/{id}/transfer', 'post'],
  ['/api/v1/stats/today', 'get'],
  ['/healthz', 'get'],
]

/** A value a path parameter's schema admits, of nothing that exists (999999, or its first allowed value). */
function sampleOf(schema: any): string {
  if (schema?.enum) return String(schema.enum[0])
  if (schema?.const !== undefined) return String(schema.const)
  const part = schema?.anyOf?.[0] ?? schema?.oneOf?.[0]
  if (part) return sampleOf(part)
  if (schema?.format === 'date' || schema?.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2026-03-10'
  return '999999'
}

type Doc = {
  openapi: string
  info: { title: string; version: string }
  paths: Record<string, Record<string, any>>
  components: { securitySchemes: Record<string, unknown>; schemas?: Record<string, unknown> }
  security: Record<string, string[]>[]
}

describe('GET /api/v1/openapi.json', () => {
  let center: TestCenter
  let doc: Doc
  let raw: string
  beforeAll(async () => {
    center = await TestCenter.start()
    const res = await center.request('GET', '/api/v1/openapi.json')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    raw = res.body
    doc = res.json()
  })
  afterAll(async () => center?.close())

  it('is public and an OpenAPI 3 document with info, paths and a bearer scheme', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/)
    expect(doc.info.title).toBeTruthy()
    expect(doc.info.version).toBeTruthy()
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20)
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(doc.security).toEqual([{ bearer: [] }])
  })

  it('lists every core path of DESIGN.md under its documented name (no trailing slash)', () => {
    for (const [path, method] of CORE) {
      expect(doc.paths[path], `${path} missing; have ${Object.keys(doc.paths).join(', ')}`).toBeDefined()
      expect(doc.paths[path][method], `${method.toUpperCase()} ${path}`).toBeDefined()
    }
    for (const path of Object.keys(doc.paths)) {
      expect(path.startsWith('/')).toBe(true)
      expect(path === '/' || !path.endsWith('/'), path).toBe(true)
      expect(path).not.toMatch(/:/)
    }
    // the document does not list itself
    expect(doc.paths['/api/v1/openapi.json']).toBeUndefined()
  })

  it('each documented path answers (not 404) at exactly that URL', async () => {
    for (const [path, method] of CORE) {
      const url = path.replace('{id}', '1')
      const res = await center.request(method.toUpperCase() as 'GET' | 'POST', url)
      expect(res.statusCode).toBeLessThan(500)
      expect(res.statusCode === 404 ? res.json().code : 'routed', `${method} ${url}`).not.toBe('TABOUR_ERR_ROUTE_NOT_FOUND')
    }
  })

  // compiling ~400 response schemas takes 10-40 s on a busy 2-core box (it timed out at 30 s beside other tests)
  it('is structurally valid: operations have responses, path parameters are declared, schemas compile', { timeout: 180_000 }, () => {
    const ajv = new Ajv.default({ strict: false, validateFormats: false })
    // ajv knows OpenAPI 3.0's `nullable`; `example` is the one other non-JSON-Schema keyword
    ajv.addKeyword('example')
    // the shared error shape and other repeated schemas are compiled once (the same check, less work)
    const compiled = new Set<string>()
    const compile = (schema: unknown) => {
      const key = JSON.stringify(schema)
      if (compiled.has(key)) return
      ajv.compile(schema as object)
      compiled.add(key)
    }
    for (const [path, item] of Object.entries(doc.paths)) {
      const declared = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
      for (const [method, op] of Object.entries(item)) {
        expect(HTTP_METHODS, `${path}: ${method}`).toContain(method)
        expect(Object.keys(op.responses ?? {}).length, `${method} ${path} has no responses`).toBeGreaterThan(0)
        for (const [status, response] of Object.entries<any>(op.responses)) {
          expect(status).toMatch(/^([1-5]\d\d|default)$/)
          expect(typeof response.description).toBe('string')
          const schema = response.content?.['application/json']?.schema
          if (schema) expect(() => compile(schema), `${method} ${path} ${status}`).not.toThrow()
        }
        const pathParams = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'path')
        expect(pathParams.map((p: { name: string }) => p.name).sort(), `${method} ${path}`).toEqual([...declared].sort())
        for (const p of pathParams) expect(p.required).toBe(true)
        const body = op.requestBody?.content?.['application/json']?.schema
        if (body) expect(() => compile(body), `${method} ${path} body`).not.toThrow()
        for (const requirement of op.security ?? []) {
          for (const name of Object.keys(requirement)) expect(doc.components.securitySchemes[name]).toBeDefined()
        }
      }
    }
  })

  it('says a body is required on exactly the routes that refuse a request without one', async () => {
    // each operation with a body asked with none (no content-type either), as the admin, of a thing that does not
    // exist: a route that needs a body refuses it in validation, before any handler; one that takes none answers
    // past it (a 404 here). Before, every body was documented as required, a counter's call-next as much as a login.
    // the first of these the route lets through (a device's own routes refuse a user)
    const tokens = [
      await center.admin(),
      (await center.createDevice('kiosk')).token,
      (await center.createDevice('display')).token,
      (await pairFeedbackTablet(center, null)).token,
    ]
    const ask = async (method: string, url: string) => {
      for (const token of tokens) {
        const res = await center.request(method.toUpperCase() as 'POST', url, { token })
        if (res.statusCode !== 401 && res.statusCode !== 403) return res
      }
      throw new Error(`${method} ${url}: no token is let through`)
    }
    const said: Record<'required' | 'optional', string[]> = { required: [], optional: [] }
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op.requestBody) continue
        const params = new Map((op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => [p.name, p.schema]))
        const res = await ask(
          method,
          path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(sampleOf(params.get(name)))),
        )
        const refused = res.statusCode === 400 && /^body\b/.test(res.json().message)
        expect(op.requestBody.required, `${method} ${path}: ${res.statusCode} ${res.body}`).toBe(refused)
        said[refused ? 'required' : 'optional'].push(`${method} ${path}`)
      }
    }
    expect(said.optional).toEqual(
      expect.arrayContaining([
        'post /api/v1/counters/{id}/call-next',
        'post /api/v1/counters/{id}/recall',
        'post /api/v1/counters/{id}/finish',
        'post /api/v1/tickets/{id}/reprint',
      ]),
    )
    expect(said.required).toEqual(expect.arrayContaining(['post /api/v1/auth/login', 'post /api/v1/counters/{id}/transfer']))
    // the mark that carried it from the route to the document is not left in it
    expect(raw).not.toContain('x-tabour-optional-body')
  })

  it('says what every operation does: a summary on each (38 of 128 had none, walk s55)', () => {
    const bare = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method, op]) => HTTP_METHODS.includes(method) && !op.summary?.trim())
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    )
    expect(bare).toEqual([])
  })

  it('every $ref resolves inside the document', () => {
    const refs = [...raw.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1])
    for (const ref of refs) {
      expect(ref.startsWith('#/'), ref).toBe(true)
      let node: any = doc
      for (const part of ref.slice(2).split('/')) node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')]
      expect(node, ref).toBeDefined()
    }
  })

  it('marks the public routes as needing no token and documents the error answers', () => {
    expect(doc.paths['/api/v1/auth/login'].post.security).toEqual([])
    expect(doc.paths['/api/v1/devices/pair'].post.security).toEqual([])
    expect(doc.paths['/api/v1/tickets/{id}'].get.security).toEqual([])
    expect(doc.paths['/healthz'].get.security).toEqual([])
    const issue = doc.paths['/api/v1/tickets'].post
    expect(Object.keys(issue.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '422']))
    expect(issue.responses['400'].content['application/json'].schema.required).toEqual(['statusCode', 'code', 'error', 'message'])
    expect(issue.requestBody.content['application/json'].schema.required).toEqual(['serviceId'])
    expect(Object.keys(issue.responses['201'].content['application/json'].schema.properties).sort()).toEqual([
      'closing',
      'estimatedWaitSeconds',
      'id',
      'issuedAt',
      'label',
      'mayNotBeServedToday',
      'position',
      'printing',
      'priority',
      'serviceId',
      'status',
      'statusUrl',
      'visit',
    ])
    const login = doc.paths['/api/v1/auth/login'].post
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '429']))
  })
})
