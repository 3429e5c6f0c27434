import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ChildServer, CHILD_ADMIN_PASSWORD, killAllChildren, noonTimeZone, sleep } from '../helpers/child-server.ts'
import { createDevice, createService, expectHttp, http, loginAs, mapLimit } from '../helpers/http.ts'
import {
  clerkStep,
  pick,
  runUntilKilled,
  seededRandom,
  seedFrom,
  type AckedTransition,
  type Clerk,
  type ClerkWorld,
} from '../helpers/load.ts'
import { logViolations, readLog } from '../helpers/log-invariants.ts'
import { chooseNext } from '../../protocol/call-policy.ts'
import type { CallCandidate } from '../../server/queue/types.ts'

const ROUNDS = 20
const KIOSKS = 3
const CLERKS = 4
const POLICY = { policy: 'priority' as const, params: { maxPriorityInARow: 3, priorityAgingSeconds: 1800 } }

interface AckedTicket {
  id: string
  label: string
}

/** What the policy says `counterId` calls next, from the file as it is (waiting tickets it may call, its priority streak). */
function expectedNext(db: Database.Database, counterId: number): string | null {
  const candidates = (
    db
      .prepare(
        `SELECT t.id AS ticketId, t.service_id AS serviceId, t.priority, t.queued_at AS queuedAt, t.number,
                s.target_wait_seconds AS targetWaitSeconds, COALESCE(cs.weight, 1) AS weight, t.target_counter_id AS target
         FROM tickets t JOIN services s ON s.id = t.service_id
         LEFT JOIN counter_services cs ON cs.service_id = t.service_id AND cs.counter_id = @counterId
         WHERE t.status = 'waiting' AND (t.target_counter_id = @counterId OR (t.target_counter_id IS NULL AND cs.counter_id IS NOT NULL))`,
      )
      .all({ counterId }) as (Omit<CallCandidate, 'targetedHere'> & { target: number | null })[]
  ).map(({ target, ...c }) => ({ ...c, targetedHere: target === counterId }))
  const { streak } = db.prepare('SELECT priority_streak AS streak FROM counters WHERE id = ?').get(counterId) as { streak: number }
  return chooseNext(candidates, { now: Date.now(), ...POLICY, priorityStreak: streak })?.ticketId ?? null
}

/**
 * Twenty SIGKILLs of the real server under a mixed load on one data dir: kiosks issuing to three
 * services (some with priority), clerks calling, recalling, starting, finishing, marking no-show
 * and transferring, all at once. After each restart: every acknowledged ticket is there with its
 * label, every acknowledged transition is in the log, the log holds every invariant of
 * test/helpers/log-invariants.ts (numbers contiguous, never reused), the next call-next is the
 * one the priority policy names, and the file passes integrity_check. The kill moments (exactly)
 * and the clerks' choices (as far as timing allows) come from a printed seed: replay with
 * CRASH_SEED=<seed>.
 */
