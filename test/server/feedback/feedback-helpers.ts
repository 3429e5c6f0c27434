import type { TestCenter } from '../../helpers/test-center.ts'

/** Creates a feedback tablet bound to `counterId` (or unbound) through the API and pairs it like a kiosk; returns its id and token. */
export async function pairFeedbackTablet(
  center: TestCenter,
  counterId: number | null,
  name = 'tablet',
): Promise<{ id: number; token: string }> {
  const created = await center.request('POST', '/api/v1/devices', {
    token: await center.admin(),
    body: { kind: 'feedback', name, config: counterId === null ? {} : { counterId } },
  })
  if (created.statusCode !== 201) throw new Error(`create tablet: ${created.statusCode} ${created.body}`)
  const paired = await center.request('POST', '/api/v1/devices/pair', { body: { pairingCode: created.json().pairingCode } })
  if (paired.statusCode !== 200) throw new Error(`pair tablet: ${paired.body}`)
  return { id: created.json().id, token: paired.json().token }
}

/** Calls, starts and finishes the next ticket at a counter; returns the finished ticket. */
export async function serveNext(
  center: TestCenter,
  clerk: string,
  counterId: number,
  outcome?: string,
): Promise<{ id: string; label: string }> {
  const called = await center.action(clerk, counterId, 'call-next')
  if (called.statusCode !== 200 || !called.json().ticket) throw new Error(`call-next: ${called.body}`)
  await center.action(clerk, counterId, 'start')
  const done = await center.action(clerk, counterId, 'finish', outcome ? { outcome } : {})
  if (done.statusCode !== 200) throw new Error(`finish: ${done.body}`)
  return { id: called.json().ticket.id, label: called.json().ticket.label }
}
