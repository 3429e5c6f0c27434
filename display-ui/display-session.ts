/**
 * The display's link to its center: a DeviceSession (pairing, revocation, the live feed of its
 * zone with reconnects and snapshots, the services with their figures) plus what is the
 * display's own: its settings, the center, the calls still at a counter, the news line and the
 * media list. It never needs a reload: every new connection starts from a snapshot, and
 * settings and media are loaded again after an outage and every few minutes. Its host renders
 * the state and announces the live calls.
 *
 * On weak hardware the board must not wait for socket.io (issue 22): the first load takes the
 * board over HTTP with the rest (the page carries all of it once paired: server/ui-start-data.ts),
 * and the feed connects after that first screen is drawn, asking for a snapshot of its own only
 * if something was pushed since the board was built (its seq).
 */
import type { ReactiveControllerHost } from 'lit'
import type { CenterNews, MediaItem } from '../protocol/center.ts'
import type { DisplaySoundReport } from '../protocol/device-config.ts'
import type { BoardSnapshot } from '../protocol/board-snapshot.ts'
import type { Counter, Device } from '../protocol/entities.ts'
import type { CalledTicket, Snapshot } from '../protocol/events.ts'
import { ApiError } from '../ui-common/api-client.ts'
import { DeviceSession } from '../ui-common/device-session.ts'
import { ServerClock } from '../ui-common/server-clock.ts'
import { fetchCenter, fetchOwnDevice } from '../ui-common/device-api.ts'
import { takeStartData } from '../ui-common/start-data.ts'
import { fetchBoard, fetchMedia, reportStatus, type DisplayCenter } from './display-api.ts'
import { settled, type Settled } from '../ui-common/settled.ts'
import { DEFAULT_DISPLAY_SETTINGS, displaySettings, type DisplaySettings } from './display-settings.ts'
import { withCallPush, withCounter, withPast, withStarted } from './now-serving.ts'
import { snapshotBoard } from './board-view.ts'
import { withZoneCounter, zoneLines, type ZoneLines } from './zone-lines.ts'
import { withWaiting } from '../ui-common/queue-figures.ts'

/** How often settings and the media list are refreshed while paired. */
const RELOAD_MS = 5 * 60_000

/** What the display's start-up asks, as the center inlines it in the page (server/ui-start-data.ts START_CALLS). */
export interface DisplayStartData {
  device: Device | null
  center: DisplayCenter
  media: MediaItem[]
  board: BoardSnapshot
}

/** What one load brought; the media list may have failed, and the board is asked for only until one is shown. */
interface DisplayLoad {
  device: Device | null
  center: DisplayCenter
  media: Settled<MediaItem[]>
  board: BoardSnapshot | null
}

/** What the session tells its host besides "render again". */
export interface DisplaySessionHooks {
  /** A call pushed live (never one replayed from a snapshot): flash and announce it. */
  onCall(call: CalledTicket): void
  /** Settings were (re)loaded. */
  onSettings(settings: DisplaySettings): void
}

export class DisplaySession extends DeviceSession {
  center: DisplayCenter | null = null
  settings: DisplaySettings = DEFAULT_DISPLAY_SETTINGS
  /** The calls still at a counter, newest first. */
  calls: CalledTicket[] = []
  /** Calls that have left the board, newest first (now-serving.ts withPast). */
  past: CalledTicket[] = []
  /** The lines this display lists under "waiting", and whether a counter of its zone is open: zone-lines.ts. */
  waitingLines: ZoneLines = zoneLines([])
  /** This display's counters by id, as the feed last told them. */
  private zoneCounters = new Map<number, Counter>()
  news: CenterNews = { ar: '', en: '', updatedAt: null }
  media: MediaItem[] = []
  /** The center's clock, from every snapshot's `serverTime` (the page's, the feed's): what the board's clock shows. */
  readonly clock = new ServerClock()
  /** What the display last found out about its sound (null: not known yet); staff see it as device health. */
  sound: DisplaySoundReport | null = null

