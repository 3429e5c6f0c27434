/**
 * `<tabour-display-app>`: the waiting-room display. Pairs itself once (`?pair=CODE` or the code
 * typed), then shows, for its zone: large, the call being announced (ticket → counter), flashing
 * for `flashSeconds` from the moment its announcement starts (spoken-board.ts: the board shows
 * what the voice says; calls not yet spoken wait in the list as "next to be announced"); the
 * earlier calls still at a counter; the waiting figures
 * per service; the clock and date; the manager's news line; and optionally the media folder.
 * Arabic first, English on the second line, right to left. The link to the center is
 * DisplaySession's (reconnects, snapshots, revocation); this element draws it and speaks.
 *
 * Sound the browser blocks (autoplay policy) is reported to staff as device health; the public
 * is never asked to tap. Staff can still unlock it on the spot with any key or a touch (nothing
 * on screen says so, apart from a small muted mark in a corner whose label is for staff).
 */
import { LitElement, html, type TemplateResult } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { CalledTicket } from '../protocol/events.ts'
import { screenBase, screenLangRoots } from '../ui-common/screen-base.ts'
import { applyLang, type Lang } from '../ui-common/i18n.ts'
import type { LangChangeEvent } from '../ui-common/lang-switch.ts'
import type { PairSubmitDetail } from '../ui-common/pairing-screen.ts'
import { applyPageTheme } from '../ui-common/theme.ts'
import { loadPairingScreen } from '../ui-common/load-pairing-screen.ts'
import { afterNextPaint, lazyModule } from '../ui-common/lazy-module.ts'
import type { AnnouncementRecord, Announcer } from './announcer/index.ts'
import { DisplaySession } from './display-session.ts'
import type { DisplaySettings } from './display-settings.ts'
import { boardStyles, displayStyles } from './display-styles.ts'
import { ZERO_STYLES } from '../ui-common/legible-zeros.ts'
import { boardTemplate } from './board-view.ts'
import { callKey, SILENT, voiceStateOf, type VoiceState } from './spoken-board.ts'
import { takePairingQuery } from '../ui-common/pairing-code.ts'
import { takeFirstScreen } from '../ui-common/first-screen.ts'
import { DAY_TURNED } from './hours-band-moments.ts'

/**
 * The clock, the ticker, the hours band and the media player (board-extras.ts): after the board's
 * first frame, which they would hold back on weak hardware (issue 22). The board renders their
 * elements from the start; each draws itself once its module has defined it.
 */
const loadBoardExtras = lazyModule(() => import('./board-extras.ts'))

/** How long after a failed load of a lazy module (the voice, the board's extras) it is tried again. */
const RETRY_MS = 5000

/** Whether a fresh AudioContext would start suspended (the browser wants a gesture first). */
async function audioIsLocked(): Promise<boolean> {
  const Context = window.AudioContext as typeof AudioContext | undefined
  if (!Context) return false
  const probe = new Context()
  try {
    if (probe.state === 'running') return false
    // resume() stays pending while autoplay is blocked; allowed, it settles at once
    await Promise.race([probe.resume().catch(() => undefined), new Promise((r) => setTimeout(r, 1500))])
    return (probe.state as AudioContextState) !== 'running'
  } finally {
    void probe.close().catch(() => undefined)
  }
}

@customElement('tabour-display-app')
export class DisplayApp extends LitElement {
  static override styles = [displayStyles, boardStyles, ZERO_STYLES]

  /** The call flashing now (`ticket id @ at`), or null. */
  @state() private flashing: string | null = null
  /** Language of the pairing screen (the board itself always shows both). */
  @state() private pairLang: Lang = 'ar'
  /** The browser holds the sound back until a gesture: reported to staff, a small mark in a corner. */
  @state() private soundLocked = false
  /** What the voice is saying and what waits to be said (the board follows it). */
  @state() private spoken: VoiceState = SILENT

