/**
 * The finish outcomes a manager edits in the dashboard (table finish_outcomes, migration 29).
 * Which list runs, later wins: the built-in default ← the config file's queue.finishOutcomes ←
 * the list saved here ← the hub's running configuration bundle (config-bundle-commands.ts, which
 * applies its own at start after this). While a bundle runs, an edit here is refused
 * (409 TABOUR_ERR_HUB_MANAGED): it would last only until the next bundle.
 *
 * A code keeps its meaning for good: reports count finishes by code, so a renamed or moved
 * outcome keeps its code, and a new one gets a code no outcome of this center ever had (a
 * removed outcome's row stays, without a position, to remember its code).
 */
import type { Config } from '../config.ts'
import type { QueueContext } from '../queue/queue-context.ts'
import { actorIds, type Actor } from '../queue/actor.ts'
import type { FinishOutcome } from '../../protocol/entities.ts'
import { defaultOutcomeCode, type FinishOutcomesReply, type PutFinishOutcomesBody } from '../../protocol/finish-outcomes.ts'
import { DomainError, ErrorCodes, fieldError } from '../errors.ts'
import { auditChange } from './config-audit.ts'
import { assertNoReorderingControls } from './public-text-check.ts'
import { runningBundleVersion } from './running-bundle-version.ts'

interface Row {
  code: string
  name_ar: string
  name_en: string
}

/** What codes may be (protocol/finish-outcomes.ts FinishOutcomeEdit): 32 characters at most. */
const CODE_MAX = 32

/** A code for a new outcome from its English name ("Sent to the bank" → sent_to_the_bank); `outcome` when it gives none. */
function codeOf(nameEn: string): string {
  const slug = nameEn
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, CODE_MAX - 3)
    .replace(/_+$/, '')
  return slug === '' ? 'outcome' : slug
}

/**
 * Which outcome of `body` is marked the default: its index, 0 when none is (an older client: the
 * first, as before). Two marked are refused on the second, naming it: which one a clerk gets
 * preselected must not depend on a tie-break.
 */
function defaultIndex(body: PutFinishOutcomesBody): number {
  const marked = body.outcomes.flatMap((o, i) => (o.default === true ? [i] : []))
  if (marked.length > 1) {
    const field = `outcomes/${marked[1]}/default`
    throw fieldError(
      ErrorCodes.VALIDATION,
      { field, reason: 'duplicate' },
      `body/${field}: outcomes/${marked[0]} is marked the default already; mark one only`,
    )
  }
  return marked[0] ?? 0
}

/** The list with the default first and the others in their order: the console lists it first and picks it already. */
function defaultFirst(outcomes: FinishOutcome[], index: number): FinishOutcome[] {
  const chosen = outcomes[index]!
  return [chosen, ...outcomes.filter((_, i) => i !== index)]
}

export class FinishOutcomeCommands {
  constructor(
    private readonly ctx: QueueContext,
    private readonly config: Config,
  ) {
    const saved = this.saved()
    if (saved.length > 0) config.queue.finishOutcomes = saved
  }

  /** The list clerks pick from now, and where it comes from. */
  list(): FinishOutcomesReply {
    const hubVersion = runningBundleVersion(this.ctx.db)
    const outcomes = this.config.queue.finishOutcomes.map((o) => ({ ...o }))
    return {
      outcomes,
      defaultCode: defaultOutcomeCode(outcomes),
      source: hubVersion !== null ? 'hub' : this.saved().length > 0 ? 'center' : 'config',
      hubVersion,
    }
  }

