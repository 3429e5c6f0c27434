import { acceptsNoBody } from '../protocol/empty-json-body.ts'

/**
 * @fastify/swagger writes `requestBody.required: true` for every route with a body schema ("Fastify
 * requires a body when schema.body is defined"), but a route whose body schema admits none takes a
 * bare POST (protocol/empty-json-body.ts): a counter's actions, a reprint, closing an away counter.
 * The route transform marks those operations (@fastify/swagger copies a schema's `x-` keys onto its
 * operation) and the document's transform turns the mark into `required: false`, so the document
 * says per route what the server does.
 */
const OPTIONAL_BODY = 'x-tabour-optional-body'

/** The route's schema, marked when it has a body the server accepts missing. */
export function markOptionalBody<S extends { body?: unknown } | undefined>(schema: S): S {
  return schema?.body !== undefined && acceptsNoBody(schema.body) ? { ...schema, [OPTIONAL_BODY]: true } : schema
}

type Operation = { requestBody?: { required?: boolean }; [OPTIONAL_BODY]?: boolean }

/** The document with each marked operation's body not required, and the marks gone. */
export function unrequireOptionalBodies<D extends { paths?: Record<string, unknown> }>(doc: D): D {
  for (const path of Object.values(doc.paths ?? {})) {
    for (const op of Object.values((path ?? {}) as Record<string, Operation>)) {
      if (typeof op !== 'object' || op === null || !op[OPTIONAL_BODY]) continue
      delete op[OPTIONAL_BODY]
      if (op.requestBody) op.requestBody.required = false
    }
  }
  return doc
}
