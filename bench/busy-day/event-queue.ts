/** The discrete-event queue of the busy day: what runs next in simulated time. */

export interface SimEvent {
  /** Simulated seconds after opening. */
  t: number
  /** Order of scheduling: ties in `t` run first come, first served. */
  seq: number
  run: () => Promise<void>
}

const less = (a: SimEvent, b: SimEvent) => a.t < b.t || (a.t === b.t && a.seq < b.seq)

/** A binary min-heap on (t, seq). */
export class EventQueue {
  private items: SimEvent[] = []
  private seq = 0
  get size() {
    return this.items.length
  }
  peek(): SimEvent | undefined {
    return this.items[0]
  }
  push(t: number, run: () => Promise<void>): void {
    const items = this.items
    items.push({ t, seq: this.seq++, run })
    let i = items.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!less(items[i], items[p])) break
      ;[items[i], items[p]] = [items[p], items[i]]
      i = p
    }
  }
  pop(): SimEvent | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (items.length && last) {
      items[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < items.length && less(items[l], items[m])) m = l
        if (r < items.length && less(items[r], items[m])) m = r
        if (m === i) break
        ;[items[i], items[m]] = [items[m], items[i]]
        i = m
      }
    }
    return top
  }
}