  /**
   * Replaces the list; the outcome marked `default` goes first (the console's default), the
   * others keep their order; none marked, the first is the default. Applied after the commit,
   * then consoles hear `config:changed` and load the center again. Refused whole on the first
   * problem, naming its field.
   */
  replace(actor: Actor, body: PutFinishOutcomesBody): FinishOutcomesReply {
    const hubVersion = runningBundleVersion(this.ctx.db)
    if (hubVersion !== null)
      throw new DomainError(
        ErrorCodes.HUB_MANAGED,
        `the national hub's configuration bundle ${hubVersion} sets the finish outcomes; they change with its next bundle`,
      )
    assertNoReorderingControls(body)
    const outcomes = defaultFirst(this.withCodes(this.trimmed(body)), defaultIndex(body))
    this.ctx.write((tx) => {
      this.ctx.db.prepare('UPDATE finish_outcomes SET position = NULL').run()
      // the list running until now (the config file's, at the first save) is remembered too: a code it drops stays taken
      const remember = this.ctx.db.prepare(
        `INSERT INTO finish_outcomes (code, name_ar, name_en, position, updated_at, updated_by) VALUES (?, ?, ?, NULL, ?, ?)
         ON CONFLICT (code) DO NOTHING`,
      )
      for (const o of this.config.queue.finishOutcomes) remember.run(o.code, o.nameAr, o.nameEn, tx.now, actorIds(actor).userId)
      const upsert = this.ctx.db.prepare(
        `INSERT INTO finish_outcomes (code, name_ar, name_en, position, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name_ar = excluded.name_ar, name_en = excluded.name_en, position = excluded.position,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      outcomes.forEach((o, i) => upsert.run(o.code, o.nameAr, o.nameEn, i, tx.now, actorIds(actor).userId))
      auditChange(tx, actor, 'finish-outcomes.replace', {}, { outcomes })
    })
    this.config.queue.finishOutcomes = outcomes
    this.ctx.publish([{ type: 'finish-outcomes:changed' }])
    return this.list()
  }

  /** The names without surrounding spaces; a name of spaces only is missing, and two outcomes may not share a name. */
  private trimmed(body: PutFinishOutcomesBody): PutFinishOutcomesBody['outcomes'] {
    const seen = { nameAr: new Set<string>(), nameEn: new Set<string>() }
    return body.outcomes.map((o, i) => {
      const names = { nameAr: o.nameAr.trim(), nameEn: o.nameEn.trim() }
      for (const key of ['nameAr', 'nameEn'] as const) {
        const field = `outcomes/${i}/${key}`
        if (names[key] === '') throw fieldError(ErrorCodes.VALIDATION, { field, reason: 'required' }, `body/${field} is empty`)
        const folded = names[key].toLowerCase()
        if (seen[key].has(folded))
          throw fieldError(
            ErrorCodes.VALIDATION,
            { field, reason: 'duplicate' },
            `body/${field} "${names[key]}" names another outcome too; a clerk could not tell them apart`,
          )
        seen[key].add(folded)
      }
      return { ...(o.code === undefined ? {} : { code: o.code }), ...names }
    })
  }

  /**
   * Each outcome with its code: a given code must be one this center knows (listed now, removed
   * earlier, or counted in its reports) and appear once; a new outcome gets a fresh one.
   */
  private withCodes(outcomes: PutFinishOutcomesBody['outcomes']): FinishOutcome[] {
    const known = this.knownCodes()
    const given = new Set<string>()
    outcomes.forEach((o, i) => {
      if (o.code === undefined) return
      const field = `outcomes/${i}/code`
      if (!known.has(o.code))
        throw fieldError(
          ErrorCodes.VALIDATION,
          { field, reason: 'unknown' },
          `body/${field} ${o.code} is not an outcome of this center; send a new outcome without a code (the center gives it one)`,
        )
      if (given.has(o.code))
        throw fieldError(
          ErrorCodes.VALIDATION,
          { field, reason: 'duplicate' },
          `body/${field} ${o.code} is listed twice; codes must be unique`,
        )
      given.add(o.code)
    })
    const taken = new Set([...known, ...given])
    return outcomes.map((o) => {
      const code = o.code ?? this.freshCode(o.nameEn, taken)
      taken.add(code)
      return { code, nameAr: o.nameAr, nameEn: o.nameEn }
    })
  }

  /** `sent_to_bank`, or `sent_to_bank_2`, … when an outcome of this center ever had it. */
  private freshCode(nameEn: string, taken: ReadonlySet<string>): string {
    const stem = codeOf(nameEn)
    if (!taken.has(stem)) return stem
    for (let n = 2; ; n++) if (!taken.has(`${stem}_${n}`)) return `${stem}_${n}`
  }

  /** Every code an outcome of this center has had: the running list, the config file's, the saved and removed ones, the reports'. */
  private knownCodes(): Set<string> {
    const db = this.ctx.db
    const stored = db.prepare('SELECT code FROM finish_outcomes').all() as { code: string }[]
    const counted = db.prepare(`SELECT DISTINCT outcome AS code FROM report_outcome_day WHERE outcome <> ''`).all() as { code: string }[]
    return new Set([...this.config.queue.finishOutcomes.map((o) => o.code), ...stored.map((r) => r.code), ...counted.map((r) => r.code)])
  }

  /** The list a manager saved, in order; empty when none was (the config file's list runs). */
  private saved(): FinishOutcome[] {
    const rows = this.ctx.db
      .prepare('SELECT code, name_ar, name_en FROM finish_outcomes WHERE position IS NOT NULL ORDER BY position')
      .all() as Row[]
    return rows.map((r) => ({ code: r.code, nameAr: r.name_ar, nameEn: r.name_en }))
  }
}
