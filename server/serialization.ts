import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { FastifyInstance } from 'fastify'
import { builtAtFirstCall, SchemaCache } from '../protocol/schema-cache.ts'

/** How many response serializers an app was handed (one per route and status) and how many it has put to use. */
export interface SerializerCount {
  given: number
  built: number
}

/** By the app's HTTP server: the plugin's encapsulated instance and its host's share it (and a host mounts Tabour once). */
const counts = new WeakMap<object, SerializerCount>()

// fastify's default, as it would build it for an app that adds no shared schemas (Tabour adds none);
// it reads the route's schema alone (not its method, URL or status)
const build = SerializerSelector()({}, {})
/** The process's serializers: a second app answers with the first one's (protocol/schema-cache.ts). */
const serializers = new SchemaCache((schema) => build({ schema } as Parameters<typeof build>[0]))

/**
 * Response serializers built at their first response, not at start-up: fastify builds one with
 * fast-json-stringify for every route and status code it declares (about 0.4 s of every start,
 * issue 22), for routes most days never call. Each is built by fastify's own default builder
 * from the same schema, so a response is byte for byte what it was. The validators are lazy the
 * same way (server/validation.ts).
 */
export function installSerialization(app: FastifyInstance): void {
  const count: SerializerCount = { given: 0, built: 0 }
  counts.set(app.server, count)
  app.setSerializerCompiler((route) => {
    count.given++
    return builtAtFirstCall(() => {
      count.built++
      return serializers.for(route.schema as object)
    })
  })
}

/** The serializers an app set up by installSerialization was given and has put to use so far. */
export function serializerCount(app: FastifyInstance): SerializerCount | undefined {
  return counts.get(app.server)
}

/** How many serializers this process has built with fast-json-stringify (each schema once, whichever app answered first). */
export function serializersBuilt(): number {
  return serializers.size
}
