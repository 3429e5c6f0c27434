/**
 * `<tabour-join-page>`: joining a service's line from a phone (issue 19), at `<base>/join/ar/`
 * (what the center's poster QR opens) or `<base>/join/en/`. Lists the services that take remote
 * joins with how many wait now and how the place works (held until check-in, or called in
 * turn), optionally takes a mobile number, joins, and opens the ticket's live status page.
 * A refused join says why in the page's language (joinErrorKey; for the hours, the refusal's own facts). At `<base>/join/poster/` it
 * shows the printable poster instead (join-poster.ts).
 */
import { langQuery } from '../../protocol/lang-query.ts'
import { hoursText } from '../../protocol/messages/hours.ts'
import { SEPARATOR } from '../../protocol/messages/separator.ts'
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { RemoteService, RemoteServicesReply } from '../../protocol/remote-join.ts'
import type { ClosedDetail } from '../../protocol/error-codes.ts'
import { joinErrorKey, joinText, type JoinMessageKey } from '../../protocol/messages/join.ts'
import { waitText } from '../../protocol/messages/ticket.ts'
import { phoneExample } from '../../protocol/phone-number.ts'
import { ApiError } from '../../ui-common/api-client.ts'
import { digitsFor, type DigitStyle } from '../../ui-common/digits.ts'
import { closedWords, closingNoteText, opensText } from '../../ui-common/opening-words.ts'
import { applyLang, type Lang } from '../../ui-common/i18n.ts'
import type { LangChangeEvent } from '../../ui-common/lang-switch.ts'
import { applyPageTheme } from '../../ui-common/theme.ts'
import '../../ui-common/lang-switch.ts'
import { PollController } from '../../ui-common/poll-controller.ts'
import { statusPageStyles } from '../status-styles.ts'
import { fetchRemoteServices, joinLine, parseJoinPath, typedMobile, type JoinView } from './join-api.ts'
import './join-poster.ts'
import { keepAddress, withJoinLang } from '../lang-in-address.ts'

type Step = 'loading' | 'ready' | 'busy' | 'unreachable'

/**
 * How often the page asks again (walk finding 13: opened before a counter opened, it said "no
 * counter is serving" until reloaded), until the center says (config remoteJoin.pageRefreshSeconds).
 * One small public GET; paused while the tab is hidden, backing off while the center does not
 * answer (PollController).
 */
const REFRESH_MS = 10_000

@customElement('tabour-join-page')
export class JoinPage extends LitElement {
  static override styles = [
    statusPageStyles,
    css`
      form {
        display: grid;
        gap: var(--tabour-space-2);
        inline-size: min(100%, 36rem);
        text-align: start;
      }
      fieldset {
        display: grid;
        gap: var(--tabour-space-1);
        margin: 0;
        padding: 0;
        border: 0;
      }
      legend,
      label.field {
        font-weight: 700;
        margin-block-end: var(--tabour-space-1);
      }
      /* a block, so its margin holds: inline, the phone field's focus ring (4px, 3px off) covered the label (walk s54) */
      label.field {
        display: block;
        margin-block-end: 0.75rem;
      }
      .service {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem var(--tabour-space-1);
        align-items: start;
        padding: var(--tabour-space-1) var(--tabour-space-2);
        border: 2px solid var(--tabour-muted);
        border-radius: var(--tabour-radius);
        background: var(--tabour-bg);
        font-size: 1rem;
        font-weight: 400;
      }
      .service:has(input:checked) {
        border-color: var(--tabour-primary);
        box-shadow: 0 0 0 2px var(--tabour-primary);
      }
      .service input {
        inline-size: 1.4rem;
        block-size: 1.4rem;
        margin: 0.2rem 0 0;
      }
      .service .name {
        font-weight: 700;
        font-size: 1.15em;
      }
      .service .more {
        grid-column: 2;
        font-size: 0.9em;
      }
      .service .closing {
        color: var(--tabour-danger);
        font-weight: 700;
      }
      /* the line is served out: said plainly, not as a danger that sends people away (s55) */
      .service .closing[data-closing='served-past-close'] {
        color: inherit;
      }
      .service .off {
        grid-column: 2;
        color: var(--tabour-danger);
        font-weight: 700;
      }
      input[type='tel'] {
        inline-size: 100%;
        box-sizing: border-box;
        min-block-size: 3rem;
        padding-inline: var(--tabour-space-1);
        border: 2px solid var(--tabour-muted);
        border-radius: var(--tabour-radius);
        font: inherit;
        font-size: 1.2em;
        direction: ltr;
        text-align: start;
      }
      .hint {
        font-size: 0.85em;
        color: var(--tabour-muted);
      }
      button.join {
        min-block-size: 3.5rem;
        border: 0;
        border-radius: var(--tabour-radius);
        background: var(--tabour-primary);
        color: var(--tabour-on-primary);
        font: inherit;
        font-size: 1.25em;
        font-weight: 700;
      }
      button.join:disabled {
        opacity: 0.7;
      }
    `,
  ]

