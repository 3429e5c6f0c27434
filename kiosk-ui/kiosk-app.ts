/**
 * `<tabour-kiosk-app>`: the citizen's ticket kiosk. Pairs itself once (code on screen or
 * `?pair=CODE`), then: services → (optional priority / phone) → ticket on screen with a QR.
 * Live figures over socket.io; an out-of-service screen while the center cannot be reached,
 * and back by itself when it can; back to the start screen (and the center's start language) after `idleSeconds`.
 * The link to the center is KioskSession's; this element is the citizen's path through it.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit'
import { checkInOffered } from '../ui-common/queue-figures.ts'
import { customElement, state } from 'lit/decorators.js'
import type { PrinterStatusReport } from '../protocol/device-config.ts'
import { ErrorCodes } from '../protocol/error-codes.ts'
import { ApiError, NetworkError } from '../ui-common/api-client.ts'
import { screenBase, screenLangRoots } from '../ui-common/screen-base.ts'
import { applyLang, DEFAULT_LANG, initialLang, type Lang } from '../ui-common/i18n.ts'
import type { LangChangeEvent } from '../ui-common/lang-switch.ts'
import { applyPageTheme } from '../ui-common/theme.ts'
import '../ui-common/lang-switch.ts'
import type { IssuedTicketReply } from './kiosk-api.ts'
import type { CheckedInTicket } from './booking-check-in.ts'
import { KioskSession } from './kiosk-session.ts'
import { policyHonoursPriority } from '../protocol/call-policy.ts'
import { IdleController } from './idle-controller.ts'
import { IssueController } from './issue-controller.ts'
import { PollController } from '../ui-common/poll-controller.ts'
import { PRINT_OUTCOME_WAIT_MS, printerDownBecause, printViewFor, reprintPossible, type PrintView } from './printer-state.ts'
import { anyTicketToTake, homeHeading, kioskAppStyles, kioskFrame } from './kiosk-frame.ts'
import type { PairSubmitDetail } from '../ui-common/pairing-screen.ts'
import type { ServiceSelectDetail } from './service-grid.ts'
import type { TicketOptionsDetail } from './ticket-options.ts'
import { menuLayout, offeredOn } from '../protocol/menu-layout.ts'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import { afterNextPaint, lazyModule } from '../ui-common/lazy-module.ts'
import { loadPairingScreen } from '../ui-common/load-pairing-screen.ts'
import './service-grid.ts'
import './out-of-service.ts'
import './printer-fault-banner.ts'
import { takePairingQuery } from '../ui-common/pairing-code.ts'
import { takeFirstScreen } from '../ui-common/first-screen.ts'
import { kioskText, type KioskMessageKey } from '../protocol/messages/kiosk.ts'
import { closedNoticeView, type ClosedRefusal } from './closed-notice.ts'

type Screen =
  | { kind: 'home' }
  | { kind: 'options'; serviceId: number; key: string }
  | { kind: 'documents'; serviceId: number; key: string }
  | { kind: 'confirm'; ticket: IssuedTicketReply; print: PrintView; appointmentSlot: string | null }

const HOME: Screen = { kind: 'home' }

/*
 * Loaded when needed, not with the page (issue 22): the first chunk holds what draws the services.
 * The out-of-service screen stays in it: it must show when the center cannot be reached.
 */
/** The screens after the services and the booking check-in under them (later-screens.ts): once the services are on screen. */
const loadLaterScreens = lazyModule(() => import('./later-screens.ts'))
/** The searchable, grouped menu: only a kiosk with more services than a plain grid holds draws it. */
const loadServiceMenu = lazyModule(() => import('./service-menu.ts'))

/** Errors that mean "this service cannot take a ticket now": refresh the list, say so. */
const SERVICE_GONE = new Set<string>([
  ErrorCodes.SERVICE_INACTIVE,
  ErrorCodes.SERVICE_DAILY_CAP,
  ErrorCodes.SERVICE_NOT_FOUND,
  ErrorCodes.SERVICE_UNSTAFFED, // its last counter closed as the citizen tapped
  ErrorCodes.SERVICE_CLOSED, // closed, or its last-ticket time passed, as the citizen tapped (issue 18): said as its tile now says it
  ErrorCodes.SERVICE_NOT_OFFERED_HERE, // taken off this kiosk's services while it was on screen (issue 21)
])

