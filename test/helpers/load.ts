import type { ChildExit, ChildServer } from './child-server.ts'
import { http } from './http.ts'

/**
 * Load for the reliability tests: a seeded random source (so a failing run can be replayed),
 * a clerk who works a counter through the real API, and the loop that keeps workers going
 * against a child server until it is SIGKILLed.
 */

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The seed in env `name` (to replay a run), or a fresh random one; print it with the test's output. */
export function seedFrom(name: string): number {
  const given = process.env[name]
  return given ? Number(given) >>> 0 : Math.floor(Math.random() * 2 ** 32)
}

/** An element of `items` picked with `random`. */
export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]

/** A state change the server acknowledged (answered 2xx): the event it must have logged. */
export interface AckedTransition {
  ticketId: string
  type: 'ticket.called' | 'ticket.recalled' | 'ticket.started' | 'ticket.finished' | 'ticket.no_show' | 'ticket.transferred'
  counterId: number
}

/** A clerk at an open counter, and what the counter holds as the server's answers said. */
export interface Clerk {
  counterId: number
  token: string
  current: { id: string; status: 'called' | 'serving' } | null
}

export interface ClerkWorld {
  base: string
  random: () => number
  /** Services a ticket may be transferred to. */
  serviceIds: readonly number[]
  /** Counters a ticket may be transferred to (the clerk's own is skipped). */
  counterIds: readonly number[]
  /** Told of every acknowledged transition. */
  acked: (t: AckedTransition) => void
}

/**
 * One thing a clerk does, as at a real counter: an idle counter calls next; a called ticket is
 * recalled (10%), marked no-show (15%) or started; a served one is transferred to another
 * service (10%) or counter (5%), else finished. Throws on any answer but 200. Returns false
 * when the counter was idle and nobody waited.
 */
export async function clerkStep(world: ClerkWorld, clerk: Clerk): Promise<boolean> {
  const { random } = world
  const act = async (path: string, type: AckedTransition['type'], body?: unknown) => {
    const res = await http(world.base, 'POST', `/api/v1/counters/${clerk.counterId}/${path}`, { token: clerk.token, body })
    if (res.status !== 200) throw new Error(`counter ${clerk.counterId} ${path}: ${res.status} ${JSON.stringify(res.body)}`)
    const ticket = res.body.ticket as { id: string; status: string } | null
    if (ticket) world.acked({ ticketId: ticket.id, type, counterId: clerk.counterId })
    return ticket
  }
  const current = clerk.current
  if (!current) {
    const ticket = await act('call-next', 'ticket.called')
    clerk.current = ticket && { id: ticket.id, status: 'called' }
    return ticket !== null
  }
  const r = random()
  if (current.status === 'called') {
    if (r < 0.1) await act('recall', 'ticket.recalled')
    else if (r < 0.25) {
      await act('no-show', 'ticket.no_show')
      clerk.current = null
    } else {
      await act('start', 'ticket.started')
      current.status = 'serving'
    }
    return true
  }
  const otherCounters = world.counterIds.filter((id) => id !== clerk.counterId)
  if (r < 0.1) await act('transfer', 'ticket.transferred', { serviceId: pick(random, world.serviceIds) })
  else if (r < 0.15 && otherCounters.length > 0) await act('transfer', 'ticket.transferred', { counterId: pick(random, otherCounters) })
  else await act('finish', 'ticket.finished')
  clerk.current = null
  return true
}

export interface KilledRun {
  /** Steps the kill cut off (their request never got an answer). */
  cutOff: number
  exit: ChildExit
}

/**
 * Keeps `workers` loops of `step` running against the child server, SIGKILLs it once
 * `killWhen` resolves (at once if a step fails before that, and then rethrows the failure), and
 * waits for every loop to stop. A step that completes after the kill still counts as answered
 * (the server only answers after its commit); one that throws after the kill was cut off.
 */
export async function runUntilKilled(
  server: ChildServer,
  options: { workers: number; step: (worker: number) => Promise<void>; killWhen: Promise<unknown> },
): Promise<KilledRun> {
  let killed = false
  let cutOff = 0
  let fail!: () => void
  const failed = new Promise<void>((resolve) => (fail = resolve))
  const loop = async (worker: number) => {
    while (!killed) {
      try {
        await options.step(worker)
      } catch (err) {
        if (!killed) {
          fail() // stop the round: kill now and let the failure surface
          throw err
        }
        cutOff++
      }
    }
  }
  const running = Array.from({ length: options.workers }, (_, i) => loop(i))
  await Promise.race([options.killWhen, failed])
  killed = true
  server.process.kill('SIGKILL')
  const exit = await server.exited
  const failure = (await Promise.allSettled(running)).find((r) => r.status === 'rejected')
  if (failure) throw (failure as PromiseRejectedResult).reason
  return { cutOff, exit }
}
