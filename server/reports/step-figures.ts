import type { Db } from '../db/connection.ts'
import type { RouteFigures, StepFigure, StepFigures } from '../../protocol/visit-steps.ts'

/**
 * Figures of visits with several steps (issue 21, server/queue/visit-steps.ts), from the event
 * log, by the day each visit's ticket was issued. A visit counts once it has passed a step (a
 * `ticket.next_step`); it is completed when its last step is finished (`ticket.finished`).
 *
 * Waits per step: a call's step is one more than the `ticket.next_step` events before it, and a
 * step's wait is the `waitedSeconds` its first call recorded, which runs from the moment the
 * ticket joined that step's line (wait-facts.ts). The SLA is per step: each step's call within
 * its own service's target (`withinTarget`, as recorded at the call, the same figure the daily
 * reports' SLA counts). The whole visit's time (first issue → last finish) and its total wait
 * are given beside it, with the share of visits waiting no longer in all than the sum of their
 * steps' targets; that share is information, not the SLA.
 */
export function stepFigures(db: Db, from: string, to: string): StepFigures {
  const events = db
    .prepare(
      `SELECT e.ticket_id AS ticketId, e.type, e.at, e.service_id AS serviceId, e.data,
              t.issued_service_id AS routeId, t.issued_at AS issuedAt
       FROM events e JOIN tickets t ON t.id = e.ticket_id
       WHERE t.day BETWEEN ? AND ? AND e.type IN ('ticket.called', 'ticket.next_step', 'ticket.finished')
         AND EXISTS (SELECT 1 FROM events s WHERE s.ticket_id = t.id AND s.type = 'ticket.next_step')
       ORDER BY t.issued_service_id, e.ticket_id, e.id`,
    )
    .all(from, to) as {
    ticketId: string
    type: string
    at: number
    serviceId: number
    data: string | null
    routeId: number
    issuedAt: number
  }[]

  const visits = new Map<string, Visit>()
  for (const e of events) {
    let v = visits.get(e.ticketId)
    if (!v) {
      v = { routeId: e.routeId, issuedAt: e.issuedAt, step: 1, calls: new Map(), finishedAt: null }
      visits.set(e.ticketId, v)
    }
    const data = e.data ? (JSON.parse(e.data) as Record<string, unknown>) : {}
    if (e.type === 'ticket.next_step') v.step++
    else if (e.type === 'ticket.finished') v.finishedAt = e.at
    else if (!v.calls.has(v.step)) {
      const target = Number(data.targetWaitSeconds)
      v.calls.set(v.step, {
        serviceId: e.serviceId,
        waited: Number(data.waitedSeconds ?? 0),
        within: data.withinTarget === true,
        target: Number.isFinite(target) ? target : Number.POSITIVE_INFINITY,
      })
    }
  }

  const byRoute = new Map<number, Visit[]>()
  for (const v of visits.values()) byRoute.set(v.routeId, [...(byRoute.get(v.routeId) ?? []), v])
  return { from, to, routes: [...byRoute.entries()].sort(([a], [b]) => a - b).map(([routeId, vs]) => routeFigures(routeId, vs)) }
}

interface StepCall {
  serviceId: number
  waited: number
  within: boolean
  target: number
}

interface Visit {
  routeId: number
  issuedAt: number
  /** The step the replay is at (1-based). */
  step: number
  /** The first call of each step. */
  calls: Map<number, StepCall>
  finishedAt: number | null
}

function routeFigures(serviceId: number, visits: Visit[]): RouteFigures {
  const steps = new Map<string, { step: number; serviceId: number; calls: StepCall[] }>()
  for (const v of visits) {
    for (const [step, call] of v.calls) {
      const key = `${step}/${call.serviceId}`
      const s = steps.get(key) ?? { step, serviceId: call.serviceId, calls: [] }
      s.calls.push(call)
      steps.set(key, s)
    }
  }
  const completed = visits.filter((v) => v.finishedAt !== null)
  const visitSeconds = completed.map((v) => seconds(v.finishedAt! - v.issuedAt))
  const totalWaits = completed.map((v) => [...v.calls.values()].reduce((t, c) => t + c.waited, 0))
  const withinSum = completed.filter((v) => {
    const calls = [...v.calls.values()]
    return calls.reduce((t, c) => t + c.waited, 0) <= calls.reduce((t, c) => t + c.target, 0)
  }).length
  return {
    serviceId,
    visits: visits.length,
    completed: completed.length,
    steps: [...steps.values()].sort((a, b) => a.step - b.step || a.serviceId - b.serviceId).map(stepFigure),
    meanVisitSeconds: mean(visitSeconds),
    maxVisitSeconds: visitSeconds.length ? Math.max(...visitSeconds) : null,
    meanTotalWaitSeconds: mean(totalWaits),
    visitWithinTargetsPercent: completed.length ? round1((100 * withinSum) / completed.length) : null,
  }
}

function stepFigure(s: { step: number; serviceId: number; calls: StepCall[] }): StepFigure {
  const waits = s.calls.map((c) => c.waited)
  const within = s.calls.filter((c) => c.within).length
  return {
    step: s.step,
    serviceId: s.serviceId,
    calls: s.calls.length,
    meanWaitSeconds: mean(waits),
    maxWaitSeconds: waits.length ? Math.max(...waits) : null,
    withinTarget: within,
    withinTargetPercent: s.calls.length ? round1((100 * within) / s.calls.length) : null,
  }
}

const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null)
const round1 = (x: number) => Math.round(x * 10) / 10
const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000))
