import { RetryLaterError } from '../errors.ts'

/** Keys tracked per kind at most; past it the oldest window is forgotten (random usernames must not grow memory without end). */
const MAX_KEYS = 50_000

/** Counts per key in fixed windows that start with the key's first count. */
class WindowCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()

  constructor(private readonly windowMs: number) {}

  /** The count in the key's current window. */
  count(key: string, now: number): number {
    const w = this.windows.get(key)
    return w && w.resetAt > now ? w.count : 0
  }

  /** Seconds until the key's window ends (at least 1). */
  secondsLeft(key: string, now: number): number {
    const w = this.windows.get(key)
    return Math.max(1, Math.ceil(((w?.resetAt ?? now) - now) / 1000))
  }

  add(key: string, now: number): void {
    const w = this.windows.get(key)
    if (w && w.resetAt > now) {
      w.count++
      return
    }
    this.windows.delete(key)
    if (this.windows.size >= MAX_KEYS) this.prune(now)
    this.windows.set(key, { count: 1, resetAt: now + this.windowMs })
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key)
    // still full: forget the oldest windows (Map keeps insertion order)
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_KEYS) break
      this.windows.delete(key)
    }
  }
}

/** What LoginLimiter needs from config `logins`. */
export interface LoginLimits {
  maxPerAddress: number
  maxFailuresPerUsername: number
  windowSeconds: number
}

/**
 * Login limits that a flood or a password spray cannot walk around: every attempt counts
 * against its client address whatever username it tries, and every failure counts against its
 * username whatever address it comes from. Once either is over, the login is refused before any
 * password is hashed (even a right one, or the spray would learn it), with the seconds to wait.
 * The per address-and-username throttle (config auth) still runs before this.
 */
export class LoginLimiter {
  private readonly perAddress: WindowCounter
  private readonly perUsername: WindowCounter

  constructor(
    private readonly limits: LoginLimits,
    private readonly clock: () => number,
  ) {
    this.perAddress = new WindowCounter(limits.windowSeconds * 1000)
    this.perUsername = new WindowCounter(limits.windowSeconds * 1000)
  }

  /** Counts an attempt from `address`; RetryLaterError when the address or the username is over its limit. */
  attempt(address: string, username: string): void {
    const now = this.clock()
    const name = username.toLowerCase()
    if (this.perAddress.count(address, now) >= this.limits.maxPerAddress) {
      const seconds = this.perAddress.secondsLeft(address, now)
      throw new RetryLaterError(`too many login attempts from this address; try again in ${seconds} s`, seconds)
    }
    if (this.perUsername.count(name, now) >= this.limits.maxFailuresPerUsername) {
      const seconds = this.perUsername.secondsLeft(name, now)
      throw new RetryLaterError(`too many failed logins for this username; try again in ${seconds} s`, seconds)
    }
    this.perAddress.add(address, now)
  }

  /** Counts a failed login against its username. */
  failed(username: string): void {
    this.perUsername.add(username.toLowerCase(), this.clock())
  }
}
