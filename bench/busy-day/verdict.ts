import Database from 'better-sqlite3'

/**
 * The busy day checked from the database it left: every acknowledged ticket there with its label,
 * numbers contiguous per service and day, no label twice, every ticket in a final state and ended
 * once, and the counts of ticket events (for the entry to hold against what the simulation did).
 */

export interface Verdict {
  rows: number
  missing: number
  labelMismatch: number
  nonContiguous: number
  duplicateLabels: number
  notFinal: number
  statuses: Record<string, number>
  events: Record<string, number>
  multipleEndings: number
}

export function verify(file: string, acked: Map<string, string>): Verdict {
  const db = new Database(file, { readonly: true })
  try {
    const labels = new Map(
      (db.prepare('SELECT id, label FROM tickets').all() as { id: string; label: string }[]).map((r) => [r.id, r.label]),
    )
    let missing = 0
    let labelMismatch = 0
    for (const [id, label] of acked) {
      const got = labels.get(id)
      if (got === undefined) missing++
      else if (got !== label) labelMismatch++
    }
    const groups = db
      .prepare(
        'SELECT count(*) AS n, count(DISTINCT number) AS d, min(number) AS lo, max(number) AS hi FROM tickets GROUP BY issued_service_id, day',
      )
      .all() as { n: number; d: number; lo: number; hi: number }[]
    const nonContiguous = groups.filter((g) => g.n !== g.d || g.lo !== 1 || g.hi !== g.n).length
    const dup = db.prepare('SELECT count(*) - count(DISTINCT day || label) AS n FROM tickets').get() as { n: number }
    const statuses = Object.fromEntries(
      (db.prepare('SELECT status, count(*) AS n FROM tickets GROUP BY status').all() as { status: string; n: number }[]).map((r) => [
        r.status,
        r.n,
      ]),
    )
    const notFinal = (statuses.waiting ?? 0) + (statuses.called ?? 0) + (statuses.serving ?? 0)
    const events = Object.fromEntries(
      (
        db.prepare("SELECT type, count(*) AS n FROM events WHERE type LIKE 'ticket.%' GROUP BY type").all() as { type: string; n: number }[]
      ).map((r) => [r.type, r.n]),
    )
    const multi = db
      .prepare(
        "SELECT count(*) AS n FROM (SELECT ticket_id FROM events WHERE type IN ('ticket.finished', 'ticket.no_show', 'ticket.cancelled') GROUP BY ticket_id HAVING count(*) > 1)",
      )
      .get() as { n: number }
    return {
      rows: labels.size,
      missing,
      labelMismatch,
      nonContiguous,
      duplicateLabels: dup.n,
      notFinal,
      statuses,
      events,
      multipleEndings: multi.n,
    }
  } finally {
    db.close()
  }
}

/** Whether the day passed: the database holds all `expected` tickets as acknowledged, and no request failed. */
export const dayIsOk = (verdict: Verdict, expected: number, errors: number): boolean =>
  verdict.rows === expected &&
  verdict.missing === 0 &&
  verdict.labelMismatch === 0 &&
  verdict.nonContiguous === 0 &&
  verdict.duplicateLabels === 0 &&
  verdict.notFinal === 0 &&
  verdict.multipleEndings === 0 &&
  errors === 0
