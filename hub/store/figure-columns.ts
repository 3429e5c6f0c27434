/** The summed figure columns of an hourly row (hub_figures), in the order ingest writes them; `wait_max` is a maximum, not a sum. */
export const FIGURE_COLUMNS = [
  'issued',
  'called',
  'served',
  'no_show',
  'cancelled',
  'transferred_in',
  'transferred_out',
  'wait_sum',
  'wait_count',
  'wait_max',
  'wait_within_target',
  'wait_missed_uncalled',
  'waiting_past_target',
  'service_sum',
  'service_count',
  'counter_open_minutes',
  'open_minutes',
  'rating_count',
  'rating_score_sum',
  'rating_low',
  'parked',
  'park_resumed',
  'park_abandoned',
  'appointments_booked',
  'appointments_cancelled',
  'appointments_checked_in',
  'appointment_no_shows',
  'appointment_calls',
  'appointment_wait_sum',
  'remote_joins',
  'remote_calls',
  'remote_wait_sum',
  'step_calls',
  'step_wait_sum',
] as const

/** The figure columns a later hub migration added, by the migration that added them. */
const ADDED_BY: Partial<Record<(typeof FIGURE_COLUMNS)[number], number>> = { waiting_past_target: 20 }

/**
 * The figure columns hub_figures had when migration `version` ran: the earlier migrations build
 * their rollups from the hourly rows as they were then (a fresh database runs them all in order,
 * before the later columns exist).
 */
export const figureColumnsAt = (version: number): readonly (typeof FIGURE_COLUMNS)[number][] =>
  FIGURE_COLUMNS.filter((c) => (ADDED_BY[c] ?? 0) <= version)

/** The figure columns hub migration `version` adds (to the hourly rows and every rollup): ADDED_BY is their one list. */
export const figureColumnsAddedBy = (version: number): readonly (typeof FIGURE_COLUMNS)[number][] =>
  FIGURE_COLUMNS.filter((c) => ADDED_BY[c] === version)
