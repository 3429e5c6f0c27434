/**
 * `<tabour-counter-app>`: the clerk's counter console. Log in, choose a counter, then serve:
 * the current ticket big, the legal next actions only (each with its key), the lines this
 * counter draws from and the clerk's day beside it. State comes from the server only (answers
 * and pushes, through ConsoleSession); while it is away the buttons wait under a banner, and a
 * session that ends asks for the password in a dialog over the unchanged screen.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit'
import { checkInOffered } from '../ui-common/queue-figures.ts'
import { customElement, state } from 'lit/decorators.js'
import type { Service } from '../protocol/entities.ts'
import { screenBase, screenLangRoots } from '../ui-common/screen-base.ts'
import { digitsFor, formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import { applyLang, type Lang } from '../ui-common/i18n.ts'
import { isolate } from '../ui-common/bilingual.ts'
import { loadSessionLang, saveSessionLang } from '../ui-common/session-lang.ts'
import type { LangChangeEvent } from '../ui-common/lang-switch.ts'
import { randomUuid } from '../ui-common/random-id.ts'
import { applyPageTheme } from '../ui-common/theme.ts'
import '../ui-common/lang-switch.ts'
import '../ui-common/printer-alert-banner.ts'
import { DIALOG_ACTIONS, isTypingTarget, legalConsoleActions, shortcutAction, type ConsoleAction } from './console-actions.ts'
import type { ConsoleActionDetail } from './action-bar.ts'
import type { CounterOpenDetail } from './counter-chooser.ts'
import type { DialogSpec } from './console-dialog.ts'
import { ConsoleSession, type ActionInput } from './console-session.ts'
import { parkNoticeNow } from './parking-state.ts'
import { fetchVisit } from './console-api.ts'
import { CountdownController } from './countdown-controller.ts'
import { consoleStyles, dialogStyles } from './console-styles.ts'
import { frameStyles } from './frame-styles.ts'
import type { LoginSubmitDetail } from './login-form.ts'
import { counterQueue, OLDEST_FIRST, type LineOrder } from './queue-model.ts'
import { consoleText } from '../protocol/messages/console.ts'
import { SEPARATOR } from '../protocol/messages/separator.ts'
import './console-check-in.ts'
import { noShowConfirm } from './no-show-confirm.ts'
import { transferCounters, transferServices } from './transfer-targets.ts'
import './action-bar.ts'
import './console-dialog.ts'
import './logout-dialog.ts'
import type { LogoutChoice } from './logout-dialog.ts'
import { staffingText } from '../protocol/messages/staffing.ts'
import './counter-chooser.ts'
import './current-ticket.ts'
import './ticket-origin.ts'
import './login-form.ts'
import './my-day.ts'
import './no-show-list.ts'
import type { ReinstateDetail } from './no-show-list.ts'
import './queue-panel.ts'
import './park-dialog.ts'
import './parked-list.ts'
import './park-button.ts'
import type { ParkConfirmDetail } from './park-dialog.ts'
import type { ResumeParkedDetail } from './parked-list.ts'
import '../ui-common/ticket-tools.ts'
import '../ui-common/walk-in-ticket.ts'
import { TicketToolsApi } from '../ui-common/ticket-tools-api.ts'
import { RenderTicker } from '../ui-common/render-ticker.ts'
import { counterName } from './counter-name.ts'

/** The ticket moves that free the counter (the logout dialog names those the ticket allows now). */
const FREEING: ReadonlySet<ConsoleAction> = new Set<ConsoleAction>(['finish', 'transfer', 'park', 'no_show'])

const LANG_KEY = 'tabour:counter-lang'

/**
 * A notice's values with a name someone typed (a clerk's, a printer's) isolated from the sentence
 * around it, a counter's number in the screen's digits; labels and counts as they are.
 */
const isolateNames = (values: Record<string, string | number>, digits: DigitStyle) =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      k === 'name' && typeof v === 'string' ? isolate(v) : k === 'counter' && typeof v === 'number' ? formatNumber(v, { digits }) : v,
    ]),
  )

