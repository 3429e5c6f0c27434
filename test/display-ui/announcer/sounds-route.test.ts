import { afterEach, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tabourPlugin } from '../../../server/app.ts'
import { validateConfig } from '../../../server/config.ts'
import { defaultClipsUrl } from '../../../display-ui/announcer/clip-player.ts'
import { TestCenter } from '../../helpers/test-center.ts'

/** A fake build with one clip, and a data dir; what is in them says where a file came from. */
function folders(dirs: string[]) {
  const root = mkdtempSync(join(tmpdir(), 'tabour-sounds-'))
  dirs.push(root)
  const uiDir = join(root, 'ui')
  mkdirSync(join(uiDir, 'sounds', 'ar'), { recursive: true })
  writeFileSync(join(uiDir, 'sounds', 'ar', '15.ogg'), 'built-in 15')
  writeFileSync(join(uiDir, 'sounds', 'ar', '3.ogg'), 'built-in 3')
  const dataDir = join(root, 'data')
  return { uiDir, dataDir }
}

function override(dataDir: string, name: string, body: string): void {
  const file = join(dataDir, 'sounds', `${name}.ogg`)
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, body)
}

describe('the announcement clips over HTTP', () => {
  const dirs: string[] = []
  const closers: Array<() => Promise<unknown>> = []
  afterEach(async () => {
    for (const close of closers.splice(0)) await close()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('serves the built clips at /sounds/, a recording in <dataDir>/sounds/ first', async () => {
    const { uiDir } = folders(dirs)
    const center = new TestCenter({ config: { uiDir } })
    closers.push(() => center.close())
    override(center.dataDir, 'ar/15', 'human 15')
    await center.app.ready()

    const recorded = await center.app.inject({ url: '/sounds/ar/15.ogg' })
    expect(recorded.statusCode).toBe(200)
    expect(recorded.body).toBe('human 15')
    expect(recorded.headers['content-type']).toMatch(/^audio\/ogg/)
    expect(recorded.headers['cache-control']).toBe('no-cache')

    const builtIn = await center.app.inject({ url: '/sounds/ar/3.ogg' })
    expect(builtIn.statusCode).toBe(200)
    expect(builtIn.body).toBe('built-in 3')

    expect((await center.app.inject({ url: '/sounds/ar/404.ogg' })).statusCode).toBe(404)
    // nothing outside the two folders: not the database next to the recordings
    expect((await center.app.inject({ url: '/sounds/../tabour.sqlite' })).statusCode).toBe(404)
    expect((await center.app.inject({ url: '/sounds/%2e%2e/tabour.sqlite' })).statusCode).toBe(404)
  })

  it('without a recordings folder, serves the built clips alone', async () => {
    const { uiDir } = folders(dirs)
    const center = new TestCenter({ config: { uiDir } })
    closers.push(() => center.close())
    await center.app.ready()
    expect((await center.app.inject({ url: '/sounds/ar/15.ogg' })).body).toBe('built-in 15')
  })

  it('under a prefix, the display page finds them at its own ../sounds/', async () => {
    const { uiDir, dataDir } = folders(dirs)
    override(dataDir, 'ar/15', 'human 15')
    const host: FastifyInstance = Fastify()
    closers.push(() => host.close())
    await host.register(tabourPlugin, {
      prefix: '/queue',
      config: validateConfig({ dataDir, uiDir, adminPassword: 'x-password-long', logLevel: 'silent' }),
    })
    await host.ready()
    const url = new URL('ar/15.ogg', defaultClipsUrl('http://center.local/queue/display/'))
    expect(url.pathname).toBe('/queue/sounds/ar/15.ogg')
    const response = await host.inject({ url: url.pathname })
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe('human 15')
    expect((await host.inject({ url: '/queue/sounds/ar/3.ogg' })).body).toBe('built-in 3')
  })
})
