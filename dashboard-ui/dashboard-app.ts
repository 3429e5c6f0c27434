/**
 * `<tabour-dashboard-app>`: the manager's dashboard. Log in (managers and admins), then three
 * tabs: Live (today's KPIs, lines, counters, charts and device health, updated from the staff
 * feed without reload), Reports (any range of days, CSV), Configuration (all of it for an admin;
 * for a manager only what the API lets a manager change, config-view.ts) and the opening hours
 * (admins). Arabic first; the tab is kept in the URL hash.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import { screenBase, screenLangRoots } from '../ui-common/screen-base.ts'
import { digitsFor, type DigitStyle } from '../ui-common/digits.ts'
import { applyLang, type Lang } from '../ui-common/i18n.ts'
import { loadSessionLang, saveSessionLang } from '../ui-common/session-lang.ts'
import type { LangChangeEvent } from '../ui-common/lang-switch.ts'
import { applyPageTheme } from '../ui-common/theme.ts'
import './remote-join-card.ts'
import '../ui-common/lang-switch.ts'
import { DashboardSession } from './dashboard-session.ts'
import { deskStyles } from './dashboard-styles.ts'
import { dayIn, momentInWords } from './format.ts'
import { dashboardText } from '../protocol/messages/dashboard.ts'
import './config-view.ts'
import './live-view.ts'
import './reports-view.ts'
import './hours-view.ts'
import { hoursEditorText } from '../protocol/messages/hours-editor.ts'
import '../ui-common/ticket-tools.ts'
import { RenderTicker } from '../ui-common/render-ticker.ts'
import './appointments-view.ts'
import { nameIn } from '../protocol/name-in-language.ts'

type Tab = 'live' | 'reports' | 'config' | 'hours'

/** A tab's name as the tabs and the screen's h1 say it (the hours editor keeps its own catalogue). */
const tabName = (tab: Tab, lang: Lang): string =>
  tab === 'hours' ? hoursEditorText('hoursTab.tab', lang) : dashboardText(`tab.${tab}`, lang)
const LANG_KEY = 'tabour:dashboard-lang'

/** How often the header's clock and the live minutes move on. */
const TICK_MS = 30_000
/** A center whose settings name no zone (and an older center, whose settings have no `zoneNames`): one object, so lit sees no change. */
const NO_ZONE_NAMES = {}

/**
 * The header's clock: the day and the time of day in the center's zone, as the change log writes a
 * moment (momentInWords). It wrote "Monday 7 December, 4:25 PM" over a log reading "Monday,
 * 7 December 2026, 3:22 PM" (en-GB's day without its year takes no comma): one page, one style.
 */
const headerClock = momentInWords

