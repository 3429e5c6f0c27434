import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'

let center: TestCenter | undefined
afterEach(async () => center?.close())

/** How counter 3 (C first, F as its backup line) is when a citizen looks at tile F. */
type Counter3 = 'open' | 'paused' | 'away' | 'closed'

/**
 * The demo of 2026-12-07: five C tickets wait; F is served only by counter 3 as a backup line
 * (weight 0: F only when no C waits) and by counter 6, closed. A ticket of F taken now: what its
 * tile says ahead of it, what it prints, and what its status page says right after. Real center,
 * real routes.
 */
async function figuresOfF(counter3: Counter3, counter6Open = false) {
  center = await TestCenter.start()
  const c = await center.createService({ prefix: 'C' })
  const f = await center.createService({ prefix: 'F' })
  const three = await center.createCounter({
    number: 3,
    services: [
      { serviceId: c.id, weight: 1 },
      { serviceId: f.id, weight: 0 },
    ],
  })
  const six = await center.createCounter({ number: 6, serviceIds: [f.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk = await center.createUser('clerk3')
  if (counter3 !== 'closed') expect((await center.action(clerk.token, three.id, 'open')).statusCode).toBe(200)
  if (counter3 === 'paused') expect((await center.action(clerk.token, three.id, 'pause', { reason: 'prayer' })).statusCode).toBe(200)
  // an away clerk: no live console for queue.awayAfterSeconds (the realtime layer marks it so)
  if (counter3 === 'away') center.app.tabour.queue.away.markAway(three.id, clerk.id, Date.now())
  if (counter6Open) await center.openCounterAs('clerk6', six.id)
  for (let i = 0; i < 5; i++) await center.issue(kiosk, { serviceId: c.id })

  const tile = ((await center.request('GET', '/api/v1/services', { token: kiosk })).json() as { id: number; ahead: number }[]).find(
    (s) => s.id === f.id,
  )!.ahead
  const ticket = await center.issue(kiosk, { serviceId: f.id })
  const page = (await center.request('GET', `/api/v1/tickets/${ticket.id}`)).json() as { position: number }
  return { tile, printed: ticket.position as number, page: page.position }
}

describe("people ahead of a new ticket of a line served only as a counter's backup: tile, paper and status page agree", () => {
  it('counter 3 open: the five C tickets it calls first are ahead', async () => {
    expect(await figuresOfF('open')).toEqual({ tile: 5, printed: 5, page: 5 })
  })

  it('counter 3 paused: its clerk comes back and calls the five C tickets first', async () => {
    expect(await figuresOfF('paused')).toEqual({ tile: 5, printed: 5, page: 5 })
  })

  // the demo's «أمامك: ٥» on a line with nobody in it: an away counter serves nobody (staffing.ts),
  // so it is not played as though it came back; nobody serves F, so its own line is ahead (empty)
  it("counter 3 away: nobody serves F, so F's own line is ahead of it: nobody", async () => {
    expect(await figuresOfF('away')).toEqual({ tile: 0, printed: 0, page: 0 })
  })

  it("counter 3 closed: F's own line, nobody", async () => {
    expect(await figuresOfF('closed')).toEqual({ tile: 0, printed: 0, page: 0 })
  })

  it('counter 3 away and counter 6 open: counter 6 calls F first, nobody ahead', async () => {
    expect(await figuresOfF('away', true)).toEqual({ tile: 0, printed: 0, page: 0 })
  })
})