type OpenDialog = { action: ConsoleAction; spec: DialogSpec } | { action: 'takeover'; counterId: number; spec: DialogSpec }

@customElement('tabour-counter-app')
export class CounterApp extends LitElement {
  static override styles = [...consoleStyles, dialogStyles, frameStyles]

  @state() private language: Lang = 'ar'
  @state() private dialog: OpenDialog | null = null
  /** The logout question (close or pause the counter first) is up. */
  @state() private askingLogout = false
  /** The center's time at this render (ConsoleSession.clock), set before each one: every "N min" counts from it. */
  @state() private now = Date.now()
  /** The park dialog is up (parking has its own dialog: parking/park-dialog.ts). */
  @state() private parking = false

  private readonly session = new ConsoleSession(this, screenBase('counter'))
  /** Where the language shows: the page's `<html>`, or the embedding element (ui-common/screen-base.ts). */
  private readonly langRoots = screenLangRoots()
  private readonly ticketTools = new TicketToolsApi(this.session.base, this.session.staff)
  /** Counts the no-show wait down each second and enables the button the moment the server accepts it. */
  private readonly noShowCountdown = new CountdownController(this, () => this.session.noShowWait()?.until ?? null)
  private booted = false
  private readonly onKey = (e: KeyboardEvent) => this.onKeyDown(e)

  constructor() {
    super()
    // a render every 15 s moves the minutes on (willUpdate reads the clock)
    new RenderTicker(this, 15_000)
    this.addEventListener('lang-change', (e: LangChangeEvent) => this.setLang(e.detail.lang))
    this.session.onTicketChanged = (id) => this.renderRoot.querySelector('tabour-ticket-tools')?.refresh(id)
  }

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    this.setLang(loadSessionLang(LANG_KEY, this.langRoots[0]))
    document.addEventListener('keydown', this.onKey)
    if (!this.booted) {
      this.booted = true
      void this.session.boot()
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    document.removeEventListener('keydown', this.onKey)
  }

  /** Figures in the console's language: the center's digits in Arabic, Western in English (protocol/messages/digits.ts). */
  private get digits(): DigitStyle {
    return digitsFor(this.language, this.session.center?.digits)
  }

