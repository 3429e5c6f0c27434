import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { TestCenter } from '../../helpers/test-center.ts'
import { snapshotOf, useListeningCenter, waitForEvent } from '../../helpers/socket-client.ts'
import { expectAuthRequired, expectError, expectForbidden, expectMalformedBodiesRefused, makeCallers } from './route-helpers.ts'

/**
 * What the waiting-room displays need from the server besides the calls: their settings in the
 * device config (DisplayConfig), the news line (GET/PUT /center/news, pushed as center:updated
 * and carried by the snapshot) and the media folder (GET /media, files under /media/<name>).
 */

const NEWS = '/api/v1/center/news'
const MEDIA = '/api/v1/media'

describe('DisplayConfig in a display device config', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  const create = async (config: unknown, kind = 'display') =>
    center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind, name: 'Hall TV', zone: 'ground', config } })

  it('accepts every documented key and an empty config', async () => {
    center = await TestCenter.start()
    const full = {
      digits: 'arabic-indic',
      recentCalls: 8,
      showWaiting: false,
      announceLanguages: ['en', 'ar'],
      chime: false,
      hijriDate: false,
      media: true,
      mediaSeconds: 15,
      flashSeconds: 4,
    }
    const res = await create(full)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().config).toEqual(full)
    expect((await create({})).statusCode).toBe(201)
    expect((await create({ announceLanguages: [] })).statusCode).toBe(201)
  })

  it.each([
    [{ digits: 'roman' }, '/digits'],
    [{ recentCalls: 13 }, '/recentCalls'],
    [{ recentCalls: 2.5 }, '/recentCalls'],
    [{ showWaiting: 'yes' }, '/showWaiting'],
    [{ announceLanguages: ['fr'] }, '/announceLanguages/0'],
    [{ announceLanguages: ['ar', 'ar'] }, '/announceLanguages'],
    [{ flashSeconds: -1 }, '/flashSeconds'],
    [{ mediaSeconds: 1 }, '/mediaSeconds'],
    [{ columns: 2 }, ''],
  ])('refuses %j with 400 TABOUR_ERR_VALIDATION naming the field', async (config, field) => {
    center = await TestCenter.start()
    const res = await create(config)
    expectError(res, 400, 'TABOUR_ERR_VALIDATION')
    expect(res.json().message).toContain(`config${field}`)
  })

  it('checks a PATCHed config too, and leaves kiosk configs to the kiosk schema', async () => {
    center = await TestCenter.start()
    const display = (await create({})).json()
    const admin = await center.admin()
    expectError(
      await center.request('PATCH', `/api/v1/devices/${display.id}`, { token: admin, body: { config: { chime: 'loud' } } }),
      400,
      'TABOUR_ERR_VALIDATION',
    )
    const ok = await center.request('PATCH', `/api/v1/devices/${display.id}`, { token: admin, body: { config: { chime: false } } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().config).toEqual({ chime: false })
    // a display key is not a kiosk key
    expectError(await create({ recentCalls: 3 }, 'kiosk'), 400, 'TABOUR_ERR_VALIDATION')
  })
})

describe('GET/PUT /api/v1/center/news', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('is empty at first; a manager sets it (whitespace folded); staff and displays read it', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const first = await center.request('GET', NEWS, { token: callers.display })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({ ar: '', en: '', updatedAt: null })

    const put = await center.request('PUT', NEWS, {
      token: callers.manager,
      body: { ar: '  مواعيد العمل\nمن ٩ صباحًا  ', en: 'Open from 9 am', extra: 1 },
    })
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json()).toMatchObject({ ar: 'مواعيد العمل من ٩ صباحًا', en: 'Open from 9 am' })
    expect(Date.parse(put.json().updatedAt)).not.toBeNaN()
    for (const who of ['admin', 'manager', 'clerk', 'display'] as const) {
      const res = await center.request('GET', NEWS, { token: callers[who] })
      expect(res.statusCode, who).toBe(200)
      expect(res.json()).toEqual(put.json())
    }
    // empty strings clear it
    expect((await center.request('PUT', NEWS, { token: callers.admin, body: { ar: '', en: '' } })).json()).toMatchObject({ ar: '', en: '' })
  })

  it('refuses strangers (401), other callers (403) and bad bodies (4xx with a code)', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const body = { ar: 'خبر', en: 'News' }
    await expectAuthRequired(center, { method: 'GET', url: NEWS })
    await expectAuthRequired(center, { method: 'PUT', url: NEWS, body })
    await expectForbidden(center, callers, ['kiosk', 'printer', 'board', 'keypad'], { method: 'GET', url: NEWS })
    await expectForbidden(center, callers, ['clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], { method: 'PUT', url: NEWS, body })
    for (const bad of [{ ar: 'خبر' }, { ar: 1, en: 'x' }, { ar: 'x'.repeat(501), en: '' }, [], null]) {
      expectError(await center.request('PUT', NEWS, { token: callers.manager, body: bad }), 400, 'TABOUR_ERR_VALIDATION')
    }
    await expectMalformedBodiesRefused(center, callers.manager, 'PUT', NEWS, body)
    expect((await center.request('GET', NEWS, { token: callers.admin })).json()).toEqual({ ar: '', en: '', updatedAt: null })
  })
})

