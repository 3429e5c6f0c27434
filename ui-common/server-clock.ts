/**
 * The center's clock as a staff screen can tell it. Every time a screen shows ("paused since
 * 10:42 (12 min)", "waited 7 min", the header's clock) is the server's, so an elapsed time
 * counted with this browser's own clock is wrong by however far that clock is off, and a
 * counter PC's clock may be minutes or hours off. Each snapshot says the server's time
 * (`Snapshot.serverTime`); the offset from it is kept, and `now()` is this browser's clock
 * moved by it. The offset ignores the push's travel time (milliseconds against whole minutes).
 */
export class ServerClock {
  /** The server's clock minus this browser's, in ms: 0 until a snapshot said the server's time (an older server says none). */
  private offset = 0

  /** The server said its time was `serverTime` (epoch ms) as of `received` (this browser's clock when it arrived). */
  sync(serverTime: number | undefined, received = Date.now()): void {
    if (serverTime !== undefined && Number.isFinite(serverTime)) this.offset = serverTime - received
  }

  /** The server's time now, in epoch ms. */
  now(): number {
    return Date.now() + this.offset
  }
}
