import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ChildServer, CHILD_ADMIN_PASSWORD, killAllChildren, noonTimeZone, sleep } from '../helpers/child-server.ts'
import { http, loginAs } from '../helpers/http.ts'
import { pick, runUntilKilled, seededRandom, seedFrom } from '../helpers/load.ts'

/**
 * kill -9 while configuration changes stream in: a change and its `config.changed` audit row are
 * one transaction, so after any crash every changed entity has its audit row and every audit row
 * its change (neither or both). A hook that audited after the response would leave changes
 * without a row when the kill lands between the commit and the hook.
 */

/** A three-letter service prefix per number (AAA, AAB, …): prefixes are letters only. */
const prefixOf = (n: number) => [676, 26, 1].map((d) => String.fromCharCode(65 + (Math.floor(n / d) % 26))).join('')

interface AuditRow {
  id: number
  command: string
  params: { id?: number }
  body: Record<string, unknown>
}

/** The audit log as commands, whichever way a row was written (rows from before commands carried method and route). */
function auditRows(db: Database.Database): AuditRow[] {
  const legacy: Record<string, string> = {
    'POST /services': 'service.create',
    'PATCH /services/:id': 'service.update',
    'POST /users': 'user.create',
    'PUT /center/news': 'news.set',
  }
  return (db.prepare("SELECT id, data FROM events WHERE type = 'config.changed' ORDER BY id").all() as { id: number; data: string }[]).map(
    (r) => {
      const d = JSON.parse(r.data)
      return { id: r.id, command: d.command ?? legacy[`${d.method} ${d.route}`] ?? '', params: d.params ?? {}, body: d.body ?? {} }
    },
  )
}

/** Neither or both: the state of the database file and its audit log tell the same story. */
function expectAuditMatchesState(file: string, context: string): number {
  const db = new Database(file, { readonly: true })
  try {
    const audit = auditRows(db)
    const of = (command: string) => audit.filter((a) => a.command === command)

    const prefixes = (db.prepare('SELECT prefix FROM services').all() as { prefix: string }[]).map((s) => s.prefix).sort()
    expect(
      of('service.create')
        .map((a) => a.body.prefix)
        .sort(),
      `services vs their audit rows; ${context}`,
    ).toEqual(prefixes)

    for (const s of db.prepare('SELECT id, name_en AS nameEn FROM services').all() as { id: number; nameEn: string }[]) {
      const last = of('service.update')
        .filter((a) => a.params.id === s.id)
        .at(-1)
      // every rename is a unique marker: the service shows the last audited one, or its first name when none was audited
      expect(last?.body.nameEn ?? 'first', `service ${s.id}'s name vs its last audit row; ${context}`).toBe(s.nameEn)
    }

    const usernames = (db.prepare("SELECT username FROM users WHERE username <> 'admin'").all() as { username: string }[])
      .map((u) => u.username)
      .sort()
    expect(
      of('user.create')
        .map((a) => a.body.username)
        .sort(),
      `users vs their audit rows; ${context}`,
    ).toEqual(usernames)

    const news = db.prepare("SELECT value FROM center_settings WHERE key = 'news'").get() as { value: string } | undefined
    expect(of('news.set').at(-1)?.body.en ?? null, `the news line vs its last audit row; ${context}`).toBe(
      news ? JSON.parse(news.value).en : null,
    )
    return audit.length
  } finally {
    db.close()
  }
}

describe('crash: configuration changes and their audit rows survive kill -9 together', () => {
  let dataDir: string | undefined
  afterEach(async () => {
    await killAllChildren()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = undefined
  })

  it('3 rounds of SIGKILL at a random moment of a stream of changes; after each restart, neither or both', {
    timeout: 60_000,
  }, async () => {
    const seed = seedFrom('TABOUR_CRASH_SEED')
    const random = seededRandom(seed)
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-crash-config-'))
    const file = join(dataDir, 'tabour.sqlite')
    const env = { TABOUR_DEMO: '0', TABOUR_TIME_ZONE: noonTimeZone() }
    let server = await ChildServer.start({ dataDir, env })
    const admin = await loginAs(server.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    let next = 0
    const serviceIds: number[] = []
    let audited = 0

    for (let round = 1; round <= 3; round++) {
      const base = server.baseUrl
      const change = async () => {
        const n = next++
        const r = random()
        if (r < 0.35 || serviceIds.length === 0) {
          const res = await http(base, 'POST', '/api/v1/services', {
            token: admin,
            body: { prefix: prefixOf(n), nameAr: 'خدمة', nameEn: 'first', targetWaitSeconds: 600 },
          })
          if (res.status !== 201) throw new Error(`service: ${res.status} ${JSON.stringify(res.body)}`)
          serviceIds.push(res.body.id)
        } else if (r < 0.7) {
          const res = await http(base, 'PATCH', `/api/v1/services/${pick(random, serviceIds)}`, {
            token: admin,
            body: { nameEn: `renamed ${n}` },
          })
          if (res.status !== 200) throw new Error(`rename: ${res.status} ${JSON.stringify(res.body)}`)
        } else if (r < 0.85) {
          const res = await http(base, 'POST', '/api/v1/users', {
            token: admin,
            body: { username: `clerk${n}`, password: 'a-long-password', role: 'clerk' },
          })
          if (res.status !== 201) throw new Error(`user: ${res.status} ${JSON.stringify(res.body)}`)
        } else {
          const res = await http(base, 'PUT', '/api/v1/center/news', { token: admin, body: { ar: `خبر ${n}`, en: `news ${n}` } })
          if (res.status !== 200) throw new Error(`news: ${res.status} ${JSON.stringify(res.body)}`)
        }
      }
      // killed at a random moment after the round's first acknowledged change (a fixed 200–800 ms
      // from the start fell before any change on a loaded box, where hashing a clerk's password
      // alone can take that long): then a round without a change in the database has lost one
      let acknowledged!: () => void
      const firstChange = new Promise<void>((resolve) => (acknowledged = resolve))
      const step = async () => {
        await change()
        acknowledged()
      }
      const { exit } = await runUntilKilled(server, { workers: 6, step, killWhen: firstChange.then(() => sleep(random() * 600)) })
      expect(exit, server.output).toEqual({ code: null, signal: 'SIGKILL' })

      server = await ChildServer.start({ dataDir, env })
      const count = expectAuditMatchesState(file, `round ${round}, seed ${seed} (TABOUR_CRASH_SEED replays it)`)
      expect(count, 'the round made changes').toBeGreaterThan(audited)
      audited = count
    }
  })
})
