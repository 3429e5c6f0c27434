import Ajv, { type ValidateFunction } from 'ajv'
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
const bodies = new SchemaCache((schema) => minPropertiesAfterDrop(schema, strict.compile(schema)))
const texts = new SchemaCache((schema) => coercing.compile(schema))

/**
 * Ajv checks a body's `minProperties` before `removeAdditional` drops its unknown fields, so an
 * update whose every field is unknown (a misspelt key: `{"newsAr": …}` to PUT /settings) passed and
 * ran with nothing to do: a 200 that changed nothing, and an empty change in the audit log. The
 * bound is checked again on what is left, and refused as Ajv refuses it (Fastify words it as
 * "body must name …": a 400 with the validation code).
 */
function minPropertiesAfterDrop(schema: object, validate: ValidateFunction): ValidateFunction {
  const limit = (schema as { minProperties?: unknown }).minProperties
  if (typeof limit !== 'number') return validate
  const checked = ((data: unknown) => {
    const ok = validate(data)
    checked.errors = validate.errors
    if (ok === true && data !== null && typeof data === 'object' && Object.keys(data).length < limit) {
      checked.errors = [
        {
          instancePath: '',
          schemaPath: '#/minProperties',
          keyword: 'minProperties',
          params: { limit },
          message: `must name at least ${limit} field this route knows (unknown fields are dropped)`,
        },
      ]
      return false
    }
    return ok
  }) as ValidateFunction
  return checked
}

export function installValidation(app: FastifyInstance): void {
  // compiled at a route's first request, not at start-up: compiling the ~120 routes' schemas up front took
  // about a third of a second of every start, for routes most days never call
  app.setValidatorCompiler(({ schema, httpPart }) => compiledAtFirstCall(() => (httpPart === 'body' ? bodies : texts).for(schema)))
}

/** How many schemas this process has compiled (each once, whichever app asked first). */
export function validatorsCompiled(): number {
  return bodies.size + texts.size
}
