/**
 * How a kiosk or a display page becomes a device of the center and stays one: the stored
 * token, the pairing code (typed, or `?pair=` in the address), the check that the code was for
 * this kind of device, and going back to the code screen when the token stops working. The
 * screen's session owns everything else (its feed, what it loads) and is called back here.
 */
import type { ReactiveControllerHost } from 'lit'
import type { Device } from '../protocol/entities.ts'
import { ErrorCodes } from '../protocol/error-codes.ts'
import { ApiError, NetworkError, requestJson } from './api-client.ts'
import { apiUrl } from './base-path.ts'
import { normalizePairingCode, PAIRING_CODE_LENGTH } from './pairing-code.ts'
import type { PairingMessageKey } from '../protocol/messages/pairing.ts'
import { forgetForPage, pageDevice, startToken } from './start-data.ts'
import { TokenStore, tokenKey } from './token-store.ts'

/** The kinds of device that pair from a browser page. */
export type PairedKind = 'kiosk' | 'display' | 'feedback'

export interface DevicePairingHooks {
  /** A code was just traded for a token of the right kind: apply the device's config, then start. */
  onPaired(device: Device): void | Promise<void>
  /** There is a token (stored, or just paired): connect and load with it. */
  onStart(): void | Promise<void>
}

/** The message for a failed pairing. */
function pairingErrorOf(err: unknown): PairingMessageKey {
  if (err instanceof NetworkError) return 'pair.network'
  if (err instanceof ApiError && err.code === ErrorCodes.RATE_LIMITED) return 'pair.rateLimited'
  if (err instanceof ApiError && (err.code === ErrorCodes.BAD_PAIRING_CODE || err.code === ErrorCodes.VALIDATION)) return 'pair.badCode'
  return 'pair.failed'
}

/** What the pairing screen says when a code of another kind of device was typed, and after a revocation. */
const MESSAGES: Record<PairedKind, { wrongKind: PairingMessageKey; revoked: PairingMessageKey }> = {
  kiosk: { wrongKind: 'pair.notKiosk', revoked: 'pair.revoked' },
  display: { wrongKind: 'pair.notDisplay', revoked: 'pair.revokedDisplay' },
  feedback: { wrongKind: 'pair.notFeedback', revoked: 'pair.revokedFeedback' },
}

export class DevicePairing {
  /** starting: reading the token; pairing: the code screen; ready: paired (reachable or not). */
  phase: 'starting' | 'pairing' | 'ready' = 'starting'
  /** Why the pairing screen is shown (a wrong code, revoked…), or null. */
  error: PairingMessageKey | null = null
  busy = false
  /** The code to show on the pairing screen (from `?pair=`). */
  code = ''
  token: string | null = null
  /** The token in localStorage, one per device kind and base path: a kiosk and a display in one browser keep their own. */
  private readonly store: TokenStore

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly kind: PairedKind,
    readonly base: string,
    private readonly hooks: DevicePairingHooks,
    /** The page keeps its token in a cookie too, and the center draws its first screen for it (ui-common/start-data.ts). */
    private readonly startData = false,
  ) {
    this.store = new TokenStore(tokenKey(`${kind}-token`, base), 'local')
  }

  /** Starts: pairs with `?pair=` in `search` if there is one, else uses the stored token. */
  async boot(search: string): Promise<void> {
    const raw = new URLSearchParams(search).get('pair')
    const code = normalizePairingCode(raw ?? '')
    const stored = this.store.load()?.token ?? null
    const start = this.startData ? startToken(stored, pageDevice()) : { token: stored, save: false, refused: false }
    this.token = start.token
    if (start.save && start.token !== null) this.store.save({ token: start.token })
    if (start.refused) this.clear()
    if (code.length === PAIRING_CODE_LENGTH) {
      // a kiosk or TV whose launcher opens the ?pair= URL on every boot keeps the token it has once the code is spent
      const paired = await this.pair(code, this.token !== null)
      if (paired || this.token === null) return
    }
    if (this.token === null) this.show(raw ? 'pair.badCode' : start.refused ? MESSAGES[this.kind].revoked : null, code)
    else await this.start()
  }

  /** Pairs with `code`; on failure shows the pairing screen with the reason, unless `keepCurrent`. */
  async pair(code: string, keepCurrent: boolean): Promise<boolean> {
    this.update(() => {
      this.busy = true
      this.error = null
    })
    try {
      const { token, device } = await requestJson<{ token: string; device: Device }>(apiUrl(this.base, '/devices/pair'), {
        method: 'POST',
        body: { pairingCode: code },
      })
      if (device.kind !== this.kind) {
        this.show(MESSAGES[this.kind].wrongKind, '')
        return false
      }
      this.store.save({ token })
      this.token = token
      await this.hooks.onPaired(device)
      await this.start()
      return true
    } catch (err) {
      if (!keepCurrent) this.show(pairingErrorOf(err), code)
      return false
    } finally {
      this.update(() => (this.busy = false))
    }
  }

  /** The token no longer works (revoked, or paired again elsewhere): forget it, back to the code screen. */
  forget(): void {
    this.clear()
    this.show(MESSAGES[this.kind].revoked, '')
  }

  /** No token anywhere: not in storage, not in the page's cookie (its page is served plain again). */
  private clear(): void {
    this.store.clear()
    this.token = null
    if (this.startData) forgetForPage(this.base, this.kind)
  }

  /**
   * The socket was refused: asks over HTTP whether the token still works and answers true when
   * the server said 401 to this very token (the caller then unpairs); anything else is an outage.
   */
  async tokenRevoked(): Promise<boolean> {
    const token = this.token
    if (token === null) return false
    try {
      await requestJson(apiUrl(this.base, '/center'), { token })
      return false
    } catch (err) {
      return err instanceof ApiError && err.status === 401 && token === this.token
    }
  }

  private async start(): Promise<void> {
    this.update(() => (this.phase = 'ready'))
    await this.hooks.onStart()
  }

  private show(error: PairingMessageKey | null, code: string): void {
    this.update(() => {
      this.phase = 'pairing'
      this.error = error
      this.code = code
    })
  }

  private update(change: () => unknown): void {
    change()
    this.host.requestUpdate()
  }
}
