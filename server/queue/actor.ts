import type { Role, DeviceKind } from '../../protocol/common.ts'

/** Who is acting: a logged-in user or a paired device. Recorded on every event. */
export type Actor =
  | { type: 'user'; id: number; role: Role; username: string }
  | { type: 'device'; id: number; kind: DeviceKind; zone: string | null }
  /** `hub`: the hub's configuration bundle, applied through the commands (its audit rows say so, not "the request as received"). */
  | { type: 'system'; hub?: true }

export const actorIds = (actor: Actor) => ({
  userId: actor.type === 'user' ? actor.id : null,
  deviceId: actor.type === 'device' ? actor.id : null,
})
