import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { FastifyInstance } from 'fastify'
import { builtAtFirstCall, SchemaCache } from '../protocol/schema-cache.ts'

// fastify's default builder, as it builds for an app that adds no shared schemas (the hub adds none);
// it reads the route's response schema alone
const build = SerializerSelector()({}, {})
/** The process's serializers: a second hub in the process answers with the first one's (protocol/schema-cache.ts). */
const serializers = new SchemaCache((schema) => build({ schema } as Parameters<typeof build>[0]))

/**
 * Response serializers built at a route's first answer, not when fastify registers it: building
 * one with fast-json-stringify for every route and status at start was most of a hub's start
 * (issue 22). The same builder from the same schema, so an answer is byte for byte what it was.
 */
export function buildSerializersOnFirstAnswer(app: FastifyInstance): void {
  app.setSerializerCompiler(({ schema }) => builtAtFirstCall(() => serializers.for(schema as object)))
}
