/**
 * The hub's configuration bundles at the center (issue 23). A bundle that passed its checks
 * (config-bundle-check.ts) is applied in ONE transaction through the existing configuration
 * commands (settings, calendar, news line, message templates), each with its own audit row, plus
 * a `config-bundle.apply` row naming the version; the running config changes only after the
 * commit. A bundle the center cannot honour is refused whole, with a stable code. The last
 * applied bundle stays in config_bundles: it is what runs while the hub is out of reach, and its
 * finish outcomes are re-applied at start.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Config } from '../config.ts'
import type { QueueContext } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import { DomainError } from '../errors.ts'
import type { CenterCalendar, HoursException } from '../../protocol/calendar.ts'
import {
  BundleRefusalCodes,
  HUB_EXCEPTION_UID,
  managedKeys,
  setByHub,
  type BundleReport,
  type CenterBundleState,
  type ConfigBundleContents,
  type ConfigBundlePayload,
} from '../../protocol/config-bundle.ts'
import type { Configuration } from './configuration.ts'
import { MessageTemplateCommands } from './message-template-commands.ts'
import { auditChange } from './config-audit.ts'
import { type BundleRefusal, checkBundle } from './config-bundle-check.ts'
import { NationalServicesRepo } from '../db/repositories/national-services-repo.ts'

// its audit rows name the hub, not a request that never arrived (config-audit.ts)
const BUNDLE_ACTOR: Actor = { type: 'system', hub: true }

export type BundleOutcome = { version: number; outcome: 'applied' } | ({ version: number; outcome: 'refused' } & BundleRefusal)

/** The bundle the center runs, as a center admin sees it. */
type RunningBundle = NonNullable<CenterBundleState['running']>

interface Row {
  version: number
  outcome: 'applied' | 'refused'
  payload: string | null
  code: string | null
  reason: string | null
  received_at: number
}

/** Thrown inside the transaction to roll it back as a refusal. */
class Refused extends Error {
  constructor(readonly refusal: BundleRefusal) {
    super(refusal.reason)
  }
}

export class ConfigBundleCommands {
  private readonly templates: MessageTemplateCommands
  private readonly catalogue: NationalServicesRepo

  constructor(
    private readonly ctx: QueueContext,
    private readonly configuration: Configuration,
    private readonly config: Config,
  ) {
    this.templates = new MessageTemplateCommands(ctx)
    this.catalogue = new NationalServicesRepo(ctx.db)
    // what the last good bundle set outside the database (the finish outcomes live in the config object)
    const row = this.lastApplied()
    if (row?.payload) this.config.queue.finishOutcomes = payloadOf(row.payload).contents.finishOutcomes.map((o) => ({ ...o }))
  }

  private lastApplied(): Row | undefined {
    return this.ctx.db.prepare(`SELECT * FROM config_bundles WHERE outcome = 'applied' ORDER BY version DESC LIMIT 1`).get() as
      | Row
      | undefined
  }

  /** What a center admin sees (GET /center/config-bundle). */
  state(pinnedKey: string | undefined): CenterBundleState {
    const applied = this.lastApplied()
    const refused = this.lastRefusalAfter(applied)
    return {
      keyPinned: Boolean(pinnedKey),
      running: runningOf(applied, this.config.upstream.centerId),
      lastRefusal: refused
        ? { version: refused.version, code: refused.code ?? '', reason: refused.reason ?? '', at: refused.received_at }
        : null,
    }
  }

  /** The last refusal newer than the bundle `applied` (any, when none was). */
  private lastRefusalAfter(applied: Row | undefined): Row | undefined {
    return this.ctx.db
      .prepare(`SELECT * FROM config_bundles WHERE outcome = 'refused' AND version > ? ORDER BY version DESC LIMIT 1`)
      .get(applied?.version ?? 0) as Row | undefined
  }

  /** What the heartbeat tells the hub: the version running, and the last refusal newer than it. */
  report(): BundleReport {
    const applied = this.lastApplied()
    const refused = this.lastRefusalAfter(applied)
    return {
      running: applied?.version ?? null,
      ...(refused ? { refused: { version: refused.version, code: refused.code ?? '', reason: refused.reason ?? '' } } : {}),
    }
  }

  /** Whether an offered version is worth fetching: newer than what runs, and not received before. */
  wants(version: number): boolean {
    if (version <= (this.lastApplied()?.version ?? 0)) return false
    return this.ctx.db.prepare('SELECT 1 FROM config_bundles WHERE version = ?').get(version) === undefined
  }

