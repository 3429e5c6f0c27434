import Ajv from 'ajv'
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
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema))
}
