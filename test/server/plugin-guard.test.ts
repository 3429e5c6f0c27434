import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { tabourPlugin } from '../../server/app.ts'
import { validateConfig, type Config } from '../../server/config.ts'

describe('tabourPlugin: a registration that cannot work is refused with a clear error', () => {
  const dirs: string[] = []
  const hosts: FastifyInstance[] = []
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.close()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  const host = () => {
    const app = Fastify()
    hosts.push(app)
    return app
  }
  const config = (): Config => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-guard-'))
    dirs.push(dataDir)
    return validateConfig({ dataDir, adminPassword: 'guard-admin-password', logLevel: 'silent', uiDir: join(dataDir, 'no-ui') })
  }

  it('twice at the same prefix, or twice on one data dir', async () => {
    const app = host()
    const first = config()
    await app.register(tabourPlugin, { prefix: '/center', config: first })
    await expect(app.register(tabourPlugin, { prefix: '/center', config: config() })).rejects.toThrow(
      'tabourPlugin: already registered at prefix "/center" on this server; register it once per prefix',
    )
    // a failed registration stops that app's boot: the second case gets an app of its own
    const other = host()
    await other.register(tabourPlugin, { prefix: '/center', config: first })
    await expect(other.register(tabourPlugin, { prefix: '/other', config: first })).rejects.toThrow(
      `tabourPlugin: data dir ${first.dataDir} is already used by the center at prefix "/center"; give each center its own config.dataDir`,
    )
  })

  it('without a config, or with a config that has no data dir', async () => {
    await expect(host().register(tabourPlugin, {} as never)).rejects.toThrow('tabourPlugin: options.config is required')
    const noDir = { ...config(), dataDir: '' }
    await expect(host().register(tabourPlugin, { config: noDir })).rejects.toThrow('tabourPlugin: options.config.dataDir is required')
  })
})
