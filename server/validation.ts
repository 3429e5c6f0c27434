import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifyInstance } from 'fastify'
import { compiledAtFirstCall, SchemaCache } from '../protocol/schema-cache.ts'

/**
 * Two validators: bodies are checked strictly (no type coercion, so `"serviceId": true` is a
 * 400, not service 1), while params and query strings, which are always text, are coerced.
 * Unknown body fields are dropped (additionalProperties: false + removeAdditional).
 * Both are the process's, not each app's: a second app finds a route's validator compiled
 * (protocol/schema-cache.ts).
 */
const common = { useDefaults: true, removeAdditional: true as const, allErrors: false, strict: false }
const strict = addFormats.default(new Ajv.default({ ...common, coerceTypes: false }))
const coercing = addFormats.default(new Ajv.default({ ...common, coerceTypes: 'array' }))
const bodies = new SchemaCache((schema) => strict.compile(schema))
const texts = new SchemaCache((schema) => coercing.compile(schema))

export function installValidation(app: FastifyInstance): void {
  // compiled at a route's first request, not at start-up: compiling the ~120 routes' schemas up front took
  // about a third of a second of every start, for routes most days never call
  app.setValidatorCompiler(({ schema, httpPart }) => compiledAtFirstCall(() => (httpPart === 'body' ? bodies : texts).for(schema)))
}

/** How many schemas this process has compiled (each once, whichever app asked first). */
export function validatorsCompiled(): number {
  return bodies.size + texts.size
}
