import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { FastifyInstance } from 'fastify'

/** How many response serializers an app was handed (one per route and status) and how many it has built. */
export interface SerializerCount {
  given: number
  built: number
}

/** By the app's HTTP server: the plugin's encapsulated instance and its host's share it (and a host mounts Tabour once). */
const counts = new WeakMap<object, SerializerCount>()

/**
 * Response serializers built at their first response, not at start-up: fastify builds one with
 * fast-json-stringify for every route and status code it declares (about 0.4 s of every start,
 * issue 22), for routes most days never call. Each is built by fastify's own default builder
 * from the same schema, so a response is byte for byte what it was. The validators are lazy the
 * same way (server/validation.ts).
 */
export function installSerialization(app: FastifyInstance): void {
  // fastify's default, as it would build it for an app that adds no shared schemas (Tabour adds none)
  const build = SerializerSelector()({}, {})
  const count: SerializerCount = { given: 0, built: 0 }
  counts.set(app.server, count)
  app.setSerializerCompiler((route) => {
    count.given++
    let serialize: ((data: unknown) => string) | undefined
    return (data: unknown) => {
      if (serialize === undefined) {
        serialize = build(route as Parameters<typeof build>[0])
        count.built++
      }
      return serialize(data)
    }
  })
}

/** The serializers an app set up by installSerialization was given and has built so far. */
export function serializerCount(app: FastifyInstance): SerializerCount | undefined {
  return counts.get(app.server)
}
