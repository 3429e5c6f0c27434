/**
 * The display's entry point to spoken announcements: `createAnnouncer(options)` wires the
 * composer, the Web Audio clip player and the one announcement queue together. Nothing global
 * is created; the display keeps the returned `Announcer` and closes it when it leaves the page.
 */
import { createAnnouncementQueue } from './announcement-queue.ts'
import { createWebAudioPlayer, defaultClipsUrl, type ClipPlayer } from './clip-player.ts'
import { allClipNames, CHIME } from './compose.ts'
import type { AnnouncementRecord, Announcer, AnnouncerOptions } from './contract.ts'

export type { Announcement, AnnouncementForm, AnnouncementRecord, Announcer, AnnouncerOptions } from './contract.ts'
export type { ClipPlayer } from './clip-player.ts'

/** Settings of `createAnnouncer`: the contract's options, each with its default, plus test hooks. */
export interface CreateAnnouncerOptions extends Partial<AnnouncerOptions> {
  /** Plays the clips; default a Web Audio player over `clipsUrl`. */
  player?: ClipPlayer
  /** Fetch and decode every clip the configured languages can need, right away; default true. */
  preload?: boolean
  /** Called whenever an announcement changes state, e.g. to highlight the call being spoken. */
  onChange?: (record: AnnouncementRecord) => void
}

/**
 * An announcer with the contract's defaults: the short Arabic form without a chime
 * («A خمسة عشر، شباك ثلاثة», about 3.5 s), clips at
 * `<page>/../sounds/` (so `/display/` reads `/sounds/…`, and `/queue/display/` reads
 * `/queue/sounds/…` when the server is mounted under a prefix).
 */
export function createAnnouncer(options: CreateAnnouncerOptions = {}): Announcer {
  const languages = options.languages ?? ['ar']
  const chime = options.chime ?? false
  const form = options.form ?? 'short'
  const player = options.player ?? createWebAudioPlayer({ clipsUrl: options.clipsUrl ?? defaultClipsUrl(document.baseURI) })
  if (options.preload ?? true) {
    // ~100 small files once per page load; afterwards every call starts without a fetch
    // Arabic always: a queue is drained in the shortest form, which is Arabic whatever the settings
    const wanted = (name: string): boolean =>
      name === CHIME ? chime : !name.includes('/') || name.startsWith('ar/') || languages.some((lang) => name.startsWith(`${lang}/`))
    void player.preload(allClipNames().filter(wanted))
  }
  return createAnnouncementQueue({ player, languages, chime, form, onChange: options.onChange })
}
