/**
 * A JSON body that is empty, on a route that takes no body, is no body. API clients send
 * `content-type: application/json` on every request (curl with `-H 'content-type: application/json'`,
 * most HTTP libraries), and Fastify's JSON parser refused the empty body with a 400 "Body cannot be
 * empty" on routes that read none: publishing a bundle at the hub, a counter's actions at a center
 * (s49). A route that needs a body still refuses an empty one, with Fastify's words.
 *
 * Shared by the hub and the center (each installs it on its app: hub/app.ts, server/app.ts).
 * Written against the shape of Fastify's parser, not Fastify itself, which protocol does not depend on.
 */
type Done = (err: Error | null, body?: unknown) => void

/** A body parser as Fastify calls it with `parseAs: 'string'`. */
export type StringBodyParser<R> = (request: R, body: string, done: Done) => void

/** The route a request reached, as Fastify describes it: its schema's `body`, when it names one. */
interface RoutedRequest {
  routeOptions: { schema?: { body?: unknown } }
}

type Schema = Record<string, unknown>
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null

/** Whether a body schema admits none: Fastify validates a missing body as null (`Type.Union([X, Type.Null()])`: an optional body). */
function admitsNull(schema: unknown): boolean {
  if (!isSchema(schema)) return false
  const { type } = schema
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true
  return [schema.anyOf, schema.oneOf].some((parts) => Array.isArray(parts) && parts.some(admitsNull))
}

/**
 * Whether a route whose schema's `body` is `schema` takes a request without one: no body schema,
 * or one that admits none. The one rule for the parser below and for the OpenAPI documents, which
 * say such a body is not required (server/openapi-optional-body.ts).
 */
export const acceptsNoBody = (schema: unknown): boolean => schema === undefined || admitsNull(schema)

/**
 * `parse` (Fastify's own JSON parser), except that an empty body parses as none on a route that
 * takes none: no body schema, or one that admits none. A route that needs a body keeps Fastify's
 * refusal, which says the body is empty (its schema's would say "body must be object").
 */
export function emptyBodyAsNone<R extends RoutedRequest>(parse: StringBodyParser<R>): StringBodyParser<R> {
  return (request, body, done) => {
    if (body.length === 0 && acceptsNoBody(request.routeOptions.schema?.body)) done(null, undefined)
    else parse(request, body, done)
  }
}