describe('the news line over socket.io', () => {
  const listening = useListeningCenter()

  it('is pushed as center:updated to staff and zoned displays, and is in the snapshot', async () => {
    const { center, url } = await listening.start()
    const display = await center.createDevice('display', 'ground')
    const manager = await center.createUser('mgr', 'manager')
    const tv = await listening.clients.connect(url, display.token)
    const staff = await listening.clients.connect(url, manager.token)
    const onTv = waitForEvent(tv, 'center:updated')
    const onStaff = waitForEvent(staff, 'center:updated')
    const res = await center.request('PUT', NEWS, { token: manager.token, body: { ar: 'أهلًا بكم', en: 'Welcome' } })
    expect(res.statusCode).toBe(200)
    expect((await onTv).news).toMatchObject({ ar: 'أهلًا بكم', en: 'Welcome' })
    expect((await onStaff).news).toEqual(res.json())
    expect((await snapshotOf(tv)).news).toEqual(res.json())
  })
})

describe('GET /api/v1/media and /media/<name>', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

  it('lists the plain image and video files by name and serves them; nothing else', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    // no folder yet: an empty list
    expect((await center.request('GET', MEDIA, { token: callers.display })).json()).toEqual([])

    const dir = join(center.dataDir, 'media')
    mkdirSync(join(dir, 'sub'), { recursive: true })
    writeFileSync(join(dir, '02-hall.png'), PNG)
    writeFileSync(join(dir, '01-welcome.JPG'), 'jpeg bytes')
    writeFileSync(join(dir, 'clip.mp4'), 'mp4 bytes')
    writeFileSync(join(dir, '.hidden.png'), PNG)
    writeFileSync(join(dir, 'notes.txt'), 'secret')
    writeFileSync(join(dir, 'page.svg'), '<svg onload="alert(1)"/>')
    writeFileSync(join(dir, 'sub', 'deep.png'), PNG)
    writeFileSync(join(center.dataDir, 'outside.png'), PNG)
    symlinkSync(join(center.dataDir, 'tabour.sqlite'), join(dir, 'db.png'))

    const list = await center.request('GET', MEDIA, { token: callers.display })
    expect(list.statusCode).toBe(200)
    expect(list.json()).toEqual([
      { name: '01-welcome.JPG', kind: 'image', url: '/media/01-welcome.JPG', size: 10 },
      { name: '02-hall.png', kind: 'image', url: '/media/02-hall.png', size: PNG.length },
      { name: 'clip.mp4', kind: 'video', url: '/media/clip.mp4', size: 9 },
    ])
    expect((await center.request('GET', MEDIA, { token: callers.manager })).statusCode).toBe(200)

    const png = await center.request('GET', '/media/02-hall.png')
    expect(png.statusCode).toBe(200)
    expect(png.headers['content-type']).toBe('image/png')
    expect(png.headers['x-content-type-options']).toBe('nosniff')
    expect(png.rawPayload.equals(PNG)).toBe(true)
    expect((await center.request('GET', '/media/clip.mp4')).headers['content-type']).toBe('video/mp4')

    // outside the folder, hidden, unknown types, sub-folders and symlinks are all 404
    for (const path of [
      '/media/..%2Foutside.png',
      '/media/%2E%2E%2Foutside.png',
      '/media/../outside.png',
      '/media/..%5Coutside.png',
      '/media/sub%2Fdeep.png',
      '/media/sub/deep.png',
      '/media/.hidden.png',
      '/media/notes.txt',
      '/media/page.svg',
      '/media/db.png',
      '/media/missing.png',
      '/media/%00.png',
    ]) {
      const res = await center.request('GET', path)
      expect(res.statusCode, path).toBe(404)
      expect(res.body).not.toContain('secret')
    }
    expectError(await center.request('GET', '/media/notes.txt'), 404, 'TABOUR_ERR_MEDIA_NOT_FOUND')
  })

  it('the list is for displays and staff only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    await expectAuthRequired(center, { method: 'GET', url: MEDIA })
    await expectForbidden(center, callers, ['kiosk', 'printer', 'board', 'keypad'], { method: 'GET', url: MEDIA })
  })
})
