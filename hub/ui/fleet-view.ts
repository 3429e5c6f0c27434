/**
 * `<tabour-hub-fleet>`: every center's state (online, offline, deactivated), software version, the configuration bundle it runs, last heartbeat, outbox
 * backlog, faulty devices and last backup, with the alerts first (offline centers, failing
 * devices, failed backups). A center behind the newest version running anywhere is marked.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { themeStyles } from '../../ui-common/theme.ts'
import type { Lang } from '../../ui-common/i18n.ts'
import { hubText, type HubMessageKey } from '../../protocol/messages/hub.ts'
import { bundleRefusalText } from '../../protocol/messages/hub-bundles.ts'
import type { CenterView, FleetAlert, HubFleet } from '../../protocol/hub-api.ts'
import { hubStyles } from './hub-styles.ts'
import { hubFormat, hubDigits } from './hub-format.ts'
import { governorateName } from '../../protocol/governorates.ts'
import { backupCell, bundleCell, centerState, STATE_BADGE } from './center-state.ts'
import { placeText } from './city-text.ts'
import { ownNameShown } from './own-name.ts'

@customElement('tabour-hub-fleet')
export class HubFleetView extends LitElement {
  static override styles = [themeStyles, hubStyles]

  @property({ attribute: false }) fleet: HubFleet | null = null
  @property() language: Lang = 'ar'

  private t(key: HubMessageKey, values?: Record<string, string | number>): string {
    return hubText(key, this.language, values, hubDigits(this.language))
  }

  private alertText(a: FleetAlert, centers: Map<string, CenterView>): string {
    const c = centers.get(a.centerId)
    const center = c ? hubFormat(this.language).name(c) : a.centerId
    if (a.kind === 'offline')
      return a.since === null
        ? this.t('alertOfflineNever', { center })
        : this.t('alertOffline', { center, since: hubFormat(this.language).time(a.since) })
    if (a.kind === 'devices-faulty') {
      const count = a.count ?? 0
      if (a.asOf === undefined) return this.t('alertDevices', { center, count })
      return this.t(c?.offline ? 'alertDevicesOffline' : 'alertDevicesAsOf', { center, count, time: hubFormat(this.language).time(a.asOf) })
    }
    if (a.kind === 'bundle-refused' && a.bundle)
      return this.t('alertBundle', { center, version: a.bundle.version, reason: bundleRefusalText(a.bundle.code, this.language) })
    return this.t('alertBackup', { center })
  }

  /** An offline center's heartbeat figure (`said`: its heartbeat said one) is its last heartbeat's, not now's: said beside it. */
  private stale(c: CenterView, said: boolean): TemplateResult | typeof nothing {
    return c.offline && said ? html`<span class="tag muted" data-stale>${this.t('atLastHeartbeat')}</span>` : nothing
  }

  /** The name the center's own screens say, under the registered one when it differs in the page's language. */
  private ownName(c: CenterView): TemplateResult | typeof nothing {
    const own = ownNameShown(c, this.language)
    return own === null ? nothing : html`<div class="muted" data-own-name>${this.t('ownName', { name: own })}${this.stale(c, true)}</div>`
  }

  private row(c: CenterView, newest: string | null): TemplateResult {
    const f = hubFormat(this.language)
    const outdated = newest !== null && c.version !== null && c.version !== newest
    const state = centerState(c)
    const bundle = bundleCell(c)
    const backup = backupCell(c)
    return html`<tr data-fleet-center=${c.id} data-offline=${c.offline ? 'true' : 'false'} data-state=${state} class=${c.offline ? 'offline' : ''}>
      <td>${f.name(c)}<span class="tag muted">${placeText(governorateName(c.governorate, this.language), c, this.language)}</span>${this.ownName(c)}</td>
      <td data-col="state"><span class="badge ${STATE_BADGE[state]}">${this.t(state)}</span></td>
      <td data-col="version" dir="ltr">${c.version ?? '—'}${outdated ? html`<span class="tag" data-outdated>${this.t('outdated', { version: newest })}</span>` : nothing}</td>
      <td class="n" data-col="config">${bundle === 'none' ? this.t('noBundle') : bundle === 'unknown' ? '—' : f.num(bundle)}</td>
      <td data-col="heartbeat">${f.time(c.lastHeartbeatAt)}</td>
      <td class="n" data-col="outbox">${f.num(c.outboxPending)}${this.stale(c, c.outboxPending !== null)}</td>
      <td class="n" data-col="devices">${f.num(c.devicesFaulty)}${this.stale(c, c.devicesFaulty !== null)}</td>
      <td data-col="backup" data-backup=${backup}>${
        backup === 'off'
          ? this.t('backupsOff')
          : html`${f.time(c.lastBackupAt)}${backup === 'failed' ? html`<span class="tag">${this.t('backupFailed')}</span>` : nothing}`
      }</td>
    </tr>`
  }

  override render(): TemplateResult | typeof nothing {
    const fl = this.fleet
    if (!fl) return nothing
    const centers = new Map(fl.centers.map((c) => [c.id, c]))
    // offline first, then by name in the page's language (as the pickers; by id read as no order to a reader)
    const f = hubFormat(this.language)
    const rows = [...fl.centers].sort((a, b) => Number(b.offline) - Number(a.offline) || f.name(a).localeCompare(f.name(b), this.language))
    return html`<main>
      <section data-alerts aria-labelledby="alerts-title">
        <h2 id="alerts-title">${this.t('alertsTitle')}</h2>
        ${
          fl.alerts.length === 0
            ? html`<p>${this.t('noAlerts')}</p>`
            : html`<ul class="alerts" role="list">${fl.alerts.map((a) => html`<li data-alert=${a.kind} data-center=${a.centerId}>${this.alertText(a, centers)}</li>`)}</ul>`
        }
        <p class="muted">${this.t('offlineRule', { count: fl.offlineAfterMissedHeartbeats })}</p>
      </section>
      <section data-table="fleet">
        <h2>${this.t('fleetTitle')}</h2>
        <table>
          <thead><tr>
            <th>${this.t('center')}</th><th>${this.t('status')}</th><th>${this.t('version')}</th><th class="n">${this.t('configVersion')}</th>
            <th>${this.t('lastHeartbeat')}</th><th class="n">${this.t('outbox')}</th><th class="n">${this.t('devicesFaulty')}</th><th>${this.t('lastBackup')}</th>
          </tr></thead>
          <tbody>${rows.map((c) => this.row(c, fl.newestVersion))}</tbody>
        </table>
        ${fl.centers.some((c) => ownNameShown(c, this.language) !== null) ? html`<p class="muted" data-note="own-name">${this.t('ownNameNote')}</p>` : nothing}
      </section>
    </main>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-hub-fleet': HubFleetView
  }
}
