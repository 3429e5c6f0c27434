import { SerialLine, type SerialLineOptions } from './serial-line.ts'

/**
 * Opens each port path once, however many devices use it: boards and keypads on one RS-485
 * bus share a path and are told apart by address. A line closes when its last user releases it.
 */
export class LinePool {
  private readonly lines = new Map<string, { line: SerialLine; users: number }>()
  /** Paths whose last line is still closing: a new line waits, or the OS lock would refuse it. */
  private readonly closing = new Map<string, Promise<void>>()

  /** @param defaults options for every line (binding, backoff); the baud rate comes from the first user of a path. */
  constructor(private readonly defaults: Omit<SerialLineOptions, 'baudRate'> = {}) {}

  /** The line for `path`, started; a later user with another baud rate gets the line as first opened (check `line.baudRate`). */
  acquire(path: string, baudRate: number): SerialLine {
    let entry = this.lines.get(path)
    if (!entry) {
      entry = { line: new SerialLine(path, { ...this.defaults, baudRate }), users: 0 }
      this.lines.set(path, entry)
    }
    entry.users++
    const line = entry.line
    const closing = this.closing.get(path)
    if (closing) void closing.then(() => line.start())
    else line.start()
    return line
  }

  /** Gives a line back; the last release closes its port. */
  async release(line: SerialLine): Promise<void> {
    const entry = this.lines.get(line.path)
    if (!entry || entry.line !== line) return
    if (--entry.users > 0) return
    this.lines.delete(line.path)
    const closed = line.close()
    this.closing.set(line.path, closed)
    await closed
    if (this.closing.get(line.path) === closed) this.closing.delete(line.path)
  }

  /** Paths open (or being reopened) now. */
  get paths(): string[] {
    return [...this.lines.keys()]
  }

  async close(): Promise<void> {
    const lines = [...this.lines.values()].map((e) => e.line)
    this.lines.clear()
    await Promise.all(lines.map((l) => l.close()))
  }
}
