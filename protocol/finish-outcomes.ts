import { Type, type Static } from '@sinclair/typebox'
import { literalUnion, Nullable } from './common.ts'
import { FinishOutcome } from './entities.ts'

/**
 * A center's finish outcomes when its configuration names none (config queue.finishOutcomes'
 * default). Kept here, not in server/config.ts, because the hub's bundle form starts a first
 * bundle from them: a bundle replaces a center's list whole, so the form must know what it replaces.
 */
export const DEFAULT_FINISH_OUTCOMES: readonly { code: string; nameAr: string; nameEn: string }[] = [
  { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' },
  { code: 'referred', nameAr: 'أُحيل إلى جهة أخرى', nameEn: 'Referred elsewhere' },
  { code: 'incomplete_papers', nameAr: 'أوراق غير مكتملة', nameEn: 'Incomplete papers' },
  { code: 'other', nameAr: 'أخرى', nameEn: 'Other' },
]

/** How many outcomes a center may list (as many as a hub bundle may carry: protocol/config-bundle.ts). */
/**
 * The default outcome's code: the list's first (the center keeps the one marked default first),
 * what the console's finish dialog picks already; '' for an empty list. A finish naming no
 * outcome records none, not this one.
 */
export const defaultOutcomeCode = (outcomes: readonly { code: string }[]): string => outcomes[0]?.code ?? ''

/**
 * Whether a finish reads as "served": `served` or the default outcome. A finish that named no
 * outcome (a keypad's Finish key, an API call without one) does not: nobody said the citizen was
 * served, and the reports count it as "No outcome recorded" (s51: its citizen's page and the
 * tools' badge said "Served" for it). The one rule for the citizen's page (endedWith) and the
 * staff ticket tools' badge.
 */
export const endsAsServed = (outcome: string | null, outcomes: readonly { code: string }[]): boolean =>
  outcome !== null && (outcome === 'served' || outcome === defaultOutcomeCode(outcomes))

export const MAX_FINISH_OUTCOMES = 20
/** An outcome's name is a button on the clerk's console: a few words, not a paragraph. */
export const MAX_OUTCOME_NAME = 60

const OutcomeName = Type.String({ minLength: 1, maxLength: MAX_OUTCOME_NAME })

/**
 * One outcome as a manager sends it (PUT /center/finish-outcomes): an existing outcome by its
 * code (renamed or moved, it keeps the code, so the reports keep counting it as one), a new one
 * without a code (the center gives it one no outcome of this center ever had).
 */
export const FinishOutcomeEdit = Type.Object(
  {
    code: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' })),
    nameAr: OutcomeName,
    nameEn: OutcomeName,
    /**
     * True on the one outcome the console's finish dialog picks already (at most
     * one). The center lists it first; the others keep the order sent. Absent on every outcome
     * (an older client): the first is the default, as before.
     */
    default: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type FinishOutcomeEdit = Static<typeof FinishOutcomeEdit>

/**
 * The whole list, in the console's order after the default: the outcome marked `default` goes
 * first, the others follow in the order sent (none marked: the first is the default).
 */
export const PutFinishOutcomesBody = Type.Object(
  { outcomes: Type.Array(FinishOutcomeEdit, { minItems: 1, maxItems: MAX_FINISH_OUTCOMES }) },
  { additionalProperties: false },
)
export type PutFinishOutcomesBody = Static<typeof PutFinishOutcomesBody>

/**
 * Where the running list comes from: `config` the config file (or the built-in default), `center`
 * what a manager saved here, `hub` the national hub's configuration bundle (then it is read-only).
 */
export const FinishOutcomesSource = literalUnion(['config', 'center', 'hub'])

export const FinishOutcomesReply = Type.Object({
  /** The list clerks pick from now; the first is the default. */
  outcomes: Type.Array(FinishOutcome),
  /** The default's code, said outright (always the first's): what the console's finish dialog picks already (a finish naming none records none). */
  defaultCode: Type.String(),
  source: FinishOutcomesSource,
  /** The version of the hub's bundle that sets the list (source `hub`), else null. */
  hubVersion: Nullable(Type.Integer()),
})
export type FinishOutcomesReply = Static<typeof FinishOutcomesReply>