  override render(): TemplateResult {
    const s = this.session
    const notice = parkNoticeNow(s.notice, s.parking.parked, this.now)
    const lang = this.language
    const counter = s.phase === 'console' ? s.myCounter : null
    return html`
      <header>
        <span class="product">${consoleText('product.name', lang)} · ${consoleText('app.title', lang)}</span>
        ${
          counter
            ? html`<h1 class="where" data-counter-number=${counter.number}>${consoleText('counter.number', lang, { n: formatNumber(counter.number, { digits: this.digits }) })}${SEPARATOR}${counterName(counter.name, lang)}</h1>
              <span class="pill" data-counter-state=${counter.state}>${consoleText(`state.${counter.state}`, lang)}</span>`
            : nothing
        }
        <span class="spacer"></span>
        ${
          // the clerk's name, as the center knows them (the login only when it has none): «أحمد حسن», not "clerk1"
          s.user
            ? html`<span class="user" data-user=${s.user.username}><bdi>${s.user.displayName.trim() || s.user.username}</bdi></span>`
            : nothing
        }
        ${s.phase === 'choose' ? html`<button type="button" data-action="logout" @click=${() => void s.logout()}>${consoleText('logout', lang)}</button>` : nothing}
        ${counter ? html`<button type="button" data-action="logout" @click=${() => (this.askingLogout = true)}>${staffingText('staffing.logout', lang)}</button>` : nothing}
        <tabour-lang-switch .lang=${lang}></tabour-lang-switch>
      </header>
      ${!s.reachable && s.phase !== 'login' ? html`<p class="banner" role="alert" data-banner="offline">${consoleText('offline.banner', lang)}</p>` : nothing}
      ${
        notice
          ? html`<p class="notice" role="status" data-notice=${notice.key} data-tone=${notice.tone}>
            <span>${consoleText(notice.key, lang, isolateNames(notice.values ?? {}, this.digits))}</span>
            <button type="button" data-action="dismiss" @click=${() => s.dismissNotice()}>✕</button>
          </p>`
          : nothing
      }
      ${s.phase !== 'login' ? html`<tabour-printer-alert-banner .alerts=${s.printers.current()} .failedJobs=${s.printers.failedJobs()} .lang=${lang} .digits=${this.digits} .timeZone=${s.center?.timeZone ?? 'Africa/Cairo'} .now=${this.now}></tabour-printer-alert-banner>` : nothing}
      <main data-phase=${s.phase}>${this.renderPhase(lang)}</main>
      ${
        this.dialog
          ? html`<tabour-console-dialog
            .lang=${lang}
            .digits=${this.digits}
            .spec=${this.dialog.spec}
            .busy=${s.busy !== null || !s.reachable}
            @dialog-confirm=${(e: CustomEvent<{ input: ActionInput }>) => void this.onDialogConfirm(e.detail.input)}
            @dialog-cancel=${() => (this.dialog = null)}
          ></tabour-console-dialog>`
          : nothing
      }
      ${this.parking && s.currentTicket ? this.renderParkDialog(lang) : nothing}
      ${s.walkIn ? this.renderWalkIn(lang) : nothing}
      ${
        this.askingLogout && counter
          ? html`<tabour-logout-dialog
            .lang=${lang}
            .digits=${this.digits}
            .counter=${counter}
            .ways=${this.legal().filter((a) => FREEING.has(a))}
            .busy=${s.busy !== null || !s.reachable}
            @logout-choice=${(e: CustomEvent<{ choice: LogoutChoice }>) => void this.logoutWith(e.detail.choice)}
            @logout-cancel=${() => (this.askingLogout = false)}
          ></tabour-logout-dialog>`
          : nothing
      }
      ${
        s.reloginNeeded
          ? html`<div class="overlay" data-dialog="relogin">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="relogin-title">
              <h2 id="relogin-title">${consoleText('relogin.title', lang)}</h2>
              <p>${consoleText('relogin.body', lang)}</p>
              <tabour-counter-login
                .lang=${lang}
                .busy=${s.busy === 'login'}
                .error=${s.loginError}
                .username=${s.username}
                @login-submit=${(e: CustomEvent<LoginSubmitDetail>) => void s.login(e.detail.username, e.detail.password)}
              ></tabour-counter-login>
            </div>
          </div>`
          : nothing
      }
    `
  }