  private booted = false
  /** The page's pre-rendered board has been replaced by the app's own (ui-common/first-screen.ts). */
  private firstScreenTaken = false
  /** The board's extras are on their way (after its first frame). */
  private extrasScheduled = false
  private flashTimer: ReturnType<typeof setTimeout> | undefined
  private voice: Announcer | null = null
  private voiceKey = ''
  /** Live calls that came while the voice's module was loading; it says them when it is there. */
  private unsaid: CalledTicket[] = []

  /** Where the language shows: the page's `<html>`, or the embedding element (ui-common/screen-base.ts). */
  private readonly langRoots = screenLangRoots()
  private readonly session = new DisplaySession(this, screenBase('display'), {
    onCall: (call) => this.onCall(call),
    onSettings: (settings) => this.onSettings(settings),
  })

  /** The announcer every live call goes to (null until the display is paired); for tests and diagnostics. */
  get announcer(): Announcer | null {
    return this.voice
  }

  override connectedCallback(): void {
    super.connectedCallback()
    applyPageTheme()
    applyLang('ar', this.langRoots)
    window.addEventListener('pointerdown', this.onGesture, true)
    window.addEventListener('keydown', this.onGesture, true)
    this.addEventListener(DAY_TURNED, this.onDayTurned)
    if (!this.booted) {
      this.booted = true
      void this.session.pairing.boot(takePairingQuery())
    }
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pointerdown', this.onGesture, true)
    window.removeEventListener('keydown', this.onGesture, true)
    this.removeEventListener(DAY_TURNED, this.onDayTurned)
    clearTimeout(this.flashTimer)
    this.voice?.close()
    this.voice = null
    this.voiceKey = ''
    this.unsaid = []
    super.disconnectedCallback()
  }

  protected override willUpdate(): void {
    // the board is always Arabic first; the pairing screen's English does not outlive it
    if (this.session.phase === 'ready' && this.pairLang !== 'ar') this.setPairLang('ar')
  }

  /**
   * Once the app draws a screen of its own (the board with its data, or pairing), the first screen
   * the page came with goes, in the same frame (ui-common/first-screen.ts). Once the board is
   * drawn, its clock, ticker, hours and media load behind it.
   */
  protected override updated(): void {
    const session = this.session
    if (!this.firstScreenTaken && (session.phase === 'pairing' || (session.phase === 'ready' && session.center !== null))) {
      this.firstScreenTaken = true
      takeFirstScreen()
    }
    if (this.extrasScheduled || this.session.phase !== 'ready') return
    this.extrasScheduled = true
    afterNextPaint(() => void this.loadExtras())
  }

  private async loadExtras(): Promise<void> {
    if ((await loadBoardExtras()) || !this.isConnected) return
    // the center out of reach at that moment: the board stands without them; try again shortly
    setTimeout(() => void this.loadExtras(), RETRY_MS)
  }

  override render(): TemplateResult {
    const session = this.session
    if (session.phase === 'starting') return html`<div class="loading">…</div>`
    if (session.phase === 'pairing') {
      void loadPairingScreen()
      return html`<tabour-pairing-screen
        data-screen="pairing"
        kind="display"
        .lang=${this.pairLang}
        @lang-change=${(e: LangChangeEvent) => this.setPairLang(e.detail.lang)}
        .busy=${session.pairing.busy}
        .error=${session.pairing.error}
        .initialCode=${session.pairing.code}
        @pair-submit=${(e: CustomEvent<PairSubmitDetail>) => void session.pairing.pair(e.detail.code, false)}
      ></tabour-pairing-screen>`
    }
    return boardTemplate({
      center: session.center,
      settings: session.settings,
      calls: session.calls,
      past: session.past,
      services: session.services,
      waitingLines: session.waitingLines,
      news: session.news,
      media: session.media,
      clock: session.clock,
      base: session.base,
      token: session.token,
      connected: session.connected,
      synced: session.synced,
      snapshotFrom: session.snapshotFrom,
      spoken: this.spoken,
      flashing: this.flashing,
      soundLocked: this.soundLocked,
    })
  }

  private setPairLang(lang: Lang): void {
    this.pairLang = lang
    applyLang(lang, this.langRoots)
  }

