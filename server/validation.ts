import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifyInstance } from 'fastify'

/**
 * Two validators: bodies are checked strictly (no type coercion, so `"serviceId": true` is a
 * 400, not service 1), while params and query strings, which are always text, are coerced.
 * Unknown body fields are dropped (additionalProperties: false + removeAdditional).
 */
export function installValidation(app: FastifyInstance): void {
  const common = { useDefaults: true, removeAdditional: true as const, allErrors: false, strict: false }
  const body = addFormats.default(new Ajv.default({ ...common, coerceTypes: false }))
  const text = addFormats.default(new Ajv.default({ ...common, coerceTypes: 'array' }))
  app.setValidatorCompiler(({ schema, httpPart }) => compileOnFirstUse(httpPart === 'body' ? body : text, schema))
}

/**
 * A validator that compiles its schema at its first request, not at start-up: compiling the
 * ~120 routes' schemas up front took about a third of a second of every start, for routes most
 * days never call. Fastify reads `errors` off the function it was given, so it is copied there.
 */
function compileOnFirstUse(ajv: Ajv.default, schema: object): ValidateFunction {
  let compiled: ValidateFunction | undefined
  const validate = ((data: unknown) => {
    compiled ??= ajv.compile(schema)
    const ok = compiled(data)
    validate.errors = compiled.errors
    return ok
  }) as ValidateFunction
  return validate
}
