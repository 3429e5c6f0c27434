import { afterEach, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { zoneLines } from '../../../display-ui/zone-lines.ts'
import type { Counter, PublicTicket } from '../../../protocol/entities.ts'

const AWAY_AFTER = 180

let center: TestCenter | undefined
afterEach(async () => center?.close())

/**
 * A counter opened over the API (no console) is not judged away in the server's life it was opened
 * in; after a restart it is held with no console, so it is away after queue.awayAfterSeconds
 * (server/realtime/console-presence.ts), and its services are off sale. Every screen must then say
 * the same of it: the kiosk (unstaffed), the display (no counter is open here) and the status page
 * (the counter a ticket was sent to is not open; no "go to counter 1" to put a no-show back). The
 * display and the status page still read it as open (s49, found on the hub walk).
 */
it('a counter away after a restart reads as not serving on the kiosk, the display and the status page alike', async () => {
  const clock = new TestClock()
  const first = await TestCenter.start({ clock, config: { queue: { awayAfterSeconds: AWAY_AFTER } } })
  center = first
  const a = await first.createService({ prefix: 'A', whenUnstaffed: 'not-offered' })
  const c1 = await first.createCounter({ number: 1, serviceIds: [a.id] })
  const c2 = await first.createCounter({ number: 2, serviceIds: [a.id] })
  await first.openCounterAs('clerk1', c1.id)
  const clerk2 = await first.openCounterAs('clerk2', c2.id)
  const kiosk = (await first.createDevice('kiosk')).token
  const [sent, missed] = [await first.issue(kiosk, { serviceId: a.id }), await first.issue(kiosk, { serviceId: a.id })]
  // counter 2 sends one ticket to counter 1 and marks the next a no-show, then closes
  for (const [step, body] of [
    ['call-next', undefined],
    ['transfer', { counterId: c1.id }],
    ['call-next', undefined],
    ['no-show', undefined],
    ['close', undefined],
  ] as const) {
    const res = await first.action(clerk2, c2.id, step, body)
    expect(res.statusCode, `${step} ${res.body}`).toBe(200)
  }
  // in this server's life counter 1 was opened over the API with no console: not judged
  clock.advance(AWAY_AFTER * 2)
  expect(first.app.tabour.realtime.presence.sweep()).toEqual([])

  // a restart on the same data: counter 1 is held at the start with no console, and away after the setting
  await first.app.close()
  const again = new TestCenter({ clock, config: { dataDir: first.dataDir, queue: { awayAfterSeconds: AWAY_AFTER } } })
  center = again
  await again.app.ready()
  clock.advance(AWAY_AFTER)
  expect(again.app.tabour.realtime.presence.sweep()).toEqual([c1.id])

  const manager = (await again.createUser('manager', 'manager')).token
  const counters = (await again.request('GET', '/api/v1/counters', { token: manager })).json() as Counter[]
  expect(counters.find((c) => c.id === c1.id)).toMatchObject({ state: 'open', awaySince: expect.any(String) })
  // the kiosk: nobody serves the line
  const kioskAgain = (await again.createDevice('kiosk')).token
  const service = (await again.request('GET', '/api/v1/services', { token: kioskAgain })).json()[0]
  expect(service).toMatchObject({ id: a.id, staffed: false, available: false, estimatedWaitSeconds: null })
  // the display: no counter of its zone serves, so it says so under the lines
  expect(zoneLines(counters).noneOpen).toBe(true)
  // the status page: the counter the ticket was sent to is not open, and no counter can put the no-show back now
  const page = async (id: string) => (await again.request('GET', `/api/v1/tickets/${id}`)).json() as PublicTicket
  expect((await page(sent.id)).waitsFor).toEqual({ number: 1, name: expect.any(String), open: false })
  expect((await page(missed.id)).noShow).toMatchObject({ counters: [] })
})
