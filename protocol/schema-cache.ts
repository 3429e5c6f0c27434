/**
 * What a schema compiler built (a validator, a response serializer), kept for the whole process by
 * the schema's JSON. Fastify asks its compilers once per route for every app it builds: a test
 * file's next center or hub, a host that builds its server again. Each of those compiled the same
 * schemas anew (a hub's start spent about a second so, issue 22); here the second app finds them
 * built. Keyed by JSON rather than by object, since routes build some schemas inline
 * (`Type.Array(Counter)`), a new object each app; TypeBox's symbol keys, which JSON leaves out,
 * neither validate nor serialize anything. Bounded by the routes' distinct schemas.
 *
 * Only for what keeps no state between calls, as Ajv's and fast-json-stringify's functions do
 * (Ajv's `errors`, set by each call before it returns, is read at once by its caller).
 */
export class SchemaCache<T> {
  private readonly built = new Map<string, T>()

  constructor(private readonly build: (schema: object) => T) {}

  /** The function for `schema`: built by the first app that needed it, handed to every other. */
  for(schema: object): T {
    const key = JSON.stringify(schema)
    let made = this.built.get(key)
    if (made === undefined) {
      made = this.build(schema)
      this.built.set(key, made)
    }
    return made
  }

  /** How many this process has built. */
  get size(): number {
    return this.built.size
  }
}

/** A validator as Ajv makes it and Fastify reads it: `errors` set by a call that refused. */
export interface Validator {
  (data: unknown): boolean | PromiseLike<unknown>
  errors?: unknown
}

/**
 * A validator compiled at its first call, not when Fastify registers its route: an app declares
 * ~120 routes, most of which a given day never calls (issue 22). Fastify reads `errors` off the
 * function it was handed, so each call copies them there.
 */
export function compiledAtFirstCall<V extends Validator>(compile: () => V): V {
  let compiled: V | undefined
  const validate = ((data: unknown) => {
    compiled ??= compile()
    const ok = compiled(data)
    validate.errors = compiled.errors
    return ok
  }) as V
  return validate
}

/** A response serializer built at its first response, for the same reason. */
export function builtAtFirstCall(build: () => (data: unknown) => string): (data: unknown) => string {
  let built: ((data: unknown) => string) | undefined
  return (data) => (built ??= build())(data)
}
