import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { MediaItem } from '../../../protocol/center.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { allow, STAFF } from '../../auth/access.ts'
import { ErrorCodes, domainError } from '../../errors.ts'
import { listMedia, mediaDir, openMedia } from './media-folder.ts'

const mediaUrl = (base: string, name: string) => `${base}/media/${encodeURIComponent(name)}`

/** GET /api/v1/media: the images and videos of `<dataDir>/media/` a display may show (displays, staff). */
export async function mediaRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { config, basePath } = app.tabour
  app.get(
    '/',
    {
      preValidation: allow(...STAFF, 'display'),
      schema: {
        tags: ['media'],
        summary: 'images and videos in <dataDir>/media/, by name',
        response: { 200: Type.Array(MediaItem), ...errorResponses(401, 403) },
      },
    },
    async () => listMedia(mediaDir(config.dataDir), (name) => mediaUrl(basePath, name)),
  )
}

/**
 * GET <base>/media/:name: the file itself. Public, like the UI pages: an `<img>` or `<video>`
 * on a display cannot send a bearer token, and these are the pictures on the waiting-room wall.
 */
export async function mediaFiles(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { config } = app.tabour
  app.get(
    '/media/:name',
    { schema: { hide: true, params: Type.Object({ name: Type.String({ maxLength: 300 }) }) } },
    async (request, reply) => {
      const file = await openMedia(mediaDir(config.dataDir), request.params.name)
      if (!file) throw domainError(ErrorCodes.MEDIA_NOT_FOUND, 'no such media file')
      return reply
        .header('content-length', file.size)
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .type(file.mime)
        .send(file.stream)
    },
  )
}