@customElement('tabour-kiosk-app')
export class KioskApp extends LitElement {
  static override styles = kioskAppStyles

  @state() private language: Lang = DEFAULT_LANG
  @state() private screen: Screen = HOME
  @state() private notice: KioskMessageKey | null = null
  /** The service a tap was refused for its hours: why and when it opens, in place of `notice`'s plain words. */
  @state() private closedRefusal: ClosedRefusal | null = null

  /** The kiosk printer's last report (a push or a snapshot); null: no printer, or none heard yet. */
  @state() private printer: PrinterStatusReport | null = null
  /** Gives up waiting for the shown ticket's print outcome (then: photograph this screen). */
  private printWait: ReturnType<typeof setTimeout> | undefined
  private booted = false
  /** The page's pre-rendered first screen has been replaced by the app's own (ui-common/first-screen.ts). */
  private firstScreenTaken = false
  /** The later screens' load is on its way (after the first services were drawn). */
  private laterScheduled = false
  /** Someone (or the address's ?lang=) picked the language since the last idle reset. */
  private langChosen = false

  /** Where the language shows: the page's `<html>`, or the embedding element (ui-common/screen-base.ts). */
  private readonly langRoots = screenLangRoots()
  private readonly session = new KioskSession(this, screenBase('kiosk'), {
    onPrinterReport: (report) => this.onPrinterReport(report),
    onInterrupted: () => {
      // a half-answered question is dropped; a ticket already on screen stays (the citizen needs it)
      if (this.screen.kind === 'options' || this.screen.kind === 'documents') this.screen = HOME
    },
    onSettings: (settings) => {
      // the center's start language, until someone picks one (or the page's ?lang= chose)
      if (!this.langChosen) this.setLanguage(settings.startLang)
      this.idle.arm(settings.idleSeconds)
    },
  })
  private readonly idle = new IdleController(this, () => this.onIdle())
  private readonly issuer = new IssueController(this, this.session.base)
  /** Opening hours change with the clock, not with an event: fresh figures every minute (issue 18). */
  private readonly hoursTick = new PollController(
    this,
    async () => {
      this.session.refreshServices()
      await this.session.refreshGroups()
    },
    60_000,
  )

