/**
 * The contract between the waiting-room display and its announcer, fixed first so the two can
 * be built side by side. The display hands every `ticket:called` (a recall too) to
 * `Announcer.announce`; the announcer speaks them one after another, never overlapping, from
 * pre-recorded clips (no internet, no OS voice needed).
 */
import type { Lang } from '../../ui-common/i18n.ts'

/** One call to announce, taken from a `ticket:called` push. */
export interface Announcement {
  /** The ticket label as the server sends it: 'A-015', 'B-100', 'AB-7'. */
  label: string
  /** The counter's number (الشباك رقم ٣). */
  counterNumber: number
  /** A recall is announced again, like a first call. */
  recall: boolean
  /** Which call this is on the board (the display's `ticket id @ call time`); default none. */
  id?: string
}

/**
 * How a call is worded. `short` (about 3.5 s in Arabic): «A خمسة عشر، شباك ثلاثة», "A fifteen,
 * counter three". `long`: «العميل رقم A خمسة عشر، الشباك رقم ثلاثة», "Ticket number A fifteen,
 * counter three" (about 5.2 s in Arabic).
 */
export type AnnouncementForm = 'short' | 'long'

/** The announcer's settings (from the display device's config). */
export interface AnnouncerOptions {
  /** Languages spoken, in order; default ['ar']. An empty list only chimes. */
  languages: readonly Lang[]
  /** Whether a chime plays first; default false. */
  chime: boolean
  /** The wording, «A خمسة عشر، شباك ثلاثة» or «العميل رقم…، الشباك رقم…»; default 'short'. */
  form: AnnouncementForm
  /** Where the clips are served, ending in '/'; default '<page>/../sounds/'. */
  clipsUrl: string
}

/** What has happened to one announcement, for the screen and the tests. */
export interface AnnouncementRecord {
  announcement: Announcement
  /** The clip names played, in order (e.g. ['ar/letter-a', 'ar/15', 'pause-short', 'ar/counter', 'ar/3']); chosen when it starts, [] before. */
  clips: readonly string[]
  state: 'queued' | 'playing' | 'done' | 'failed'
  /** performance.now() when it was queued (the call reached the display). */
  queuedAt: number
  /** Said in the shortest form (Arabic, no chime, short) because calls were queueing up. */
  shortened: boolean
  /** performance.now() when it started and ended playing (absent until then). */
  startedAt?: number
  endedAt?: number
}

export interface Announcer {
  /** Queues a call; returns at once. Calls are spoken in the order they were queued. */
  announce(announcement: Announcement): void
  /** Every announcement so far, oldest first (bounded to the last 50). */
  readonly log: readonly AnnouncementRecord[]
  /** The announcement being spoken now, or null. */
  readonly current: AnnouncementRecord | null
  /** The announcements waiting their turn, in the order they will be spoken (never bounded). */
  readonly pending: readonly AnnouncementRecord[]
  /** Unlocks audio after a user gesture where the browser requires one (a no-op otherwise). */
  unlock(): Promise<void>
  /** Stops playing and drops the queue (the display is leaving the page). */
  close(): void
}