@customElement('tabour-dashboard-app')
export class DashboardApp extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-block-size: 100dvh;
        background: #eef1f5;
      }
      /* the ticket tools under the live view (a class, not a style attribute: the CSP refuses inline styles) */
      .tools-card {
        margin-block-start: 1rem;
      }
      header {
        display: flex;
        /* a longer clock, a fifth tab or a third language must not push the page sideways at 1366 px */
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.25rem;
        padding-block: 0.6rem;
        padding-inline: 1.5rem;
        background: var(--tabour-primary);
        color: var(--tabour-on-primary);
      }
      .product {
        font-size: 1.35rem;
        font-weight: 700;
      }
      .center {
        opacity: 0.85;
      }
      .tabs {
        display: flex;
        gap: 0.25rem;
        margin-inline-start: 1rem;
      }
      .tabs a {
        color: var(--tabour-on-primary);
        text-decoration: none;
        padding-block: 0.35rem;
        padding-inline: 1rem;
        border-radius: 8px;
        font-weight: 600;
      }
      .tabs a[aria-current='page'] {
        background: var(--tabour-accent);
        color: var(--tabour-on-accent);
      }
      .spacer {
        flex: 1;
      }
      /* the clock, the user and the language wrap together, to the end of the header */
      .session {
        display: flex;
        align-items: center;
        gap: 1.25rem;
        margin-inline-start: auto;
      }
      header button {
        white-space: nowrap;
        background: transparent;
        border-color: var(--tabour-on-primary);
      }
      tabour-lang-switch {
        --tabour-touch-min: 2.4rem;
        font-size: 0.9rem;
      }
      main {
        flex: 1;
        padding-block: 1rem;
        padding-inline: 1.5rem;
      }
      .banner {
        margin: 0;
        padding: 0.5rem 1.5rem;
        background: #fbe4e8;
        color: var(--bad);
        font-weight: 700;
      }
      .login {
        max-inline-size: 26rem;
        margin-block: 8vh;
        margin-inline: auto;
        display: grid;
        gap: 0.9rem;
        padding: 2rem;
      }
      .login h1 {
        margin: 0;
        font-size: 1.35rem;
        color: var(--tabour-primary);
      }
      .clock {
        font-variant-numeric: tabular-nums;
        opacity: 0.9;
      }
      /* paper gets the printable report only (reports-view.ts, print-report.ts) */
      @media print {
        :host {
          background: #fff;
        }
        header,
        .banner {
          display: none;
        }
        main {
          padding: 0;
        }
      }
    `,
  ]

  @state() private language: Lang = 'ar'
  @state() private tab: Tab = 'live'
  /** The center's time (DashboardSession.clock), moved on in steps of at least half a TICK_MS: what the clock and the minutes show. */
  @state() private now = Date.now()
  private readonly session = new DashboardSession(this, screenBase('dashboard'))
  /** Where the language shows: the page's `<html>`, or the embedding element (ui-common/screen-base.ts). */
  private readonly langRoots = screenLangRoots()
  private booted = false
  private readonly onHash = () => this.readHash()

  constructor() {
    super()
    // a render every TICK_MS moves the clock and the minutes on (willUpdate reads the center's time)
    new RenderTicker(this, TICK_MS)
    this.addEventListener('lang-change', (e: LangChangeEvent) => this.setLang(e.detail.lang))
    this.addEventListener('config-changed', () => void this.session.refreshSlow().then(() => this.session.refresh()))
    // a ticket found in the ticket tools follows the pushes about it (it kept "Called" while it was served: walk s55)
    this.session.onTicketChanged = (id) => this.renderRoot.querySelector('tabour-ticket-tools')?.refresh(id)
  }

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    this.setLang(loadSessionLang(LANG_KEY, this.langRoots[0]))
    this.readHash()
    window.addEventListener('hashchange', this.onHash)
    if (!this.booted) {
      this.booted = true
      void this.session.boot()
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('hashchange', this.onHash)
  }

  /**
   * The center's time, once it moved on a tick or the first snapshot said how far this PC's clock
   * is off: not at every render, so the views that take `now` are not drawn again for each push.
   */
  protected override willUpdate(): void {
    const now = this.session.clock.now()
    if (Math.abs(now - this.now) >= TICK_MS / 2) this.now = now
  }

  override render(): TemplateResult {
    const s = this.session
    const lang = this.language
    const values = s.settings?.values
    const tz = values?.timeZone ?? 'Africa/Cairo'
    const tabs: Tab[] = s.isAdmin ? ['live', 'reports', 'config', 'hours'] : ['live', 'reports', 'config']
    const tab = tabs.includes(this.tab) ? this.tab : 'live'
    return html`<header>
        <span class="product">${dashboardText('product.name', lang)} · ${dashboardText('app.title', lang)}</span>
        ${values ? html`<span class="center">${nameIn(values, lang)}</span>` : nothing}
        ${
          s.phase === 'ready'
            ? html`<nav class="tabs" aria-label=${dashboardText('nav.sections', lang)}>${tabs.map((x) => html`<a href=${`#${x}`} data-tab=${x} aria-current=${x === tab ? 'page' : 'false'}>${tabName(x, lang)}</a>`)}</nav>`
            : nothing
        }
        <span class="spacer"></span>
        <span class="session">
          ${
            // only once the center's digits and zone are known (after sign-in): a guess would be untrue for a moment
            values ? html`<span class="clock">${headerClock(this.now, tz, lang, values.digits)}</span>` : nothing
          }
          ${s.user ? html`<span data-user=${s.user.username}>${s.user.username}</span><button type="button" data-action="logout" @click=${() => void s.logout()}>${dashboardText('logout', lang)}</button>` : nothing}
          <tabour-lang-switch .lang=${lang}></tabour-lang-switch>
        </span>
      </header>
      ${s.phase === 'ready' && !s.reachable ? html`<p class="banner" role="alert" data-banner="offline">${dashboardText('offline', lang)}</p>` : nothing}
      <main data-phase=${s.phase}>${this.body(tab, lang, digitsFor(lang, values?.digits), tz)}</main>`
  }

  private body(tab: Tab, lang: Lang, digits: DigitStyle, tz: string): TemplateResult {
    const s = this.session
    if (s.phase === 'starting') return html`<p>${dashboardText('common.loading', lang)}</p>`
    if (s.phase === 'login') return this.login(lang)
    // one h1 per screen: the tab's name, for a screen reader (the tabs above show it to the eye)
    const title = html`<h1 class="visually-hidden">${tabName(tab, lang)} · ${dashboardText('app.title', lang)}</h1>`
    switch (tab) {
      case 'live':
        return html`${title}<tabour-live-view
          .api=${s.api}
          .stats=${s.stats}
          .hourly=${s.hourly}
          .counters=${s.counters}
          .services=${s.services}
          .devices=${s.devices}
          .printerAlerts=${s.printers.current()}
          .failedJobs=${s.printers.failedJobs()}
          .backups=${s.backups}
          .lang=${lang}
          .digits=${digits}
          .timeZone=${tz}
          .now=${this.now}
          .statsAt=${s.statsAt}
          .revision=${s.revision}
        ></tabour-live-view>
          <section class="card tools-card" data-section="ticket-tools"><tabour-ticket-tools .api=${s.ticketTools} .lang=${lang} .digits=${digits} .timeZone=${tz}></tabour-ticket-tools></section>
          <section class="card" data-section="remote-join"><tabour-remote-join-card .api=${s.api} .language=${lang} .digits=${digits} .now=${this.now}></tabour-remote-join-card></section>
          <tabour-appointments-view .api=${s.api} .services=${s.services} .lang=${lang} .digits=${digits} .timeZone=${tz} .now=${this.now}></tabour-appointments-view>`
      case 'reports':
        return html`${title}<tabour-reports-view .api=${s.api} .lang=${lang} .digits=${digits} .today=${dayIn(this.now, tz)}></tabour-reports-view>`
      case 'config':
        return html`${title}<tabour-config-view .api=${s.api} .lang=${lang} .digits=${digits} .timeZone=${tz} .admin=${s.isAdmin} .lastPaired=${s.lastPaired} .pushed=${s.pushed} .zoneNames=${s.settings?.values.zoneNames ?? NO_ZONE_NAMES}></tabour-config-view>`
      case 'hours':
        return html`${title}<tabour-hours-view .api=${s.api} .lang=${lang} .digits=${digits} .services=${s.services}></tabour-hours-view>`
    }
  }

  private login(lang: Lang): TemplateResult {
    const s = this.session
    const submit = (e: Event) => {
      e.preventDefault()
      const form = e.target as HTMLFormElement
      const data = new FormData(form)
      const password = form.elements.namedItem('password') as HTMLInputElement
      // a refused attempt (a wrong password, a clerk's account) does not leave the password in its field (walk s52)
      void s.login(String(data.get('username') ?? ''), String(data.get('password') ?? '')).then(() => {
        if (s.loginError === null || !password.isConnected) return
        password.value = ''
        password.focus()
      })
    }
    return html`<form class="card login" data-form="login" @submit=${submit}>
      <h1>${dashboardText('login.title', lang)}</h1>
      <label>${dashboardText('login.username', lang)}<input name="username" autocomplete="username" dir="ltr" required /></label>
      <label>${dashboardText('login.password', lang)}<input name="password" type="password" autocomplete="current-password" dir="ltr" required /></label>
      ${s.loginError ? html`<p class="error" role="alert" data-login-error=${s.loginError}>${dashboardText(s.loginError, lang)}</p>` : nothing}
      <button type="submit" data-action="login">${dashboardText('login.submit', lang)}</button>
    </form>`
  }

  private readHash(): void {
    const h = location.hash.replace('#', '')
    this.tab = h === 'reports' || h === 'config' || h === 'hours' ? h : 'live'
  }

  private setLang(lang: Lang): void {
    this.language = lang
    applyLang(lang, this.langRoots)
    saveSessionLang(LANG_KEY, lang)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-dashboard-app': DashboardApp
  }
}
