/**
 * Every configuration change made over the API lands in the event log as `config.changed`
 * with the acting user: creating or editing services, counters, users and devices, pairing
 * codes and revocations, the news line and the center settings. One onResponse hook on API v1
 * (registered in routes/index.ts), so no route can forget it; only successful changes are
 * logged, and passwords never are.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/** Route patterns (relative to /api/v1) whose successful POST/PATCH/PUT/DELETE is a configuration change. */
const AUDITED = [
  /^\/services(\/:id)?$/,
  /^\/counters(\/:id)?$/,
  /^\/users(\/:id)?$/,
  /^\/devices(\/:id(\/[a-z-]+)?)?$/,
  /^\/center\/news$/,
  /^\/settings$/,
]
const SECRET = new Set(['password', 'token', 'pairingCode'])

function redact(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body ?? null
  return Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, SECRET.has(k) ? '***' : v]))
}

/** The route pattern under /api/v1 (`/services/:id`), or null for other routes. */
export function auditedRoute(url: string | undefined): string | null {
  if (!url) return null
  const i = url.indexOf('/api/v1/')
  if (i < 0) return null
  const route = url.slice(i + '/api/v1'.length)
  if (route === '/devices/pair') return null
  return AUDITED.some((re) => re.test(route)) ? route : null
}

export function installAudit(app: FastifyInstance): void {
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return
    if (reply.statusCode >= 400) return
    const route = auditedRoute(request.routeOptions.url)
    const actor = request.actor
    if (!route || !actor || actor.type !== 'user') return
    try {
      const { queue, clock } = app.tabour
      const now = clock()
      queue.ctx.events.append({
        at: now,
        day: queue.ctx.dayOf(now),
        type: 'config.changed',
        userId: actor.id,
        data: {
          method: request.method,
          route,
          params: (request.params ?? {}) as Record<string, unknown>,
          body: redact(request.body),
          status: reply.statusCode,
        },
      })
    } catch (err) {
      request.log.error({ err }, 'audit: could not log a configuration change')
    }
  })
}
