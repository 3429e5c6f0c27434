import { afterEach, describe, expect, it } from 'vitest'
import { generateKeyPairSync, sign } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TestCenter } from '../../helpers/test-center.ts'
import { minimalBundleDraft } from '../../helpers/bundle-draft.ts'
import { useListeningCenter, waitForEvent } from '../../helpers/socket-client.ts'

/**
 * GET/PUT /center/finish-outcomes: a manager sets what clerks finish a ticket with, without the
 * config file. The saved list wins over the config file's (and outlives a restart); a code keeps
 * its meaning (a rename keeps it, a new outcome never takes an old one's); a hub bundle, while it
 * runs, wins and the edit is refused with its own code.
 */

const URL_ = '/api/v1/center/finish-outcomes'
const CATALOGUE = { version: 'test', services: [{ code: 'PASSPORT', nameAr: 'جوازات', nameEn: 'Passports', groupAr: '', groupEn: '' }] }
const DEFAULT_CODES = ['served', 'referred', 'incomplete_papers', 'other']

let center: TestCenter
afterEach(async () => center?.close())

const put = async (token: string, outcomes: unknown) => center.request('PUT', URL_, { token, body: { outcomes } })
const current = async (token: string) => (await center.request('GET', URL_, { token })).json()

describe('finish outcomes a manager edits', () => {
  it('rename keeps the code, a new one gets a code from its English name, GET /center follows in order', async () => {
    center = await TestCenter.start()
    const manager = (await center.createUser('manager1', 'manager')).token
    const clerk = (await center.createUser('clerk1')).token
    expect(await current(manager)).toMatchObject({ source: 'config', hubVersion: null })
    const { outcomes } = await current(manager)
    expect(outcomes.map((o: { code: string }) => o.code)).toEqual(DEFAULT_CODES)

    const res = await put(manager, [
      { code: 'referred', nameAr: 'أُحيل إلى مكتب آخر', nameEn: 'Sent to another office' },
      { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' },
      { nameAr: ' أُرسل إلى البنك ', nameEn: 'Sent to the bank!' },
    ])
    expect(res.statusCode).toBe(200)
    const list = [
      { code: 'referred', nameAr: 'أُحيل إلى مكتب آخر', nameEn: 'Sent to another office' },
      { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' },
      { code: 'sent_to_the_bank', nameAr: 'أُرسل إلى البنك', nameEn: 'Sent to the bank!' },
    ]
    expect(res.json()).toEqual({ outcomes: list, defaultCode: 'referred', source: 'center', hubVersion: null })
    expect((await center.request('GET', '/api/v1/center', { token: clerk })).json().finishOutcomes).toEqual(list)
    // the default (the first) is what a finish without an outcome records, and the new code is accepted
    expect(center.app.tabour.config.queue.finishOutcomes[0]?.code).toBe('referred')
    // audited under its route
    const audit = (await center.request('GET', '/api/v1/settings/audit', { token: await center.admin() })).json()
    expect(audit[0]).toMatchObject({ method: 'PUT', route: '/center/finish-outcomes', body: { outcomes: list } })
  })

  it('the default is the outcome marked so, listed first, the others in the order sent; none marked: the first; two: refused', async () => {
    center = await TestCenter.start()
    const manager = (await center.createUser('manager1', 'manager')).token
    expect((await current(manager)).defaultCode).toBe('served')
    const [served, referred, papers, other] = (await current(manager)).outcomes
    // the admin moved "Other" to the top of the list but marked "Incomplete papers" the default
    const res = await put(manager, [other, served, referred, { ...papers, default: true }])
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().defaultCode).toBe('incomplete_papers')
    expect(res.json().outcomes.map((o: { code: string }) => o.code)).toEqual(['incomplete_papers', 'other', 'served', 'referred'])
    expect(center.app.tabour.config.queue.finishOutcomes[0]?.code).toBe('incomplete_papers')
    // the mark does not outlive the request: GET says the default by its code, the outcomes as ever
    expect(await current(manager)).toMatchObject({ defaultCode: 'incomplete_papers' })
    expect((await current(manager)).outcomes[0]).toEqual({ code: 'incomplete_papers', nameAr: papers.nameAr, nameEn: papers.nameEn })
    // an older client marks none: the first is the default, as before
    const plain = await put(manager, [referred, served])
    expect(plain.json()).toMatchObject({ defaultCode: 'referred', outcomes: [{ code: 'referred' }, { code: 'served' }] })
    // two marked: which one a clerk gets picked already must not be a tie-break; nothing applied
    const two = await put(manager, [
      { ...served, default: true },
      { ...referred, default: true },
    ])
    expect(two.statusCode).toBe(400)
    expect(two.json()).toMatchObject({ code: 'TABOUR_ERR_VALIDATION', field: 'outcomes/1/default', reason: 'duplicate' })
    expect((await current(manager)).defaultCode).toBe('referred')
  })

  it('never gives a removed outcome’s code to a new one: "Other" again is other_2, and the old code can come back as itself', async () => {
    center = await TestCenter.start()
    const manager = (await center.createUser('manager1', 'manager')).token
    // "other" and "incomplete_papers" dropped at the first save: the config file's codes are remembered
    expect((await put(manager, [{ code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' }])).statusCode).toBe(200)
    const res = await put(manager, [
      { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' },
      { nameAr: 'أخرى', nameEn: 'Other' },
      { code: 'incomplete_papers', nameAr: 'أوراق ناقصة', nameEn: 'Papers missing' },
    ])
    expect(res.statusCode).toBe(200)
    expect(res.json().outcomes.map((o: { code: string }) => o.code)).toEqual(['served', 'other_2', 'incomplete_papers'])
  })

  it('refuses bad lists with the field named: empty, duplicate code, unknown code, missing or blank or long or repeated name', async () => {
    center = await TestCenter.start()
    const manager = (await center.createUser('manager1', 'manager')).token
    const served = { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' }
    const cases: [unknown, string, string][] = [
      [[], 'outcomes', 'minLength'],
      [[served, { ...served, nameAr: 'أخرى', nameEn: 'Other' }], 'outcomes/1/code', 'duplicate'],
      [[served, { code: 'made_up', nameAr: 'أخرى', nameEn: 'Other' }], 'outcomes/1/code', 'unknown'],
      [[{ code: 'served', nameAr: 'تمت الخدمة' }], 'outcomes/0/nameEn', 'required'],
      [[{ ...served, nameAr: '   ' }], 'outcomes/0/nameAr', 'required'],
      [[{ ...served, nameEn: 'x'.repeat(61) }], 'outcomes/0/nameEn', 'maxLength'],
      [[served, { nameAr: 'أخرى', nameEn: 'served' }], 'outcomes/1/nameEn', 'duplicate'],
      [[{ ...served, code: 'Bad Code' }], 'outcomes/0/code', 'pattern'],
    ]
    for (const [outcomes, field, reason] of cases) {
      const res = await put(manager, outcomes)
      expect(res.statusCode, JSON.stringify(outcomes)).toBe(400)
      expect(res.json(), JSON.stringify(outcomes)).toMatchObject({ code: 'TABOUR_ERR_VALIDATION', field, reason })
    }
    // a direction control in a name the console shows
    const rlo = await put(manager, [{ ...served, nameAr: 'تمت\u202Eالخدمة' }])
    expect(rlo.json()).toMatchObject({ code: 'TABOUR_ERR_REORDERING_CONTROL', field: 'outcomes/0/nameAr' })
    // nothing of it applied
    expect((await current(manager)).outcomes.map((o: { code: string }) => o.code)).toEqual(DEFAULT_CODES)
    // clerks may not
    const clerk = (await center.createUser('clerk1')).token
    expect((await put(clerk, [served])).json()).toMatchObject({ code: 'TABOUR_ERR_FORBIDDEN' })
  })

  it('the saved list wins over the config file’s, also after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-outcomes-'))
    const fromFile = { queue: { finishOutcomes: [{ code: 'done', nameAr: 'تم', nameEn: 'Done' }] } }
    try {
      const first = new TestCenter({ config: { dataDir, ...fromFile } })
      await first.app.ready()
      const admin = await first.admin()
      const res = await first.request('PUT', URL_, {
        token: admin,
        body: {
          outcomes: [
            { code: 'done', nameAr: 'انتهت', nameEn: 'Finished' },
            { nameAr: 'مؤجل', nameEn: 'Postponed' },
          ],
        },
      })
      expect(res.statusCode).toBe(200)
      await first.app.close()
      center = new TestCenter({ config: { dataDir, ...fromFile } })
      await center.app.ready()
      expect(await current(await center.admin())).toEqual({
        outcomes: [
          { code: 'done', nameAr: 'انتهت', nameEn: 'Finished' },
          { code: 'postponed', nameAr: 'مؤجل', nameEn: 'Postponed' },
        ],
        defaultCode: 'done',
        source: 'center',
        hubVersion: null,
      })
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('while a hub bundle runs: its list wins, GET says so, PUT is refused with TABOUR_ERR_HUB_MANAGED', async () => {
    center = await TestCenter.start()
    const manager = (await center.createUser('manager1', 'manager')).token
    expect((await put(manager, [{ nameAr: 'مؤجل', nameEn: 'Postponed' }])).statusCode).toBe(200)
    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    const payload = JSON.stringify({ version: 3, issuedAt: 1, contents: { ...minimalBundleDraft(), nationalCatalogue: CATALOGUE } })
    const bundle = { version: 3, payload, signature: sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64') }
    const pinned = publicKey.export({ format: 'der', type: 'spki' }).toString('base64')
    expect(center.app.tabour.configBundles.receive(bundle, 3, pinned)).toEqual({ version: 3, outcome: 'applied' })

    const hubList = [{ code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' }]
    expect(await current(manager)).toEqual({ outcomes: hubList, defaultCode: 'served', source: 'hub', hubVersion: 3 })
    const res = await put(manager, [{ nameAr: 'مؤجل', nameEn: 'Postponed' }])
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('TABOUR_ERR_HUB_MANAGED')
    expect(center.app.tabour.config.queue.finishOutcomes).toEqual(hubList)
  })
})

describe('consoles follow a change without a reload', () => {
  const { clients, start } = useListeningCenter()

  it('the staff feed hears config:changed after a save', async () => {
    const listening = await start()
    center = listening.center
    const manager = (await center.createUser('manager1', 'manager')).token
    const clerk = (await center.createUser('clerk1')).token
    const { socket } = await clients.listen(listening.url, clerk)
    const heard = waitForEvent(socket, 'config:changed')
    expect((await put(manager, [{ nameAr: 'مؤجل', nameEn: 'Postponed' }])).statusCode).toBe(200)
    expect(await heard).toMatchObject({ deviceId: null })
  })
})
