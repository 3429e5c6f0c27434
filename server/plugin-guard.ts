import { resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Config } from './config.ts'

/** A host application registered tabourPlugin in a way that cannot work; the message says how to fix it. */
export class TabourPluginError extends Error {
  constructor(message: string) {
    super(`tabourPlugin: ${message}`)
    this.name = 'TabourPluginError'
  }
}

/** The centers each HTTP server already runs: their prefix and (when they opened it themselves) their data dir. */
const mounted = new WeakMap<object, { prefix: string; dataDir: string | null }[]>()

/**
 * Checks a registration before anything is opened: a config with a data dir (unless the host
 * hands in its own database), and no second center on the same server at the same prefix (one
 * set of routes and one socket.io path each) or on the same data dir (two writers on one SQLite
 * file, two day-closings). Centers under different prefixes on their own data dirs are fine.
 * Throws TabourPluginError.
 */
export function assertMountable(fastify: FastifyInstance, config: Config | undefined, hasOwnDb: boolean): void {
  if (!config || typeof config !== 'object') {
    throw new TabourPluginError('options.config is required: build it with loadConfig() or validateConfig() from server/config.ts')
  }
  if (!hasOwnDb && (typeof config.dataDir !== 'string' || config.dataDir.trim() === '')) {
    throw new TabourPluginError(
      'options.config.dataDir is required: the folder that holds tabour.sqlite (validateConfig() defaults it to ./data)',
    )
  }
  const centers = mounted.get(fastify.server) ?? []
  const dataDir = hasOwnDb ? null : resolve(config.dataDir)
  const prefix = fastify.prefix
  if (centers.some((c) => c.prefix === prefix)) {
    throw new TabourPluginError(`already registered at prefix "${prefix}" on this server; register it once per prefix`)
  }
  const sharing = dataDir === null ? undefined : centers.find((c) => c.dataDir === dataDir)
  if (sharing) {
    throw new TabourPluginError(
      `data dir ${dataDir} is already used by the center at prefix "${sharing.prefix}"; give each center its own config.dataDir`,
    )
  }
  centers.push({ prefix, dataDir })
  mounted.set(fastify.server, centers)
}
