import type { Config } from './config.ts'

/**
 * Whether the center can send messages to citizens at all (config `messages.provider` other
 * than 'none'). Screens read it (GET /center, /remote/services, /appointments/services) so they
 * never promise a text the center cannot send, and a consent is recorded only when it is true.
 */
export function messagesOn(config: Partial<Pick<Config, 'messages'>>): boolean {
  return config.messages !== undefined && config.messages.provider !== 'none'
}
