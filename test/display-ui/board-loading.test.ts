import { describe, expect, it } from 'vitest'
import { boardTemplate, type BoardView } from '../../display-ui/board-view.ts'
import { DEFAULT_DISPLAY_SETTINGS } from '../../display-ui/display-settings.ts'
import { SILENT } from '../../display-ui/spoken-board.ts'
import { markup } from '../../server/first-screen/shadow-markup.ts'

/** A board with no call at a counter and no past call, as it is before its first snapshot and on a quiet morning. */
const emptyBoard = (snapshotFrom: BoardView['snapshotFrom']): BoardView => ({
  center: null,
  settings: DEFAULT_DISPLAY_SETTINGS,
  calls: [],
  past: [],
  services: [],
  waitingLines: { lines: [], anyOpen: false } as unknown as BoardView['waitingLines'],
  news: { ar: '', en: '' } as unknown as BoardView['news'],
  media: [],
  clock: null,
  base: '',
  token: null,
  connected: true,
  synced: false,
  snapshotFrom,
  spoken: SILENT,
  flashing: null,
  soundLocked: false,
})

const text = (view: BoardView) => markup(boardTemplate(view)).replace(/<[^>]*>/g, ' ')

// walk s53: a TV paired on a loaded box said "No calls here yet today" over 9 calls at its counters until its snapshot came
describe('the board before its first snapshot', () => {
  it('says it is loading the calls, not that there are none', () => {
    const before = text(emptyBoard('none'))
    expect(before).toContain('جارٍ تحميل النداءات…')
    expect(before).toContain('Loading the calls…')
    expect(before).not.toMatch(/No calls|لا توجد نداءات/)
  })

  it('says there are none once a snapshot said so', () => {
    for (const from of ['http', 'feed'] as const) {
      const after = text(emptyBoard(from))
      expect(after).toContain('No calls here yet today')
      expect(after).toContain('No calls right now')
      expect(after).not.toContain('Loading the calls')
    }
  })
})
