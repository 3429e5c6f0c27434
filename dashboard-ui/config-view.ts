/**
 * `<tabour-config-view>`: for an admin, services, counters, users, devices and the center's settings,
 * one small form component per section (dashboard-ui/config/). Each lists what exists and edits
 * one item in a form of real fields (no JSON); the server validates with the API's own schemas
 * and a refusal is worded in the screen's language next to the field it names. Every change is
 * audited by the server (the change log under the center's settings). Fires `config-changed`.
 * A manager (`admin` false) gets one section, the news line and the finish outcomes: the changes
 * the API lets a manager make (server/routes/center/news.ts, finish-outcomes.ts); every other
 * section's writes are an admin's, and a form that answers 403 on save is not offered.
 */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Lang } from '../ui-common/i18n.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import { configText } from '../protocol/messages/config-forms.ts'
import type { DashboardApi } from './dashboard-api.ts'
import type { ZoneNames } from './zone-name.ts'
import { deskStyles } from './dashboard-styles.ts'
import './config/services-config.ts'
import './config/counters-config.ts'
import './config/users-config.ts'
import './config/devices-config.ts'
import './config/center-config.ts'
import './config/webhooks-config.ts'
import './config/appointments-config.ts'
import { staffAppointmentText } from '../protocol/messages/staff-appointments.ts'
import { webhooksText } from '../protocol/messages/webhooks.ts'
import './config/messages-config.ts'
import { messagesConfigText } from '../protocol/messages/messages-config.ts'
import { PushedStatuses } from './pushed-statuses.ts'

export type ConfigSection = 'services' | 'counters' | 'users' | 'devices' | 'center' | 'webhooks' | 'messages' | 'appointments' | 'news'
const SECTIONS: ConfigSection[] = ['services', 'counters', 'users', 'devices', 'center', 'webhooks', 'messages', 'appointments']
const MANAGER_SECTIONS: ConfigSection[] = ['news']

@customElement('tabour-config-view')
export class ConfigView extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      :host {
        display: grid;
        /* 11rem: a longer section name wraps in its button, and the lists beside get the room (1366 px) */
        grid-template-columns: 11rem minmax(0, 1fr);
        gap: 1rem;
        align-items: start;
      }
      nav {
        display: flex;
        flex-direction: column;
        gap: 0.35rem;
      }
      nav button[aria-current='false'] {
        background: #fff;
        color: var(--tabour-primary);
      }
      @media (max-width: 60rem) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ]

  @property({ attribute: false }) api!: DashboardApi
  @property() override lang: Lang = 'ar'
  /** Digits for the forms' figures: `digitsFor(lang, the center's setting)`; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** An admin's sections (default); false: a manager's. */
  @property({ type: Boolean }) admin = true
  /** The last device that paired (dashboard-session.ts): the devices table reads its devices again. */
  @property({ attribute: false }) lastPaired: { deviceId: number } | null = null
  /** The devices' pushed statuses (dashboard-session.ts): the devices table follows them live. */
  @property({ attribute: false }) pushed = PushedStatuses.NONE
  /** The center's zone (settings `timeZone`): the dates the sections write (the change log, a refused bundle, webhook deliveries). Default Africa/Cairo. */
  @property() timeZone = 'Africa/Cairo'
  /** What the zones are called (settings `zoneNames`): the counters' and devices' tables and pickers show the names. */
  @property({ attribute: false }) zoneNames: ZoneNames = {}
  @state() section: ConfigSection = 'services'

  override render(): TemplateResult {
    const lang = this.lang
    const sections = this.admin ? SECTIONS : MANAGER_SECTIONS
    const section = sections.includes(this.section) ? this.section : sections[0]!
    return html`<nav aria-label=${configText('config.nav', lang)}>
        ${sections.map(
          (s) =>
            html`<button type="button" data-section=${s} aria-current=${String(section === s)} @click=${() => (this.section = s)}>${s === 'webhooks' ? webhooksText('webhooks.nav', lang) : s === 'messages' ? messagesConfigText('tpl.nav', lang) : s === 'appointments' ? staffAppointmentText('apptConfig.nav', lang) : configText(`config.${s}`, lang)}</button>`,
        )}
      </nav>
      <div data-config=${section}>${this.body(section)}</div>`
  }

  /** A fresh component per section: it loads what it lists when it opens. */
  private body(section: ConfigSection): TemplateResult {
    const { api, lang, digits, timeZone } = this
    switch (section) {
      case 'services':
        return html`<tabour-services-config .api=${api} .lang=${lang} .digits=${digits}></tabour-services-config>`
      case 'counters':
        return html`<tabour-counters-config .api=${api} .lang=${lang} .digits=${digits} .zoneNames=${this.zoneNames}></tabour-counters-config>`
      case 'users':
        return html`<tabour-users-config .api=${api} .lang=${lang} .digits=${digits}></tabour-users-config>`
      case 'devices':
        return html`<tabour-devices-config .api=${api} .lang=${lang} .digits=${digits} .lastPaired=${this.lastPaired} .pushed=${this.pushed} .zoneNames=${this.zoneNames}></tabour-devices-config>`
      case 'center':
        return html`<tabour-center-config .api=${api} .lang=${lang} .digits=${digits} .timeZone=${timeZone}></tabour-center-config>`
      case 'news':
        return html`<tabour-center-config .api=${api} .lang=${lang} .digits=${digits} .timeZone=${timeZone} .settingsToo=${false}></tabour-center-config>`
      case 'webhooks':
        return html`<tabour-webhooks-config .api=${api} .lang=${lang} .digits=${digits} .timeZone=${timeZone}></tabour-webhooks-config>`
      case 'messages':
        return html`<tabour-messages-config .api=${api} .lang=${lang} .digits=${digits}></tabour-messages-config>`
      case 'appointments':
        return html`<tabour-appointments-config .api=${api} .lang=${lang} .digits=${digits}></tabour-appointments-config>`
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-config-view': ConfigView
  }
}
