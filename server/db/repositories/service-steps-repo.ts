import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'

/** The routes of steps (table service_steps, migration 19) and the step each ticket is at (tickets.step). */
export class ServiceStepsRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  /** The services of a route after its first, in order; [] when the service has no route. */
  route(serviceId: number): number[] {
    return (
      this.sql('SELECT step_service_id AS id FROM service_steps WHERE service_id = ? ORDER BY position').all(serviceId) as { id: number }[]
    ).map((r) => r.id)
  }

  /** Every route, by the service it starts at. */
  routes(): Map<number, number[]> {
    const rows = this.sql(
      'SELECT service_id AS serviceId, step_service_id AS id FROM service_steps ORDER BY service_id, position',
    ).all() as {
      serviceId: number
      id: number
    }[]
    const out = new Map<number, number[]>()
    for (const r of rows) out.set(r.serviceId, [...(out.get(r.serviceId) ?? []), r.id])
    return out
  }

  /** Replaces a service's route (call inside the change's transaction). */
  replace(serviceId: number, steps: readonly number[]): void {
    this.sql('DELETE FROM service_steps WHERE service_id = ?').run(serviceId)
    const insert = this.sql('INSERT INTO service_steps (service_id, position, step_service_id) VALUES (?, ?, ?)')
    steps.forEach((id, i) => insert.run(serviceId, i + 1, id))
  }

  /** The step a ticket is at (0: the service it was issued for). */
  stepOf(ticketId: string): number {
    return (this.sql('SELECT step FROM tickets WHERE id = ?').get(ticketId) as { step: number } | undefined)?.step ?? 0
  }

  setStep(ticketId: string, step: number): void {
    this.sql('UPDATE tickets SET step = ? WHERE id = ?').run(step, ticketId)
  }
}
