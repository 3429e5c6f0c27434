/**
 * The admin's overrides of center settings, kept in center_settings (key `overrides`, one JSON
 * object) and applied onto the running config object, which the queue, the center route and
 * the reports read live. Precedence, later wins: built-in default ← config file ← environment
 * ← override. `base` remembers what the config said before any override, so dropping an
 * override (PUT null) restores it without a restart.
 */
import type { Db } from '../db/connection.ts'
import type { Config } from '../config.ts'
import type { CenterSettings, PutSettingsBody, SettingKey, SettingsReply } from '../../protocol/settings.ts'
import { neutralizeReorderingControls } from '../../protocol/public-text.ts'
import { Value } from '@sinclair/typebox/value'
import { ConfigSchema } from '../config.ts'

function fromConfig(config: Config): CenterSettings {
  return {
    nameAr: config.centerName.ar,
    nameEn: config.centerName.en,
    timeZone: config.timeZone,
    callPolicy: config.queue.policy,
    maxPriorityInARow: config.queue.maxPriorityInARow,
    priorityAgingSeconds: config.queue.priorityAgingSeconds,
    priorityCategories: config.queue.priorityCategories.map((c) => ({ ...c })),
    digits: config.screens.digits,
    language: config.screens.language,
    ...feedbackFromConfig(config.feedback ?? (Value.Create(ConfigSchema.properties.feedback) as Config['feedback'])),
    // the config file names no zones: an admin names them in the dashboard (the screens show the id until then)
    zoneNames: {},
  }
}

const feedbackFromConfig = (f: Config['feedback']) => ({
  feedbackWindowMinutes: f.windowMinutes,
  feedbackAlertBelowAverage: f.alertBelowAverage,
  feedbackAlertMinRatings: f.alertMinRatings,
  feedbackAlertWindowMinutes: f.alertWindowMinutes,
})

function applyTo(config: Config, v: CenterSettings): void {
  config.centerName = { ar: v.nameAr, en: v.nameEn }
  config.timeZone = v.timeZone
  config.queue.policy = v.callPolicy
  config.queue.maxPriorityInARow = v.maxPriorityInARow
  config.queue.priorityAgingSeconds = v.priorityAgingSeconds
  config.queue.priorityCategories = v.priorityCategories.map((c) => ({ ...c }))
  config.screens = { digits: v.digits, language: v.language }
  // in place: the ratings (server/queue/feedback/ratings.ts) hold this object and read it live
  if (config.feedback)
    Object.assign(config.feedback, {
      windowMinutes: v.feedbackWindowMinutes,
      alertBelowAverage: v.feedbackAlertBelowAverage,
      alertMinRatings: v.feedbackAlertMinRatings,
      alertWindowMinutes: v.feedbackAlertWindowMinutes,
    })
}

/**
 * Writes the overrides row: what a Save in the dashboard (PUT /settings) stores, and the demo's seed
 * for its zone names (server/demo/seed.ts), so the demo's are the center's own settings as a manager's are.
 */
export function storeOverrides(db: Db, overrides: Partial<CenterSettings>, at: number, userId: number | null): void {
  db.prepare(
    `INSERT INTO center_settings (key, value, updated_at, updated_by) VALUES ('overrides', ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(JSON.stringify(overrides), at, userId)
}

export class CenterSettingsStore {
  private readonly base: CenterSettings
  private overrides: Partial<CenterSettings>

  constructor(
    private readonly db: Db,
    private readonly config: Config,
  ) {
    this.base = fromConfig(config)
    this.overrides = this.load()
    applyTo(config, this.values())
  }

  /** What applies now. */
  values(): CenterSettings {
    return { ...this.base, ...this.overrides }
  }

  reply(): SettingsReply {
    return { values: this.values(), overridden: Object.keys(this.overrides), defaults: structuredClone(this.base) }
  }

  /** The overrides after a validated change (null drops an override); nothing is stored or applied yet. */
  merged(change: PutSettingsBody): Partial<CenterSettings> {
    const next: Record<string, unknown> = { ...this.overrides }
    for (const [k, v] of Object.entries(change) as [SettingKey, unknown][]) {
      if (v === null || v === undefined) delete next[k]
      else next[k] = v
    }
    return next as Partial<CenterSettings>
  }

  /** Stores overrides (call inside the command's transaction). */
  store(overrides: Partial<CenterSettings>, at: number, userId: number | null): void {
    storeOverrides(this.db, overrides, at, userId)
  }

  /** Applies stored overrides to the running config (call after the commit, so a rolled-back change applies nothing). */
  apply(overrides: Partial<CenterSettings>): SettingsReply {
    this.overrides = overrides
    applyTo(this.config, this.values())
    return this.reply()
  }

  private load(): Partial<CenterSettings> {
    const row = this.db.prepare("SELECT value FROM center_settings WHERE key = 'overrides'").get() as { value: string } | undefined
    if (!row) return {}
    try {
      // the center's and categories' names reach kiosks and tickets: overrides stored before direction controls were refused lose them
      const parsed = neutralizeReorderingControls(JSON.parse(row.value) as Record<string, unknown>)
      const known = new Set(Object.keys(this.base))
      return Object.fromEntries(Object.entries(parsed).filter(([k, v]) => known.has(k) && v !== null)) as Partial<CenterSettings>
    } catch {
      return {}
    }
  }
}