  private renderPhase(lang: Lang): TemplateResult {
    const s = this.session
    switch (s.phase) {
      case 'starting':
        return html`<p>${consoleText('common.loading', lang)}</p>`
      case 'login':
        return html`<section class="card login">
          <h1>${consoleText('login.title', lang)}</h1>
          <tabour-counter-login
            .lang=${lang}
            .busy=${s.busy === 'login'}
            .error=${s.loginError}
            .username=${s.username}
            @login-submit=${(e: CustomEvent<LoginSubmitDetail>) => void s.login(e.detail.username, e.detail.password)}
          ></tabour-counter-login>
        </section>`
      case 'choose':
        return html`<h1>${consoleText('choose.title', lang)}</h1>
          <p class="sub">${consoleText('choose.hint', lang)}</p>
          <tabour-counter-chooser
            .lang=${lang}
            .digits=${this.digits}
            .counters=${s.live.counters}
            .services=${s.chooserServices}
            .userId=${s.user?.id ?? null}
            .canTakeOver=${s.user?.role === 'manager' || s.user?.role === 'admin'}
            .disabled=${s.busy !== null || !s.reachable}
            @counter-open=${(e: CustomEvent<CounterOpenDetail>) => this.onCounterOpen(e.detail)}
          ></tabour-counter-chooser>`
      case 'console': {
        const counter = s.myCounter
        if (!counter) return html`<p>${consoleText('common.loading', lang)}</p>`
        const ticket = s.currentTicket
        const services: Service[] = s.live.services
        return html`<div class="column">
            <tabour-current-ticket
              .lang=${lang}
              .digits=${this.digits}
              .ticket=${ticket}
              .counter=${counter}
              .service=${ticket ? (services.find((x) => x.id === ticket.serviceId) ?? null) : null}
              .categories=${s.center?.priorityCategories ?? []}
              .now=${this.now}
              .timeZone=${s.center?.timeZone ?? 'Africa/Cairo'}
            ><tabour-ticket-origin slot="origin" .ticket=${ticket} .staff=${s.staff} .base=${s.base} .lang=${lang} .digits=${this.digits} .timeZone=${s.center?.timeZone ?? 'Africa/Cairo'}></tabour-ticket-origin></tabour-current-ticket>
            <section class="card">
              <tabour-action-bar .lang=${lang} .digits=${this.digits} .actions=${this.legal().filter((a) => a !== 'park')} .busy=${s.busy} .disabled=${!s.reachable || s.reloginNeeded || this.dialog !== null || this.parking} .noShowWait=${this.noShowWaitShown()}></tabour-action-bar>
              <tabour-park-button .lang=${lang} .available=${this.legal().includes('park')} .disabled=${s.busy !== null || !s.reachable || s.reloginNeeded || this.dialog !== null || this.parking}></tabour-park-button>
            </section>
            <section class="card"><tabour-ticket-tools .api=${this.ticketTools} .lang=${lang} .digits=${this.digits} .timeZone=${s.center?.timeZone}></tabour-ticket-tools></section>
            ${
              checkInOffered(s.live.services)
                ? html`<section class="card"><tabour-console-check-in .base=${s.base} .staff=${s.staff} .lang=${lang} .digits=${this.digits} .timeZone=${s.center?.timeZone ?? 'Africa/Cairo'}></tabour-console-check-in></section>`
                : nothing
            }
          </div>
          <div class="column">
            <tabour-queue-panel .lang=${lang} .digits=${this.digits} .timeZone=${s.center?.timeZone ?? 'Africa/Cairo'} .queue=${counterQueue(counter, services, s.live.tickets.values(), this.now, { order: this.lineOrder() })}></tabour-queue-panel>
            <tabour-no-show-list
              .lang=${lang}
              .digits=${this.digits}
              .noShows=${s.noShows}
              .now=${this.now}
              .disabled=${s.busy !== null || !s.reachable || s.reloginNeeded}
              @reinstate=${(e: CustomEvent<ReinstateDetail>) => void s.reinstate(e.detail.ticketId)}
            ></tabour-no-show-list>
            ${
              s.parking.parked.length > 0
                ? html`<tabour-parked-list
              .lang=${lang}
              .digits=${this.digits}
              .parked=${s.parking.parked}
              .reasons=${s.parking.reasons}
              .now=${this.now}
              .waitsFor=${ticket !== null ? 'ticket' : counter.state !== 'open' ? 'paused' : null}
              .disabled=${s.busy !== null || !s.reachable || s.reloginNeeded}
              @resume-parked=${(e: CustomEvent<ResumeParkedDetail>) => void s.resumeParked(e.detail.ticketId)}
            ></tabour-parked-list>`
                : nothing
            }
            <tabour-my-day .lang=${lang} .digits=${this.digits} .stats=${s.stats}></tabour-my-day>
          </div>`
      }
    }
  }