  @state() private view: JoinView = 'ar'
  @state() private language: Lang = 'ar'
  @state() private step: Step = 'loading'
  @state() private data: (RemoteServicesReply & { joinUrl: string }) | null = null
  @state() private chosen: number | null = null
  @state() private phone = ''
  @state() private phoneBad = false
  @state() private refusal: JoinMessageKey | null = null
  /** A join refused for the service's hours: the hours' facts the refusal carried, said as the kiosk says them. */
  @state() private closedRefusal: (ClosedDetail & { serviceId: number }) | null = null
  private base = ''
  private readonly refresh = new PollController(this, () => this.load(), REFRESH_MS, true)

  constructor() {
    super()
    this.addEventListener('lang-change', (e: LangChangeEvent) => {
      this.setLanguage(e.detail.lang)
      keepAddress(withJoinLang(location.href, e.detail.lang))
    })
  }

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    const { base, view } = parseJoinPath(location.pathname)
    this.base = base
    this.view = view
    this.setLanguage(view === 'en' ? 'en' : 'ar')
    this.refresh.start()
  }

  /**
   * Reads the services again. Keeps the citizen's choice while that service is still open; a
   * failed read after a good one keeps what is shown (and rethrows, so polling backs off).
   */
  private async load(): Promise<void> {
    try {
      const data = await fetchRemoteServices(this.base)
      this.data = data
      this.refresh.intervalMs = (data.refreshSeconds ?? REFRESH_MS / 1000) * 1000
      const open = data.services.filter((s) => s.closedReason === null)
      const wanted = this.chosen ?? Number(new URLSearchParams(location.search).get('service'))
      this.chosen = open.find((s) => s.id === wanted)?.id ?? (open.length === 1 ? open[0]!.id : null)
      if (this.step !== 'busy') this.step = 'ready'
    } catch (err) {
      if (!this.data) this.step = 'unreachable'
      throw err
    }
  }

  override render(): TemplateResult {
    if (this.view === 'poster') {
      return this.data
        ? html`<tabour-join-poster .data=${this.data}></tabour-join-poster>`
        : html`<main><p class="card">${this.step === 'unreachable' ? joinText('join.failed', 'ar') : joinText('common.loading', 'ar')}</p></main>`
    }
    const lang = this.language
    const center = this.data ? (lang === 'ar' ? this.data.center.nameAr : this.data.center.nameEn) : joinText('product.name', lang)
    return html`
      <header>
        <div>
          <h1>${center}</h1>
          <p class="sub">${joinText('join.title', lang)}</p>
        </div>
        <tabour-lang-switch .lang=${lang}></tabour-lang-switch>
      </header>
      <main>${this.renderBody(lang)}</main>
    `
  }

  private renderBody(lang: Lang): TemplateResult {
    if (this.step === 'loading') return html`<p class="card">${joinText('common.loading', lang)}</p>`
    if (this.step === 'unreachable' || !this.data) return html`<p class="card warn" role="alert">${joinText('join.failed', lang)}</p>`
    if (this.data.services.length === 0)
      return html`<p class="card final" role="status" data-join-state="off">${joinText('join.off', lang)}</p>`
    const busy = this.step === 'busy'
    const noneOpen = this.noneOpen(lang)
    return html`
      ${noneOpen ?? html`<p>${joinText('join.intro', lang)}</p>`}
      <form novalidate @submit=${(e: Event) => this.submit(e)}>
        <fieldset>
          <legend>${joinText('join.services', lang)}</legend>
          ${this.data.services.map((s) => this.renderService(s, lang))}
        </fieldset>
        <div>
          <label class="field" for="phone">${joinText('join.phoneLabel', lang)}</label>
          <input
            id="phone"
            type="tel"
            inputmode="tel"
            autocomplete="tel"
            maxlength="20"
            placeholder=${phoneExample(digitsFor(lang, this.data.center.digits))}
            aria-describedby="phone-hint"
            aria-invalid=${this.phoneBad ? 'true' : 'false'}
            .value=${this.phone}
            @input=${(e: Event) => {
              this.phone = (e.target as HTMLInputElement).value
              this.phoneBad = false
            }}
          />
          <p id="phone-hint" class=${this.phoneBad ? 'warn' : 'hint'} role=${this.phoneBad ? 'alert' : nothing}>
            ${joinText(this.phoneBad ? 'join.phoneBad' : this.data.center.messagesOn ? 'join.phoneHint' : 'join.phoneHintNoMessages', lang, { example: phoneExample(digitsFor(lang, this.data.center.digits)) })}
          </p>
        </div>
        ${this.refusal ? html`<p class="warn" role="alert" data-refusal=${this.closedRefusal?.closedReason ?? ''}>${this.refusalText(this.refusal, lang)}</p>` : nothing}
        <button class="join" type="submit" data-join ?disabled=${busy || this.chosen === null}>
          ${joinText(busy ? 'join.busy' : 'join.submit', lang)}
        </button>
      </form>
    `
  }

  /**
   * What the page says first when no listed service takes a join now (each row says its own
   * reason): all outside their hours, with when the first opens; or open but refusing for
   * another reason. Null while one takes joins (the intro then).
   */
  private noneOpen(lang: Lang): TemplateResult | null {
    const services = this.data!.services
    if (services.some((s) => s.closedReason === null)) return null
    if (!services.every((s) => s.closedReason === 'closed'))
      return html`<p class="card final" role="status" data-join-state="none-now">${joinText('join.noneNow', lang)}</p>`
    const first = services
      .map((s) => s.opensAt)
      .filter((at): at is string => at !== null)
      .sort((a, b) => Date.parse(a) - Date.parse(b))[0]
    const text = first ? joinText('join.allClosedOpens', lang, { opens: this.opens(first, lang) }) : joinText('join.allClosed', lang)
    return html`<p class="card final" role="status" data-join-state="outside-hours">${text}</p>`
  }

  private renderService(s: RemoteService, lang: Lang): TemplateResult {
    const digits = digitsFor(lang, this.data!.center.digits)
    const open = s.closedReason === null
    const minutes = joinText('join.minutes', lang, { minutes: s.arriveMinutes }, digits)
    return html`<label class="service" data-service=${s.id}>
      <input
        type="radio"
        name="service"
        .checked=${this.chosen === s.id}
        ?disabled=${!open}
        @change=${() => {
          this.chosen = s.id
          this.refusal = null
        }}
      />
      <span class="name">${lang === 'ar' ? s.nameAr : s.nameEn}</span>
      ${
        open
          ? html`<span class="more" data-line-now>${this.lineNow(s, lang, digits)}</span>
              ${s.closing ? html`<span class="more closing" data-closing=${s.closing.kind}>${closingNoteText(s.closing, lang, digits)}</span>` : nothing}
              <span class="more">${s.mode === 'check-in' ? joinText('join.modeCheckIn', lang) : joinText('join.modeCallAhead', lang, { minutes })}</span>`
          : html`<span class="off" data-closing=${s.closing?.kind ?? nothing}>${this.closedLine(s, lang, digits)}</span>`
      }
    </label>`
  }

  /**
   * How many would be ahead of a place taken now, and for how long: the kiosk tile's figure and the
   * one the ticket's page says next (RemoteService.ahead). The line's own length left out the
   * other lines' tickets a shared counter calls first: "1 person waiting now" and, seconds after
   * joining, "2 people ahead of you" (walk s53). Nobody ahead can still mean minutes (the counters
   * busy), so the wait is always said with its label.
   */
  private lineNow(s: RemoteService, lang: Lang, digits: DigitStyle): string {
    const wait = joinText('join.expectedWait', lang, { wait: waitText(s.estimatedWaitSeconds, lang, digits) })
    return `${joinText('join.aheadNow', lang, { n: s.ahead }, digits)}${SEPARATOR}${wait}`
  }

  /**
   * Why the join was refused: for the hours, the service and the refusal's own facts in the kiosk's
   * words («جوازات السفر: انتهى إصدار التذاكر الساعة 2:50 م — يفتح غدًا الساعة 8:00 ص»), where "closed now" was said even past
   * the last ticket of an open service; else the code's sentence.
   */
  private refusalText(key: JoinMessageKey, lang: Lang): string {
    const closed = this.closedRefusal
    const words = closed && closedWords(closed, this.data?.center.timeZone, lang, digitsFor(lang, this.data?.center.digits))
    if (!words) return joinText(key === 'join.err.phoneLimit' && this.kioskSells(this.chosen) ? 'join.err.phoneLimitKiosk' : key, lang)
    const service = this.data?.services.find((s) => s.id === closed.serviceId)
    const why = words.opens ? `${words.why}${SEPARATOR}${words.opens}` : words.why
    return service ? `${lang === 'ar' ? service.nameAr : service.nameEn}: ${why}` : why
  }

  /**
   * When a closed service opens next, as every screen says it ("Opens tomorrow at 8:00 AM":
   * opensText), seen at the server's instant of the list: the same words as a refused join's
   * (closedWords), where the rows said "opens Monday" of the next day.
   */
  private opens(iso: string, lang: Lang): string {
    const { center, at } = this.data!
    return opensText(iso, Date.parse(at), center.timeZone, lang, digitsFor(lang, center.digits))
  }

  /**
   * Whether the center's kiosk sells the service now, as the list last read says it: open and
   * staffed, or only its share of phone joins taken (`cap`). The phone's limit is the phone's, so
   * its refusal says a ticket is still to be had there (walk s55), and not when the kiosk refuses too.
   */
  private kioskSells(serviceId: number | null): boolean {
    const reason = this.data?.services.find((s) => s.id === serviceId)?.closedReason
    return reason === null || reason === 'cap'
  }

  private closedLine(s: RemoteService, lang: Lang, digits: DigitStyle): string {
    switch (s.closedReason) {
      case 'closed': {
        // past the last ticket, or a wait past closing: the kiosk's own words, then when it opens next (as its tile says it)
        const why = s.closing ? closingNoteText(s.closing, lang, digits) : hoursText('hours.closed', lang)
        return s.opensAt ? `${why}${SEPARATOR}${this.opens(s.opensAt, lang)}` : why
      }
      case 'cap':
        return joinText('join.cap', lang)
      case 'dailyCap':
        return joinText('join.dailyCap', lang)
      case 'unstaffed':
        return joinText('join.unstaffed', lang)
      default:
        return joinText('join.inactive', lang)
    }
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault()
    const chosen = this.chosen
    if (chosen === null || this.step === 'busy') return
    const typed = this.phone.trim()
    const phone = typed === '' ? undefined : typedMobile(typed)
    if (phone === null) {
      this.phoneBad = true
      return
    }
    this.step = 'busy'
    this.refusal = null
    try {
      const joined = await joinLine(this.base, { serviceId: chosen, lang: this.language, ...(phone ? { phone } : {}) })
      // the status page on the address this phone already reaches the center at, in this page's language
      location.assign(`${this.base}/t/${encodeURIComponent(joined.id)}${langQuery(this.language)}`)
    } catch (err) {
      this.refusal = joinErrorKey(err instanceof ApiError ? err.code : undefined)
      // with the service named: the refresh that follows may choose another (the one left open)
      this.closedRefusal = err instanceof ApiError && err.closed ? { ...err.closed, serviceId: chosen } : null
      this.step = 'ready'
      this.refresh.start()
    }
  }

  private setLanguage(lang: Lang): void {
    this.language = lang
    applyLang(lang)
    document.title = `${joinText('join.title', lang)}${SEPARATOR}${joinText('product.name', lang)}`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-join-page': JoinPage
  }
}