  /** Checks and applies a bundle as received from the hub, or refuses it; either way the outcome is kept for the heartbeat. */
  receive(received: unknown, version: number, pinnedKey: string | undefined): BundleOutcome {
    const checked = checkBundle(received, version, pinnedKey)
    if ('refusal' in checked) return this.refuse(version, checked.refusal)
    try {
      this.apply(checked.payload, received as { payload: string; signature: string })
      return { version, outcome: 'applied' }
    } catch (err) {
      if (err instanceof Refused) return this.refuse(version, err.refusal)
      if (err instanceof DomainError)
        return this.refuse(version, { code: BundleRefusalCodes.INVALID, reason: `bundle ${version}: ${err.message}`.slice(0, 500) })
      return this.refuse(version, {
        code: BundleRefusalCodes.APPLY_FAILED,
        reason: `bundle ${version}: ${(err as Error).message}`.slice(0, 500),
      })
    }
  }

  private refuse(version: number, refusal: BundleRefusal): BundleOutcome {
    this.ctx.write((tx) => {
      this.ctx.db
        .prepare(
          `INSERT INTO config_bundles (version, outcome, code, reason, received_at) VALUES (?, 'refused', ?, ?, ?)
           ON CONFLICT (version) DO UPDATE SET outcome = 'refused', code = excluded.code, reason = excluded.reason, received_at = excluded.received_at`,
        )
        .run(version, refusal.code, refusal.reason, tx.now)
      // the change log says it too: the center's own screens showed "managed by bundle 1" and nothing of
      // the refused bundle 2 while only the hub knew (walk s52)
      auditChange(tx, BUNDLE_ACTOR, 'config-bundle.refuse', { version }, { version, code: refusal.code, reason: refusal.reason })
    })
    return { version, outcome: 'refused', ...refusal }
  }

  /**
   * One transaction: the national catalogue and this center's mapping first (a holiday's national
   * codes are read through the new mapping), then every part through its configuration command,
   * the bundle row and its audit row; applied to the running config after the commit.
   */
  private apply(payload: ConfigBundlePayload, signed: { payload: string; signature: string }): void {
    const c = payload.contents
    const outcomes = c.finishOutcomes.map((o) => o.code)
    if (new Set(outcomes).size !== outcomes.length)
      throw new Refused({
        code: BundleRefusalCodes.INVALID,
        reason: `bundle ${payload.version}: /contents/finishOutcomes codes must be unique`,
      })
    const afterCommit = this.ctx.write((tx) => {
      this.catalogue.replace(c.nationalCatalogue)
      this.configuration.services.setHubMappingIn(tx, BUNDLE_ACTOR, this.mappingOf(c, payload.version))
      // the categories too, when they are already this center's override (an override equal to the config file's is kept as one)
      const now = this.configuration.center.settings()
      const settings =
        now.overridden.includes('priorityCategories') && sameJson(now.values.priorityCategories, c.priorityCategories)
          ? () => undefined
          : this.configuration.center.updateSettingsIn(tx, BUNDLE_ACTOR, { priorityCategories: c.priorityCategories })
      // a part the bundle leaves as it is changes nothing and logs no change: a bundle without holidays or hours wrote
      // "Opening hours changed" in the center's change log, by the national hub, of the same calendar (walk s55)
      const calendar = this.calendarWith(c, payload.version)
      const cal = sameJson(calendar, this.ctx.calendar())
        ? () => undefined
        : this.configuration.calendar.updateIn(tx, BUNDLE_ACTOR, calendar)
      const news = this.configuration.center.news()
      if (news.ar !== c.announcement.ar || news.en !== c.announcement.en)
        this.configuration.center.setNewsIn(tx, BUNDLE_ACTOR, c.announcement)
      for (const m of c.messageTexts) this.templates.updateIn(tx, BUNDLE_ACTOR, m.kind, m.lang, m.text)
      this.ctx.db
        .prepare(
          `INSERT INTO config_bundles (version, outcome, payload, signature, received_at) VALUES (?, 'applied', ?, ?, ?)
           ON CONFLICT (version) DO UPDATE SET outcome = 'applied', payload = excluded.payload, signature = excluded.signature,
             code = NULL, reason = NULL, received_at = excluded.received_at`,
        )
        .run(payload.version, signed.payload, signed.signature, tx.now)
      auditChange(
        tx,
        BUNDLE_ACTOR,
        'config-bundle.apply',
        { version: payload.version },
        { version: payload.version, issuedAt: payload.issuedAt, ...summaryOf(c) },
      )
      return () => {
        settings()
        cal()
      }
    })
    // the outcomes first: the settings' push (afterCommit) has consoles load the center again
    this.config.queue.finishOutcomes = c.finishOutcomes.map((o) => ({ ...o }))
    afterCommit()
  }

