/**
 * Why a clerk paused a counter, as a stable code: stored and logged as the code, shown in the
 * viewer's language (`pause.<code>` in the console's messages). It used to be the clerk's own
 * label («صلاة» or "Prayer"), so the event log and reports mixed languages; center migration 26
 * maps the labels already stored to these codes.
 */
import { literalUnion } from './common.ts'

/** The reasons a console offers, in its order. */
export const PAUSE_REASONS = ['break', 'prayer', 'technical', 'other'] as const
export const PauseReason = literalUnion(PAUSE_REASONS)
export type PauseReason = (typeof PAUSE_REASONS)[number]

/** Whether a stored reason is one of the codes (a row paused before migration 26 may hold other text). */
export const isPauseReason = (value: unknown): value is PauseReason => PAUSE_REASONS.includes(value as PauseReason)
