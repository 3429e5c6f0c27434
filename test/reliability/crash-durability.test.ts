import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ChildServer, CHILD_ADMIN_PASSWORD, killAllChildren, sleep } from '../helpers/child-server.ts'
import { createDevice, createService, expectHttp, http, loginAs, mapLimit, slowPost } from '../helpers/http.ts'
import { runUntilKilled } from '../helpers/load.ts'

interface Acked {
  id: string
  label: string
}

const numberOf = (label: string) => Number(label.split('-').at(-1))

/**
 * Keeps `workers` issue requests in flight against the server, SIGKILLs it once `killAfter`
 * tickets were acknowledged (plus a random few ms, so the kill lands anywhere in a request's
 * life), and returns every ticket that got its 201 and how many requests the kill cut off.
 * One upload whose body never completes is in flight whatever the timing.
 */
async function issueUntilKilled(server: ChildServer, token: string, serviceId: number, killAfter: number, workers = 12) {
  const upload = slowPost(server.baseUrl, '/api/v1/tickets', token, { serviceId })
  const acked: Acked[] = []
  let onEnough!: () => void
  const enough = new Promise<void>((resolve) => (onEnough = resolve))
  const { cutOff, exit } = await runUntilKilled(server, {
    workers,
    killWhen: enough.then(() => sleep(Math.floor(Math.random() * 15))),
    step: async () => {
      const res = await http(server.baseUrl, 'POST', '/api/v1/tickets', { token, body: { serviceId } })
      // a 201 read after the kill still counts: the server only answers after the commit
      if (res.status !== 201) throw new Error(`issue answered ${res.status} ${JSON.stringify(res.body)}`)
      acked.push({ id: res.body.id, label: res.body.label })
      if (acked.length >= killAfter) onEnough()
    },
  })
  const uploadOutcome = await upload.response.then(
    (res) => `answered ${res.status}`,
    (err: Error & { code?: string }) => err.code ?? err.message,
  )
  return { acked, cutOff, exit, uploadOutcome }
}

const START_MS = 45_000

describe('crash durability: kill -9 under load loses no acknowledged ticket', () => {
  let dataDir: string | undefined
  afterEach(async () => {
    await killAllChildren()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = undefined
  })

  // four server starts (the first and three restarts after SIGKILL), each given 45 s to answer /healthz: under the
  // full suite on two cores a start passed the 20 s default now and then ("server not ready"), which says nothing of durability
  it('3 rounds of SIGKILL while issuing, restart on the same data dir', { timeout: 240_000 }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-crash-'))
    const file = join(dataDir, 'tabour.sqlite')
    let server = await ChildServer.start({ dataDir }, START_MS)
    const admin = await loginAs(server.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    const service = await createService(server.baseUrl, admin, 'A')
    const kiosk = await createDevice(server.baseUrl, admin, 'kiosk', 'kiosk 1')

    const allAcked: Acked[] = []
    for (let round = 1; round <= 3; round++) {
      const { acked, cutOff, exit, uploadOutcome } = await issueUntilKilled(server, kiosk.token, service.id, 40 + 20 * round)
      expect(exit, server.output).toEqual({ code: null, signal: 'SIGKILL' })
      // the kill cut requests off mid-flight: the half-sent upload surely, and usually some of the burst
      expect(uploadOutcome, `the half-sent upload (and ${cutOff} of the burst) should have been cut off`).toBe('ECONNRESET')
      expect(acked.length).toBeGreaterThanOrEqual(40 + 20 * round)
      allAcked.push(...acked)

      // restart on the same data dir; the same tokens still work (they are in the database)
      server = await ChildServer.start({ dataDir }, START_MS)
      const context = `round ${round}; server output:\n${server.output}`

      // every acknowledged ticket, from this round and earlier ones, is there with its label
      const seen = await mapLimit(allAcked, 16, (t) => http(server.baseUrl, 'GET', `/api/v1/tickets/${t.id}`))
      seen.forEach((res, i) => {
        expect(res.status, `${allAcked[i].label} (${allAcked[i].id}) lost; ${context}`).toBe(200)
        expect(res.body.label).toBe(allAcked[i].label)
      })
      expect(new Set(allAcked.map((t) => t.label)).size, 'a label was acknowledged twice').toBe(allAcked.length)

      // read-only look at the file while the restarted server runs: intact, numbers 1..M without gap or duplicate
      const ro = new Database(file, { readonly: true, fileMustExist: true })
      let max: number
      try {
        expect(ro.pragma('integrity_check', { simple: true }), context).toBe('ok')
        const rows = ro.prepare('SELECT number, label FROM tickets WHERE service_id = ? ORDER BY number').all(service.id) as {
          number: number
          label: string
        }[]
        max = rows.length
        expect(rows.map((r) => r.number)).toEqual(Array.from({ length: max }, (_, i) => i + 1))
        expect(new Set(rows.map((r) => r.label)).size).toBe(max)
        const sequence = ro.prepare('SELECT MAX(last_number) AS last FROM ticket_sequences WHERE service_id = ?').get(service.id) as {
          last: number
        }
        expect(sequence.last).toBe(max)
        // events and tickets were committed together
        expect(ro.prepare(`SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.issued'`).get()).toEqual({ n: max })
      } finally {
        ro.close()
      }
      expect(max).toBeGreaterThanOrEqual(Math.max(...allAcked.map((t) => numberOf(t.label))))

      // the next ticket continues the numbering: never a number handed out before the crash
      const next = await expectHttp(201, server.baseUrl, 'POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })
      expect(numberOf(next.label)).toBe(max + 1)
      allAcked.push({ id: next.id, label: next.label })
    }

    // a clean stop, then the file opened normally is still intact and holds everything acknowledged
    const exit = await server.kill('SIGTERM')
    expect(exit, server.output).toEqual({ code: 0, signal: null })
    const db = new Database(file, { fileMustExist: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const ids = new Set((db.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id))
      for (const t of allAcked) expect(ids.has(t.id), `${t.label} missing after the clean stop`).toBe(true)
    } finally {
      db.close()
    }
  })
})
