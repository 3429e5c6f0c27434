/**
 * The hub refuses what it cannot honour: a field it does not know in a body or a query string
 * (`name_ar` for `nameAr`, `?governorat=`) is a 400 HUB_ERR_VALIDATION naming the field, never a
 * 200 that changed or filtered nothing. Two parts, both here: every object of a route's body and
 * query string is closed (`additionalProperties: false` unless its schema says otherwise, so the
 * OpenAPI document says it too), and Ajv refuses an extra field instead of dropping it (Fastify's
 * default `removeAdditional` dropped it silently).
 *
 * The exception is what centers sign (UpstreamPaths): a center upgraded before its hub sends
 * fields this hub does not know yet, and the protocol promises that an older hub drops them unread
 * (protocol/upstream.ts); refusing them would park the center's batches (a 400 is final for its
 * outbox) and flag it offline. Those routes keep dropping.
 */
import Ajv, { type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifyInstance, FastifySchema } from 'fastify'
import { compiledAtFirstCall, SchemaCache } from '../protocol/schema-cache.ts'
import { UpstreamPaths } from '../protocol/upstream.ts'

/** What the centers sign: every path of UpstreamPaths (the configuration bundle's fetch too). */
const SIGNED_PATHS: ReadonlySet<string> = new Set(Object.values(UpstreamPaths))

/** Whether `url` is a route the centers sign (their requests are checked by signature, and keep unknown fields tolerated). */
export const isSignedPath = (url: string): boolean => SIGNED_PATHS.has(url)

type Schema = Record<string | symbol, unknown>
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v)
const mapValues = (o: Schema, f: (v: unknown) => unknown): Schema => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]))

/**
 * A copy of `schema` in which every object with named properties and no word on others refuses
 * others. Not inside `allOf`: the parts of an intersection would refuse each other's fields.
 */
export function closedSchema(schema: unknown): unknown {
  if (!isSchema(schema)) return schema
  const out: Schema = { ...schema }
  if (isSchema(out.properties)) {
    out.properties = mapValues(out.properties, closedSchema)
    if (out.additionalProperties === undefined && out.patternProperties === undefined) out.additionalProperties = false
  }
  if (isSchema(out.additionalProperties)) out.additionalProperties = closedSchema(out.additionalProperties)
  if (isSchema(out.patternProperties)) out.patternProperties = mapValues(out.patternProperties, closedSchema)
  if (out.items !== undefined) out.items = Array.isArray(out.items) ? out.items.map(closedSchema) : closedSchema(out.items)
  for (const key of ['anyOf', 'oneOf'] as const) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(closedSchema)
  return out
}

/** Fastify's own Ajv options (coercion of text, defaults), with unknown fields refused or, for the signed routes, dropped. */
const compiledBy = (removeAdditional: boolean) => {
  const ajv = addFormats.default(
    new Ajv.default({ coerceTypes: 'array', useDefaults: true, removeAdditional, allErrors: false, strict: false }),
  )
  return new SchemaCache((schema) => ajv.compile(schema))
}
// the process's, not each hub's: a second hub in the process (a test's next one) finds them compiled (protocol/schema-cache.ts)
const refusing = compiledBy(false)
const dropping = compiledBy(true)

/** Closes the bodies and query strings of the routes declared after it (call it before any route) and installs the two validators. */
export function refuseUnknownFields(app: FastifyInstance): void {
  // each compiled at its route's first request: compiling every route's schemas at start took about a second a hub
  app.setValidatorCompiler(({ schema, url }) => compiledAtFirstCall(() => (isSignedPath(url) ? dropping : refusing).for(schema)))
  app.addHook('onRoute', (route) => {
    const schema = route.schema as FastifySchema | undefined
    if (!schema || isSignedPath(route.url)) return
    route.schema = {
      ...schema,
      ...(schema.body ? { body: closedSchema(schema.body) } : {}),
      ...(schema.querystring ? { querystring: closedSchema(schema.querystring) } : {}),
    }
  })
}

/**
 * The message of a schema refusal: an unknown field named as the hub names a bad one
 * (`body/name_ar: not a field of this request`), anything else as Fastify words it.
 */
export function validationMessage(err: { message: string; validation?: unknown; validationContext?: string }): string {
  const first = (err.validation as ErrorObject[] | undefined)?.[0]
  if (first?.keyword !== 'additionalProperties') return err.message
  const field = `${first.instancePath}/${String((first.params as { additionalProperty?: unknown }).additionalProperty)}`
  return `${err.validationContext ?? 'request'}${field}: not a field of this request`
}
