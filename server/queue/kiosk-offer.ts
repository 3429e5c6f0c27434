import type { QueueContext } from './queue-context.ts'
import type { Actor } from './actor.ts'
import { domainError, ErrorCodes } from '../errors.ts'

/**
 * A kiosk sells only the services its device config offers (`serviceIds`; absent: all), so a
 * first-floor kiosk cannot issue a ground-floor ticket even when asked directly: 403
 * TABOUR_ERR_SERVICE_NOT_OFFERED_HERE. Staff and other devices are not limited.
 */
export function assertOfferedHere(ctx: QueueContext, actor: Actor, service: { id: number; prefix: string }): void {
  if (actor.type !== 'device' || actor.kind !== 'kiosk') return
  const offered = ctx.devices.get(actor.id)?.config.serviceIds
  if (!Array.isArray(offered) || offered.includes(service.id)) return
  throw domainError(ErrorCodes.SERVICE_NOT_OFFERED_HERE, `this kiosk does not offer service ${service.prefix}`)
}