describe('crash under load: 20 × SIGKILL during a mixed load loses nothing acknowledged', () => {
  let dataDir: string | undefined
  afterEach(async () => {
    await killAllChildren()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = undefined
  })

  // ~1 min on a quiet 2-core box; the timeout allows for a box shared with other runs (restarts of 5–8 s)
  it(`${ROUNDS} rounds of kiosks and clerks at work, SIGKILL at a random moment, restart, check`, { timeout: 600_000 }, async () => {
    const began = Date.now()
    const seed = seedFrom('CRASH_SEED')
    console.log(`crash under load: seed ${seed} (replay with CRASH_SEED=${seed})`)
    // the kill moments from their own stream, so a replay kills at the same moments whatever the load's timing
    const killMoments = seededRandom(seed)
    const random = seededRandom(seed ^ 0x9e3779b9)
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-crash-load-'))
    const file = join(dataDir, 'tabour.sqlite')
    // a zone where it is noon: a run across the center's midnight would close the day mid-test
    // the load marks no-shows right after calls: this tests durability, not the minimum wait before a no-show
    const configFile = join(dataDir, 'config.json')
    writeFileSync(configFile, JSON.stringify({ queue: { minSecondsBeforeNoShow: 0 } }))
    const env = { TABOUR_CALL_POLICY: POLICY.policy, TABOUR_TIME_ZONE: noonTimeZone(), TABOUR_CONFIG: configFile }
    let server = await ChildServer.start({ dataDir, env })

    const admin = await loginAs(server.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    const serviceIds = [
      (await createService(server.baseUrl, admin, 'A')).id,
      (await createService(server.baseUrl, admin, 'B')).id,
      (await createService(server.baseUrl, admin, 'C')).id,
    ]
    const kiosks = await mapLimit(
      Array.from({ length: KIOSKS }, (_, i) => i + 1),
      2,
      (n) => createDevice(server.baseUrl, admin, 'kiosk', `kiosk ${n}`),
    )
    // counter n serves two of the three services, so lines overlap and transfers cross counters
    const clerks: Clerk[] = await mapLimit(
      Array.from({ length: CLERKS }, (_, i) => i + 1),
      2,
      async (n) => {
        const counter = await expectHttp(201, server.baseUrl, 'POST', '/api/v1/counters', {
          token: admin,
          body: { number: n, name: `Counter ${n}`, serviceIds: serviceIds.filter((_, s) => s !== n % 3) },
        })
        await expectHttp(201, server.baseUrl, 'POST', '/api/v1/users', {
          token: admin,
          body: { username: `clerk${n}`, password: 'clerk-password', role: 'clerk' },
        })
        const token = await loginAs(server.baseUrl, `clerk${n}`, 'clerk-password')
        await expectHttp(200, server.baseUrl, 'POST', `/api/v1/counters/${counter.id}/open`, { token })
        return { counterId: counter.id, token, current: null }
      },
    )

    const tickets: AckedTicket[] = []
    const transitions: AckedTransition[] = []
    const world: ClerkWorld = {
      base: server.baseUrl,
      random,
      serviceIds,
      counterIds: clerks.map((c) => c.counterId),
      acked: (t) => transitions.push(t),
    }
    let cutOffTotal = 0
    let policyChecks = 0
    const restartMs: number[] = []

    for (let round = 1; round <= ROUNDS; round++) {
      world.base = server.baseUrl
      const killAfterMs = 200 + Math.floor(killMoments() * 1300)
      const { cutOff, exit } = await runUntilKilled(server, {
        workers: KIOSKS + CLERKS,
        killWhen: sleep(killAfterMs),
        step: async (worker) => {
          if (worker < KIOSKS) {
            const body = { serviceId: pick(random, serviceIds), ...(random() < 0.2 ? { priority: 'elderly' } : {}) }
            const res = await http(server.baseUrl, 'POST', '/api/v1/tickets', { token: kiosks[worker].token, body })
            if (res.status !== 201) throw new Error(`issue answered ${res.status} ${JSON.stringify(res.body)}`)
            tickets.push({ id: res.body.id, label: res.body.label })
            await sleep(Math.floor(random() * 12)) // kiosks a little slower than the clerks, so the lines stay short
          } else if (!(await clerkStep(world, clerks[worker - KIOSKS]))) {
            await sleep(5)
          }
        },
      })
      expect(exit, server.output).toEqual({ code: null, signal: 'SIGKILL' })
      cutOffTotal += cutOff

      const restarting = Date.now()
      server = await ChildServer.start({ dataDir, env })
      restartMs.push(Date.now() - restarting)
      world.base = server.baseUrl
      const context = `round ${round}, seed ${seed}, kill after ${killAfterMs} ms; server output:\n${server.output}`

      // the file while the restarted server runs: intact, everything acknowledged in it, the log sound
      const ro = new Database(file, { readonly: true, fileMustExist: true })
      try {
        expect(ro.pragma('integrity_check', { simple: true }), context).toBe('ok')
        const labels = new Map((ro.prepare('SELECT id, label FROM tickets').all() as AckedTicket[]).map((t) => [t.id, t.label]))
        const lost = tickets.filter((t) => labels.get(t.id) !== t.label)
        expect(lost, `acknowledged tickets lost or relabelled; ${context}`).toEqual([])
        const logged = new Map<string, number>()
        for (const e of ro.prepare(`SELECT ticket_id AS t, type, counter_id AS c FROM events WHERE type LIKE 'ticket.%'`).all() as {
          t: string
          type: string
          c: number
        }[]) {
          logged.set(`${e.t} ${e.type} ${e.c}`, (logged.get(`${e.t} ${e.type} ${e.c}`) ?? 0) + 1)
        }
        const acked = new Map<string, number>()
        for (const t of transitions)
          acked.set(`${t.ticketId} ${t.type} ${t.counterId}`, (acked.get(`${t.ticketId} ${t.type} ${t.counterId}`) ?? 0) + 1)
        const rolledBack = [...acked].filter(([key, n]) => (logged.get(key) ?? 0) < n).map(([key]) => key)
        expect(rolledBack, `acknowledged transitions rolled back; ${context}`).toEqual([])
        expect(logViolations(readLog(ro)), context).toEqual([])
      } finally {
        ro.close()
      }

      // the clerks learn from the server what their counters hold now (an unanswered call may have committed)
      const counters = await expectHttp<{ id: number; state: string; currentTicketId: string | null }[]>(
        200,
        server.baseUrl,
        'GET',
        '/api/v1/counters',
        { token: admin },
      )
      for (const clerk of clerks) {
        const counter = counters.find((c) => c.id === clerk.counterId)!
        expect(counter.state, context).toBe('open')
        const current =
          counter.currentTicketId &&
          (await expectHttp<{ status: 'called' | 'serving' }>(200, server.baseUrl, 'GET', `/api/v1/tickets/${counter.currentTicketId}`))
        clerk.current = current ? { id: counter.currentTicketId!, status: current.status } : null
      }

      // the queue order survived: one counter, freed if busy, gets exactly the ticket the policy names
      const clerk = clerks[round % CLERKS]
      while (clerk.current) await clerkStep(world, clerk)
      const check = new Database(file, { readonly: true, fileMustExist: true })
      let expected: string | null
      try {
        expected = expectedNext(check, clerk.counterId)
      } finally {
        check.close()
      }
      const called = await expectHttp(200, server.baseUrl, 'POST', `/api/v1/counters/${clerk.counterId}/call-next`, { token: clerk.token })
      expect(called.ticket?.id ?? null, `call-next after the restart; ${context}`).toBe(expected)
      if (called.ticket) {
        transitions.push({ ticketId: called.ticket.id, type: 'ticket.called', counterId: clerk.counterId })
        clerk.current = { id: called.ticket.id, status: 'called' }
        policyChecks++
      }
    }

    // a clean stop; the file opened normally is intact and its log still sound
    expect(await server.kill('SIGTERM'), server.output).toEqual({ code: 0, signal: null })
    const db = new Database(file, { fileMustExist: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(logViolations(readLog(db))).toEqual([])
      const ids = new Set((db.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id))
      expect(tickets.filter((t) => !ids.has(t.id))).toEqual([])
    } finally {
      db.close()
    }
    expect(new Set(tickets.map((t) => t.id)).size).toBe(tickets.length)
    expect(policyChecks, 'call-next after a restart found nobody waiting every time').toBeGreaterThan(0)
    console.log(
      `crash under load: seed ${seed}; ${ROUNDS} rounds, ${ROUNDS} kills (SIGKILL), ${tickets.length} tickets and ${transitions.length} transitions acknowledged, ` +
        `${cutOffTotal} requests cut off, ${policyChecks} post-restart calls as the policy said, losses: 0, ${((Date.now() - began) / 1000).toFixed(1)} s ` +
        `(restarts ${Math.min(...restartMs)}–${Math.max(...restartMs)} ms)`,
    )
  })
})
