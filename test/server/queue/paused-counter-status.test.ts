import { afterEach, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { waitText } from '../../../protocol/messages/ticket.ts'
import { statusText } from '../../../protocol/messages/status.ts'

let center: TestCenter | undefined
afterEach(async () => center?.close())

/**
 * Walk s52: counter 1 was open but paused for prayer, and A-003's status page said "No counter serving
 * this service is open now; calls start when one opens". The public ticket says how many counters of
 * its service are paused (clerk present) while none calls, so the page says they are paused and calls
 * resume when one is back; an away clerk's counter serves nobody, and the page keeps "no counter is open".
 */
it('a waiting ticket whose only counter is paused says so; resumed or away, it does not', async () => {
  center = await TestCenter.start()
  const a = await center.createService({ prefix: 'A' })
  const one = await center.createCounter({ number: 1, serviceIds: [a.id] })
  await center.createCounter({ number: 2, serviceIds: [a.id] }) // closed: neither paused nor calling
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk = await center.createUser('clerk1')
  expect((await center.action(clerk.token, one.id, 'open')).statusCode).toBe(200)
  expect((await center.action(clerk.token, one.id, 'pause', { reason: 'prayer' })).statusCode).toBe(200)
  const ticket = await center.issue(kiosk, { serviceId: a.id })
  const page = async () => (await center!.request('GET', `/api/v1/tickets/${ticket.id}`)).json()

  expect(await page()).toMatchObject({ status: 'waiting', estimatedWaitSeconds: null, pausedCounters: 1 })
  // the kiosk's tile: staffed (the paused counter's clerk is there), no estimate
  const tile = ((await center.request('GET', '/api/v1/services', { token: kiosk })).json() as { id: number }[]).find((s) => s.id === a.id)
  expect(tile).toMatchObject({ staffed: true, estimatedWaitSeconds: null })

  expect((await center.action(clerk.token, one.id, 'open')).statusCode).toBe(200)
  const resumed = await page()
  expect(resumed.estimatedWaitSeconds).not.toBeNull()
  expect(resumed.pausedCounters).toBeUndefined()

  expect((await center.action(clerk.token, one.id, 'pause', { reason: 'prayer' })).statusCode).toBe(200)
  center.app.tabour.queue.away.markAway(one.id, clerk.id, Date.now())
  expect((await page()).pausedCounters).toBeUndefined()
})

it('the words: paused counters are not "no counter open", in Arabic and English', () => {
  expect(waitText(null, 'en', undefined, true)).toBe('unknown, the service is paused for now')
  expect(waitText(null, 'ar', undefined, true)).toBe('غير معروف، الخدمة متوقفة مؤقتًا')
  expect(waitText(null, 'en')).toBe('unknown, no counter is serving now')
  expect(statusText('status.countersPaused', 'en', { n: 1 })).toBe(
    'The counter serving this service is paused; calls resume when it is back.',
  )
  expect(statusText('status.countersPaused', 'ar', { n: 2 })).toContain('متوقفة مؤقتًا')
})
