/**
 * The waiting-room display's first screen, rendered by the center into its page (issue 22): the
 * board from the snapshot the page carries (the current call, the recent calls, the waiting
 * figures of its zone), with the template and the snapshot's reading the display itself uses
 * (display-ui/board-view.ts) and its settings from its device config, as its session applies
 * them at the first load. The clock, ticker, hours band and media load after the board in the app
 * too: here they keep their room, empty, as in the app's first frame.
 */
import type { DisplayStartData } from '../../display-ui/display-session.ts'
import { boardTemplate, snapshotBoard } from '../../display-ui/board-view.ts'
import { displaySettings } from '../../display-ui/display-settings.ts'
import { boardStyles, displayStyles } from '../../display-ui/display-styles.ts'
import { ZERO_STYLES } from '../../ui-common/legible-zeros.ts'
import { SILENT } from '../../display-ui/spoken-board.ts'
import { zoneLines } from '../../display-ui/zone-lines.ts'
import { FIRST_SCREEN_ID } from '../../ui-common/first-screen.ts'
import type { FirstScreen } from './kiosk-first-screen.ts'
import { cssText, markup, OVER_THE_APP, ShadowMarkup } from './shadow-markup.ts'

/** The board as the display draws it from `data` at its first load; `base`: the center's prefix. */
export function displayFirstScreen(data: DisplayStartData, base: string): FirstScreen {
  const settings = displaySettings(data.device?.config, data.center)
  const snapshot = data.board
  const board = markup(
    boardTemplate({
      center: data.center,
      settings,
      ...snapshotBoard(snapshot),
      services: snapshot.services,
      waitingLines: zoneLines(snapshot.counters),
      news: snapshot.news,
      media: settings.media ? data.media : [],
      // the clock is drawn in the app only (it keeps its room here, empty)
      clock: null,
      base,
      // the hours band asks with the token once its module is there: in the app, not here
      token: null,
      connected: true,
      synced: false,
      snapshotFrom: 'http',
      spoken: SILENT,
      flashing: null,
      soundLocked: false,
    }),
  )
  const shadow = new ShadowMarkup()
  const html = shadow.host(
    'div',
    { id: FIRST_SCREEN_ID, 'data-first-screen': 'display' },
    `${cssText([displayStyles, boardStyles, ZERO_STYLES])}\n${OVER_THE_APP}`,
    board,
  )
  // the board is always Arabic first, English under it; nothing on it is tapped
  return { html, lang: 'ar', styleHashes: shadow.styleHashes(), script: null }
}
