/**
 * Messages to citizens, assembled from the config: the provider it names, the scanner that
 * makes messages from the event log and the notifier that sends them. Off (null) with provider
 * none; a provider named without its credentials stops the start with a clear error.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/connection.ts'
import type { Config } from '../config.ts'
import { ConfigError } from '../config.ts'
import type { Queue } from '../queue/queue.ts'
import { MessageScanner } from './message-scanner.ts'
import { Notifier } from './notifier.ts'
import type { MessageProvider } from './provider.ts'
import { SmppProvider } from './smpp-provider.ts'
import { HttpSmsProvider } from './http-sms-provider.ts'
import { WhatsAppProvider } from './whatsapp-provider.ts'

export interface Messaging {
  scanner: MessageScanner
  notifier: Notifier
  provider: MessageProvider
}

/** The provider `config.messages.provider` names; throws ConfigError when its credentials are missing. */
export function providerFor(config: Config['messages']): MessageProvider | null {
  const timeoutMs = config.timeoutSeconds * 1000
  switch (config.provider) {
    case 'none':
      return null
    case 'smpp': {
      const { url, systemId } = config.smpp
      if (!url || !systemId) throw new ConfigError('invalid config: /messages/provider smpp needs /messages/smpp/url and systemId')
      return new SmppProvider({ ...config.smpp, url, systemId }, timeoutMs)
    }
    case 'http': {
      const { url } = config.http
      if (!url) throw new ConfigError('invalid config: /messages/provider http needs /messages/http/url')
      return new HttpSmsProvider({ ...config.http, url }, timeoutMs)
    }
    case 'whatsapp': {
      const { phoneNumberId, token } = config.whatsapp
      if (!phoneNumberId || !token)
        throw new ConfigError('invalid config: /messages/provider whatsapp needs /messages/whatsapp/phoneNumberId and token')
      return new WhatsAppProvider({ ...config.whatsapp, phoneNumberId, token }, timeoutMs)
    }
  }
}

export interface MessagingDeps {
  db: Db
  config: Config
  queue: Queue
  log: FastifyBaseLogger
  clock: () => number
  publicBase: () => string
  /** Default: the one the config names. */
  provider?: MessageProvider
}

/** The messaging parts, or null when no provider is configured. */
export function createMessaging(deps: MessagingDeps): Messaging | null {
  const provider = deps.provider ?? providerFor(deps.config.messages)
  if (!provider) return null
  const scanner = new MessageScanner({
    db: deps.db,
    config: deps.config,
    standing: (t) => deps.queue.view.standing(t),
    publicBase: deps.publicBase,
  })
  const notifier = new Notifier({ scanner, provider, config: deps.config, events: deps.queue.events, log: deps.log, clock: deps.clock })
  return { scanner, notifier, provider }
}
