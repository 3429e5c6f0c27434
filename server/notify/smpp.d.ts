/** The part of the `smpp` package (0.5.1, plain JavaScript) that server/notify/smpp-provider.ts and its tests use. */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events'
  import type { Server as NetServer, Socket } from 'node:net'

  /** A short_message / message_payload: text (encoded by data_coding) or a buffer, with an optional user data header. */
  export type ShortMessage = string | Buffer | { udh?: Buffer | Buffer[]; message: string | Buffer }

  export class PDU {
    constructor(command: string, options?: Record<string, unknown>)
    command: string
    command_status: number
    sequence_number: number
    isResponse(): boolean
    response(options?: Record<string, unknown>): PDU
    // every other field of the PDU (system_id, short_message, esm_class, data_coding, message_id, TLVs…)
    [field: string]: unknown
  }

  export class Session extends EventEmitter {
    socket: Socket
    send(pdu: PDU, responseCallback?: (pdu: PDU) => void, sendCallback?: (pdu: PDU) => void): boolean
    bind_transceiver(options: Record<string, unknown>, responseCallback?: (pdu: PDU) => void): boolean
    submit_sm(options: Record<string, unknown>, responseCallback?: (pdu: PDU) => void): boolean
    deliver_sm(options: Record<string, unknown>, responseCallback?: (pdu: PDU) => void): boolean
    enquire_link(options?: Record<string, unknown>, responseCallback?: (pdu: PDU) => void): boolean
    unbind(options?: Record<string, unknown>, responseCallback?: (pdu: PDU) => void): boolean
    pause(): void
    resume(): void
    close(callback?: () => void): void
    destroy(callback?: () => void): void
  }

  export class Server extends NetServer {
    sessions: Session[]
  }

  export interface ConnectOptions {
    url?: string
    host?: string
    port?: number
    /** Sends enquire_link every this many ms while connected. */
    auto_enquire_link_period?: number
  }

  export function connect(options: ConnectOptions | string, listener?: () => void): Session
  export function createServer(listener?: (session: Session) => void): Server
  export function createServer(options: Record<string, unknown>, listener?: (session: Session) => void): Server

  export const ESME_ROK: number
  export const ESME_RTHROTTLED: number
  export const ESME_RMSGQFUL: number
  export const ESME_RBINDFAIL: number
  export const ESME_RINVDSTADR: number
  export const ESME_RSYSERR: number
}