  constructor() {
    super()
    this.addEventListener('lang-change', (e: LangChangeEvent) => {
      this.langChosen = true
      this.setLanguage(e.detail.lang)
    })
  }

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    this.langChosen = new URLSearchParams(location.search).has('lang')
    this.setLanguage(initialLang(this.langRoots[0]))
    if (!this.booted) {
      this.booted = true
      void this.session.pairing.boot(takePairingQuery())
      // the start-up load fetches the services and groups already: no second request at start
      this.hoursTick.start(true)
    }
  }

  override render(): TemplateResult {
    const lang = this.language
    const session = this.session
    if (session.phase === 'starting') return html`<div class="loading">${kioskText('common.loading', lang)}</div>`
    if (session.phase === 'pairing') {
      void loadPairingScreen()
      return html`<tabour-pairing-screen
        data-screen="pairing"
        .lang=${lang}
        .busy=${session.pairing.busy}
        .error=${session.pairing.error}
        .initialCode=${session.pairing.code}
        @pair-submit=${(e: CustomEvent<PairSubmitDetail>) => void session.pairing.pair(e.detail.code, false)}
      ></tabour-pairing-screen>`
    }
    // a ticket already on screen stays there: the citizen needs it more than the bad news
    if (!session.reachable && this.screen.kind !== 'confirm')
      return html`<tabour-out-of-service data-screen="out-of-service"></tabour-out-of-service>`
    const center = session.center
    if (!center) return html`<div class="loading">${kioskText('common.loading', lang)}</div>`
    return kioskFrame({
      lang,
      center,
      screen: this.screen.kind,
      body: this.renderScreen(lang),
      langSwitch: html`<tabour-lang-switch .lang=${lang}></tabour-lang-switch>`,
      feed: session.synced ? 'synced' : 'joining',
    })
  }

  /**
   * The questions screen whose questions stopped applying while it was on screen (the manager
   * moved the policy to fifo or sla, or the kiosk's config stopped asking: `config:changed`) goes
   * back to the services, nothing issued: a ticket only ever comes from a tap. With the phone
   * still asked, the options step to it by themselves (ticket-options.ts).
   */
  protected override willUpdate(): void {
    if (this.screen.kind === 'options' && !this.asksPriority && !this.session.settings.askPhone) this.screen = HOME
  }

  /**
   * Once the app draws a screen of its own, the first screen the page came with goes (in the same
   * frame: nothing moves), and a service tapped on it is taken as tapped here. Once the services
   * have been drawn, the later screens load behind them.
   */
  override updated(): void {
    const session = this.session
    if (!this.firstScreenTaken && session.phase !== 'starting' && (session.center || session.phase === 'pairing' || !session.reachable)) {
      this.firstScreenTaken = true
      const tapped = takeFirstScreen()
      if (tapped !== null && session.phase === 'ready' && session.reachable && this.screen.kind === 'home') this.onServiceSelect(tapped)
    }
    if (this.laterScheduled || !this.session.center || !this.session.reachable) return
    this.laterScheduled = true
    afterNextPaint(() => void loadLaterScreens())
  }

  /** Why the last tap was refused: for the hours, the refusal's own facts in the tile's words; else the plain notice. */
  private renderNotice(services: readonly ServiceWithQueue[], lang: Lang, digits: DigitStyle): TemplateResult | typeof nothing {
    const refusal = this.closedRefusal
    if (refusal) {
      const service = services.find((s) => s.id === refusal.serviceId)
      return closedNoticeView(refusal, service, this.session.center?.timeZone, lang, digits)
    }
    if (!this.notice) return nothing
    return html`<p class="notice danger-notice" role="alert" data-notice=${this.notice}>${kioskText(this.notice, lang)}</p>`
  }

  private renderScreen(lang: Lang): TemplateResult {
    const screen = this.screen
    if (screen.kind !== 'home') void loadLaterScreens()
    const { services, settings } = this.session
    const digits = lang === 'ar' ? settings.digits : 'western'
    switch (screen.kind) {
      case 'home': {
        const offered = offeredOn(services, settings.serviceIds)
        return html`
          ${homeHeading(lang, anyTicketToTake(offered))}
          ${this.renderNotice(services, lang, digits)}
          <tabour-printer-fault-banner .problem=${printerDownBecause(this.printer)} .lang=${lang}></tabour-printer-fault-banner>
          ${this.renderMenu(offered, lang, digits)}
          ${
            // no service takes bookings or joins from a phone: no code could be checked in, so no "I have a booking"
            checkInOffered(services)
              ? html`<tabour-booking-check-in .base=${this.session.base} .token=${this.session.token} .lang=${lang} .digits=${digits} .timeZone=${this.session.center?.timeZone ?? 'Africa/Cairo'} .ticketsNow=${this.sells} @check-in-ticket=${(e: CustomEvent<CheckedInTicket>) => this.showTicket(e.detail.ticket, e.detail.onPhone, e.detail.appointmentSlot)} @service-select=${(e: CustomEvent<ServiceSelectDetail>) => this.onServiceSelect(e.detail.serviceId)}></tabour-booking-check-in>`
              : nothing
          }
        `
      }
      case 'documents': {
        const service = services.find((s) => s.id === screen.serviceId)
        return html`
          <h1>${service ? (lang === 'ar' ? service.nameAr : service.nameEn) : ''}</h1>
          <tabour-documents-step
            .documents=${service?.documents ?? []}
            .lang=${lang}
            .busy=${this.issuer.busy}
            @documents-confirm=${() => this.afterDocuments(screen.serviceId, screen.key)}
            @documents-back=${() => this.goHome()}
          ></tabour-documents-step>
        `
      }
      case 'options': {
        const service = services.find((s) => s.id === screen.serviceId)
        return html`
          <h1>${service ? (lang === 'ar' ? service.nameAr : service.nameEn) : ''}</h1>
          <tabour-ticket-options
            .askPriority=${this.asksPriority}
            .askPhone=${settings.askPhone}
            .categories=${this.session.center?.priorityCategories ?? []}
            .phonePattern=${settings.phonePattern}
            .messagesOn=${this.session.center?.messagesOn ?? false}
            .lang=${lang}
            .digits=${digits}
            .busy=${this.issuer.busy}
            @options-complete=${(e: CustomEvent<TicketOptionsDetail>) => void this.issue(screen.serviceId, screen.key, e.detail)}
            @options-cancel=${() => this.goHome()}
          ></tabour-ticket-options>
        `
      }
      case 'confirm': {
        const ticket = screen.ticket
        const service = services.find((s) => s.id === ticket.serviceId) ?? null
        return html`<tabour-ticket-confirmation
          .ticket=${ticket}
          .service=${service}
          .documents=${service?.documents ?? []}
          .statusUrl=${ticket.statusUrl ?? `${location.origin}${this.session.base}/t/${encodeURIComponent(ticket.id)}`}
          .printing=${screen.print}
          .reprintable=${reprintPossible(this.session.printers.values(), ticket.id)}
          .category=${this.session.center?.priorityCategories.find((c) => c.code === ticket.priority) ?? null}
          .appointment=${screen.appointmentSlot === null ? null : { slotStart: screen.appointmentSlot, timeZone: this.session.center?.timeZone ?? 'Africa/Cairo' }}
          .lang=${lang}
          .digits=${settings.digits}
          .timeZone=${this.session.center?.timeZone}
          @confirmation-done=${() => this.goHome()}
        ></tabour-ticket-confirmation>`
      }
    }
  }

  /**
   * The services: the plain grid, as it always was, for a kiosk with few (protocol/service-menu.ts
   * menuLayout); past FLAT_MENU_MAX the menu with its search box and groups (issue 21).
   */
  private renderMenu(offered: ServiceWithQueue[], lang: Lang, digits: DigitStyle): TemplateResult {
    const select = (e: CustomEvent<ServiceSelectDetail>) => this.onServiceSelect(e.detail.serviceId)
    const search = menuLayout(offered).search
    if (search) void loadServiceMenu()
    if (!search)
      return html`<tabour-service-grid
        .services=${offered}
        .lang=${lang}
        .digits=${digits}
        .timeZone=${this.session.center?.timeZone}
        .busyServiceId=${this.issuer.busyServiceId}
        @service-select=${select}
      ></tabour-service-grid>`
    return html`<tabour-service-menu
      .services=${offered}
      .groups=${this.session.groups}
      .lang=${lang}
      .digits=${digits}
      .timeZone=${this.session.center?.timeZone}
      .busyServiceId=${this.issuer.busyServiceId}
      @service-select=${select}
    ></tabour-service-menu>`
  }

  private onPrinterReport(report: PrinterStatusReport): void {
    this.printer = report
    const screen = this.screen
    // only a ticket still "printing…" changes: "take your ticket" and "photograph this screen" stay as said
    if (screen.kind !== 'confirm' || screen.print !== 'printing') return
    const view = printViewFor(report, screen.ticket.id)
    if (view) this.showPrint(view)
  }

  /** The shown ticket's paper is settled ('printed' or 'problem'), or is now awaited for at most PRINT_OUTCOME_WAIT_MS. */
  private showPrint(print: PrintView): void {
    clearTimeout(this.printWait)
    if (this.screen.kind === 'confirm') this.screen = { ...this.screen, print }
    if (print === 'printing') this.printWait = setTimeout(() => this.showPrint('problem'), PRINT_OUTCOME_WAIT_MS)
  }

  /** The priority question only when the kiosk's config asks it and the center's policy serves priority first. */
  private get asksPriority(): boolean {
    return this.session.settings.askPriority && policyHonoursPriority(this.session.center?.callPolicy)
  }

  /** Whether a ticket of the service can be taken here now (its tile offered), as onServiceSelect asks: the check-in's "too late" offers one only then. */
  private readonly sells = (serviceId: number): boolean => this.session.services.find((s) => s.id === serviceId)?.available === true

  private onServiceSelect(serviceId: number): void {
    if (this.issuer.busy) return
    const service = this.session.services.find((s) => s.id === serviceId)
    if (!service?.available) return
    this.notice = null
    this.closedRefusal = null
    const key = this.issuer.keyFor(serviceId)
    // what to bring first (issue 21), unless the service turned the "I have them" step off
    if (service.documents?.length && service.confirmDocuments !== false) this.screen = { kind: 'documents', serviceId, key }
    else this.afterDocuments(serviceId, key)
  }

  /** The documents are confirmed (or not asked about): the optional questions, or the ticket. */
  private afterDocuments(serviceId: number, key: string): void {
    if (this.asksPriority || this.session.settings.askPhone) this.screen = { kind: 'options', serviceId, key }
    else void this.issue(serviceId, key, {})
  }

  private async issue(serviceId: number, key: string, answers: TicketOptionsDetail): Promise<void> {
    const token = this.session.token
    if (token === null || this.issuer.busy) return
    try {
      this.showTicket(await this.issuer.issue(token, { serviceId, lang: this.language, ...answers }, key))
    } catch (err) {
      this.screen = HOME
      if (err instanceof NetworkError) this.session.serverDown()
      else if (err instanceof ApiError && err.status === 401) this.session.unpair()
      else if (err instanceof ApiError && SERVICE_GONE.has(err.code)) {
        this.notice = 'kiosk.serviceGone'
        this.session.refreshServices()
        if (err.code === ErrorCodes.SERVICE_CLOSED && err.closed) this.closedRefusal = { serviceId, closed: err.closed }
      } else this.notice = 'kiosk.issueFailed'
    }
  }

  /**
   * A new ticket on screen (issued here, or a check-in), its paper followed as the printer reports;
   * `onPhone`: a place joined from a phone, whose page is the ticket (nothing is printed for it);
   * `appointmentSlot`: the slot of the booking a check-in gave it for (the screen marks it).
   */
  private showTicket(ticket: IssuedTicketReply, onPhone = false, appointmentSlot: string | null = null): void {
    // the job's outcome may have been pushed before the answer arrived; until it is, "printing…"
    const known = this.printer?.lastJob?.ticketId === ticket.id ? printViewFor(this.printer, ticket.id) : null
    this.screen = { kind: 'confirm', ticket, print: 'problem', appointmentSlot }
    if (onPhone) this.showPrint('phone')
    else this.showPrint(ticket.printing === 'none' ? 'none' : ticket.printing !== 'queued' ? 'problem' : (known ?? 'printing'))
    this.idle.restart()
  }

  private setLanguage(lang: Lang): void {
    this.language = lang
    applyLang(lang, this.langRoots)
  }

  private goHome(): void {
    clearTimeout(this.printWait)
    this.screen = HOME
    this.notice = null
    this.closedRefusal = null
  }

  /** Nobody touched the kiosk for `idleSeconds`: ready for the next citizen, in the center's start language (Arabic unless set). */
  private onIdle(): void {
    if (this.session.phase !== 'ready') return
    if (this.issuer.busy) {
      this.idle.restart()
      return
    }
    this.goHome()
    // the menu may not be loaded yet (never shown): then there is nothing to reset
    this.renderRoot.querySelector('tabour-service-menu')?.reset?.()
    this.langChosen = false
    const start = this.session.settings.startLang
    if (this.language !== start) this.setLanguage(start)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-kiosk-app': KioskApp
  }
}
