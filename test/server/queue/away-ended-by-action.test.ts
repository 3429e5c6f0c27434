/**
 * An away counter (no live console for queue.awayAfterSeconds) whose clerk acts on it over the API
 * is present again, as the README's "Away" says: the walk of s50 found a clerk working a counter by
 * REST after the console tab closed, the counter marked away and left out of every estimate and of
 * a no-show's counters to go back to. Before, only opening, pausing or closing ended the spell.
 */
import { afterEach, expect, it } from 'vitest'
import type { Counter } from '../../../protocol/entities.ts'
import { TestCenter } from '../../helpers/test-center.ts'

let center: TestCenter | undefined
afterEach(async () => center?.close())

it('a call, a start or a finish by its clerk ends the away spell, logged as counter.back by the action', async () => {
  center = await TestCenter.start()
  const a = await center.createService({ prefix: 'A' })
  const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk = await center.createUser('clerk1')
  expect((await center.action(clerk.token, counter.id, 'open')).statusCode).toBe(200)
  await center.issue(kiosk, { serviceId: a.id })
  const awaySince = async () =>
    ((await center!.request('GET', `/api/v1/counters/${counter.id}`, { token: clerk.token })).json() as Counter).awaySince

  expect(center.app.tabour.queue.away.markAway(counter.id, clerk.id, Date.now() + 1)).toBe(true)
  expect(await awaySince()).not.toBeNull()
  const call = await center.action(clerk.token, counter.id, 'call-next')
  expect(call.statusCode, call.body).toBe(200)
  // the call's own answer already has its counter present
  expect(call.json().counter.awaySince).toBeNull()
  expect(await awaySince()).toBeNull()
  const backs = center.app.tabour.db
    .prepare(`SELECT json_extract(data, '$.by') AS by FROM events WHERE type = 'counter.back' AND counter_id = ?`)
    .all(counter.id)
  expect(backs).toEqual([{ by: 'action' }])

  // away again while the citizen is at the counter: starting the service ends it as well
  expect(center.app.tabour.queue.away.markAway(counter.id, clerk.id, Date.now() + 2)).toBe(true)
  expect((await center.action(clerk.token, counter.id, 'start')).statusCode).toBe(200)
  expect(await awaySince()).toBeNull()
})
