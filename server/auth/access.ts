import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../queue/actor.ts'
import type { DeviceKind, Role } from '../../protocol/common.ts'
import { ErrorCodes, domainError } from '../errors.ts'

/** Who may call a route: staff roles and device kinds. */
export type Grant = Role | DeviceKind

export const STAFF: Grant[] = ['admin', 'manager', 'clerk']
export const MANAGERS: Grant[] = ['admin', 'manager']
export const ADMINS: Grant[] = ['admin']

/** The actor of an authenticated request (routes behind `allow()` only). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw domainError(ErrorCodes.UNAUTHENTICATED, 'a bearer token is required')
  return request.actor
}

export function grantOf(actor: Actor): Grant | null {
  if (actor.type === 'user') return actor.role
  if (actor.type === 'device') return actor.kind
  return null
}

/**
 * A preValidation hook that lets through only the given roles and device kinds (401 without a
 * token, 403 otherwise). It runs before body validation: a stranger learns nothing about a body's schema.
 */
export function allow(...grants: Grant[]) {
  const allowed = new Set(grants)
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.authError) throw request.authError
    const actor = actorOf(request)
    const grant = grantOf(actor)
    if (!grant || !allowed.has(grant)) {
      throw domainError(ErrorCodes.FORBIDDEN, `a ${grant ?? 'caller'} may not do this`)
    }
  }
}
