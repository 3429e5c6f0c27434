import { encodeFrame, toPayloadText } from './frame.ts'

/** What a counter board should show. `text: ''` is a blank board. */
export interface BoardShow {
  text: string
  /** Flash to draw the eye: a new call or a recall. Steady otherwise. */
  flash: boolean
}

export const BLANK: BoardShow = { text: '', flash: false }

/**
 * One way of talking to a family of counter boards. Boards are write-only: the server repaints
 * a board on every change and after every reopen of its line, so no reply is needed to keep it
 * right. Add a protocol by implementing this and listing it in BOARD_PROTOCOLS.
 */
export interface BoardProtocol {
  /** The name used in a board's config (`protocol`). */
  readonly id: string
  /** Longest text the boards show; longer text is cut. */
  readonly maxText: number
  /** The bytes that make the board at `address` show `show`. */
  encode(address: number, show: BoardShow): Buffer
}

/** Board commands of the Tabour ASCII protocol (README.md). */
export const BoardCommand = {
  /** D <text>: show text steadily. */
  SHOW: 'D',
  /** F <text>: show text flashing (the board decides for how long). */
  FLASH: 'F',
  /** X: blank the board. */
  CLEAR: 'X',
} as const

/** The default protocol: Tabour's framed ASCII (STX, address, command, text, ETX, XOR). */
export const tabourAscii: BoardProtocol = {
  id: 'tabour-ascii',
  maxText: 16,
  encode(address, show) {
    const text = toPayloadText(show.text, this.maxText)
    if (text === '') return encodeFrame({ address, command: BoardCommand.CLEAR, payload: '' })
    return encodeFrame({ address, command: show.flash ? BoardCommand.FLASH : BoardCommand.SHOW, payload: text })
  },
}

/** Every board protocol by id; the config schema lists the same ids. */
export const BOARD_PROTOCOLS: Readonly<Record<string, BoardProtocol>> = { [tabourAscii.id]: tabourAscii }

export const DEFAULT_BOARD_PROTOCOL = tabourAscii.id