  private renderParkDialog(lang: Lang): TemplateResult {
    const s = this.session
    return html`<tabour-park-dialog
      .lang=${lang}
      .digits=${this.digits}
      .label=${s.currentTicket?.label ?? ''}
      .reasons=${s.parking.reasons}
      .maxMinutes=${s.parking.maxMinutes}
      .busy=${s.busy !== null || !s.reachable}
      @park-confirm=${(e: CustomEvent<ParkConfirmDetail>) => void this.park(e.detail)}
      @park-cancel=${() => (this.parking = false)}
    ></tabour-park-dialog>`
  }

  private async park(detail: ParkConfirmDetail): Promise<void> {
    const ok = await this.session.act('park', { reason: detail.reason, minutes: detail.minutes, note: detail.note })
    if (ok || !this.session.reloginNeeded) this.parking = false
  }

  /** The walk-in just issued, whole, with its QR (and "print on…" when the center has printers). */
  private renderWalkIn(lang: Lang): TemplateResult {
    const s = this.session
    const ticket = s.walkIn!
    const service = s.live.services.find((x) => x.id === ticket.serviceId)
    const category = s.center?.priorityCategories.find((c) => c.code === ticket.priority) ?? null
    return html`<tabour-walk-in-ticket
      .ticket=${ticket}
      .serviceName=${service ? { ar: service.nameAr, en: service.nameEn } : null}
      .category=${category}
      .api=${this.ticketTools}
      .lang=${lang}
      @walk-in-close=${() => {
        s.walkIn = null
        this.requestUpdate()
      }}
    ></tabour-walk-in-ticket>`
  }

  /** Every render counts from the center's time now: a pause begun a moment ago says 0 min, not a ticker's worth less. */
  protected override willUpdate(): void {
    this.now = this.session.clock.now()
  }

  protected override firstUpdated(): void {
    this.addEventListener('console-action', (e: Event) => this.run((e as CustomEvent<ConsoleActionDetail>).detail.action))
  }

  /** How a call takes the lines, as the center's policy says (the queue panel's next labels; the counter brings its streak). */
  private lineOrder(): LineOrder {
    const center = this.session.center
    return {
      policy: center?.callPolicy ?? OLDEST_FIRST.policy,
      priorityAgingSeconds: center?.priorityAgingSeconds ?? OLDEST_FIRST.priorityAgingSeconds,
      maxPriorityInARow: center?.maxPriorityInARow ?? OLDEST_FIRST.maxPriorityInARow,
      maxAppointmentsInARow: center?.maxAppointmentsInARow ?? OLDEST_FIRST.maxAppointmentsInARow,
    }
  }

  /** The no-show wait as the action bar shows it: whole seconds left and whether a recall ends it; null when none. */
  private noShowWaitShown(): { seconds: number; recallLifts: boolean } | null {
    const wait = this.session.noShowWait()
    return wait && { seconds: this.noShowCountdown.secondsLeft(), recallLifts: wait.recallLifts }
  }

  private legal(): ConsoleAction[] {
    const counter = this.session.myCounter
    if (!counter) return []
    return legalConsoleActions(counter.state, this.session.currentTicket?.status ?? null)
  }

  /** Closes or pauses the counter, then logs out; a refusal (a ticket still held) stays on screen as a notice. */
  private async logoutWith(choice: LogoutChoice): Promise<void> {
    const done = await this.session.act(choice)
    this.askingLogout = false
    if (done) await this.session.logout()
  }

  private onKeyDown(e: KeyboardEvent): void {
    const s = this.session
    if (s.phase !== 'console' || this.dialog || this.parking || s.walkIn || this.askingLogout || s.reloginNeeded || !s.reachable || s.busy)
      return
    const action = shortcutAction(
      {
        code: e.code,
        repeat: e.repeat,
        ctrlKey: e.ctrlKey,
        altKey: e.altKey,
        metaKey: e.metaKey,
        typing: isTypingTarget(e.composedPath()),
      },
      this.legal(),
    )
    if (!action) return
    e.preventDefault()
    this.run(action)
  }

