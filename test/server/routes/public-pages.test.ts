import { afterEach, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { publicPages } from '../../../server/routes/public-pages.ts'

/** GET /t/:id: the ticket's public page, one built HTML file for every id. The browser side is in test/e2e/kiosk.test.ts. */
describe('public pages', () => {
  const apps: FastifyInstance[] = []
  const dirs: string[] = []
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  async function appWith(built: boolean, prefix = ''): Promise<FastifyInstance> {
    const uiDir = mkdtempSync(join(tmpdir(), 'tabour-ui-'))
    dirs.push(uiDir)
    if (built) {
      mkdirSync(join(uiDir, 'kiosk-ui'))
      writeFileSync(join(uiDir, 'kiosk-ui', 'status.html'), '<!doctype html><script type="module" src="../assets/status.js"></script>')
    }
    const app = Fastify()
    apps.push(app)
    await app.register(publicPages, { prefix, uiDir })
    return app
  }

  it('serves the status page for any well-formed id, never cached stale', async () => {
    const app = await appWith(true)
    const res = await app.inject({ method: 'GET', url: '/t/Ab_9-xYz' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.body).toContain('../assets/status.js')
  })

  it('says in both languages that the UI is not built', async () => {
    const res = await (await appWith(false)).inject({ method: 'GET', url: '/t/abc' })
    expect(res.statusCode).toBe(503)
    expect(res.body).toContain('npm run build')
    expect(res.body).toContain('الواجهة غير مبنية')
  })

  it('refuses ids that cannot be tickets', async () => {
    const app = await appWith(true)
    expect((await app.inject({ method: 'GET', url: '/t/%3Cscript%3E' })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: `/t/${'a'.repeat(65)}` })).statusCode).toBe(404)
  })

  it('sends /t/<id>/ to /t/<id>, where ../assets/ resolves right, also under a prefix', async () => {
    const app = await appWith(true, '/queue')
    const res = await app.inject({ method: 'GET', url: '/queue/t/abc/' })
    expect(res.statusCode).toBe(301)
    expect(res.headers.location).toBe('/queue/t/abc')
    expect(new URL('../assets/status.js', 'http://h/queue/t/abc').pathname).toBe('/queue/assets/status.js')
  })
})
