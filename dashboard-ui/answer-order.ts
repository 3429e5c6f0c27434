/**
 * Which answer of overlapping reads of the same thing may be shown: the session reads today's
 * figures at start, after each push and on the clock, and under load an earlier read can answer
 * after a later one. Each read takes a ticket when it asks; its answer is shown only if no read
 * asked later has been shown already, so the screen never steps back to older figures.
 */
export class AnswerOrder {
  private asked = 0
  private shown = 0

  /** A ticket for a read about to ask. */
  ask(): number {
    return ++this.asked
  }

  /** True if the answer to `ticket` may be shown (and it is then the newest shown); false if a later read's was. */
  show(ticket: number): boolean {
    if (ticket < this.shown) return false
    this.shown = ticket
    return true
  }
}