  private onCall(call: CalledTicket): void {
    if (this.voice) return this.say(this.voice, call)
    // no voice yet: the big call at once; when the settings are in, the voice's module is on its
    // way (a lazy import after the first frame) and says the call as soon as it is there
    this.flash(callKey(call))
    if (this.voiceKey !== '') this.unsaid.push(call)
  }

  private say(voice: Announcer, call: CalledTicket): void {
    voice.announce({ label: call.ticket.label, counterNumber: call.counter.number, recall: call.recall, id: callKey(call) })
  }

  /** Flashes the big call for `flashSeconds`. */
  private flash(key: string | undefined): void {
    const seconds = this.session.settings.flashSeconds
    clearTimeout(this.flashTimer)
    if (seconds > 0 && key) {
      this.flashing = key
      this.flashTimer = setTimeout(() => (this.flashing = null), seconds * 1000)
    }
  }

  /** An announcement changed state: the board follows, and a call flashes as its announcement starts. */
  private onVoice(voice: Announcer, record: AnnouncementRecord): void {
    if (voice !== this.voice) return
    this.spoken = voiceStateOf(voice)
    if (record.state === 'playing') this.flash(record.announcement.id)
    // a call was heard after all (the probe judged a slow audio start as blocked): tell staff it is fine
    if (record.state === 'done' && record.clips.length > 0 && this.soundLocked) this.setSoundLocked(false)
  }

  /** (Re)creates the announcer when its languages, chime or wording changed; the first settings create it. */
  private onSettings(settings: DisplaySettings): void {
    const key = `${settings.announceLanguages.join(',')}|${settings.chime}|${settings.announcement}`
    if (key === this.voiceKey) return
    this.voiceKey = key
    // After the next frame: the voice fetches and decodes its ~100 clips and the sound probe starts
    // an AudioContext, work that on weak hardware held the board's first frame back (issue 22). The
    // feed, whose calls the voice says, connects after that frame too, and later.
    afterNextPaint(() => {
      if (key !== this.voiceKey || !this.isConnected) return
      void this.startVoice(settings, key)
      // the probe is in this chunk: it starts now, not after the voice's module has come
      void audioIsLocked().then((locked) => this.setSoundLocked(locked))
    })
  }

  private async startVoice(settings: DisplaySettings, key: string): Promise<void> {
    let createAnnouncer: typeof import('./announcer/index.ts').createAnnouncer
    try {
      ;({ createAnnouncer } = await import('./announcer/index.ts'))
    } catch {
      // the center out of reach at that moment: the board needs no voice; try again shortly
      setTimeout(() => key === this.voiceKey && this.isConnected && void this.startVoice(settings, key), RETRY_MS)
      return
    }
    if (key !== this.voiceKey || !this.isConnected) return
    this.voice?.close()
    const voice: Announcer = createAnnouncer({
      languages: settings.announceLanguages,
      chime: settings.chime,
      form: settings.announcement,
      onChange: (record) => this.onVoice(voice, record),
    })
    this.voice = voice
    this.spoken = SILENT
    for (const call of this.unsaid.splice(0)) this.say(voice, call)
  }

  /** Staff learn it from the device list; the hall sees at most the small mark. */
  private setSoundLocked(locked: boolean): void {
    this.soundLocked = locked
    this.session.reportSound(locked ? { sound: 'blocked', lastError: SOUND_BLOCKED } : { sound: 'ok' })
  }

  /** The hours band saw the center's day turn: the board is rebuilt from a snapshot, yesterday's calls leave it. */
  private readonly onDayTurned = (): void => this.session.dayTurned()

  /** A key or a touch by staff: audio may play from now on. */
  private readonly onGesture = (): void => {
    if (!this.soundLocked) return
    void this.voice?.unlock().then(() => audioIsLocked().then((locked) => this.setSoundLocked(locked)))
  }
}

/** Why the sound is down, for the technician reading the device list (like a serial line's lastError). */
const SOUND_BLOCKED =
  "sound blocked by the browser's autoplay policy: start the display's browser with --autoplay-policy=no-user-gesture-required (or press a key on it)"

declare global {
  interface HTMLElementTagNameMap {
    'tabour-display-app': DisplayApp
  }
}