  /** An action from a button or a key: straight to the server, or through its dialog first. */
  private run(action: ConsoleAction): void {
    const s = this.session
    if (s.busy || !s.reachable || this.dialog || this.parking || !this.legal().includes(action)) return
    // the server would refuse it yet: the button says when (the X key must not get round it)
    if (action === 'no_show' && s.noShowWait() !== null) return
    if (action === 'park') {
      this.parking = true
      return
    }
    if (!DIALOG_ACTIONS.has(action)) {
      void s.act(action)
      return
    }
    const counter = s.myCounter!
    const ticket = s.currentTicket
    const label = ticket?.label ?? ''
    let spec: DialogSpec
    switch (action) {
      case 'finish':
        spec = { kind: 'finish', label, outcomes: s.center?.finishOutcomes ?? [] }
        if (ticket) void this.addNextStep(ticket.id)
        break
      case 'transfer':
        spec = {
          kind: 'transfer',
          label,
          services: transferServices(s.live.services, ticket?.serviceId),
          counters: transferCounters(s.live.counters, counter.id),
        }
        break
      case 'pause':
        spec = { kind: 'pause' }
        break
      case 'call_ticket':
        spec = { kind: 'call_ticket', callable: counterQueue(counter, s.live.services, s.live.tickets.values(), s.clock.now()).callable }
        break
      case 'issue':
        spec = {
          kind: 'issue',
          services: s.live.services.filter((x) => x.active),
          categories: s.center?.priorityCategories ?? [],
          idempotencyKey: randomUuid(),
        }
        break
      case 'no_show':
        spec = { kind: 'confirm', ...noShowConfirm(label, s.center?.noShowGraceMinutes), confirmLabel: 'action.no_show' }
        break
      default:
        spec = {
          kind: 'confirm',
          message: 'close.confirm',
          values: { n: formatNumber(counter.number, { digits: this.digits }) },
          confirmLabel: 'action.close',
        }
    }
    this.dialog = { action, spec }
  }

  /**
   * The finish dialog of a visit of several steps says where the ticket goes next (walk of
   * 2026-12-07: «إنهاء خدمة A-003» said nothing of the next line). Asked once the dialog is up, so it
   * opens at once; added only while that dialog is still open for that ticket. A failure leaves it out.
   */
  private async addNextStep(ticketId: string): Promise<void> {
    const visit = await fetchVisit(this.session.base, ticketId).catch(() => null)
    const open = this.dialog
    if (!visit?.next || open?.spec.kind !== 'finish' || this.session.currentTicket?.id !== ticketId) return
    const next = { serviceName: visit.next, step: visit.step + 1, of: visit.of }
    this.dialog = { ...open, spec: { ...open.spec, next } } as OpenDialog
  }

  private onCounterOpen(detail: CounterOpenDetail): void {
    const s = this.session
    if (!detail.takeover) {
      void s.open(detail.counterId)
      return
    }
    const counter = s.live.counters.find((c) => c.id === detail.counterId)
    const name = counter?.clerk ? counter.clerk.displayName || counter.clerk.username : ''
    this.dialog = {
      action: 'takeover',
      counterId: detail.counterId,
      spec: {
        kind: 'confirm',
        message: 'choose.takeoverConfirm',
        values: { n: counter?.number ?? '', name: isolate(name) },
        confirmLabel: 'choose.takeover',
      },
    }
  }

  private async onDialogConfirm(input: ActionInput): Promise<void> {
    const dialog = this.dialog
    if (!dialog) return
    const s = this.session
    if (dialog.action === 'takeover') {
      this.dialog = null
      await s.open(dialog.counterId, true)
      return
    }
    const ok = await s.act(dialog.action, input)
    // after "log in again" the clerk confirms the same dialog (a typed note is not lost)
    if (ok || !s.reloginNeeded) this.dialog = null
  }

  private setLang(lang: Lang): void {
    this.language = lang
    applyLang(lang, this.langRoots)
    saveSessionLang(LANG_KEY, lang)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-counter-app': CounterApp
  }
}