  constructor(
    host: ReactiveControllerHost,
    base: string,
    private readonly hooks: DisplaySessionHooks,
  ) {
    super(host, { kind: 'display', base, reloadEveryMs: RELOAD_MS, startData: true, feedAfterLoad: true, followsConfig: true })
    this.feed
      .on('ticket:called', (e) => {
        // the call's one push carries the counter and its lines' lengths (CallBoard)
        const { seq: _seq, board, ...call } = e
        this.update(() => {
          this.setCalls(withCallPush(this.calls, call, board))
          if (board) {
            this.services = withWaiting(this.services, board.services)
            this.setZoneCounters(withZoneCounter(this.zoneCounters, board.counter))
          }
        })
        this.hooks.onCall(call)
      })
      // the call stays where it is (not through setCalls: nothing leaves the board), only its pill goes
      .on('ticket:started', (e) => this.update(() => (this.calls = withStarted(this.calls, e.ticketId))))
      .on('counter:updated', (e) =>
        this.update(() => {
          this.setCalls(withCounter(this.calls, e.counter))
          this.setZoneCounters(withZoneCounter(this.zoneCounters, e.counter))
        }),
      )
      .on('center:updated', (e) => this.update(() => (this.news = e.news)))
  }

  /**
   * The center's business day may have turned (the hours band saw it: hours-band-moments.ts): a
   * snapshot rebuilds the board, whose past calls are the day's, so a TV left on overnight drops
   * yesterday's calls as a reload does (walk s55 finding 2). Not connected, the reconnect's snapshot does it.
   */
  dayTurned(): void {
    this.feed.refresh()
  }

  /**
   * Records the display's sound and tells the center, which keeps it (a restart does not forget
   * it). Every (re)load sends it again (a snapshot after a reconnect loads again: followsConfig),
   * so a report lost while the center could not be reached arrives all the same.
   */
  reportSound(report: DisplaySoundReport): void {
    this.sound = report
    const token = this.token
    if (token) this.sendSound(token)
  }

  private sendSound(token: string): void {
    // health is best effort: the next reload sends it again
    if (this.sound) reportStatus(this.base, token, this.sound).catch(() => undefined)
  }

  /**
   * Settings, center, media and (until one is shown) the board: inlined in the page at the first
   * load, else over HTTP all at once (a display starting on weak hardware waits for one round
   * trip, not two); the media list is used only when the settings show media. A failure keeps
   * what was there (the feed carries the calls).
   */
  protected override async load(token: string): Promise<() => void> {
    this.sendSound(token)
    const inlined = takeStartData<DisplayStartData>(token)
    const {
      device,
      center,
      media: mediaReply,
      board,
    } = inlined ? { ...inlined, media: { ok: true, value: inlined.media } as const } : await this.fetchStart(token)
    const settings = displaySettings(device?.config, center)
    const media = settings.media ? this.mediaFrom(mediaReply) : []
    return () => {
      if (device) this.deviceId = device.id
      this.applySettings(settings)
      this.center = center
      this.media = media
      if (board) this.showSnapshot(board)
    }
  }

  private async fetchStart(token: string): Promise<DisplayLoad> {
    // once a board is on screen the feed keeps it: an HTTP one could be older than its pushes
    const needsBoard = this.snapshotFrom === 'none'
    const [device, center, media, board] = await Promise.all([
      fetchOwnDevice(this.base, token),
      fetchCenter(this.base, token),
      settled(fetchMedia(this.base, token)),
      needsBoard ? fetchBoard(this.base, token) : null,
    ])
    return { device, center, media, board }
  }

  /** A media list the server refuses (not a lost connection, not a revoked token) keeps what was shown. */
  private mediaFrom(reply: Settled<MediaItem[]>): MediaItem[] {
    if (reply.ok) return reply.value
    if (reply.error instanceof ApiError && reply.error.status !== 401) return this.media
    throw reply.error
  }

  protected override applySnapshot(s: Snapshot): void {
    // the center's list of the calls gone from the board holds those a gap or a reload missed
    this.clock.sync(s.serverTime)
    const { calls, past } = snapshotBoard(s)
    this.past = past
    this.calls = calls
    this.setZoneCounters(new Map(s.counters.map((c) => [c.id, c])))
    if (s.news) this.news = s.news
  }

  protected override paired(device: Device): void {
    this.applySettings(displaySettings(device.config, this.center))
  }

  protected override reset(): void {
    this.calls = []
    this.past = []
    this.setZoneCounters(new Map())
    this.center = null
  }

  /** Every change of the board's calls goes through here, so a call that leaves it becomes past. */
  private setCalls(next: CalledTicket[]): void {
    this.past = withPast(this.past, this.calls, next)
    this.calls = next
  }

  private setZoneCounters(counters: Map<number, Counter>): void {
    this.zoneCounters = counters
    this.waitingLines = zoneLines(counters.values())
  }

  private applySettings(settings: DisplaySettings): void {
    this.settings = settings
    this.hooks.onSettings(settings)
    this.host.requestUpdate()
  }
}
