import type { Config } from '../config.ts'
import type { CenterNews } from '../../protocol/center.ts'
import type { PutNewsBody } from '../../protocol/center.ts'
import type { CenterSettings, PutSettingsBody, SettingsReply } from '../../protocol/settings.ts'
import type { QueueContext, WriteScope } from '../queue/queue-context.ts'
import { actorIds, type Actor } from '../queue/actor.ts'
import { isValidTimeZone } from '../../protocol/center-clock.ts'
import { ErrorCodes, fieldError } from '../errors.ts'
import { auditChange, fieldChanges } from './config-audit.ts'
import { assertNoReorderingControls } from './public-text-check.ts'
import { CenterSettingsStore } from './center-settings.ts'

/** The center-wide settings (admin overrides of the config) and the displays' news line. */
export class CenterCommands {
  private readonly settingsStore: CenterSettingsStore

  /** Applies the stored overrides onto `config` at once (the queue and the reports read it live). */
  constructor(
    private readonly ctx: QueueContext,
    config: Config,
  ) {
    this.settingsStore = new CenterSettingsStore(ctx.db, config)
  }

  /** The settings now, which keys are overridden, and the config's values. */
  settings(): SettingsReply {
    return this.settingsStore.reply()
  }

  /** Overrides some settings (null drops an override); applied after commit (the next call-next uses the new policy), then `settings:changed`. */
  updateSettings(actor: Actor, change: PutSettingsBody): SettingsReply {
    const apply = this.ctx.write((tx) => this.updateSettingsIn(tx, actor, change))
    return apply()
  }

  /** updateSettings inside the caller's transaction (a configuration bundle); call what it returns after the commit. */
  updateSettingsIn(tx: WriteScope, actor: Actor, change: PutSettingsBody): () => SettingsReply {
    assertNoReorderingControls(change)
    if (change.timeZone && !isValidTimeZone(change.timeZone))
      throw fieldError(
        ErrorCodes.VALIDATION,
        { field: 'timeZone', reason: 'unknown' },
        `body/timeZone ${change.timeZone} is not an IANA time zone`,
      )
    const codes = (change.priorityCategories ?? []).map((c) => c.code)
    if (codes.includes('none'))
      throw fieldError(
        ErrorCodes.VALIDATION,
        { field: 'priorityCategories', reason: 'not-allowed' },
        'body/priorityCategories code none is reserved for ordinary tickets',
      )
    if (new Set(codes).size !== codes.length)
      throw fieldError(
        ErrorCodes.VALIDATION,
        { field: 'priorityCategories', reason: 'duplicate' },
        'body/priorityCategories codes must be unique',
      )
    const before = this.settingsStore.values()
    const next = this.settingsStore.merged(change)
    this.settingsStore.store(next, tx.now, actorIds(actor).userId)
    // what it changed, setting by setting (a zone's names each on its own), for the change log
    const after = { ...this.settingsStore.reply().defaults, ...next }
    const keys = Object.keys(change) as (keyof CenterSettings)[]
    const pick = (v: CenterSettings) =>
      Object.fromEntries(keys.flatMap((k): [string, unknown][] => (k === 'zoneNames' ? zoneEntries(v.zoneNames) : [[k, v[k]]])))
    auditChange(tx, actor, 'settings.update', {}, change, fieldChanges(pick(before), pick(after)))
    return () => {
      const reply = this.settingsStore.apply(next)
      // after the config took the new values: the kiosks and status pages then read them (walk finding 10)
      this.ctx.publish([{ type: 'settings:changed' }])
      return reply
    }
  }

  /** The displays' news line. */
  news(): CenterNews {
    return this.ctx.centerSettings.news()
  }

  /** Sets the news line (empty strings: none); screens hear `center:updated` after commit. */
  setNews(actor: Actor, body: PutNewsBody): CenterNews {
    return this.ctx.write((tx) => this.setNewsIn(tx, actor, body))
  }

  /** setNews inside the caller's transaction (a configuration bundle). */
  setNewsIn(tx: WriteScope, actor: Actor, body: PutNewsBody): CenterNews {
    assertNoReorderingControls(body)
    // a line break would break the one-line ticker: fold all whitespace runs into one space
    const clean = (text: string) => text.replace(/\s+/g, ' ').trim()
    const news = this.ctx.centerSettings.setNews({ ar: clean(body.ar), en: clean(body.en) }, tx.now, actorIds(actor).userId)
    auditChange(tx, actor, 'news.set', {}, body)
    tx.emit({ type: 'center:updated', news })
    return news
  }
}

/** Each zone's names as one setting of its own (`zoneNames.<zone>`: «ar · en»), for the change log. */
function zoneEntries(names: CenterSettings['zoneNames']): [string, string][] {
  return Object.entries(names).map(([zone, n]) => [`zoneNames.${zone}`, [n.nameAr, n.nameEn].filter((x) => x.trim()).join(' · ')])
}
