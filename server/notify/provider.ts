/**
 * What every SMS or WhatsApp provider does for the outbox: send one message and say what the
 * provider called it, or say why not in one of three ways the outbox acts on (down: retry with
 * backoff; garbage: retry, the answer is logged; refused: failed for good). Delivery receipts
 * come back through `onReceipt`.
 */
import type { Lang } from '../../protocol/common.ts'
import type { MessageKind } from '../../protocol/messages/citizen.ts'
import type { MessageValues } from '../../protocol/messages/format.ts'
import { ErrorCodes, type ErrorCode } from '../../protocol/error-codes.ts'

export type ProviderName = 'smpp' | 'http' | 'whatsapp'

/** One message as the outbox hands it to a provider. */
export interface OutgoingMessage {
  id: number
  /** Unique per message for ever; providers that take one get it, so a resend after a lost answer is recognized. */
  idempotencyKey: string
  kind: MessageKind
  /** E.164 digits without the plus. */
  phone: string
  lang: Lang
  /** The rendered text (SMS). */
  body: string
  /** The template's values (WhatsApp template parameters). */
  params: MessageValues
}

/** The ids the provider gave: one per part of a long SMS. */
export interface SendResult {
  providerMessageIds: string[]
}

export type ReceiptStatus = 'delivered' | 'failed' | 'expired'

export interface Receipt {
  providerMessageId: string
  status: ReceiptStatus
}

export type ProviderFailure = 'down' | 'garbage' | 'refused'

const FAILURE_CODE: Record<ProviderFailure, ErrorCode> = {
  down: ErrorCodes.MESSAGE_PROVIDER_DOWN,
  garbage: ErrorCodes.MESSAGE_PROVIDER_GARBAGE,
  refused: ErrorCodes.MESSAGE_REFUSED,
}

/** Why a provider did not take a message; `code` is the stable error code recorded with it. */
export class ProviderError extends Error {
  readonly code: ErrorCode
  constructor(
    readonly failure: ProviderFailure,
    message: string,
  ) {
    super(message)
    this.name = 'ProviderError'
    this.code = FAILURE_CODE[failure]
  }
}

/** What device health shows of a provider. */
export interface ProviderHealth {
  provider: ProviderName
  /** Connected and bound (SMPP) or answering (HTTP: the last request got an answer). */
  up: boolean
  lastError: string | null
  /** When `up` last changed (epoch ms); null before the first attempt. */
  since: number | null
}

export interface MessageProvider {
  readonly name: ProviderName
  send(message: OutgoingMessage): Promise<SendResult>
  /** Registers the listener for delivery receipts (the provider calls it as they come). */
  onReceipt(listener: (receipt: Receipt) => void): void
  health(): ProviderHealth
  close(): Promise<void>
}

/** Tracks a provider's up/down for `health()`. */
export class HealthTracker {
  private state: ProviderHealth
  constructor(provider: ProviderName) {
    this.state = { provider, up: false, lastError: null, since: null }
  }
  up(): void {
    if (!this.state.up || this.state.since === null) this.state = { ...this.state, up: true, since: Date.now() }
  }
  down(error: string): void {
    this.state = {
      ...this.state,
      up: false,
      lastError: error.slice(0, 300),
      since: this.state.up || this.state.since === null ? Date.now() : this.state.since,
    }
  }
  get(): ProviderHealth {
    return this.state
  }
}