  /**
   * This center's entry of the bundle's mapping as service id → national code, or null when the
   * bundle has none for it. The whole bundle is refused when the entry names a prefix this center
   * has no service for (TABOUR_BUNDLE_UNKNOWN_SERVICE) or a code its catalogue lacks
   * (TABOUR_BUNDLE_UNKNOWN_NATIONAL_CODE): a half-applied mapping would count services wrongly.
   */
  private mappingOf(c: ConfigBundleContents, version: number): Map<number, string> | null {
    const centerId = this.config.upstream.centerId
    const entry = centerId !== undefined && Object.hasOwn(c.serviceMapping, centerId) ? c.serviceMapping[centerId] : undefined
    if (!entry) return null
    const known = new Set(c.nationalCatalogue.services.map((s) => s.code))
    const byId = new Map<number, string>()
    for (const [prefix, code] of Object.entries(entry)) {
      const service = this.ctx.services.findByPrefix(prefix)
      if (!service)
        throw new Refused({
          code: BundleRefusalCodes.UNKNOWN_SERVICE,
          reason: `bundle ${version}: the mapping names service ${prefix}, which this center does not have`,
        })
      if (!known.has(code))
        throw new Refused({
          code: BundleRefusalCodes.UNKNOWN_NATIONAL_CODE,
          reason: `bundle ${version}: the mapping gives service ${prefix} the national code ${code}, which the bundle's catalogue does not hold`,
        })
      byId.set(service.id, code)
    }
    return byId
  }

  /**
   * The center's calendar with the bundle's holidays in place of the previous bundle's, and its
   * weekly hours when it carries them; a national code no service maps to is a refusal.
   */
  private calendarWith({ holidays, weeklyHours }: ConfigBundleContents, version: number): CenterCalendar {
    const current = this.ctx.calendar()
    const servicesOf = this.ctx.db.prepare('SELECT id FROM services WHERE national_code = ? ORDER BY id')
    const exceptions: HoursException[] = holidays.map((h) => {
      const serviceIds = (h.nationalCodes ?? []).flatMap((code) => {
        const ids = (servicesOf.all(code) as { id: number }[]).map((r) => r.id)
        if (ids.length === 0)
          throw new Refused({
            code: BundleRefusalCodes.UNKNOWN_REFERENCE,
            reason: `bundle ${version}: holiday ${h.id} names national service ${code}, which no service of this center maps to`,
          })
        return ids
      })
      return {
        from: h.from,
        to: h.to,
        nameAr: h.nameAr,
        nameEn: h.nameEn,
        hours: h.hours,
        ...(serviceIds.length > 0 ? { serviceIds: [...new Set(serviceIds)] } : {}),
        uid: `${HUB_EXCEPTION_UID}${h.id}`,
      }
    })
    return {
      ...current,
      ...(weeklyHours ? { weekly: weeklyHours } : {}),
      exceptions: [...current.exceptions.filter((e) => !setByHub(e)), ...exceptions],
    }
  }
}

/** Whether two values are the same as JSON (key order aside): the calendar a bundle would store and the one in force. */
const sameJson = (a: unknown, b: unknown): boolean => isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)))

/** The payload an applied row keeps (checked before it was stored). */
const payloadOf = (payload: string) => JSON.parse(payload) as ConfigBundlePayload

/** The bundle an applied row runs, and what it manages at this center; null when none runs. */
function runningOf(row: Row | undefined, centerId: string | undefined): RunningBundle | null {
  if (!row?.payload) return null
  const payload = payloadOf(row.payload)
  return {
    version: row.version,
    issuedAt: payload.issuedAt,
    appliedAt: row.received_at,
    managed: managedKeys(payload.contents, centerId),
    messageTexts: (payload.contents.messageTexts ?? []).map(({ kind, lang }) => ({ kind, lang })),
  }
}

/** What the audit row keeps of a bundle: counts and codes, not every text. */
function summaryOf(c: ConfigBundleContents) {
  return {
    priorityCategories: c.priorityCategories.map((p) => p.code),
    finishOutcomes: c.finishOutcomes.map((o) => o.code),
    holidays: c.holidays.map((h) => h.id),
    messageTexts: c.messageTexts.length,
    nationalCatalogue: c.nationalCatalogue.version,
    weeklyHours: c.weeklyHours !== null,
  }
}
